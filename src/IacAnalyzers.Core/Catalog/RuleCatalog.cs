using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace IacAnalyzers.Catalog
{
    /// <summary>
    /// The single place that declares every rule: one <c>public static readonly RuleInfo</c> field per id, in the
    /// file of its id range (<c>RuleCatalog.Tool.cs</c> IAC0xxx, <c>RuleCatalog.SecurityEncryption.cs</c> IAC100x,
    /// <c>RuleCatalog.SecurityNetwork.cs</c> IAC110x, <c>RuleCatalog.SecurityIam.cs</c> IAC120x,
    /// <c>RuleCatalog.Reliability.cs</c> IAC2xxx). <see cref="All"/> finds the fields by reflection: there is no list
    /// to edit. Ids are stable forever: a retired rule keeps its id.
    /// Guard-rail tests keep the catalog, docs/rules, the README table and AnalyzerReleases.*.md in step.
    /// </summary>
    public static partial class RuleCatalog
    {
        public const string HelpLinkBase = "https://github.com/IacAnalyzers/IacAnalyzers/blob/main/docs/rules/";

        /// <summary>Every rule, tool diagnostics included, in id order.</summary>
        public static IReadOnlyList<RuleInfo> All => Discovered.All;

        public static RuleInfo? Find(string id) => Discovered.ById.TryGetValue(id, out var rule) ? rule : null;

        /// <summary>
        /// The catalog's fields, read once. A nested holder so the reflection runs after every field of
        /// <see cref="RuleCatalog"/> is initialized, whatever order the partial files' initializers run in.
        /// </summary>
        private static class Discovered
        {
            public static readonly IReadOnlyList<RuleInfo> All = typeof(RuleCatalog)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsInitOnly && f.FieldType == typeof(RuleInfo))
                .Select(f => (RuleInfo)f.GetValue(null)!)
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToArray();

            public static readonly Dictionary<string, RuleInfo> ById = All
                .GroupBy(r => r.Id, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
    }
}
