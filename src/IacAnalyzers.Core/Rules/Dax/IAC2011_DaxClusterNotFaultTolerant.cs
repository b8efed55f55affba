using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Dax
{
    /// <summary>
    /// IAC2011: an <c>AWS::DAX::Cluster</c> that is not fault-tolerant across Availability Zones.
    /// <c>ReplicationFactor</c> (required) is the node count: "A replication factor of 1 will create a single-node
    /// cluster, without any read replicas"; the DAX developer guide calls one- and two-node clusters not fault-tolerant
    /// and recommends at least three nodes, each in a different zone, for production. <c>AvailabilityZones</c> ("If you
    /// omit this parameter, DAX will spread the nodes across Availability Zones") pins the nodes when written.
    /// <para>
    /// Flagged, once per cluster: <c>ReplicationFactor</c> 1 or 2 in some branch; otherwise an <c>AvailabilityZones</c>
    /// list (in some branch) whose zones are all known and all the same. Not flagged: unknown node counts or zones, a
    /// list naming two or more zones, a missing list. The fix sets <c>ReplicationFactor</c> to 3 when the count is
    /// written without a branch and <c>AvailabilityZones</c> is not written (its length must equal the count); pinned
    /// zones are the author's to change.
    /// </para>
    /// </summary>
    public sealed class IAC2011_DaxClusterNotFaultTolerant : Rule
    {
        /// <summary>AWS's recommended minimum node count for a fault-tolerant cluster.</summary>
        public const int MinimumNodes = 3;

        public IAC2011_DaxClusterNotFaultTolerant()
            : base(RuleCatalog.DaxClusterNotFaultTolerant, IAC1011_DaxClusterNotEncrypted.Cluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            var nodes = props.Get("ReplicationFactor");
            if (nodes == null)
            {
                return;
            }

            foreach (var leaf in nodes.Leaves())
            {
                var n = (leaf.Value as ScalarValue)?.AsInteger();
                if (n >= 1 && n < MinimumNodes)
                {
                    var why = "ReplicationFactor is " + n.Value.ToString(CultureInfo.InvariantCulture)
                        + (n == 1 ? ": one node, no replica" : ": AWS calls two-node clusters not fault-tolerant");
                    var fix = leaf.IsFixableInPlace() && props.Get("AvailabilityZones") == null
                        ? new SetPropertyFix("ReplicationFactor", MinimumNodes.ToString(CultureInfo.InvariantCulture), ScalarKind.Number, props.Location, leaf.ExistingForFix(), false)
                        : null;
                    findings.Add(Create(resource, leaf.Value.Location, fix, resource.Name, FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value))));
                    return;
                }
            }

            var zones = props.Get("AvailabilityZones");
            if (zones == null)
            {
                return;
            }

            foreach (var leaf in zones.Leaves())
            {
                if (SingleZone(leaf.Value) is string zone)
                {
                    var why = "AvailabilityZones places every node in " + zone;
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value))));
                    return;
                }
            }
        }

        /// <summary>The one zone a written list names (every item known and the same), or null.</summary>
        private static string? SingleZone(Value value)
        {
            if (!(value is ListValue list) || list.Items.Count == 0)
            {
                return null;
            }

            string? zone = null;
            foreach (var item in list.Items)
            {
                if (!(item is ScalarValue s) || s.Kind != ScalarKind.String || s.Text.Trim().Length == 0)
                {
                    return null;
                }

                var name = s.Text.Trim();
                if (zone == null)
                {
                    zone = name;
                }
                else if (!string.Equals(zone, name, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return zone;
        }
    }
}
