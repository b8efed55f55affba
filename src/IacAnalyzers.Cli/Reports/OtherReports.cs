using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace IacAnalyzers.Cli.Reports
{
    /// <summary>
    /// The tool's own JSON (documented in docs/cli.md, format version 1; fields are only ever added): summary, risks per
    /// pillar, every finding with its fingerprint, suppression and baseline state, stale baseline entries, unreadable files.
    /// </summary>
    public static class JsonReport
    {
        public const int FormatVersion = 1;

        public static void Write(Stream stream, ScanResult scan, RunSummary summary, bool baselineInUse)
        {
            var risks = RiskReport.From(scan.Findings);
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", "iac-analyzers");
            w.WriteString("version", CliApp.Version);
            w.WriteEndObject();
            w.WriteStartObject("summary");
            w.WriteNumber("filesRead", scan.FilesRead);
            w.WriteNumber("templates", scan.Templates);
            w.WriteNumber("findings", scan.Findings.Count);
            w.WriteNumber("active", scan.Findings.Count(f => f.IsActive));
            w.WriteNumber("suppressed", scan.Findings.Count(f => f.IsSuppressed));
            w.WriteNumber("baselined", summary.Baselined);
            w.WriteNumber("highRisks", risks.High);
            w.WriteNumber("mediumRisks", risks.Medium);
            w.WriteStartArray("pillars");
            foreach (var p in risks.Pillars)
            {
                w.WriteStartObject();
                w.WriteString("pillar", p.Pillar.ToString());
                w.WriteNumber("highRisks", p.High);
                w.WriteNumber("mediumRisks", p.Medium);
                w.WriteNumber("suggestions", p.Low);
                w.WriteStartArray("bestPractices");
                foreach (var b in p.BestPractices)
                {
                    w.WriteStartObject();
                    w.WriteString("id", b.Id);
                    w.WriteString("title", b.Title);
                    w.WriteNumber("highRisks", b.High);
                    w.WriteNumber("mediumRisks", b.Medium);
                    w.WriteNumber("suggestions", b.Low);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in scan.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.Rule.Id);
                w.WriteString("title", f.Rule.Title);
                w.WriteString("level", f.Level);
                w.WriteString("message", f.Message);
                w.WriteString("file", f.Path);
                w.WriteNumber("startLine", f.StartLine);
                w.WriteNumber("startColumn", f.StartColumn);
                w.WriteNumber("endLine", f.EndLine);
                w.WriteNumber("endColumn", f.EndColumn);
                if (f.Resource != null)
                {
                    w.WriteString("resource", f.Resource);
                }
                else
                {
                    w.WriteNull("resource");
                }

                if (f.ResourceType != null)
                {
                    w.WriteString("resourceType", f.ResourceType);
                }
                else
                {
                    w.WriteNull("resourceType");
                }

                w.WriteString("propertyPath", f.PropertyPath);
                w.WriteString("pillar", f.Rule.Pillar.ToString());
                w.WriteString("bestPractice", f.Rule.BestPractice);
                w.WriteString("fingerprint", f.Fingerprint);
                w.WriteBoolean("suppressed", f.IsSuppressed);
                if (f.Suppression is { } s)
                {
                    w.WriteStartObject("suppression");
                    w.WriteString("source", s.Source);
                    w.WriteString("id", s.Id);
                    if (s.Reason != null)
                    {
                        w.WriteString("reason", s.Reason);
                    }
                    else
                    {
                        w.WriteNull("reason");
                    }

                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("suppression");
                }

                if (baselineInUse && f.InBaseline is bool b)
                {
                    w.WriteString("baseline", b ? "unchanged" : "new");
                }
                else
                {
                    w.WriteNull("baseline");
                }

                if (f.Fix != null)
                {
                    w.WriteString("fix", f.Fix.Title);
                }
                else
                {
                    w.WriteNull("fix");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("staleBaselineEntries");
            foreach (var e in summary.StaleBaseline)
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Rule);
                w.WriteString("file", e.File);
                w.WriteString("resource", e.Resource);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unreadable");
            foreach (var (path, reason) in scan.Unreadable)
            {
                w.WriteStartObject();
                w.WriteString("file", path);
                w.WriteString("reason", reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    /// <summary>GitHub Actions workflow commands: one annotation per active finding.</summary>
    public static class GithubReport
    {
        public static void Write(TextWriter w, ScanResult scan)
        {
            foreach (var f in scan.Findings.Where(f => f.IsActive))
            {
                var command = f.Level == "error" ? "error" : f.Level == "warning" ? "warning" : "notice";
                w.WriteLine($"::{command} file={Property(f.Path)},line={f.StartLine},col={f.StartColumn},endLine={f.EndLine},endColumn={f.EndColumn},title={Property(f.Rule.Id + " " + f.Rule.Title)}::{Data(f.Message + (f.Resource != null ? " [" + f.Resource + "]" : string.Empty) + " (" + f.Rule.HelpLink + ")")}");
            }
        }

        /// <summary>Escaping of the message part, as the Actions runner expects.</summary>
        public static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Escaping of a property value: also ':' and ','.</summary>
        public static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
    }

    /// <summary>Markdown for <c>$GITHUB_STEP_SUMMARY</c>: the risk report as tables, then the findings (first 200).</summary>
    public static class MarkdownReport
    {
        public const int MaxRows = 200;

        public static void Write(TextWriter w, ScanResult scan, RunSummary summary)
        {
            var risks = RiskReport.From(scan.Findings);
            w.WriteLine("## IacAnalyzers: Well-Architected risks");
            w.WriteLine();
            w.WriteLine($"{RiskReport.Plural(scan.Templates, "template")} checked: **{RiskReport.Risks(risks.High, risks.Medium)}**" +
                        (summary.Baselined > 0 ? $" ({summary.Baselined} more in the baseline)" : string.Empty) + ".");
            w.WriteLine();
            if (risks.Pillars.Count > 0)
            {
                w.WriteLine("| Pillar | Best practice | High risks | Medium risks |");
                w.WriteLine("|---|---|---:|---:|");
                foreach (var p in risks.Pillars)
                {
                    w.WriteLine($"| **{p.Name}** | | **{p.High}** | **{p.Medium}** |");
                    foreach (var b in p.BestPractices)
                    {
                        w.WriteLine($"| | {b.Id} {Cell(b.Title)} | {b.High} | {b.Medium} |");
                    }
                }

                w.WriteLine();
            }

            var active = scan.Findings.Where(f => f.IsActive).ToList();
            if (active.Count > 0)
            {
                w.WriteLine("<details><summary>Findings (" + active.Count + ")</summary>");
                w.WriteLine();
                w.WriteLine("| Level | Rule | File | Resource | Message |");
                w.WriteLine("|---|---|---|---|---|");
                foreach (var f in active.Take(MaxRows))
                {
                    w.WriteLine($"| {f.Level} | [{f.Rule.Id}]({f.Rule.HelpLink}) | `{Cell(f.Path)}:{f.StartLine}` | {Cell(f.Resource ?? string.Empty)} | {Cell(f.Message)} |");
                }

                if (active.Count > MaxRows)
                {
                    w.WriteLine();
                    w.WriteLine($"… and {active.Count - MaxRows} more (see the SARIF or JSON report).");
                }

                w.WriteLine();
                w.WriteLine("</details>");
            }

            var notes = new List<string>();
            var suppressed = scan.Findings.Count(f => f.IsSuppressed);
            if (suppressed > 0)
            {
                notes.Add(RiskReport.Plural(suppressed, "suppressed finding") + " not counted");
            }

            if (summary.StaleBaseline.Count > 0)
            {
                notes.Add(RiskReport.Plural(summary.StaleBaseline.Count, "stale baseline entry").Replace("entrys", "entries") + " (the finding is gone: remove the entry)");
            }

            if (notes.Count > 0)
            {
                w.WriteLine();
                w.WriteLine(string.Join("; ", notes) + ".");
            }
        }

        private static string Cell(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                sb.Append(c switch { '|' => "\\|", '\n' => " ", '\r' => " ", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
            }

            return sb.ToString();
        }
    }
}
