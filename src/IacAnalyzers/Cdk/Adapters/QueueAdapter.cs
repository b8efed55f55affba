using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.SQS.Queue</c> → <c>AWS::SQS::Queue</c>. Amazon.CDK.Lib 2.160.0, <c>QueueProps.Encryption</c>:
    /// "Whether the contents of the queue are encrypted, and by what type of key. ... Default: SQS_MANAGED (SSE-SQS)
    /// for newly created queues"; <c>QueueEncryption.UNENCRYPTED</c>: "Messages in the queue are not encrypted." The
    /// construct writes <c>UNENCRYPTED</c> as <c>SqsManagedSseEnabled: false</c> and <c>SQS_MANAGED</c> as true; the KMS
    /// options set <c>KmsMasterKeyId</c>. Nothing is produced when <c>Encryption</c> is not written: the default is encrypted.
    /// </summary>
    public sealed class QueueAdapter : ConstructAdapter
    {
        public QueueAdapter()
            : base("Amazon.CDK.AWS.SQS.Queue", "AWS::SQS::Queue")
        {
            Map("Encryption", "SqsManagedSseEnabled")
                .Convert(Encryption)
                .FixValue("true", "QueueEncryption.SQS_MANAGED");

            // QueueProps.EncryptionMasterKey: "External KMS key to use for queue encryption." Its ARN is a token: present, unknown.
            Map("EncryptionMasterKey", "KmsMasterKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));
        }

        private static Value Encryption(Value value)
        {
            switch ((value as ScalarValue)?.Text)
            {
                case "UNENCRYPTED":
                    return new ScalarValue("false", ScalarKind.Boolean, value.Location, value.Provenance);
                case "SQS_MANAGED":
                    return new ScalarValue("true", ScalarKind.Boolean, value.Location, value.Provenance);
                default:
                    // KMS_MANAGED / KMS: encrypted with a KMS key (KmsMasterKeyId), not SSE-SQS.
                    return new UnknownValue("KMS encryption", value.Location, value.Provenance);
            }
        }
    }
}
