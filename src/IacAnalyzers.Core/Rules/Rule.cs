using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// A rule: a pure function from a resource view to findings. Metadata comes from the catalog; no Roslyn or YAML
    /// types are reachable from here.
    /// </summary>
    public abstract class Rule
    {
        protected Rule(RuleInfo info, params string[] resourceTypes)
        {
            Info = info;
            ResourceTypes = resourceTypes;
        }

        public RuleInfo Info { get; }

        /// <summary>The CloudFormation types this rule looks at.</summary>
        public IReadOnlyList<string> ResourceTypes { get; }

        public abstract void Analyze(ResourceView resource, IList<Finding> findings);

        protected Finding Create(ResourceView resource, SourceLocation location, FixIntent? fix, params object[] args)
            => new Finding(Info, resource, location, args, fix);
    }

    /// <summary>A concrete value reached through zero or more one-of branches.</summary>
    public readonly struct Leaf
    {
        public Leaf(Value value, string? branch)
        {
            Value = value;
            Branch = branch;
        }

        public Value Value { get; }

        /// <summary>The branch labels that lead here, joined, or null when no one-of was crossed.</summary>
        public string? Branch { get; }
    }

    public static class ValueExtensions
    {
        /// <summary>Every concrete value <paramref name="value"/> may be, crossing one-of branches (depth-bounded).</summary>
        public static IEnumerable<Leaf> Leaves(this Value value) => Leaves(value, null, 0);

        private static IEnumerable<Leaf> Leaves(Value value, string? branch, int depth)
        {
            if (value is OneOfValue oneOf && depth < 16)
            {
                foreach (var b in oneOf.Branches)
                {
                    var label = branch == null ? b.Label : branch + " and " + b.Label;
                    foreach (var leaf in Leaves(b.Value, label, depth + 1))
                    {
                        yield return leaf;
                    }
                }
            }
            else
            {
                yield return new Leaf(value, branch);
            }
        }

        /// <summary>
        /// A message suffix naming the branch and the provenance of a value, e.g.
        /// " (when condition 'IsProd' is false; from the Default of parameter 'MultiAz')", or "".
        /// </summary>
        public static string Detail(this Leaf leaf)
        {
            var parts = new List<string>(2);
            if (leaf.Branch != null)
            {
                parts.Add(leaf.Branch);
            }

            if (leaf.Value.Provenance != null)
            {
                parts.Add("from " + leaf.Value.Provenance);
            }

            return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
        }

        public static bool IsFalse(this Value value) => value is ScalarValue s && s.AsBoolean() == false;

        public static bool IsTrue(this Value value) => value is ScalarValue s && s.AsBoolean() == true;

        public static string? AsString(this Value? value) => value is ScalarValue s && s.Kind != ScalarKind.Null ? s.Text : null;

        public static bool StartsWith(this Value? value, string prefix)
            => value.AsString() is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }
}
