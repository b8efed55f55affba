using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2
{
    /// <summary>
    /// IAC1002: an EBS volume without encryption. CloudFormation: <c>AWS::EC2::Volume.Encrypted</c> defaults to
    /// false. <c>AWS::WorkspacesInstances::Volume</c> (an EBS volume for a WorkSpaces Instance, with the same
    /// <c>Encrypted</c>, <c>KmsKeyId</c> and <c>SnapshotId</c>) is judged the same way: AWS states no default of its own
    /// for it, and a new EBS volume is unencrypted unless encryption is asked for. A volume created from a snapshot
    /// (<c>SnapshotId</c>) is not checked: it is encrypted whenever the snapshot is, which the template does not show.
    /// Account-level "EBS encryption by default" is invisible to a template, so a volume relying on it is still
    /// flagged (the rule's doc says so).
    /// </summary>
    public sealed class IAC1002_EbsVolumeNotEncrypted : RequireTrueRule
    {
        public const string Volume = "AWS::EC2::Volume";
        public const string WorkSpacesInstancesVolume = "AWS::WorkspacesInstances::Volume";

        public IAC1002_EbsVolumeNotEncrypted()
            : base(RuleCatalog.EbsVolumeNotEncrypted, Volume, WorkSpacesInstancesVolume)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (IsWritten(resource.Properties, "SnapshotId"))
            {
                return;
            }

            var ec2 = resource.IsType(Volume);
            RequireTrue(resource, findings, (ec2 ? "EBS volume '" : "WorkSpaces Instances EBS volume '") + resource.Name + "'",
                resource.Properties, null, "Encrypted", resource.Location,
                ec2 ? "Encrypted is not set and defaults to false" : "Encrypted is not set, and EBS creates a new volume unencrypted",
                !resource.PropertiesWritten);
        }
    }
}
