using System;
using System.Collections.Concurrent;
using System.IO;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Cli
{
    /// <summary>The rule pages (docs/rules/IACnnnn.md), embedded in the tool so an installed tool has them.</summary>
    public static class RuleDocs
    {
        private static readonly ConcurrentDictionary<string, string?> Pages = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>The page as Markdown (generated-block markers removed), or null when the tool carries none.</summary>
        public static string? Markdown(RuleInfo rule) => Pages.GetOrAdd(rule.Id, id =>
        {
            using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream("rules/" + id + ".md");
            if (stream == null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            return text.Replace("<!-- generated:begin -->\n", string.Empty, StringComparison.Ordinal)
                       .Replace("<!-- generated:end -->\n", string.Empty, StringComparison.Ordinal);
        });

        /// <summary>Plain text help: the description, the fix, and where the full page is.</summary>
        public static string Text(RuleInfo rule)
        {
            var text = rule.Description;
            if (rule.BestPractice.Length > 0)
            {
                text += "\n\nWell-Architected: " + rule.Pillar + ", " + rule.BestPractice + (BestPractices.Title(rule.BestPractice) is string t ? " " + t : string.Empty) + ".";
            }

            text += rule.Fix != null ? "\n\nFix: " + rule.Fix : rule.NoFixReason != null ? "\n\nNo automatic fix: " + rule.NoFixReason : string.Empty;
            return text + "\n\nDocumentation: " + rule.HelpLink;
        }
    }
}
