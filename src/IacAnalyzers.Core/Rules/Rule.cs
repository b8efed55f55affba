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
    public sealed class Leaf
    {
        public Leaf(Value value, BranchPath? path)
        {
            Value = value;
            Path = path;
        }

        public Value Value { get; }

        /// <summary>The branches (condition and polarity) that lead here, or null when no one-of was crossed.</summary>
        public BranchPath? Path { get; }

        /// <summary>The branches as a message names them ("when condition 'A' is true and when `b` is false"), or null.</summary>
        public string? Branch => Path?.Describe();
    }

    /// <summary>
    /// The leaves of a value (<see cref="ValueExtensions.Leaves(Value, BranchPath?)"/>): one leaf held inline for a value
    /// without branches, else the branch walk. <c>foreach</c> uses the struct enumerator; LINQ sees an
    /// <see cref="IEnumerable{T}"/>.
    /// </summary>
    public readonly struct LeafSequence : IEnumerable<Leaf>
    {
        private readonly Leaf? single;
        private readonly IEnumerable<Leaf>? many;

        internal LeafSequence(Leaf single)
        {
            this.single = single;
            many = null;
        }

        internal LeafSequence(IEnumerable<Leaf> many)
        {
            single = null;
            this.many = many;
        }

        public Enumerator GetEnumerator() => new Enumerator(single, many?.GetEnumerator());

        IEnumerator<Leaf> IEnumerable<Leaf>.GetEnumerator() => many?.GetEnumerator() ?? ((IEnumerable<Leaf>)new[] { single! }).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<Leaf>)this).GetEnumerator();

        public struct Enumerator : IEnumerator<Leaf>
        {
            private readonly IEnumerator<Leaf>? many;
            private Leaf? single;
            private Leaf? current;

            internal Enumerator(Leaf? single, IEnumerator<Leaf>? many)
            {
                this.single = single;
                this.many = many;
                current = null;
            }

            public Leaf Current => current!;

            object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (many != null)
                {
                    var more = many.MoveNext();
                    current = more ? many.Current : null;
                    return more;
                }

                current = single;
                single = null;
                return current != null;
            }

            public void Reset() => throw new NotSupportedException();

            public void Dispose() => many?.Dispose();
        }
    }

    public static class ValueExtensions
    {
        /// <summary>Nested one-of values deeper than this are not entered (the one-of itself is the leaf: never flagged).</summary>
        public const int MaxDepth = 16;

        /// <summary>
        /// At most this many leaves are given for one value (an <c>Fn::If</c> tree shared through YAML aliases can have
        /// 2^16); past it one unknown leaf stands for the rest, so rules treat them as unknown.
        /// </summary>
        public const int MaxLeaves = 1024;

        /// <summary>
        /// Every concrete value <paramref name="value"/> may be, crossing one-of branches, depth first in branch order.
        /// Impossible paths (one condition both true and false, as in <c>!If [C, !If [C, true, false], true]</c>) are
        /// dropped. Bounded by <see cref="MaxDepth"/> and <see cref="MaxLeaves"/>; no recursion.
        /// </summary>
        public static LeafSequence Leaves(this Value value) => Leaves(value, null);

        /// <summary>The leaves of <paramref name="value"/> reached from <paramref name="outer"/> (paths joined; impossible ones dropped).</summary>
        public static LeafSequence Leaves(this Value value, BranchPath? outer)
            // Most values have no branches: one leaf, without the walk's iterator and stack, and a foreach over it
            // allocates nothing but the leaf (rules ask for leaves of every property they read, on every resource).
            => value is OneOfValue ? new LeafSequence(Branching(value, outer)) : new LeafSequence(new Leaf(value, outer));

        private static IEnumerable<Leaf> Branching(Value value, BranchPath? outer)
        {
            var stack = new Stack<(Value Value, BranchPath? Path, int Depth)>();
            stack.Push((value, outer, 0));
            var given = 0;
            while (stack.Count > 0)
            {
                var (current, path, depth) = stack.Pop();
                if (current is OneOfValue oneOf && depth < MaxDepth)
                {
                    for (var i = oneOf.Branches.Count - 1; i >= 0; i--)
                    {
                        var branch = oneOf.Branches[i];
                        var next = BranchPath.Append(path, branch.Condition, branch.Holds);
                        if (next.IsConsistent)
                        {
                            stack.Push((branch.Value, next, depth + 1));
                        }
                    }

                    continue;
                }

                if (++given > MaxLeaves)
                {
                    yield return new Leaf(new UnknownValue("more branches than the analyzer follows", value.Location), outer);
                    yield break;
                }

                yield return new Leaf(current, path);
            }
        }

        /// <summary>
        /// A message suffix naming the branch and the provenance of a value, e.g.
        /// " (when condition 'IsProd' is false; from the Default of parameter 'MultiAz')", or "".
        /// </summary>
        public static string Detail(this Leaf leaf) => FindingText.Suffix(leaf.Branch, FindingText.From(leaf.Value));

        public static bool IsFalse(this Value value) => value is ScalarValue s && s.AsBoolean() == false;

        public static bool IsTrue(this Value value) => value is ScalarValue s && s.AsBoolean() == true;

        public static string? AsString(this Value? value) => value is ScalarValue s && s.Kind != ScalarKind.Null ? s.Text : null;

        public static bool StartsWith(this Value? value, string prefix)
            => value.AsString() is string s && s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when <paramref name="value"/> is written and some leaf passes <paramref name="test"/>.</summary>
        public static bool AnyLeaf(this Value? value, Func<Value, bool> test)
        {
            if (value == null)
            {
                return false;
            }

            foreach (var leaf in value.Leaves())
            {
                if (test(leaf.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="value"/> is written and every leaf passes <paramref name="test"/> (unknown leaves included: give a test that rejects them).</summary>
        public static bool AllLeaves(this Value? value, Func<Value, bool> test)
        {
            if (value == null)
            {
                return false;
            }

            var any = false;
            foreach (var leaf in value.Leaves())
            {
                if (!test(leaf.Value))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>
        /// True when a fix may set the property for this leaf: it is reached without a branch and its value is written
        /// right there or is a CDK default (then the fix writes the property). Parameter defaults, named constants and
        /// computed values are fixed elsewhere, by hand.
        /// </summary>
        public static bool IsFixableInPlace(this Leaf leaf)
            => leaf.Path == null && (leaf.Value.Origin == ValueOrigin.Written || leaf.Value.Origin == ValueOrigin.CdkDefault);

        /// <summary>The value a set-property fix replaces: the leaf's own when written, none for a default (the property is added).</summary>
        public static Value? ExistingForFix(this Leaf leaf) => leaf.Value.Origin == ValueOrigin.Written ? leaf.Value : null;
    }
}
