using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.ElastiCache
{
    /// <summary>
    /// IAC2003: an ElastiCache (Redis OSS / Valkey) replication group that does not fail over to another Availability
    /// Zone. <c>MultiAZEnabled</c> is the deciding property: it defaults to false, and AWS accepts true only with
    /// automatic failover on and at least one replica per shard. So a group is flagged when <c>MultiAZEnabled</c> is
    /// missing or false (in any branch), and the message says what else stands in the way: automatic failover off
    /// (<c>AutomaticFailoverEnabled</c> defaults to false) or a single node (<c>NumCacheClusters</c> defaults to 1
    /// when no shard settings are given; <c>ReplicasPerNodeGroup</c> 0; every <c>NodeGroupConfiguration</c> with
    /// <c>ReplicaCount</c> 0). Unknown <c>MultiAZEnabled</c> is not flagged. Nor is a group without
    /// <c>MultiAZEnabled</c> whose automatic failover is on and whose nodes are placed in two or more zones
    /// (<c>PreferredCacheClusterAZs</c>, <c>NodeGroupConfiguration</c> zones): its replica in another zone takes over.
    /// <para>
    /// The fix sets <c>MultiAZEnabled</c> to true only where that alone is enough: automatic failover is written true
    /// and the group has a replica. Otherwise adding nodes changes cost and sizing, and no fix is offered.
    /// </para>
    /// </summary>
    public sealed class IAC2003_ElastiCacheSingleAz : Rule
    {
        public const string ReplicationGroup = "AWS::ElastiCache::ReplicationGroup";

        private const string MultiAz = "MultiAZEnabled";

        public IAC2003_ElastiCacheSingleAz()
            : base(RuleCatalog.ElastiCacheSingleAz, ReplicationGroup)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            var obstacles = Obstacles(props, out var fixable);
            var entry = props.GetEntry(MultiAz);
            if (entry == null)
            {
                if (FailsOverAcrossZones(props))
                {
                    return;
                }

                var reasons = new List<string> { MultiAz + " is not set and defaults to false" };
                reasons.AddRange(obstacles);
                var fix = fixable ? new SetPropertyFix(MultiAz, "true", ScalarKind.Boolean, props.Location, null, !resource.PropertiesWritten) : null;
                findings.Add(Create(resource, resource.Location, fix, resource.Name, " (" + string.Join("; ", reasons) + ")"));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                string why;
                if (leaf.Value is NoValue)
                {
                    why = "AWS::NoValue leaves " + MultiAz + " unset";
                }
                else if (leaf.Value.IsFalse())
                {
                    why = leaf.Value.Provenance != null ? MultiAz + " is false, " + FindingText.From(leaf.Value) : MultiAz + " is false";
                }
                else
                {
                    continue;
                }

                var reasons = new List<string?> { leaf.Branch, why };
                reasons.AddRange(obstacles);
                var fix = fixable && !(leaf.Value is NoValue) && leaf.IsFixableInPlace()
                    ? new SetPropertyFix(MultiAz, "true", ScalarKind.Boolean, props.Location, leaf.ExistingForFix(), false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, resource.Name, FindingText.Suffix(reasons)));

                // One finding per property: the first branch without Multi-AZ.
                return;
            }
        }

        /// <summary>What else prevents Multi-AZ, as message phrases; <paramref name="fixable"/> when nothing does, for sure.</summary>
        private static List<string> Obstacles(MapValue props, out bool fixable)
        {
            var obstacles = new List<string>();
            var failover = props.Get("AutomaticFailoverEnabled");
            var failoverOn = failover != null && failover.IsTrue();
            if (failover == null)
            {
                obstacles.Add("automatic failover is off: AutomaticFailoverEnabled defaults to false");
            }
            else if (AnyLeafFalse(failover))
            {
                obstacles.Add("automatic failover is off: AutomaticFailoverEnabled is false");
            }

            var replicas = Replicas(props, out var replicaPhrase);
            if (replicas == 0 && replicaPhrase != null)
            {
                obstacles.Add(replicaPhrase);
            }

            fixable = failoverOn && replicas > 0;
            return obstacles;
        }

        /// <summary>
        /// Replicas per shard when known (0 = a single node per shard), or null when unknown. The phrase explains a
        /// zero count.
        /// </summary>
        private static long? Replicas(MapValue props, out string? phrase)
        {
            phrase = null;
            var perGroup = props.Get("ReplicasPerNodeGroup");
            var groups = props.Get("NodeGroupConfiguration");
            if (perGroup != null)
            {
                var n = (perGroup as ScalarValue)?.AsInteger();
                if (n == 0)
                {
                    phrase = "its shards have no replica: ReplicasPerNodeGroup is 0";
                }

                return n;
            }

            if (groups != null)
            {
                if (!(groups is ListValue list) || list.Items.Count == 0)
                {
                    return null;
                }

                long most = 0;
                foreach (var group in list.Items)
                {
                    if (!(group is MapValue map))
                    {
                        return null;
                    }

                    var count = map.Get("ReplicaCount");
                    if (count == null)
                    {
                        return null;
                    }

                    var n = (count as ScalarValue)?.AsInteger();
                    if (n == null)
                    {
                        return null;
                    }

                    most = n.Value > most ? n.Value : most;
                }

                if (most == 0)
                {
                    phrase = "its shards have no replica: every NodeGroupConfiguration has ReplicaCount 0";
                }

                return most;
            }

            if (props.Get("NumNodeGroups") != null)
            {
                // Shards without a replica count: the default depends on the API; say nothing.
                return null;
            }

            var clusters = props.Get("NumCacheClusters");
            if (clusters == null)
            {
                if (props.Get("PrimaryClusterId") != null || props.Get("GlobalReplicationGroupId") != null)
                {
                    return null;
                }

                phrase = "it has a single node: NumCacheClusters defaults to 1";
                return 0;
            }

            var total = (clusters as ScalarValue)?.AsInteger();
            if (total == 1)
            {
                phrase = "it has a single node: NumCacheClusters is 1";
            }

            return total == null ? null : total - 1;
        }

        /// <summary>
        /// True when automatic failover is on and the group's nodes are placed in at least two Availability Zones
        /// (<c>PreferredCacheClusterAZs</c>, or the zones of every <c>NodeGroupConfiguration</c>): a replica in another
        /// zone is then promoted when the primary's zone fails, which is what Multi-AZ is for, even though
        /// <c>MultiAZEnabled</c> is not written. Unknown zones or failover do not count.
        /// </summary>
        private static bool FailsOverAcrossZones(MapValue props)
        {
            var failover = props.Get("AutomaticFailoverEnabled");
            if (failover == null || !AllLeavesTrue(failover))
            {
                return false;
            }

            var zones = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            if (props.Get("PreferredCacheClusterAZs") is ListValue preferred)
            {
                AddZones(preferred, zones);
                return zones.Count >= 2;
            }

            if (!(props.Get("NodeGroupConfiguration") is ListValue groups) || groups.Items.Count == 0)
            {
                return false;
            }

            foreach (var group in groups.Items)
            {
                var groupZones = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
                if (!(group is MapValue map) || !(map.Get("PrimaryAvailabilityZone") is ScalarValue primary) || primary.Kind != ScalarKind.String)
                {
                    return false;
                }

                groupZones.Add(primary.Text);
                if (map.Get("ReplicaAvailabilityZones") is ListValue replicas)
                {
                    AddZones(replicas, groupZones);
                }

                if (groupZones.Count < 2)
                {
                    return false;
                }
            }

            return true;
        }

        private static void AddZones(ListValue list, HashSet<string> zones)
        {
            foreach (var item in list.Items)
            {
                if (item is ScalarValue zone && zone.Kind == ScalarKind.String && zone.Text.Length > 0)
                {
                    zones.Add(zone.Text);
                }
            }
        }

        private static bool AllLeavesTrue(Value value)
        {
            foreach (var leaf in value.Leaves())
            {
                if (!leaf.Value.IsTrue())
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AnyLeafFalse(Value value)
        {
            foreach (var leaf in value.Leaves())
            {
                if (leaf.Value.IsFalse())
                {
                    return true;
                }
            }

            return false;
        }
    }
}
