using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// The search domain L2s, <c>Amazon.CDK.AWS.OpenSearchService.Domain</c> (<see cref="DomainAdapter"/>) and the
    /// deprecated <c>Amazon.CDK.AWS.Elasticsearch.Domain</c> (<see cref="ElasticsearchDomainAdapter"/>): encryption at rest
    /// and the cluster shape (node count, zone awareness). Both modules name their props and structs alike
    /// (<c>DomainProps</c>, <c>EncryptionAtRestOptions</c>, <c>CapacityConfig</c>, <c>ZoneAwarenessConfig</c>) with the same
    /// defaults in Amazon.CDK.Lib 2.160.0's XML docs, so the citations below hold for both; they differ in the cluster
    /// configuration's CloudFormation name and in <c>MultiAzWithStandbyEnabled</c> (OpenSearch only).
    /// </summary>
    public abstract class SearchDomainAdapter : ConstructAdapter
    {
        private readonly string clusterConfig;
        private readonly bool hasMultiAzWithStandby;

        /// <param name="constructMetadataName">The L2 construct class.</param>
        /// <param name="resourceType">The CloudFormation type its default child is.</param>
        /// <param name="clusterConfig"><c>ClusterConfig</c> (OpenSearch) or <c>ElasticsearchClusterConfig</c>.</param>
        /// <param name="hasMultiAzWithStandby">Whether <c>CapacityConfig</c> has <c>MultiAzWithStandbyEnabled</c>.</param>
        protected SearchDomainAdapter(string constructMetadataName, string resourceType, string clusterConfig, bool hasMultiAzWithStandby)
            : base(constructMetadataName, resourceType)
        {
            this.clusterConfig = clusterConfig;
            this.hasMultiAzWithStandby = hasMultiAzWithStandby;

            // DomainProps.EncryptionAtRest: "Encryption at rest options for the cluster. Default: - No encryption at rest"
            // (not written → no EncryptionAtRestOptions, which the rule reads as off).
            Map("EncryptionAtRest", "EncryptionAtRestOptions").Convert(EncryptionAtRest);
        }

        /// <summary>
        /// <c>new EncryptionAtRestOptions { Enabled, KmsKey }</c> → <c>{ Enabled, KmsKeyId }</c>. <c>Enabled</c>:
        /// "Specify true to enable encryption at rest. Default: - encryption at rest is disabled."; the construct also
        /// enables it when only <c>KmsKey</c> is given.
        /// </summary>
        private static Value EncryptionAtRest(Value value)
        {
            if (!(value is MapValue options) || CdkValues.TypeName(options) != null)
            {
                return new UnknownValue("encryption options the analyzer cannot read", value.Location, value.Provenance);
            }

            var entries = new List<MapEntry>(2);
            var key = options.GetEntry("KmsKey");
            if (options.GetEntry("Enabled") is MapEntry enabled)
            {
                entries.Add(new MapEntry("Enabled", enabled.KeyLocation, enabled.Value));
            }
            else
            {
                entries.Add(new MapEntry("Enabled", options.Location, key != null
                    ? new ScalarValue("true", ScalarKind.Boolean, options.Location, Provenance.CdkDefault("the CDK default (EncryptionAtRestOptions.Enabled: true when KmsKey is given)"))
                    : new ScalarValue("false", ScalarKind.Boolean, options.Location, Provenance.CdkDefault("the CDK default (EncryptionAtRestOptions.Enabled: encryption at rest is disabled)"))));
            }

            if (key != null)
            {
                entries.Add(new MapEntry("KmsKeyId", key.KeyLocation, new UnknownValue("the ARN of a KMS key", key.Value.Location)));
            }

            return new MapValue(entries, options.Location, options.Provenance);
        }

        /// <summary>
        /// <c>ClusterConfig</c> (<c>ElasticsearchClusterConfig</c>) from <c>Capacity</c> and <c>ZoneAwareness</c>:
        /// <c>CapacityConfig.DataNodes</c> "Default: - 1" → <c>InstanceCount</c>; <c>ZoneAwarenessConfig.Enabled</c>
        /// "Default: - false" → <c>ZoneAwarenessEnabled</c>; <c>ZoneAwarenessConfig.AvailabilityZoneCount</c> "Default: - 2
        /// if zone awareness is enabled" → <c>ZoneAwarenessConfig.AvailabilityZoneCount</c>;
        /// <c>CapacityConfig.MultiAzWithStandbyEnabled</c> "Default: - multi-az with standby if the feature flag
        /// ENABLE_OPENSEARCH_MULTIAZ_WITH_STANDBY is true" → unknown when not written (the flag lives in cdk.json; OpenSearch only);
        /// <c>CapacityConfig.MasterNodes</c> "Default: - no dedicated master nodes" → <c>DedicatedMasterEnabled</c>/<c>DedicatedMasterCount</c>.
        /// </summary>
        protected sealed override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            if (!(input.Props is MapValue props))
            {
                properties.Add(new MapEntry(clusterConfig, input.Location, input.Unknown("props the analyzer cannot know")));
                return;
            }

            var capacity = props.GetEntry("Capacity");
            var zones = props.GetEntry("ZoneAwareness");
            var capacityMap = capacity?.Value as MapValue;
            var zonesMap = zones?.Value as MapValue;
            if ((capacity != null && (capacityMap == null || CdkValues.TypeName(capacityMap) != null))
                || (zones != null && (zonesMap == null || CdkValues.TypeName(zonesMap) != null)))
            {
                properties.Add(new MapEntry(clusterConfig, input.Location, input.Unknown("capacity or zone awareness the analyzer cannot read")));
                return;
            }

            var at = capacityMap?.Location ?? input.Location;
            var config = new List<MapEntry>();
            config.Add(capacityMap?.GetEntry("DataNodes") is MapEntry nodes
                ? new MapEntry("InstanceCount", nodes.KeyLocation, nodes.Value)
                : new MapEntry("InstanceCount", at, new ScalarValue("1", ScalarKind.Number, input.Location, Provenance.CdkDefault("the CDK default (CapacityConfig.DataNodes: 1)"))));

            if (capacityMap?.GetEntry("MasterNodes") is MapEntry masters)
            {
                config.Add(new MapEntry("DedicatedMasterEnabled", masters.KeyLocation, new ScalarValue("true", ScalarKind.Boolean, masters.Value.Location)));
                config.Add(new MapEntry("DedicatedMasterCount", masters.KeyLocation, masters.Value));
            }

            if (hasMultiAzWithStandby)
            {
                config.Add(capacityMap?.GetEntry("MultiAzWithStandbyEnabled") is MapEntry standby
                    ? new MapEntry("MultiAZWithStandbyEnabled", standby.KeyLocation, standby.Value)
                    : new MapEntry("MultiAZWithStandbyEnabled", at, new UnknownValue("the ENABLE_OPENSEARCH_MULTIAZ_WITH_STANDBY feature flag (cdk.json)", input.Location)));
            }

            if (zonesMap?.GetEntry("Enabled") is MapEntry enabled)
            {
                config.Add(new MapEntry("ZoneAwarenessEnabled", enabled.KeyLocation, enabled.Value));
            }
            else
            {
                config.Add(new MapEntry("ZoneAwarenessEnabled", zonesMap?.Location ?? input.Location,
                    new ScalarValue("false", ScalarKind.Boolean, zonesMap?.Location ?? input.Location, Provenance.CdkDefault("the CDK default (ZoneAwarenessConfig.Enabled: false)"))));
            }

            if (zonesMap?.GetEntry("AvailabilityZoneCount") is MapEntry count)
            {
                config.Add(new MapEntry("ZoneAwarenessConfig", count.KeyLocation, new MapValue(new[] { new MapEntry("AvailabilityZoneCount", count.KeyLocation, count.Value) }, count.Value.Location)));
            }

            properties.Add(new MapEntry(clusterConfig, capacity?.KeyLocation ?? input.Location, new MapValue(config, at)));
        }
    }
}
