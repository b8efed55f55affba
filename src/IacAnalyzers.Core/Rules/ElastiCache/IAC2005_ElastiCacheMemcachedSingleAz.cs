using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.ElastiCache
{
    /// <summary>
    /// IAC2005: a Memcached <c>AWS::ElastiCache::CacheCluster</c> with several nodes, all in one Availability Zone.
    /// <c>AZMode</c> (<c>single-az</c> | <c>cross-az</c>) applies to Memcached only; "If the AZMode and
    /// PreferredAvailabilityZones are not specified, ElastiCache assumes single-az mode" (ElastiCache API reference).
    /// <para>
    /// Flagged: <c>Engine</c> memcached in every branch, <c>NumCacheNodes</c> greater than 1 in some branch, and
    /// <c>AZMode</c> missing (without <c>PreferredAvailabilityZones</c> naming two zones), <c>single-az</c>, or removed by
    /// <c>!Ref AWS::NoValue</c> in some branch. Not flagged: a single node (there is nothing to spread: adding nodes
    /// is a sizing decision), Redis OSS / Valkey cache clusters (AZMode does not apply; a lone Redis node is a
    /// replication-group question), unknown engine, node count, mode or zones.
    /// </para>
    /// <para>The fix sets <c>AZMode</c> to <c>cross-az</c> when no preferred zone is written (zones that pin the nodes
    /// are the author's to change).</para>
    /// </summary>
    public sealed class IAC2005_ElastiCacheMemcachedSingleAz : Rule
    {
        public const string CacheCluster = "AWS::ElastiCache::CacheCluster";

        private const string AzMode = "AZMode";
        private const string SingleAz = "single-az";
        private const string CrossAz = "cross-az";

        public IAC2005_ElastiCacheMemcachedSingleAz()
            : base(RuleCatalog.ElastiCacheMemcachedSingleAz, CacheCluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            if (!IsMemcached(props.Get("Engine")))
            {
                return;
            }

            var nodes = props.Get("NumCacheNodes");
            if (nodes == null)
            {
                return;
            }

            long count = 0;
            Leaf? many = null;
            foreach (var leaf in nodes.Leaves())
            {
                var n = (leaf.Value as ScalarValue)?.AsInteger();
                if (n > 1 && n > count)
                {
                    count = n.Value;
                    many = leaf;
                }
            }

            if (many == null)
            {
                return;
            }

            var nodesWhere = many.Branch;
            var nodesFrom = many.Value.Provenance != null ? "NumCacheNodes is " + count + ", " + FindingText.From(many.Value) : null;
            var pinned = props.Get("PreferredAvailabilityZones") != null || props.Get("PreferredAvailabilityZone") != null;
            var entry = props.GetEntry(AzMode);
            if (entry == null)
            {
                var zones = props.Get("PreferredAvailabilityZones");
                string why;
                if (zones == null)
                {
                    why = props.Get("PreferredAvailabilityZone") != null
                        ? AzMode + " is not set and defaults to single-az; PreferredAvailabilityZone places every node in one zone"
                        : AzMode + " is not set and defaults to single-az";
                }
                else
                {
                    var distinct = DistinctZones(zones);
                    if (distinct == null || distinct >= 2)
                    {
                        // Unknown zones, or nodes placed in two or more zones: not single-AZ as far as we know.
                        return;
                    }

                    why = AzMode + " is not set and PreferredAvailabilityZones names one zone";
                }

                var fix = !pinned && nodesWhere == null
                    ? new SetPropertyFix(AzMode, CrossAz, ScalarKind.String, props.Location, null, !resource.PropertiesWritten)
                    : null;
                findings.Add(Create(resource, resource.Location, fix, resource.Name, count, FindingText.Suffix(nodesWhere, nodesFrom, why)));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                string why;
                if (leaf.Value is NoValue)
                {
                    why = "AWS::NoValue leaves " + AzMode + " unset (single-az)";
                }
                else if (leaf.Value is ScalarValue s && s.Kind != ScalarKind.Null && string.Equals(s.Text.Trim(), SingleAz, StringComparison.OrdinalIgnoreCase))
                {
                    why = leaf.Value.Provenance != null ? AzMode + " is single-az, " + FindingText.From(leaf.Value) : AzMode + " is single-az";
                }
                else
                {
                    continue;
                }

                if (!BranchPath.Consistent(leaf.Path, many.Path))
                {
                    continue;
                }

                var fix = !pinned && nodesWhere == null && !(leaf.Value is NoValue) && leaf.IsFixableInPlace()
                    ? new SetPropertyFix(AzMode, CrossAz, ScalarKind.String, props.Location, leaf.ExistingForFix(), false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, resource.Name, count, FindingText.Suffix(leaf.Branch, nodesWhere, nodesFrom, why)));

                // One finding per cluster: the first single-AZ branch.
                return;
            }
        }

        /// <summary>True when the engine is memcached in every branch (unknown or mixed engines are not judged).</summary>
        private static bool IsMemcached(Value? engine)
            => engine.AllLeaves(v => v.AsString() is string text && string.Equals(text.Trim(), "memcached", StringComparison.OrdinalIgnoreCase));

        /// <summary>The number of distinct zones a written list names, or null when the list or one of its zones is unknown.</summary>
        private static int? DistinctZones(Value zones)
        {
            if (!(zones is ListValue list))
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.Items)
            {
                if (!(item is ScalarValue zone) || zone.Kind != ScalarKind.String || zone.Text.Length == 0)
                {
                    return null;
                }

                names.Add(zone.Text.Trim());
            }

            return names.Count;
        }
    }
}
