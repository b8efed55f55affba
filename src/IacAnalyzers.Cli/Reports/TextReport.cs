using System.IO;
using System.Linq;
using IacAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli.Reports
{
    /// <summary>
    /// The human report: findings grouped by pillar and best practice, in the compiler's <c>file(line,col): level id:</c>
    /// shape, each pillar headed by its Well-Architected risk count. ANSI colours only when asked (on a terminal).
    /// </summary>
    public static class TextReport
    {
        public static void Write(TextWriter w, ScanResult scan, RunSummary summary, bool color, bool showSuppressed)
        {
            string C(string code, string s) => color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
            string LevelText(CliFinding f) => f.Severity switch
            {
                DiagnosticSeverity.Error => C("31", "error"),
                DiagnosticSeverity.Warning => C("33", "warning"),
                _ => C("36", "note"),
            };
            void Line(CliFinding f, string indent)
            {
                var where = f.Resource != null ? " [" + f.Resource + "]" : string.Empty;
                var baseline = f.InBaseline == false ? C("35", " (new)") : string.Empty;
                w.WriteLine($"{indent}{f.Path}({f.StartLine},{f.StartColumn}): {LevelText(f)} {C("1", f.Rule.Id)}: {f.Message}{where}{baseline}");
            }

            var report = RiskReport.From(scan.Findings);
            w.WriteLine($"iac-analyzers: {RiskReport.Plural(scan.Templates, "template")} checked in {RiskReport.Plural(scan.FilesRead, "candidate file")}");
            foreach (var pillar in report.Pillars)
            {
                w.WriteLine();
                w.WriteLine(C("1", pillar.Name) + ": " + RiskReport.Risks(pillar.High, pillar.Medium, pillar.Low));
                foreach (var bp in pillar.BestPractices)
                {
                    w.WriteLine($"  {bp.Id} {bp.Title}: {RiskReport.Risks(bp.High, bp.Medium, bp.Low)}");
                    foreach (var f in bp.Findings)
                    {
                        Line(f, "    ");
                    }
                }
            }

            if (report.Tool.Count > 0)
            {
                w.WriteLine();
                w.WriteLine(C("1", "Tool") + ": " + RiskReport.Plural(report.Tool.Count, "diagnostic"));
                foreach (var f in report.Tool)
                {
                    Line(f, "  ");
                }
            }

            var suppressed = scan.Findings.Where(f => f.IsSuppressed).ToList();
            if (showSuppressed && suppressed.Count > 0)
            {
                w.WriteLine();
                w.WriteLine(C("1", "Suppressed") + ": " + suppressed.Count);
                foreach (var f in suppressed)
                {
                    Line(f, "  ");
                    w.WriteLine($"      suppressed by {f.Suppression!.Source} {f.Suppression.Id}" + (f.Suppression.Reason != null ? ": " + f.Suppression.Reason : string.Empty));
                }
            }

            w.WriteLine();
            w.WriteLine(C("1", "Well-Architected risks") + ": " + (report.Pillars.Count == 0
                ? "none found"
                : string.Join("; ", report.Pillars.Select(p => p.Name + " " + RiskReport.Risks(p.High, p.Medium)))));
            if (suppressed.Count > 0 || summary.Baselined > 0)
            {
                w.WriteLine($"Not counted: {RiskReport.Plural(suppressed.Count, "suppressed finding")}" +
                            (summary.Baselined > 0 ? $", {summary.Baselined} in the baseline" : string.Empty) +
                            (showSuppressed || suppressed.Count == 0 ? "." : " (--show-suppressed lists them)."));
            }

            foreach (var stale in summary.StaleBaseline)
            {
                w.WriteLine($"Baseline entry no longer found (remove it): {stale.Rule} {stale.File} {stale.Resource}".TrimEnd());
            }

            foreach (var (path, reason) in scan.Unreadable)
            {
                w.WriteLine($"Could not read {path}: {reason}");
            }

            foreach (var missing in scan.Missing)
            {
                w.WriteLine($"No such file or folder: {missing}");
            }
        }

        public static string Level(RuleInfo rule) => rule.Level switch
        {
            RuleLevel.BuildError => "error",
            RuleLevel.BuildWarning => "warning",
            RuleLevel.IdeSuggestion => "suggestion",
            RuleLevel.IdeHidden => "silent",
            _ => "none",
        };
    }
}
