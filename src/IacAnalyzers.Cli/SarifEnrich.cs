using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// <c>sarif merge|enrich FILES...</c>: turns the compiler's per-project <c>ErrorLog</c> files (SARIF 2.1) into one
    /// code-scanning-ready log, the same shape <c>check</c> writes: our tool's name and version, every rule with help
    /// and security-severity, only our results (others with <c>--keep-other</c>), URIs relative to <c>%SRCROOT%</c>,
    /// fingerprints, the compiler's suppressions kept. A result reported by several projects (a template shared by
    /// two projects) appears once. Template results get the very fingerprint <c>check</c> gives them (the template is
    /// re-read); C# results are keyed by rule, file and message (which names the construct and property).
    /// </summary>
    public static class SarifEnrich
    {
        public sealed class Result
        {
            public List<CliFinding> Findings { get; } = new List<CliFinding>();

            public List<JsonNode> OtherResults { get; } = new List<JsonNode>();

            public List<JsonNode> OtherRules { get; } = new List<JsonNode>();

            public List<(string Path, string Reason)> Problems { get; } = new List<(string, string)>();
        }

        public static Result Read(IEnumerable<string> files, string root, bool keepOther, CancellationToken cancellationToken)
        {
            var result = new Result();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var otherRuleIds = new HashSet<string>(StringComparer.Ordinal);
            var templates = new Dictionary<string, TemplateAnalysis?>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                JsonNode? log;
                try
                {
                    log = JsonNode.Parse(File.ReadAllText(file));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException)
                {
                    result.Problems.Add((Scanner.Display(root, file), ex.Message));
                    continue;
                }

                if (log?["version"]?.GetValue<string>() != "2.1.0" || log["runs"] is not JsonArray runs)
                {
                    result.Problems.Add((Scanner.Display(root, file), "not a SARIF 2.1.0 log (build with -p:ErrorLog=<file>%2Cversion=2.1)"));
                    continue;
                }

                foreach (var run in runs.OfType<JsonObject>())
                {
                    if (keepOther && run["tool"]?["driver"]?["rules"] is JsonArray rules)
                    {
                        foreach (var rule in rules.OfType<JsonObject>())
                        {
                            var id = rule["id"]?.GetValue<string>();
                            if (id != null && RuleCatalog.Find(id) == null && otherRuleIds.Add(id))
                            {
                                result.OtherRules.Add(rule.DeepClone());
                            }
                        }
                    }

                    if (run["results"] is not JsonArray results)
                    {
                        continue;
                    }

                    foreach (var item in results.OfType<JsonObject>())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var id = item["ruleId"]?.GetValue<string>() ?? string.Empty;
                        var rule = RuleCatalog.Find(id);
                        var physical = item["locations"]?[0]?["physicalLocation"];
                        var uri = physical?["artifactLocation"]?["uri"]?.GetValue<string>();
                        var fullPath = uri == null ? null : ToPath(uri, file);
                        var key = id + "|" + fullPath + "|" + physical?["region"]?.ToJsonString() + "|" + item["message"]?["text"]?.GetValue<string>();
                        if (!seen.Add(key))
                        {
                            continue;
                        }

                        if (rule == null)
                        {
                            if (keepOther)
                            {
                                var copy = item.DeepClone();
                                if (fullPath != null && !Path.IsPathRooted(Scanner.Display(root, fullPath)) && copy["locations"]?[0]?["physicalLocation"]?["artifactLocation"] is JsonObject artifact)
                                {
                                    artifact["uri"] = Scanner.Display(root, fullPath);
                                    artifact["uriBaseId"] = "%SRCROOT%";
                                }

                                copy.AsObject().Remove("ruleIndex");
                                result.OtherResults.Add(copy);
                            }

                            continue;
                        }

                        if (fullPath == null || physical?["region"] is not JsonObject region)
                        {
                            result.Problems.Add((Scanner.Display(root, file), id + " result without a location: " + item["message"]?["text"]?.GetValue<string>()));
                            continue;
                        }

                        int Int(string name, int fallback) => region[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : fallback;
                        var startLine = Int("startLine", 1);
                        var startColumn = Int("startColumn", 1);
                        var location = new SourceLocation(fullPath, 0, 0, startLine - 1, startColumn - 1, Int("endLine", startLine) - 1, Int("endColumn", startColumn) - 1);
                        var severity = (item["level"]?.GetValue<string>() ?? "warning") switch
                        {
                            "error" => DiagnosticSeverity.Error,
                            "note" => DiagnosticSeverity.Info,
                            "none" => DiagnosticSeverity.Hidden,
                            _ => DiagnosticSeverity.Warning,
                        };
                        var message = item["message"]?["text"]?.GetValue<string>() ?? rule.Title;
                        TemplateSuppression? suppression = null;
                        if (item["suppressions"] is JsonArray suppressions && suppressions.Count > 0)
                        {
                            var s = suppressions[0];
                            suppression = new TemplateSuppression("compiler", id, s?["justification"]?.GetValue<string>());
                        }

                        // A template result: the engine's resource and property path, so the fingerprint equals check's.
                        var match = TemplateAnalyzer.IsCandidate(fullPath) ? FindInTemplate(templates, fullPath, id, startLine, startColumn, cancellationToken) : null;
                        result.Findings.Add(new CliFinding(rule, Scanner.Display(root, fullPath), fullPath, match?.Location ?? location, severity, message,
                            match?.ResourceName, match?.ResourceType, match?.PropertyPath ?? string.Empty, match?.Fix, suppression ?? match?.Suppression));
                    }
                }
            }

            var ordered = Scanner.InReportOrder(result.Findings);
            result.Findings.Clear();
            result.Findings.AddRange(ordered);
            Fingerprints.Assign(result.Findings);
            return result;
        }

        private static TemplateFinding? FindInTemplate(Dictionary<string, TemplateAnalysis?> cache, string path, string id, int line, int column, CancellationToken cancellationToken)
        {
            if (!cache.TryGetValue(path, out var analysis))
            {
                var text = File.Exists(path) ? Scanner.Read(path, out var error) : null;
                analysis = text == null ? null : TemplateEngine.Analyze(path, text, null, cancellationToken);
                cache[path] = analysis;
            }

            return analysis?.Findings.FirstOrDefault(f => f.Rule.Id == id && f.Location.StartLine + 1 == line && f.Location.StartColumn + 1 == column);
        }

        private static string? ToPath(string uri, string logFile)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile)
            {
                return absolute.LocalPath;
            }

            return Uri.TryCreate(uri, UriKind.Relative, out _) ? Path.GetFullPath(Uri.UnescapeDataString(uri), Path.GetDirectoryName(Path.GetFullPath(logFile))!) : null;
        }
    }
}
