using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary><c>Amazon.CDK.AWS.EFS.FileSystem</c> → <c>AWS::EFS::FileSystem</c>. Defaults from Amazon.CDK.Lib 2.160.0's XML docs.</summary>
    public sealed class FileSystemAdapter : ConstructAdapter
    {
        public FileSystemAdapter()
            : base("Amazon.CDK.AWS.EFS.FileSystem", "AWS::EFS::FileSystem")
        {
            // FileSystemProps.Encrypted: "Default: - If your application has the '@aws-cdk/aws-efs:defaultEncryptionAtRest'
            // feature flag set, the default is true, otherwise, the default is false." That flag is one of the v1 flags
            // CDK v2 removed and fixed to true, so in Amazon.CDK.Lib v2 the default is true.
            Map("Encrypted").Default(true, "FileSystemProps.Encrypted: true under @aws-cdk/aws-efs:defaultEncryptionAtRest, always on in CDK v2");

            // FileSystemProps.KmsKey: "The KMS key used for encryption." Its ARN is a token: present, unknown.
            Map("KmsKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));
        }
    }
}
