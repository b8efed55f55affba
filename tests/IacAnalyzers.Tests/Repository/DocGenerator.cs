using System;
using System.Linq;
using System.Text;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// Writes the generated parts of the documentation from the catalog: the header block of each rule page and the
    /// README rules table, and the release tracking file of rules not yet shipped. <see cref="DocsTests"/> fails when the committed text differs; run the tests with
    /// <c>IAC_UPDATE_DOCS=1</c> to rewrite them.
    /// </summary>
    public static class DocGenerator
    {
        public const string BlockBegin = "<!-- generated:begin -->";
        public const string BlockEnd = "<!-- generated:end -->";
        public const string TableBegin = "<!-- rules:begin -->";
        public const string TableEnd = "<!-- rules:end -->";

        public static string RuleBlock(RuleInfo rule)
        {
            var sb = new StringBuilder();
            sb.Append("| | |\n|---|---|\n");
            sb.Append("| Id | ").Append(rule.Id).Append(" |\n");
            sb.Append("| Pillar | ").Append(PillarName(rule.Pillar)).Append(" |\n");
            if (rule.BestPractice.Length > 0)
            {
                sb.Append("| Well-Architected best practice | ").Append(rule.BestPractice).Append(" |\n");
            }

            sb.Append("| Default severity | ").Append(SeverityName(rule.Level)).Append(" |\n");
            sb.Append("| Surfaces | ").Append(SurfaceNames(rule.Surfaces)).Append(" |\n");
            sb.Append("| Code fix | ").Append(rule.Fix ?? ("none: " + rule.NoFixReason)).Append(" |\n");
            if (rule.Equivalents.Count > 0)
            {
                sb.Append("| Equivalent peer rules | ")
                  .Append(string.Join(", ", rule.Equivalents.Select(e => e.Tool + " `" + e.Id + "`")))
                  .Append(" |\n");
            }

            sb.Append('\n').Append("> ").Append(rule.Description).Append('\n');
            return sb.ToString();
        }

        public static string ReadmeTable()
        {
            var sb = new StringBuilder();
            sb.Append("| Id | Title | Pillar | Best practice | Default severity | Surfaces | Fix |\n");
            sb.Append("|---|---|---|---|---|---|---|\n");
            foreach (var rule in RuleCatalog.All)
            {
                sb.Append("| [").Append(rule.Id).Append("](").Append(rule.DocPath).Append(") | ")
                  .Append(rule.Title).Append(" | ")
                  .Append(PillarName(rule.Pillar)).Append(" | ")
                  .Append(rule.BestPractice.Length > 0 ? rule.BestPractice : "—").Append(" | ")
                  .Append(SeverityName(rule.Level)).Append(" | ")
                  .Append(SurfaceNames(rule.Surfaces)).Append(" | ")
                  .Append(rule.Fix != null ? "yes" : "—").Append(" |\n");
            }

            return sb.ToString();
        }

        /// <summary>
        /// AnalyzerReleases.Unshipped.md: every catalog id not already in the shipped file, in id order, with its category,
        /// default severity and title (the format Microsoft.CodeAnalysis.Analyzers' release tracking reads).
        /// </summary>
        public static string UnshippedReleases(string shippedText)
        {
            var shipped = shippedText.Replace("\r\n", "\n").Split('\n')
                .Where(l => l.StartsWith("IAC", StringComparison.Ordinal))
                .Select(l => l.Split('|')[0].Trim())
                .ToHashSet(StringComparer.Ordinal);
            var sb = new StringBuilder();
            sb.Append("; Unshipped analyzer release\n");
            sb.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
            sb.Append("; Generated from the catalog: IAC_UPDATE_DOCS=1 dotnet test tests/IacAnalyzers.Tests --filter FullyQualifiedName~DocsTests\n");
            sb.Append('\n').Append("### New Rules\n\n");
            sb.Append("Rule ID | Category | Severity | Notes\n");
            sb.Append("--------|----------|----------|-------\n");
            foreach (var rule in RuleCatalog.All.Where(r => !shipped.Contains(r.Id)))
            {
                var severity = rule.Level == RuleLevel.Disabled ? "Disabled" : IacAnalyzers.Host.Descriptors.SeverityOf(rule.Level).ToString();
                sb.Append(rule.Id).Append(" | ").Append(rule.Category).Append(" | ").Append(severity).Append(" | ").Append(rule.Title).Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Replaces the text between two markers (each on its own line) with <paramref name="content"/>.</summary>
        public static string ReplaceBetween(string text, string begin, string end, string content)
        {
            var b = text.IndexOf(begin, StringComparison.Ordinal);
            var e = text.IndexOf(end, StringComparison.Ordinal);
            if (b < 0 || e < b)
            {
                throw new InvalidOperationException("markers " + begin + " / " + end + " not found in order");
            }

            var start = b + begin.Length;
            return text.Substring(0, start) + "\n" + content + text.Substring(e);
        }

        public static string PillarName(Pillar pillar) => pillar switch
        {
            Pillar.Tool => "Tool",
            Pillar.Security => "Security",
            Pillar.Reliability => "Reliability",
            Pillar.PerformanceEfficiency => "Performance Efficiency",
            Pillar.CostOptimization => "Cost Optimization",
            Pillar.OperationalExcellence => "Operational Excellence",
            Pillar.Sustainability => "Sustainability",
            _ => pillar.ToString(),
        };

        public static string SeverityName(RuleLevel level) => level switch
        {
            RuleLevel.BuildError => "error",
            RuleLevel.BuildWarning => "warning",
            RuleLevel.IdeSuggestion => "suggestion",
            RuleLevel.IdeHidden => "hidden",
            _ => "disabled",
        };

        public static string SurfaceNames(Surfaces surfaces) => surfaces switch
        {
            Surfaces.Both => "CDK C#, CloudFormation",
            Surfaces.Cdk => "CDK C#",
            Surfaces.CloudFormation => "CloudFormation",
            _ => "—",
        };
    }
}
