using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.OpenSearch
{
    /// <summary>
    /// IAC2004: an OpenSearch Service (or legacy Elasticsearch) domain with several data nodes, all in one
    /// Availability Zone. CloudFormation: <c>ClusterConfig</c> (<c>ElasticsearchClusterConfig</c> for
    /// <c>AWS::Elasticsearch::Domain</c>) <c>InstanceCount</c> defaults to 1 and <c>ZoneAwarenessEnabled</c> to false.
    /// A domain is flagged when some branch of <c>InstanceCount</c> is 2 or more and <c>ZoneAwarenessEnabled</c> is
    /// missing or false (in any branch). A single-node domain has nothing to spread and is not flagged;
    /// <c>MultiAZWithStandbyEnabled: true</c> implies zone awareness. Unknown counts and flags are not flagged.
    /// <para>
    /// The fix sets <c>ZoneAwarenessEnabled</c> to true when the node count is written and even (two zones need an
    /// even number of data nodes); otherwise the count must change too, and no fix is offered.
    /// </para>
    /// </summary>
    public sealed class IAC2004_OpenSearchNoZoneAwareness : Rule
    {
        public const string OpenSearchDomain = "AWS::OpenSearchService::Domain";
        public const string ElasticsearchDomain = "AWS::Elasticsearch::Domain";

        private const string ZoneAwareness = "ZoneAwarenessEnabled";

        public IAC2004_OpenSearchNoZoneAwareness()
            : base(RuleCatalog.OpenSearchNoZoneAwareness, OpenSearchDomain, ElasticsearchDomain)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var legacy = resource.IsType(ElasticsearchDomain);
            var configName = legacy ? "ElasticsearchClusterConfig" : "ClusterConfig";
            var subject = (legacy ? "Elasticsearch domain '" : "OpenSearch domain '") + resource.Name + "'";
            if (!(resource.Properties.Get(configName) is MapValue config))
            {
                // No cluster configuration: one data node by default.
                return;
            }

            var count = config.Get("InstanceCount");
            if (count == null)
            {
                return;
            }

            var standby = config.Get("MultiAZWithStandbyEnabled");
            if (standby != null && standby.IsTrue())
            {
                return;
            }

            foreach (var countLeaf in count.Leaves())
            {
                var nodes = (countLeaf.Value as ScalarValue)?.AsInteger();
                if (nodes == null || nodes.Value < 2)
                {
                    continue;
                }

                var nodesText = nodes.Value.ToString(CultureInfo.InvariantCulture);
                var evenAndWritten = nodes.Value % 2 == 0 && countLeaf.Path == null;
                var entry = config.GetEntry(ZoneAwareness);
                if (entry == null)
                {
                    var fix = evenAndWritten ? new SetPropertyFix(ZoneAwareness, "true", ScalarKind.Boolean, config.Location, null, false) : null;
                    var detail = FindingText.Suffix(countLeaf.Branch, ZoneAwareness + " is not set and defaults to false", FindingText.From(countLeaf.Value));
                    findings.Add(Create(resource, countLeaf.Value.Location, fix, subject, nodesText, detail, configName));
                    return;
                }

                foreach (var zoneLeaf in entry.Value.Leaves(countLeaf.Path))
                {
                    var removed = zoneLeaf.Value is NoValue;
                    if (!removed && !zoneLeaf.Value.IsFalse())
                    {
                        continue;
                    }

                    var provenance = FindingText.From(zoneLeaf.Value) ?? FindingText.From(countLeaf.Value);
                    var fix = evenAndWritten && !removed && zoneLeaf.IsFixableInPlace()
                        ? new SetPropertyFix(ZoneAwareness, "true", ScalarKind.Boolean, config.Location, zoneLeaf.ExistingForFix(), false)
                        : null;
                    var detail = FindingText.Suffix(zoneLeaf.Branch, removed ? "AWS::NoValue leaves " + ZoneAwareness + " unset" : null, provenance);
                    findings.Add(Create(resource, zoneLeaf.Value.Location, fix, subject, nodesText, detail, configName));

                    // One finding per property: the first branch without zone awareness.
                    return;
                }
            }
        }
    }
}
