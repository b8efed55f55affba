using System.Collections.Immutable;
using System.Linq;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.CodeFixes
{
    /// <summary>
    /// The rule ids a code fix provider claims, derived from the catalog: the rules that emit an intent kind the
    /// provider's writer handles, on the provider's surface. No provider names a rule id.
    /// </summary>
    internal static class FixableIds
    {
        public static ImmutableArray<string> For(FixKind kinds, Surfaces surface)
            => RuleCatalog.All
                .Where(r => (r.Fixes & kinds) != FixKind.None && (r.Surfaces & surface) != 0)
                .Select(r => r.Id)
                .ToImmutableArray();
    }
}
