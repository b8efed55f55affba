using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// A reviewable list of accepted findings (JSON): one entry per finding with its fingerprint, rule, file, resource,
    /// property, message and a <c>reason</c> for the team to fill in. <c>check --baseline</c> matches findings by
    /// fingerprint (see <see cref="Fingerprints"/>): only findings not listed fail the run, and entries whose finding is
    /// gone are reported as stale so the file shrinks.
    /// </summary>
    public sealed class Baseline
    {
        public const int FormatVersion = 1;

        public Baseline(IReadOnlyList<BaselineEntry> entries)
        {
            Entries = entries;
        }

        public IReadOnlyList<BaselineEntry> Entries { get; }

        public static Baseline From(IEnumerable<CliFinding> findings)
            => new Baseline(findings.Where(f => !f.IsSuppressed)
                .Select(f => new BaselineEntry(f.Fingerprint, f.Rule.Id, f.Path, f.Resource, f.PropertyPath, f.Message, string.Empty))
                .ToList());

        /// <summary>Marks each finding in or out of the baseline; returns the entries no finding matched.</summary>
        public IReadOnlyList<BaselineEntry> Apply(IEnumerable<CliFinding> findings)
        {
            var unmatched = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                unmatched[entry.Fingerprint] = entry;
            }

            var known = new HashSet<string>(unmatched.Keys, StringComparer.Ordinal);
            foreach (var finding in findings)
            {
                finding.InBaseline = known.Contains(finding.Fingerprint);
                unmatched.Remove(finding.Fingerprint);
            }

            return Entries.Where(e => unmatched.ContainsKey(e.Fingerprint)).ToList();
        }

        public static Baseline Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("the file has no \"entries\" list");
            }

            string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var list = new List<BaselineEntry>();
            foreach (var e in entries.EnumerateArray())
            {
                var fingerprint = S(e, "fingerprint");
                if (string.IsNullOrEmpty(fingerprint))
                {
                    throw new FormatException("an entry has no \"fingerprint\"");
                }

                list.Add(new BaselineEntry(fingerprint, S(e, "rule") ?? string.Empty, S(e, "file") ?? string.Empty, S(e, "resource"), S(e, "property") ?? string.Empty, S(e, "message") ?? string.Empty, S(e, "reason") ?? string.Empty));
            }

            return new Baseline(list);
        }

        /// <summary>Writes the file; reasons already written in <paramref name="previous"/> are kept for findings still present.</summary>
        public void Save(string path, Baseline? previous)
        {
            var reasons = previous?.Entries.Where(e => e.Reason.Length > 0).ToDictionary(e => e.Fingerprint, e => e.Reason, StringComparer.Ordinal)
                          ?? new Dictionary<string, string>(StringComparer.Ordinal);
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("$comment", "iac-analyzers baseline: accepted findings. `iac-analyzers check --baseline <this file>` fails only on findings not listed here. Fill in each reason; delete entries the tool reports as stale.");
                w.WriteNumber("version", FormatVersion);
                w.WriteStartArray("entries");
                foreach (var e in Entries.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Resource, StringComparer.Ordinal).ThenBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal))
                {
                    w.WriteStartObject();
                    w.WriteString("rule", e.Rule);
                    w.WriteString("file", e.File);
                    if (e.Resource != null)
                    {
                        w.WriteString("resource", e.Resource);
                    }

                    w.WriteString("property", e.Property);
                    w.WriteString("message", e.Message);
                    w.WriteString("fingerprint", e.Fingerprint);
                    w.WriteString("reason", reasons.TryGetValue(e.Fingerprint, out var r) ? r : e.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            File.WriteAllBytes(path, stream.ToArray().Concat(new[] { (byte)'\n' }).ToArray());
        }
    }

    public sealed class BaselineEntry
    {
        public BaselineEntry(string fingerprint, string rule, string file, string? resource, string property, string message, string reason)
        {
            Fingerprint = fingerprint;
            Rule = rule;
            File = file;
            Resource = resource;
            Property = property;
            Message = message;
            Reason = reason;
        }

        public string Fingerprint { get; }

        public string Rule { get; }

        public string File { get; }

        public string? Resource { get; }

        public string Property { get; }

        public string Message { get; }

        public string Reason { get; }
    }

    /// <summary>What decides the exit code and the summary lines, beyond the findings themselves.</summary>
    public sealed class RunSummary
    {
        public int Baselined { get; set; }

        public IReadOnlyList<BaselineEntry> StaleBaseline { get; set; } = Array.Empty<BaselineEntry>();
    }
}
