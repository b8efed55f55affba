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
        /// Unknown values are never flagged.
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
            bool createProperties = false)
        {
            var entry = container.GetEntry(property);
            if (entry == null)
            {
                var fix = branch == null && container.Provenance == null
                    ? new SetPropertyFix(property, "true", ScalarKind.Boolean, container.Location, null, createProperties)
                    : null;
                findings.Add(Create(resource, missingAt, fix, subject, Suffix(branch, missingDefault)));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                if (!leaf.Value.IsFalse())
                {
                    continue;
                }

                var combined = new Leaf(leaf.Value, Join(branch, leaf.Branch));
                var fix = combined.Branch == null && leaf.Value.Provenance == null
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
        /// True when <paramref name="property"/> is written with a value that is not an empty string or null; an
        /// unknown value counts as written (it may well be set, and unknown is never a reason to flag).
        /// </summary>
        protected static bool IsWritten(MapValue map, string property)
        {
            var value = map.Get(property);
            if (value == null)
            {
                return false;
            }

            foreach (var leaf in value.Leaves())
            {
                if (!(leaf.Value is ScalarValue s) || (s.Kind != ScalarKind.Null && s.Text.Length > 0))
                {
                    return true;
                }
            }

            return false;
        }

        protected static string? Join(string? outer, string? inner)
            => outer == null ? inner : inner == null ? outer : outer + " and " + inner;

        private static string Suffix(string? branch, string text)
            => " (" + (branch == null ? text : branch + "; " + text) + ")";
    }
}
