using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Dms
{
    /// <summary>
    /// IAC2008: DMS replication without Multi-AZ: <c>AWS::DMS::ReplicationInstance.MultiAZ</c> ("Specifies whether the
    /// replication instance is a Multi-AZ deployment. You can't set the AvailabilityZone parameter if the Multi-AZ
    /// parameter is set to true.") and, for DMS Serverless, <c>AWS::DMS::ReplicationConfig.ComputeConfig.MultiAZ</c>
    /// (same meaning, same constraint with <c>ComputeConfig.AvailabilityZone</c>). Missing means false. The fix is
    /// withheld when the matching <c>AvailabilityZone</c> is written (it would be rejected with MultiAZ true). A
    /// replication config without a readable <c>ComputeConfig</c> is not flagged.
    /// </summary>
    public sealed class IAC2008_DmsReplicationInstanceSingleAz : RequireTrueRule
    {
        public const string ReplicationInstance = "AWS::DMS::ReplicationInstance";
        public const string ReplicationConfig = "AWS::DMS::ReplicationConfig";

        public IAC2008_DmsReplicationInstanceSingleAz()
            : base(RuleCatalog.DmsReplicationInstanceSingleAz, ReplicationInstance, ReplicationConfig)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (string.Equals(resource.Type, ReplicationConfig, StringComparison.Ordinal))
            {
                var compute = resource.Properties.GetEntry("ComputeConfig");
                if (compute == null || !(compute.Value is MapValue config))
                {
                    return;
                }

                RequireTrue(resource, findings, "DMS Serverless replication '" + resource.Name + "'", config, null, "MultiAZ", compute.KeyLocation,
                    "ComputeConfig.MultiAZ is not set and defaults to false", offerFix: config.Get("AvailabilityZone") == null);
                return;
            }

            RequireTrue(resource, findings, "DMS replication instance '" + resource.Name + "'", resource.Properties, null, "MultiAZ", resource.Location,
                "MultiAZ is not set and defaults to false", !resource.PropertiesWritten,
                offerFix: resource.Properties.Get("AvailabilityZone") == null);
        }
    }
}
