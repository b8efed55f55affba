using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Dms
{
    /// <summary>
    /// IAC2008: a DMS replication instance without Multi-AZ. <c>AWS::DMS::ReplicationInstance.MultiAZ</c>: "Specifies
    /// whether the replication instance is a Multi-AZ deployment. You can't set the AvailabilityZone parameter if the
    /// Multi-AZ parameter is set to true." Missing means false. The fix is withheld when <c>AvailabilityZone</c> is
    /// written (it would be rejected with MultiAZ true).
    /// </summary>
    public sealed class IAC2008_DmsReplicationInstanceSingleAz : RequireTrueRule
    {
        public const string ReplicationInstance = "AWS::DMS::ReplicationInstance";

        public IAC2008_DmsReplicationInstanceSingleAz()
            : base(RuleCatalog.DmsReplicationInstanceSingleAz, ReplicationInstance)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
            => RequireTrue(resource, findings, resource.Name, resource.Properties, null, "MultiAZ", resource.Location,
                "MultiAZ is not set and defaults to false", !resource.PropertiesWritten,
                offerFix: resource.Properties.Get("AvailabilityZone") == null);
    }
}
