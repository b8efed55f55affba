using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IacAnalyzers.Samples
{
    /// <summary>One result of a SARIF 2.1 log, with its first physical location (1-based lines and columns).</summary>
    public sealed record SarifFinding(
        string RuleId, string Level, string Message, string? FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public string Position => FilePath == null ? "(no location)" : $"{FilePath}({StartLine},{StartColumn})";

        public override string ToString() => $"{Position}: {Level} {RuleId}: {Message}";
    }

    /// <summary>A rule as the compiler describes it in <c>runs[0].tool.driver.rules</c>.</summary>
    public sealed record SarifRule(string Id, string? Category, IReadOnlyList<string> Tags, string? HelpUri)
    {
        /// <summary>The <c>Pillar:</c> custom tag, or the category when the tag is missing.</summary>
        public string? Pillar => TagValue("Pillar:") ?? Category;

        public string? BestPractice => TagValue("BestPractice:");

        public string? TagValue(string prefix)
            => Tags.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t.Substring(prefix.Length)).FirstOrDefault();
    }

    /// <summary>The parts of a compiler's SARIF 2.1 error log (<c>-p:ErrorLog=x.sarif%2Cversion=2.1</c>) we read.</summary>
    public sealed class SarifLog
    {
        private SarifLog(string version, IReadOnlyList<SarifFinding> findings, IReadOnlyDictionary<string, SarifRule> rules)
        {
            Version = version;
            Findings = findings;
            Rules = rules;
        }

        public string Version { get; }

        public IReadOnlyList<SarifFinding> Findings { get; }

        public IReadOnlyDictionary<string, SarifRule> Rules { get; }

        public static SarifLog Load(string path) => Parse(File.ReadAllText(path));

        public static SarifLog Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
            var findings = new List<SarifFinding>();
            var rules = new Dictionary<string, SarifRule>(StringComparer.Ordinal);
            if (!root.TryGetProperty("runs", out var runs))
            {
                return new SarifLog(version, findings, rules);
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver)
                    && driver.TryGetProperty("rules", out var ruleArray))
                {
                    foreach (var rule in ruleArray.EnumerateArray())
                    {
                        var id = rule.GetProperty("id").GetString() ?? "";
                        string? category = null;
                        var tags = new List<string>();
                        if (rule.TryGetProperty("properties", out var props))
                        {
                            category = props.TryGetProperty("category", out var c) ? c.GetString() : null;
                            if (props.TryGetProperty("tags", out var t))
                            {
                                tags.AddRange(t.EnumerateArray().Select(x => x.GetString() ?? ""));
                            }
                        }

                        var help = rule.TryGetProperty("helpUri", out var h) ? h.GetString() : null;
                        rules[id] = new SarifRule(id, category, tags, help);
                    }
                }

                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    var ruleId = result.TryGetProperty("ruleId", out var r) ? r.GetString() ?? "" : "";
                    var level = result.TryGetProperty("level", out var l) ? l.GetString() ?? "warning" : "warning";
                    var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var mt) ? mt.GetString() ?? "" : "";
                    string? file = null;
                    int startLine = 0, startColumn = 0, endLine = 0, endColumn = 0;
                    if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        && locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
                        {
                            file = ToPath(uri.GetString());
                        }

                        if (physical.TryGetProperty("region", out var region))
                        {
                            startLine = Int(region, "startLine", 0);
                            startColumn = Int(region, "startColumn", 1);
                            endLine = Int(region, "endLine", startLine);
                            endColumn = Int(region, "endColumn", startColumn);
                        }
                    }

                    findings.Add(new SarifFinding(ruleId, level, message, file, startLine, startColumn, endLine, endColumn));
                }
            }

            return new SarifLog(version, findings, rules);
        }

        private static int Int(JsonElement element, string name, int fallback)
            => element.TryGetProperty(name, out var value) && value.TryGetInt32(out var i) ? i : fallback;

        private static string? ToPath(string? uri)
        {
            if (uri == null)
            {
                return null;
            }

            return Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? Path.GetFullPath(u.LocalPath) : uri;
        }
    }
}
