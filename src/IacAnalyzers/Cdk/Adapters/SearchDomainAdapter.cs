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

        /// <summary>Encryption at rest as <c>UseUnsignedBasicAuth</c> changes it, then the cluster configuration.</summary>
        protected sealed override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            CompleteEncryption(input, properties);
            CompleteCluster(input, properties);
        }

        /// <summary>
        /// <c>DomainProps.UseUnsignedBasicAuth</c> (both modules): "Setting this to true will also add an access policy that
        /// allows unsigned access, enable node to node encryption, encryption at rest. ... Default: - false"; domain.js:
        /// "encryptionAtRestEnabled = props.encryptionAtRest?.enabled ?? (props.encryptionAtRest?.kmsKey != null ||
        /// unsignedBasicAuthEnabled)". So with it true, encryption at rest is on unless <c>Enabled</c> is written (an
        /// explicit false makes synth fail). A value the analyzer cannot read makes the defaulted <c>Enabled</c> unknown.
        /// Props chosen by a conditional keep what the rows wrote.
        /// </summary>
        private static void CompleteEncryption(AdapterInput input, List<MapEntry> properties)
        {
            if (!(input.Props is MapValue props) || !(props.GetEntry("UseUnsignedBasicAuth") is MapEntry auth)
                || (auth.Value as ScalarValue)?.AsBoolean() == false)
            {
                return;
            }

            Value Enabled(SourceLocation at) => (auth.Value as ScalarValue)?.AsBoolean() == true
                ? new ScalarValue("true", ScalarKind.Boolean, at, Provenance.CdkDefault("the CDK default (DomainProps.UseUnsignedBasicAuth: true enables encryption at rest)"))
                : (Value)new UnknownValue("UseUnsignedBasicAuth, which enables encryption at rest when true", auth.Value.Location);

            var index = properties.FindIndex(e => AdapterText.SameName(e.Key, "EncryptionAtRestOptions"));
            if (index < 0)
            {
                properties.Add(new MapEntry("EncryptionAtRestOptions", auth.KeyLocation,
                    new MapValue(new[] { new MapEntry("Enabled", auth.KeyLocation, Enabled(input.Location)) }, input.Location)));
                return;
            }

            var options = properties[index];
            properties[index] = new MapEntry(options.Key, options.KeyLocation, CdkConvert.Leaves(options.Value, value =>
            {
                if (!(value is MapValue map) || !(map.GetEntry("Enabled") is MapEntry enabled) || enabled.Value.Origin != ValueOrigin.CdkDefault)
                {
                    return value;
                }

                var entries = new List<MapEntry>(map.Entries.Count);
                foreach (var entry in map.Entries)
                {
                    entries.Add(ReferenceEquals(entry, enabled) ? new MapEntry(entry.Key, entry.KeyLocation, Enabled(enabled.Value.Location)) : entry);
                }

                return new MapValue(entries, map.Location, map.Provenance);
            }));
        }

        /// <summary>
        /// <c>ClusterConfig</c> (<c>ElasticsearchClusterConfig</c>) from <c>Capacity</c> and <c>ZoneAwareness</c>:
        /// <c>CapacityConfig.DataNodes</c> "Default: - 1" → <c>InstanceCount</c>; <c>ZoneAwarenessConfig.Enabled</c>
        /// "Default: - false" → <c>ZoneAwarenessEnabled</c>, but true when <c>AvailabilityZoneCount</c> is given (domain.js, and
        /// the synthesized template); <c>ZoneAwarenessConfig.AvailabilityZoneCount</c> "Default: - 2
        /// if zone awareness is enabled" → <c>ZoneAwarenessConfig.AvailabilityZoneCount</c>;
        /// <c>CapacityConfig.MultiAzWithStandbyEnabled</c> "Default: - multi-az with standby if the feature flag
        /// ENABLE_OPENSEARCH_MULTIAZ_WITH_STANDBY is true" → unknown when not written (the flag lives in cdk.json; OpenSearch only);
        /// <c>CapacityConfig.MasterNodes</c> "Default: - no dedicated master nodes" → <c>DedicatedMasterEnabled</c>/<c>DedicatedMasterCount</c>.
        /// </summary>
        private void CompleteCluster(AdapterInput input, List<MapEntry> properties)
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
            else if (zonesMap?.GetEntry("AvailabilityZoneCount") is MapEntry zoneCount)
            {
                // domain.js: "zoneAwarenessEnabled = props.zoneAwareness?.enabled ?? props.zoneAwareness?.availabilityZoneCount != null"
                // (the XML docs' own example, ZoneAwareness = new ZoneAwarenessConfig { AvailabilityZoneCount = 3 }, relies on it).
                config.Add(new MapEntry("ZoneAwarenessEnabled", zoneCount.KeyLocation,
                    new ScalarValue("true", ScalarKind.Boolean, zonesMap.Location, Provenance.CdkDefault("the CDK default (ZoneAwarenessConfig.Enabled: true when AvailabilityZoneCount is given)"))));
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
