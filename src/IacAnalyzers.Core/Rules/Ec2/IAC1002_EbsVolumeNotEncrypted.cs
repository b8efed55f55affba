using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2
{
    /// <summary>
    /// IAC1002: an EBS volume without encryption. CloudFormation: <c>AWS::EC2::Volume.Encrypted</c> defaults to
    /// false. A volume created from a snapshot (<c>SnapshotId</c>) is not checked: it is encrypted whenever the
    /// snapshot is, which the template does not show. Account-level "EBS encryption by default" is invisible to a
    /// template, so a volume relying on it is still flagged (the rule's doc says so).
    /// </summary>
    public sealed class IAC1002_EbsVolumeNotEncrypted : RequireTrueRule
    {
        public const string Volume = "AWS::EC2::Volume";

        public IAC1002_EbsVolumeNotEncrypted()
            : base(RuleCatalog.EbsVolumeNotEncrypted, Volume)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (IsWritten(resource.Properties, "SnapshotId"))
            {
                return;
            }

            RequireTrue(resource, findings, "EBS volume '" + resource.Name + "'", resource.Properties, null, "Encrypted",
                resource.Location, "Encrypted is not set and defaults to false", !resource.PropertiesWritten);
        }
    }
}
