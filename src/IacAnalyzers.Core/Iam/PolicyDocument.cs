using System;
using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Iam
{
    /// <summary>What a policy document governs, which decides the rules that apply to it.</summary>
    public enum PolicyKind
    {
        /// <summary>Attached to a user, group or role (<c>AWS::IAM::Policy</c>, inline <c>Policies</c>, SAM <c>Policies</c>).</summary>
        Identity,
        /// <summary>A role's <c>AssumeRolePolicyDocument</c>.</summary>
        Trust,
        /// <summary>Attached to a resource (bucket, queue, topic, key, ...): it names principals.</summary>
        Resource,
    }

    /// <summary>
    /// A policy document as written, read from the neutral values whichever front-end produced them. Tolerant: a
    /// <c>Statement</c> may be a map or a list, elements may be a string or a list, any value may be unknown or a
    /// one-of (both branches are read, each statement and element keeps the branch it came from).
    /// </summary>
    public sealed class PolicyDocument
    {
        private const int MaxStatements = 4096;

        private PolicyDocument(Value source, PolicyKind kind, string description, IReadOnlyList<PolicyStatement> statements)
        {
            Source = source;
            Kind = kind;
            Description = description;
            Statements = statements;
        }

        /// <summary>The document's value (a map, or a one-of of maps).</summary>
        public Value Source { get; }

        public PolicyKind Kind { get; }

        /// <summary>Where the document sits in its resource, for messages: <c>PolicyDocument</c>, <c>Policies[0] 'root'</c>.</summary>
        public string Description { get; }

        public IReadOnlyList<PolicyStatement> Statements { get; }

        /// <summary>Reads a document value; unknown values and non-maps yield a document without statements.</summary>
        public static PolicyDocument Read(Value value, PolicyKind kind, string description)
        {
            var statements = new List<PolicyStatement>();
            foreach (var doc in value.Leaves())
            {
                if (!(doc.Value is MapValue map) || !(map.Get("Statement") is Value statementValue))
                {
                    continue;
                }

                // Leaves(outer) joins the paths and drops the impossible ones (a statement only under "C is true and C is false").
                foreach (var s in statementValue.Leaves(doc.Path))
                {
                    var branch = s.Path;
                    if (s.Value is MapValue single)
                    {
                        statements.Add(new PolicyStatement(single, -1, branch, kind, description));
                    }
                    else if (s.Value is ListValue list)
                    {
                        for (var i = 0; i < list.Items.Count && statements.Count < MaxStatements; i++)
                        {
                            foreach (var item in list.Items[i].Leaves(branch))
                            {
                                if (item.Value is MapValue m)
                                {
                                    statements.Add(new PolicyStatement(m, i, item.Path, kind, description));
                                }
                            }
                        }
                    }
                }
            }

            return new PolicyDocument(value, kind, description, statements);
        }

        internal static BranchPath? Join(BranchPath? a, BranchPath? b) => BranchPath.Join(a, b);
    }

    /// <summary>One value of an element such as <c>Action</c>: a string, or an unknown (then <see cref="Text"/> is null).</summary>
    public sealed class PolicyElement
    {
        public PolicyElement(Value value, string? text, BranchPath? branch)
        {
            Value = value;
            Text = text;
            Branch = branch;
        }

        /// <summary>The value as written (its location is where a finding goes).</summary>
        public Value Value { get; }

        /// <summary>The string, or null when the value is unknown or not a string.</summary>
        public string? Text { get; }

        /// <summary>The one-of branches crossed to reach this value (statement's and element's), or null.</summary>
        public BranchPath? Branch { get; }

        /// <summary>A message suffix with the branch and provenance, e.g. " (when condition 'Prod' is true)", or "".</summary>
        public string Detail() => new Leaf(Value, Branch).Detail();

        /// <summary>Like <see cref="Detail()"/>, with the branch of the statement's Effect too.</summary>
        public string Detail(BranchPath? effectBranch) => new Leaf(Value, PolicyDocument.Join(effectBranch, Branch)).Detail();
    }

    /// <summary>One statement of a policy document.</summary>
    public sealed class PolicyStatement
    {
        internal PolicyStatement(MapValue map, int index, BranchPath? branch, PolicyKind kind, string documentDescription)
        {
            Map = map;
            Index = index;
            Branch = branch;
            Kind = kind;
            DocumentDescription = documentDescription;
            Sid = map.Get("Sid").AsString();
        }

        public MapValue Map { get; }

        /// <summary>0-based position in the <c>Statement</c> list, or -1 when <c>Statement</c> is a single map.</summary>
        public int Index { get; }

        /// <summary>The one-of branches crossed to reach this statement, or null.</summary>
        public BranchPath? Branch { get; }

        public PolicyKind Kind { get; }

        public string DocumentDescription { get; }

        public string? Sid { get; }

        /// <summary>How messages name the statement: <c>statement 'ReadLogs' of PolicyDocument</c>, <c>statement 2 of Policies[0] 'root'</c>.</summary>
        public string Label
            => (Sid != null ? "statement '" + Sid + "'" : Index >= 0 ? "statement " + (Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "the statement")
               + " of " + DocumentDescription;

        /// <summary>
        /// True when the statement allows (in some branch of its Effect): <paramref name="effectBranch"/> is then the
        /// Effect's own branch, or null when the Effect is plainly Allow. False when the Effect is Deny, missing or
        /// unknown in every branch: such statements are never findings.
        /// </summary>
        public bool TryGetAllow(out BranchPath? effectBranch)
        {
            effectBranch = null;
            var effect = Map.Get("Effect");
            if (effect == null)
            {
                return false;
            }

            foreach (var leaf in effect.Leaves())
            {
                if (string.Equals(leaf.Value.AsString(), "Allow", StringComparison.OrdinalIgnoreCase))
                {
                    effectBranch = leaf.Path;
                    return true;
                }
            }

            return false;
        }

        public bool IsAllow => TryGetAllow(out _);

        /// <summary>
        /// Every path in which the statement allows: the statement's branch joined with each Allow branch of its Effect
        /// (null for a plain Allow). Paths that contradict the statement's own branch are dropped; empty when the
        /// Effect is Deny, missing or unknown in every possible branch.
        /// </summary>
        public IReadOnlyList<BranchPath?> AllowPaths()
        {
            var effect = Map.Get("Effect");
            if (effect == null)
            {
                return Array.Empty<BranchPath?>();
            }

            var paths = new List<BranchPath?>();
            foreach (var leaf in effect.Leaves(Branch))
            {
                if (string.Equals(leaf.Value.AsString(), "Allow", StringComparison.OrdinalIgnoreCase))
                {
                    paths.Add(leaf.Path);
                }
            }

            return paths;
        }

        public MapEntry? ActionEntry => Map.GetEntry("Action");

        public MapEntry? NotActionEntry => Map.GetEntry("NotAction");

        // Read once per statement: every IAM rule reads them (a statement is shared through its view's documents).
        private IReadOnlyList<PolicyElement>? actions;
        private IReadOnlyList<PolicyElement>? notActions;
        private IReadOnlyList<PolicyElement>? resources;
        private IReadOnlyList<PolicyElement>? notResources;

        public IReadOnlyList<PolicyElement> Actions => Once(ref actions, "Action");

        public IReadOnlyList<PolicyElement> NotActions => Once(ref notActions, "NotAction");

        public IReadOnlyList<PolicyElement> Resources => Once(ref resources, "Resource");

        public IReadOnlyList<PolicyElement> NotResources => Once(ref notResources, "NotResource");

        public Value? Principal => Map.Get("Principal");

        public MapEntry? NotPrincipalEntry => Map.GetEntry("NotPrincipal");

        /// <summary>The <c>Condition</c> element, written or unknown; null when absent.</summary>
        public Value? Condition => Map.Get("Condition");

        /// <summary>True when a Condition is present and not an explicit null or empty map.</summary>
        public bool HasCondition
        {
            get
            {
                var c = Condition;
                if (c == null)
                {
                    return false;
                }

                if (c is ScalarValue s && s.Kind == ScalarKind.Null)
                {
                    return false;
                }

                return !(c is MapValue m && m.Entries.Count == 0);
            }
        }

        /// <summary>True when some written Resource is exactly <c>"*"</c>.</summary>
        public bool HasStarResource => StarResource != null;

        /// <summary>The first written Resource that is exactly <c>"*"</c>, or null.</summary>
        public PolicyElement? StarResource
        {
            get
            {
                foreach (var r in Resources)
                {
                    if (r.Text == "*")
                    {
                        return r;
                    }
                }

                return null;
            }
        }

        /// <summary>The values of an element, crossing lists and one-of branches; the statement's branch is included.</summary>
        public IReadOnlyList<PolicyElement> Elements(string name)
        {
            var value = Map.Get(name);
            if (value == null)
            {
                return Array.Empty<PolicyElement>();
            }

            // Leaves(outer) joins the statement's branch in and drops values only an impossible path reaches.
            var result = new List<PolicyElement>();
            foreach (var leaf in value.Leaves(Branch))
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        foreach (var inner in item.Leaves(leaf.Path))
                        {
                            Add(result, inner.Value, inner.Path);
                        }
                    }
                }
                else
                {
                    Add(result, leaf.Value, leaf.Path);
                }
            }

            return result;
        }

        /// <summary>The element's values, read on first use and kept (the statement is immutable; a race reads it twice, alike).</summary>
        private IReadOnlyList<PolicyElement> Once(ref IReadOnlyList<PolicyElement>? slot, string name)
        {
            var read = System.Threading.Volatile.Read(ref slot);
            if (read != null)
            {
                return read;
            }

            read = Elements(name);
            return System.Threading.Interlocked.CompareExchange(ref slot, read, null) ?? read;
        }

        private static void Add(List<PolicyElement> result, Value value, BranchPath? branch)
        {
            var text = value is ScalarValue s && s.Kind == ScalarKind.String ? s.Text : null;
            result.Add(new PolicyElement(value, text, branch));
        }

        public override string ToString() => Label;
    }
}
