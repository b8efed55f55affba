using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// The one base for "this boolean must end up true" rules (the encryption rules IAC10xx, the single-AZ rule IAC2001),
    /// where a missing value means false, possibly inside a nested map or a list item. Every message of these rules
    /// takes two arguments: {0} the subject (e.g. <c>RDS DB instance 'Db'</c>, or the resource name) and {1} the detail
    /// suffix (why the value is what it is, which branches).
    /// <para>
    /// Declarative use: pass the property to the constructor and override <see cref="Applies"/> and
    /// <see cref="Subject"/> as needed; the rule then checks that property of the resource's properties. Rules with
    /// nested or conditional properties override <see cref="Analyze"/> and call <see cref="RequireTrue"/>.
    /// </para>
    /// <para>
    /// What is flagged, one finding per property at most: missing (at <c>missingAt</c>, with a fix that adds it);
    /// written false, or removed by <c>!Ref AWS::NoValue</c>, in any possible branch (at the first such value; the
    /// message names the branches). Unknown values are never flagged. A fix is offered when there is exactly one bad
    /// value, reached without a branch, written right there (replaced) or a CDK default (the property is written).
    /// </para>
    /// </summary>
    public abstract class RequireTrueRule : Rule
    {
        protected RequireTrueRule(RuleInfo info, params string[] resourceTypes)
            : base(info, resourceTypes)
        {
        }

        /// <summary>The declarative form: <paramref name="property"/> of the resource's properties must be true.</summary>
        protected RequireTrueRule(string property, RuleInfo info, params string[] resourceTypes)
            : base(info, resourceTypes)
        {
            Property = property;
        }

        /// <summary>The CloudFormation property of the declarative form (e.g. <c>MultiAZ</c>), or null.</summary>
        public string? Property { get; }

        /// <summary>False when the rule does not apply to this resource (e.g. an Aurora cluster member).</summary>
        protected virtual bool Applies(ResourceView resource) => true;

        /// <summary>The message's subject ({0}); by default the resource name.</summary>
        protected virtual string Subject(ResourceView resource) => resource.Name;

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (Property == null || !Applies(resource))
            {
                return;
            }

            RequireTrue(resource, findings, Subject(resource), resource.Properties, null, Property, resource.Location,
                Property + " is not set and defaults to false", !resource.PropertiesWritten);
        }

        /// <summary>
        /// Checks that <paramref name="property"/> of <paramref name="container"/> is true (see the class summary).
        /// <c>!Ref AWS::NoValue</c> is not flagged when <paramref name="flagRemoved"/> is false; <paramref name="offerFix"/>
        /// false withholds every fix (when the fix could break another branch).
        /// </summary>
        /// <param name="branch">The one-of branches that led to <paramref name="container"/>, or null.</param>
        /// <param name="missingDefault">How the message explains a missing property, e.g. "StorageEncrypted is not set and defaults to false".</param>
        protected void RequireTrue(
            ResourceView resource,
            IList<Finding> findings,
            string subject,
            MapValue container,
            BranchPath? branch,
            string property,
            SourceLocation missingAt,
            string missingDefault,
            bool createProperties = false,
            bool offerFix = true,
            bool flagRemoved = true)
        {
            var entry = container.GetEntry(property);
            if (entry == null)
            {
                var fix = offerFix && branch == null && container.Origin == ValueOrigin.Written
                    ? new SetPropertyFix(property, "true", ScalarKind.Boolean, container.Location, null, createProperties)
                    : null;
                findings.Add(Create(resource, missingAt, fix, subject, FindingText.Suffix(branch?.Describe(), missingDefault)));
                return;
            }

            var bad = new List<Leaf>();
            var removed = false;
            var total = 0;
            foreach (var leaf in entry.Value.Leaves(branch))
            {
                total++;
                if (leaf.Value is NoValue)
                {
                    // !If [Cond, true, !Ref AWS::NoValue]: in that branch the property is absent and the default applies.
                    if (flagRemoved)
                    {
                        bad.Add(leaf);
                        removed = true;
                    }
                }
                else if (leaf.Value.IsFalse())
                {
                    bad.Add(leaf);
                }
            }

            if (bad.Count == 0)
            {
                return;
            }

            var first = bad[0];
            var setFix = offerFix && bad.Count == 1 && !removed && first.IsFixableInPlace()
                ? new SetPropertyFix(property, "true", ScalarKind.Boolean, container.Location, first.ExistingForFix(),
                    first.ExistingForFix() == null && createProperties)
                : null;

            // Every possible value is bad (isProd ? false : false): the branches do not matter, only the outer ones.
            var paths = new List<BranchPath?>(bad.Count);
            foreach (var leaf in bad)
            {
                paths.Add(leaf.Path);
            }

            var where = bad.Count == total && !removed ? branch?.Describe() : FindingText.Paths(paths);
            var parts = new List<string?> { where };
            foreach (var leaf in bad)
            {
                parts.Add(leaf.Value is NoValue ? "AWS::NoValue leaves " + property + " unset" : FindingText.From(leaf.Value));
            }

            var detail = FindingText.Suffix(parts);
            if (detail.Length == 0)
            {
                detail = " (" + property + " is false)";
            }

            findings.Add(Create(resource, first.Value.Location, setFix, subject, detail));
        }

        /// <summary>True for <c>!Ref AWS::NoValue</c> (a branch that removes the property).</summary>
        protected static bool IsRemoved(Value? value) => value is NoValue;

        /// <summary>The maps <paramref name="value"/> may be, crossing one-of branches; unknown and other values yield nothing.</summary>
        protected static IEnumerable<(MapValue Map, BranchPath? Branch)> Maps(Value? value, BranchPath? outer = null)
        {
            if (value == null)
            {
                yield break;
            }

            foreach (var leaf in value.Leaves(outer))
            {
                if (leaf.Value is MapValue map)
                {
                    yield return (map, leaf.Path);
                }
            }
        }

        /// <summary>The items <paramref name="value"/> may hold, crossing one-of branches at the list level.</summary>
        protected static IEnumerable<(Value Item, BranchPath? Branch)> Items(Value? value, BranchPath? outer = null)
        {
            if (value == null)
            {
                yield break;
            }

            foreach (var leaf in value.Leaves(outer))
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        yield return (item, leaf.Path);
                    }
                }
            }
        }

        /// <summary>
        /// True when <paramref name="property"/> is written, in every branch, with a value that is not an empty string,
        /// null or <c>AWS::NoValue</c>; an unknown value counts as written (it may well be set, and unknown is never a
        /// reason to flag). See <see cref="IsPartlyWritten"/> for properties written in some branches only.
        /// </summary>
        protected static bool IsWritten(MapValue map, string property) => Written(map, property) == Presence.Always;

        /// <summary>True when <paramref name="property"/> is written, but empty, null or <c>AWS::NoValue</c> in some or all branches.</summary>
        protected static bool IsPartlyWritten(MapValue map, string property) => Written(map, property) == Presence.Sometimes;

        private static Presence Written(MapValue map, string property)
        {
            var value = map.Get(property);
            if (value == null)
            {
                return Presence.Never;
            }

            var all = true;
            foreach (var leaf in value.Leaves())
            {
                var written = !(leaf.Value is NoValue) && (!(leaf.Value is ScalarValue s) || (s.Kind != ScalarKind.Null && s.Text.Length > 0));
                all &= written;
            }

            // Written but empty or removed in every branch still counts as "sometimes": an empty Default usually stands
            // for a value given at deployment (the optional-restore pattern), so the rule stays careful.
            return all ? Presence.Always : Presence.Sometimes;
        }

        private enum Presence
        {
            Never,
            Sometimes,
            Always,
        }
    }
}
