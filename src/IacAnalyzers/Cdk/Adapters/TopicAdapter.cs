using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.SNS.Topic</c> → <c>AWS::SNS::Topic</c>. Amazon.CDK.Lib 2.160.0, <c>TopicProps.MasterKey</c>:
    /// "A KMS Key, either managed by this CDK app, or imported. Default: None". The construct writes the key's ARN as
    /// <c>KmsMasterKeyId</c> only when <c>MasterKey</c> is given, so a topic without it has no server-side encryption.
    /// </summary>
    public sealed class TopicAdapter : ConstructAdapter
    {
        public TopicAdapter()
            : base("Amazon.CDK.AWS.SNS.Topic", "AWS::SNS::Topic")
        {
            // The ARN of a KMS key is a token: present, unknown. An explicit null stays null (no key).
            Map("MasterKey", "KmsMasterKeyId").Convert(key => key is ScalarValue s && s.Kind == ScalarKind.Null
                ? key
                : new UnknownValue("the ARN of a KMS key", key.Location));
        }
    }
}
