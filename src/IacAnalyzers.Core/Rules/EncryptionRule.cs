using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// The shared logic of the storage-encryption rules (IAC10xx): "this boolean must end up true", where a missing
    /// value means unencrypted, possibly inside a nested map or a list item. Every message of these rules takes two
    /// arguments: {0} the subject (e.g. <c>RDS DB instance 'Db'</c>) and {1} the detail suffix (why the value is
    /// what it is, which branch), so one helper serves them all.
    /// </summary>
    public abstract class EncryptionRule : Rule
    {
        protected EncryptionRule(RuleInfo info, params string[] resourceTypes)
            : base(info, resourceTypes)
        {
        }

        /// <summary>
        /// Checks that <paramref name="property"/> of <paramref name="container"/> is true. Missing: a finding at
        /// <paramref name="missingAt"/> with a fix that adds the property. Written false (in any branch): a finding at
        /// the value, with a fix that replaces it when the value is written right there (no branch, no provenance).
        /// Unknown values are never flagged. <c>!Ref AWS::NoValue</c> in a branch leaves the property unset there: flagged,
        /// without a fix, unless <paramref name="flagRemoved"/> is false. <paramref name="offerFix"/> false withholds every
        /// fix (when the fix could break another branch).
        /// </summary>
        /// <param name="branch">The one-of branch that led to <paramref name="container"/>, or null.</param>
        /// <param name="missingDefault">How the message explains a missing property, e.g. "StorageEncrypted is not set and defaults to false".</param>
        protected void RequireTrue(
            ResourceView resource,
            IList<Finding> findings,
            string subject,
            MapValue container,
            string? branch,
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
                var fix = offerFix && branch == null && container.Provenance == null
                    ? new SetPropertyFix(property, "true", ScalarKind.Boolean, container.Location, null, createProperties)
                    : null;
                findings.Add(Create(resource, missingAt, fix, subject, Suffix(branch, missingDefault)));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                if (IsRemoved(leaf.Value))
                {
                    if (!flagRemoved)
                    {
                        continue;
                    }

                    // !If [Cond, true, !Ref AWS::NoValue]: in that branch the property is absent and the default applies.
                    findings.Add(Create(resource, leaf.Value.Location, null, subject,
                        Suffix(Join(branch, leaf.Branch), "AWS::NoValue leaves " + property + " unset")));
                    continue;
                }

                if (!leaf.Value.IsFalse())
                {
                    continue;
                }

                var combined = new Leaf(leaf.Value, Join(branch, leaf.Branch));
                var fix = offerFix && combined.Branch == null && leaf.Value.Provenance == null
                    ? new SetPropertyFix(property, "true", ScalarKind.Boolean, container.Location, leaf.Value, false)
                    : null;
                var detail = combined.Detail();
                if (detail.Length == 0)
                {
                    detail = " (" + property + " is false)";
                }

                findings.Add(Create(resource, leaf.Value.Location, fix, subject, detail));
            }
        }

        /// <summary>
        /// True for <c>!Ref AWS::NoValue</c> (a branch that removes the property): the reader gives it as an unknown
        /// value whose reason starts with <c>AWS::NoValue</c> (pinned by a reader test in IAC1001's tests).
        /// </summary>
        protected static bool IsRemoved(Value? value)
            => value is UnknownValue unknown && unknown.Reason.StartsWith("AWS::NoValue", System.StringComparison.Ordinal);

        /// <summary>The maps <paramref name="value"/> may be, crossing one-of branches; unknown and other values yield nothing.</summary>
        protected static IEnumerable<(MapValue Map, string? Branch)> Maps(Value? value)
        {
            if (value == null)
            {
                yield break;
            }

            foreach (var leaf in value.Leaves())
            {
                if (leaf.Value is MapValue map)
                {
                    yield return (map, leaf.Branch);
                }
            }
        }

        /// <summary>The items <paramref name="value"/> may hold, crossing one-of branches at the list and item level.</summary>
        protected static IEnumerable<(Value Item, string? Branch)> Items(Value? value)
        {
            if (value == null)
            {
                yield break;
            }

            foreach (var leaf in value.Leaves())
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        yield return (item, leaf.Branch);
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
                var written = !IsRemoved(leaf.Value) && (!(leaf.Value is ScalarValue s) || (s.Kind != ScalarKind.Null && s.Text.Length > 0));
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

        protected static string? Join(string? outer, string? inner)
            => outer == null ? inner : inner == null ? outer : outer + " and " + inner;

        private static string Suffix(string? branch, string text)
            => " (" + (branch == null ? text : branch + "; " + text) + ")";
    }
}
