using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Cli.Reports
{
    /// <summary>
    /// SARIF 2.1.0 for GitHub code scanning. Every catalog rule with short/full description, help (text and the rule
    /// page as Markdown), helpUri, tags (pillar, best practice, <c>security</c> for Security rules), precision and
    /// <c>security-severity</c> (<see cref="SecuritySeverity"/>); results with <c>%SRCROOT%</c>-relative URIs, regions,
    /// <c>partialFingerprints</c>, suppressions (kind <c>inSource</c> with the written reason) and, under a baseline,
    /// <c>baselineState</c>.
    /// </summary>
    public static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        public const string InformationUri = "https://github.com/IacAnalyzers/IacAnalyzers";

        /// <summary>
        /// The CVSS-like number GitHub reads to rank security alerts (critical ≥ 9, high 7–8.9, medium 4–6.9, low &lt; 4):
        /// Security rules whose default is an error (exposed, unencrypted, full wildcard) 8.0 (high); Security warnings 5.5
        /// (medium); suggestions 3.0 (low). Rules of other pillars and tool diagnostics carry none (they are not
        /// security alerts). Documented in docs/cli.md.
        /// </summary>
        public static string? SecuritySeverity(RuleInfo rule)
        {
            if (rule.Pillar != Pillar.Security)
            {
                return null;
            }

            return rule.Level switch
            {
                RuleLevel.BuildError => "8.0",
                RuleLevel.BuildWarning => "5.5",
                _ => "3.0",
            };
        }

        /// <summary>high for rules that fail the build by default (no known false positives), medium otherwise.</summary>
        public static string Precision(RuleInfo rule) => rule.Level == RuleLevel.BuildError ? "high" : "medium";

        public static void Write(Stream stream, IReadOnlyList<CliFinding> findings, string root, string category, bool baselineInUse, bool executionSuccessful,
            IEnumerable<(string Path, string Reason)> notifications, IEnumerable<System.Text.Json.Nodes.JsonNode>? otherRules = null, IEnumerable<System.Text.Json.Nodes.JsonNode>? otherResults = null)
        {
            var rules = RuleCatalog.All.ToList();
            var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "iac-analyzers");
            w.WriteString("fullName", "IacAnalyzers command-line tool");
            w.WriteString("version", CliApp.Version);
            w.WriteString("semanticVersion", CliApp.Version.Split('+')[0]);
            w.WriteString("informationUri", InformationUri);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            foreach (var rule in otherRules ?? Enumerable.Empty<System.Text.Json.Nodes.JsonNode>())
            {
                rule.WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("invocations");
            w.WriteStartObject();
            w.WriteBoolean("executionSuccessful", executionSuccessful);
            var notes = notifications.ToList();
            if (notes.Count > 0)
            {
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var (path, reason) in notes)
                {
                    w.WriteStartObject();
                    w.WriteString("level", "error");
                    w.WriteStartObject("message");
                    w.WriteString("text", path + ": " + reason);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject("%SRCROOT%");
            w.WriteString("uri", new Uri(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar).AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("automationDetails");
            w.WriteString("id", category.EndsWith('/') ? category : category + "/");
            w.WriteEndObject();

            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteStartArray("results");
            foreach (var f in findings)
            {
                WriteResult(w, f, index[f.Rule.Id], baselineInUse);
            }

            foreach (var result in otherResults ?? Enumerable.Empty<System.Text.Json.Nodes.JsonNode>())
            {
                result.WriteTo(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteRule(Utf8JsonWriter w, RuleInfo rule)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", Name(rule));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Description);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", RuleDocs.Text(rule));
            w.WriteString("markdown", RuleDocs.Markdown(rule) ?? RuleDocs.Text(rule));
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpLink);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", rule.Level switch
            {
                RuleLevel.BuildError => "error",
                RuleLevel.BuildWarning => "warning",
                _ => "note",
            });
            if (rule.Level == RuleLevel.Disabled)
            {
                w.WriteBoolean("enabled", false);
            }

            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteStartArray("tags");
            foreach (var tag in Tags(rule))
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
            w.WriteString("precision", Precision(rule));
            w.WriteString("problem.severity", rule.Level == RuleLevel.BuildError ? "error" : rule.Level == RuleLevel.BuildWarning ? "warning" : "recommendation");
            if (SecuritySeverity(rule) is string severity)
            {
                w.WriteString("security-severity", severity);
            }

            w.WriteString("pillar", rule.Pillar.ToString());
            if (rule.BestPractice.Length > 0)
            {
                w.WriteString("bestPractice", rule.BestPractice);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        public static IEnumerable<string> Tags(RuleInfo rule)
        {
            if (rule.Pillar == Pillar.Security)
            {
                yield return "security";
            }

            yield return rule.Pillar == Pillar.Tool ? "tool" : "well-architected/" + rule.Pillar.ToString().ToLowerInvariant();
            if (rule.BestPractice.Length > 0)
            {
                yield return rule.BestPractice;
            }

            if ((rule.Surfaces & Surfaces.CloudFormation) != 0)
            {
                yield return "cloudformation";
            }

            if ((rule.Surfaces & Surfaces.Cdk) != 0)
            {
                yield return "aws-cdk";
            }
        }

        /// <summary>A PascalCase name from the title ("SSH is open to the internet" → SshIsOpenToTheInternet).</summary>
        private static string Name(RuleInfo rule)
        {
            var parts = rule.Title.Split(new[] { ' ', '-', '/', ',', '(', ')', '.' }, StringSplitOptions.RemoveEmptyEntries);
            return string.Concat(parts.Select(p => p.Length > 1 && p.All(char.IsUpper) ? p[0] + p.Substring(1).ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p.Substring(1)));
        }

        private static void WriteResult(Utf8JsonWriter w, CliFinding f, int ruleIndex, bool baselineInUse)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Rule.Id);
            w.WriteNumber("ruleIndex", ruleIndex);
            w.WriteString("level", f.Level);
            w.WriteStartObject("message");
            w.WriteString("text", f.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            var relative = !Path.IsPathRooted(f.Path);
            w.WriteString("uri", relative ? EscapeRelative(f.Path) : new Uri(f.FullPath).AbsoluteUri);
            if (relative)
            {
                w.WriteString("uriBaseId", "%SRCROOT%");
            }

            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", f.StartLine);
            w.WriteNumber("startColumn", f.StartColumn);
            w.WriteNumber("endLine", f.EndLine);
            w.WriteNumber("endColumn", f.EndColumn);
            w.WriteEndObject();
            w.WriteEndObject();
            if (f.Resource != null)
            {
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("name", f.Resource);
                w.WriteString("fullyQualifiedName", f.PropertyPath.Length > 0 ? f.Resource + "." + f.PropertyPath : f.Resource);
                w.WriteString("kind", "resource");
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString(Fingerprints.SarifKey, f.Fingerprint);
            w.WriteEndObject();
            if (f.Suppression is { } s)
            {
                w.WriteStartArray("suppressions");
                w.WriteStartObject();
                w.WriteString("kind", "inSource");
                w.WriteString("status", "accepted");
                w.WriteString("justification", s.Reason ?? "(no reason given)");
                w.WriteStartObject("properties");
                w.WriteString("source", s.Source);
                w.WriteString("suppressedId", s.Id);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
            }

            if (baselineInUse && f.InBaseline is bool inBaseline)
            {
                w.WriteString("baselineState", inBaseline ? "unchanged" : "new");
            }

            w.WriteStartObject("properties");
            if (f.Resource != null)
            {
                w.WriteString("resource", f.Resource);
            }

            if (f.ResourceType != null)
            {
                w.WriteString("resourceType", f.ResourceType);
            }

            if (f.PropertyPath.Length > 0)
            {
                w.WriteString("propertyPath", f.PropertyPath);
            }

            w.WriteString("pillar", f.Rule.Pillar.ToString());
            if (f.Rule.BestPractice.Length > 0)
            {
                w.WriteString("bestPractice", f.Rule.BestPractice);
            }

            if (f.Fix != null)
            {
                w.WriteString("fix", f.Fix.Title);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string EscapeRelative(string path)
            => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
    }
}
