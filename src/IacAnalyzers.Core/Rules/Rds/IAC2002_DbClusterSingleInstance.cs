using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Rds
{
    /// <summary>
    /// IAC2002: an Aurora, DocumentDB or Neptune DB cluster with exactly one DB instance. A cluster's storage spans
    /// three Availability Zones, but its compute is its instances: with one, a zone or host failure leaves the cluster
    /// without a writer until a new instance is created; with a second (a reader), the cluster fails over in about a
    /// minute.
    /// <para>
    /// A cross-resource question, asked of the resource context: the instances of the matching type
    /// (<c>AWS::RDS::DBInstance</c> for <c>AWS::RDS::DBCluster</c>, and so on) whose <c>DBClusterIdentifier</c>
    /// references the cluster (a reference to it, see <see cref="ReferenceExtensions"/>, or the literal identifier the cluster declares).
    /// An instance whose identifier is unknown, or that has a <c>Condition</c>, may or may not belong: it counts as a
    /// possible member, and the rule flags only when members plus possible members are exactly one. A cluster with
    /// no instance in the template is not flagged (its instances live elsewhere, or it needs none).
    /// </para>
    /// <para>
    /// Exempt: RDS Multi-AZ DB clusters (a non-Aurora <c>Engine</c>, or <c>DBClusterInstanceClass</c> set: AWS
    /// creates one writer and two readers in three zones) and Aurora Serverless v1 (<c>EngineMode: serverless</c>,
    /// no instances). An RDS cluster whose engine is unknown is not assumed to be Aurora.
    /// </para>
    /// </summary>
    public sealed class IAC2002_DbClusterSingleInstance : Rule
    {
        public const string RdsCluster = "AWS::RDS::DBCluster";
        public const string DocDbCluster = "AWS::DocDB::DBCluster";
        public const string NeptuneCluster = "AWS::Neptune::DBCluster";

        public IAC2002_DbClusterSingleInstance()
            : base(RuleCatalog.DbClusterSingleInstance, RdsCluster, DocDbCluster, NeptuneCluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            string instanceType;
            string kind;
            if (resource.IsType(RdsCluster))
            {
                if (!IsProvisionedAurora(resource))
                {
                    return;
                }

                instanceType = "AWS::RDS::DBInstance";
                kind = "Aurora DB cluster";
            }
            else if (resource.IsType(DocDbCluster))
            {
                instanceType = "AWS::DocDB::DBInstance";
                kind = "DocumentDB cluster";
            }
            else if (resource.IsType(NeptuneCluster))
            {
                instanceType = "AWS::Neptune::DBInstance";
                kind = "Neptune DB cluster";
            }
            else
            {
                return;
            }

            var declaredIdentifier = resource.Properties.Get("DBClusterIdentifier");
            ResourceView? only = null;
            var count = 0;
            foreach (var candidate in resource.Context.Resources)
            {
                if (!candidate.IsType(instanceType))
                {
                    continue;
                }

                if (Membership(candidate, resource, declaredIdentifier) == Member.No)
                {
                    continue;
                }

                count++;
                only = candidate;
                if (count > 1)
                {
                    return;
                }
            }

            if (count == 1 && only != null)
            {
                findings.Add(Create(resource, resource.Location, new AddReaderFix(resource.Location), kind, resource.Name, only.Name));
            }
        }

        private static bool IsProvisionedAurora(ResourceView cluster)
        {
            if (cluster.Properties.Get("DBClusterInstanceClass") != null)
            {
                return false;
            }

            var engine = cluster.Properties.Get("Engine");
            if (engine == null)
            {
                return false;
            }

            var aurora = false;
            foreach (var leaf in engine.Leaves())
            {
                if (leaf.Value.StartsWith("aurora"))
                {
                    aurora = true;
                }
            }

            if (!aurora)
            {
                return false;
            }

            var mode = cluster.Properties.Get("EngineMode");
            if (mode == null)
            {
                return true;
            }

            foreach (var leaf in mode.Leaves())
            {
                if (leaf.Value.AsString() is string text && !text.Trim().Equals("serverless", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private enum Member
        {
            No,
            Maybe,
            Yes,
        }

        private static Member Membership(ResourceView instance, ResourceView cluster, Value? declaredIdentifier)
        {
            var identifier = instance.Properties.Get("DBClusterIdentifier");
            if (identifier == null)
            {
                return Member.No;
            }

            var result = Member.No;
            foreach (var leaf in identifier.Leaves())
            {
                var one = LeafMembership(leaf.Value, cluster, declaredIdentifier);
                if (leaf.Path != null && one == Member.Yes)
                {
                    one = Member.Maybe;
                }

                if (one > result)
                {
                    result = one;
                }
            }

            if (result == Member.Yes && instance.Condition != null)
            {
                result = Member.Maybe;
            }

            return result;
        }

        private static Member LeafMembership(Value value, ResourceView cluster, Value? declaredIdentifier)
        {
            switch (value)
            {
                case UnknownValue reference when reference.ReferencedResource != null:
                    return reference.RefersTo(cluster.Name) ? Member.Yes : Member.No;
                case ScalarValue scalar when scalar.Kind == ScalarKind.String:
                    if (declaredIdentifier == null)
                    {
                        // The cluster's name is generated: a literal cannot name it (it names a cluster elsewhere).
                        return Member.No;
                    }

                    if (declaredIdentifier is ScalarValue declared)
                    {
                        // Cluster identifiers are stored in lower case.
                        return string.Equals(declared.Text.Trim(), scalar.Text.Trim(), StringComparison.OrdinalIgnoreCase) ? Member.Yes : Member.No;
                    }

                    return Member.Maybe;
                case ScalarValue _:
                case NoValue _:
                    return Member.No;
                default:
                    return Member.Maybe;
            }
        }
    }
}
