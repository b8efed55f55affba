using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Redshift
{
    /// <summary>
    /// IAC2010: an RA3 multi-node <c>AWS::Redshift::Cluster</c> without <c>MultiAZ</c> (default false). Multi-AZ is
    /// supported only for RA3 node types (Redshift managed storage) and not for single-node clusters, so only clusters
    /// whose <c>NodeType</c> starts with <c>ra3.</c> in every branch and whose <c>ClusterType</c> is <c>multi-node</c> (or
    /// whose <c>NumberOfNodes</c> is greater than 1) are checked; unknown node types or shapes are not. The fix is
    /// withheld when <c>AvailabilityZone</c> is written (Redshift picks the two zones) or <c>Encrypted</c> is false
    /// (a Multi-AZ cluster must be encrypted).
    /// </summary>
    public sealed class IAC2010_RedshiftClusterSingleAz : RequireTrueRule
    {
        public IAC2010_RedshiftClusterSingleAz()
            : base(RuleCatalog.RedshiftClusterSingleAz, IAC1023_RedshiftClusterEncryptionDisabled.Cluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            if (!props.Get("NodeType").AllLeaves(v => v.AsString() is string t && t.Trim().StartsWith("ra3.", StringComparison.OrdinalIgnoreCase))
                || !IsMultiNode(props))
            {
                return;
            }

            var encryptedOff = props.Get("Encrypted").AnyLeaf(v => v.IsFalse());
            RequireTrue(resource, findings, resource.Name, props, null, "MultiAZ", resource.Location, "MultiAZ is not set and defaults to false",
                !resource.PropertiesWritten, offerFix: props.Get("AvailabilityZone") == null && !encryptedOff);
        }

        private static bool IsMultiNode(MapValue props)
        {
            var type = props.Get("ClusterType");
            if (type.AllLeaves(v => v.AsString() is string t && string.Equals(t.Trim(), "multi-node", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            var nodes = props.Get("NumberOfNodes");
            return type == null && nodes.AllLeaves(v => (v as ScalarValue)?.AsInteger() > 1);
        }
    }
}
