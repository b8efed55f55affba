using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Redshift
{
    /// <summary>
    /// IAC1023: an <c>AWS::Redshift::Cluster</c> that opts out of encryption at rest with <c>Encrypted: false</c>.
    /// Amazon Redshift encrypts provisioned clusters by default today ("In Amazon Redshift, your database is encrypted by
    /// default to protect your data at rest"), so, like IAC1009 for SQS, a missing <c>Encrypted</c> is clean and only an
    /// explicit false is flagged (in any branch, once per cluster; unknown values never). <c>!Ref AWS::NoValue</c> in a
    /// branch leaves the default (encrypted): not flagged.
    /// </summary>
    public sealed class IAC1023_RedshiftClusterEncryptionDisabled : RequireTrueRule
    {
        public const string Cluster = "AWS::Redshift::Cluster";

        public IAC1023_RedshiftClusterEncryptionDisabled()
            : base(RuleCatalog.RedshiftClusterEncryptionDisabled, Cluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (resource.Properties.GetEntry("Encrypted") == null)
            {
                return;
            }

            RequireTrue(resource, findings, "Redshift cluster '" + resource.Name + "'", resource.Properties, null, "Encrypted", resource.Location,
                "Encrypted is not set", flagRemoved: false);
        }
    }
}
