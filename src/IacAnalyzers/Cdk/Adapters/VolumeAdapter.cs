using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary><c>Amazon.CDK.AWS.EC2.Volume</c> → <c>AWS::EC2::Volume</c>. Defaults from Amazon.CDK.Lib 2.160.0's XML docs.</summary>
    public sealed class VolumeAdapter : ConstructAdapter
    {
        public VolumeAdapter()
            : base("Amazon.CDK.AWS.EC2.Volume", "AWS::EC2::Volume")
        {
            // VolumeProps.Encrypted: "Specifies whether the volume should be encrypted. ... Default: false"
            Map("Encrypted").Default(false, "VolumeProps.Encrypted: false");

            // VolumeProps.EncryptionKey: the KMS key (its ARN is a token: present, unknown).
            Map("EncryptionKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));

            // VolumeProps.SnapshotId: "The snapshot from which to create the volume." A volume from a snapshot inherits its encryption.
            Map("SnapshotId");
        }
    }
}
