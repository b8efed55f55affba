using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IacAnalyzers.Samples
{
    /// <summary>
    /// "Rule <see cref="Id"/> must report something in <see cref="FilePath"/> whose span touches lines
    /// <see cref="FirstLine"/>..<see cref="LastLine"/>" (1-based), read from a sample's own comments.
    /// </summary>
    public sealed record Expectation(string Id, string FilePath, int FirstLine, int LastLine)
    {
        public bool IsMatchedBy(SarifFinding finding)
            => finding.RuleId == Id
               && finding.FilePath != null
               && string.Equals(Path.GetFullPath(finding.FilePath), Path.GetFullPath(FilePath), StringComparison.Ordinal)
               && finding.StartLine <= LastLine
               && Math.Max(finding.EndLine, finding.StartLine) >= FirstLine;

        public override string ToString()
            => FirstLine == LastLine ? $"{Id} at {FilePath}({FirstLine})" : $"{Id} in {FilePath}({FirstLine}-{LastLine})";
    }

    /// <summary>
    /// Reads the expected findings the samples declare:
    /// <list type="bullet">
    /// <item>C#: a comment <c>// IAC2001, IAC1001: why</c> at the end of (or on) a line: the findings' spans cover that line.</item>
    /// <item>YAML: a comment <c># IAC2001: why</c>, same meaning.</item>
    /// <item>JSON (no comments): a resource's <c>Metadata.Comment</c> naming the ids: the findings lie within that resource.</item>
    /// </list>
    /// Only ids at the start of a comment count, so prose that mentions an id declares nothing.
    /// </summary>
    public static class SampleExpectations
    {
        private const string IdList = @"(?<ids>IAC\d{4}(?:\s*,\s*IAC\d{4})*)\b";
        private static readonly Regex CSharpComment = new Regex(@"//\s*" + IdList, RegexOptions.CultureInvariant);
        private static readonly Regex YamlComment = new Regex(@"(?:^|\s)#\s*" + IdList, RegexOptions.CultureInvariant);
        private static readonly Regex AnyId = new Regex(@"\bIAC\d{4}\b", RegexOptions.CultureInvariant);

        /// <summary>The sample files under <paramref name="directory"/> (C#, YAML, JSON), skipping bin/obj/cdk.out.</summary>
        public static IReadOnlyList<string> SampleFiles(string directory)
        {
            var skip = new[] { "bin", "obj", "cdk.out", "node_modules" };
            return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(skip.Contains))
                .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                            || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                            || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                            || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Where(f => !Path.GetFileName(f).Equals("appsettings.json", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFullPath)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }

        public static IReadOnlyList<Expectation> Read(string path)
        {
            var full = Path.GetFullPath(path);
            var text = File.ReadAllText(full);
            if (full.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                return FromLineComments(full, text, CSharpComment);
            }

            if (full.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || full.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            {
                return FromLineComments(full, text, YamlComment);
            }

            if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return FromJsonMetadata(full, text);
            }

            return Array.Empty<Expectation>();
        }

        private static IReadOnlyList<Expectation> FromLineComments(string path, string text, Regex comment)
        {
            var result = new List<Expectation>();
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in comment.Matches(lines[i]))
                {
                    foreach (Match id in AnyId.Matches(match.Groups["ids"].Value))
                    {
                        result.Add(new Expectation(id.Value, path, i + 1, i + 1));
                    }
                }
            }

            return result;
        }

        /// <summary>For each entry of the top-level <c>Resources</c> object: its ids and its line range.</summary>
        private static IReadOnlyList<Expectation> FromJsonMetadata(string path, string text)
        {
            var result = new List<Expectation>();
            var bytes = Encoding.UTF8.GetBytes(text);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException)
            {
                return result;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("Resources", out var resources)
                    || resources.ValueKind != JsonValueKind.Object)
                {
                    return result;
                }

                var ranges = ResourceLineRanges(bytes);
                foreach (var resource in resources.EnumerateObject())
                {
                    if (resource.Value.ValueKind == JsonValueKind.Object
                        && resource.Value.TryGetProperty("Metadata", out var metadata)
                        && metadata.ValueKind == JsonValueKind.Object
                        && metadata.TryGetProperty("Comment", out var comment)
                        && comment.ValueKind == JsonValueKind.String
                        && ranges.TryGetValue(resource.Name, out var range))
                    {
                        foreach (Match id in AnyId.Matches(comment.GetString() ?? ""))
                        {
                            result.Add(new Expectation(id.Value, path, range.First, range.Last));
                        }
                    }
                }
            }

            return result;
        }

        private static Dictionary<string, (int First, int Last)> ResourceLineRanges(byte[] bytes)
        {
            var ranges = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            string? pendingProperty = null;
            var inResources = false;
            string? current = null;
            long currentStart = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (reader.CurrentDepth == 1)
                        {
                            pendingProperty = reader.GetString();
                        }
                        else if (inResources && reader.CurrentDepth == 2)
                        {
                            current = reader.GetString();
                            currentStart = reader.TokenStartIndex;
                        }

                        break;
                    case JsonTokenType.StartObject:
                        if (reader.CurrentDepth == 1)
                        {
                            inResources = pendingProperty == "Resources";
                        }

                        break;
                    case JsonTokenType.EndObject:
                        if (inResources && reader.CurrentDepth == 2 && current != null)
                        {
                            ranges[current] = (LineOf(bytes, currentStart), LineOf(bytes, reader.TokenStartIndex));
                            current = null;
                        }
                        else if (reader.CurrentDepth == 1)
                        {
                            inResources = false;
                        }

                        break;
                }
            }

            return ranges;
        }

        private static int LineOf(byte[] bytes, long offset)
        {
            var line = 1;
            for (long i = 0; i < offset && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                }
            }

            return line;
        }
    }

    /// <summary>
    /// The samples' known gaps (samples/known-gaps.txt): declared mistakes, for rules that exist, that are not reported
    /// yet. Lines "<file relative to the sample project> <rule id>"; '#' starts a comment.
    /// </summary>
    public sealed class KnownGaps
    {
        private readonly HashSet<(string File, string Id)> _gaps;

        private KnownGaps(HashSet<(string File, string Id)> gaps)
        {
            _gaps = gaps;
        }

        public static KnownGaps None { get; } = new KnownGaps(new HashSet<(string File, string Id)>());

        public int Count => _gaps.Count;

        public static KnownGaps Load(string path)
        {
            var gaps = new HashSet<(string File, string Id)>();
            if (!File.Exists(path))
            {
                return new KnownGaps(gaps);
            }

            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Split('#')[0].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || !AnyIdPattern.IsMatch(parts[1]))
                {
                    throw new FormatException($"{path}: expected '<file> <rule id>', found '{raw}'");
                }

                gaps.Add((parts[0].Replace('\\', '/'), parts[1]));
            }

            return new KnownGaps(gaps);
        }

        /// <param name="projectDirectory">The sample project's folder the listed files are relative to.</param>
        public bool Contains(Expectation expectation, string projectDirectory)
            => _gaps.Contains((Path.GetRelativePath(projectDirectory, expectation.FilePath).Replace('\\', '/'), expectation.Id));

        private static readonly Regex AnyIdPattern = new Regex(@"^IAC\d{4}$", RegexOptions.CultureInvariant);
    }

    /// <summary>How the findings of a build compare with what the samples declare.</summary>
    public sealed class ExpectationCheck
    {
        private ExpectationCheck(
            IReadOnlyList<Expectation> matched,
            IReadOnlyList<Expectation> missing,
            IReadOnlyList<Expectation> pending,
            IReadOnlyList<Expectation> knownGaps,
            IReadOnlyList<Expectation> closedGaps,
            IReadOnlyList<SarifFinding> unexpected)
        {
            Matched = matched;
            Missing = missing;
            Pending = pending;
            KnownGaps = knownGaps;
            ClosedGaps = closedGaps;
            Unexpected = unexpected;
        }

        /// <summary>Declared and reported.</summary>
        public IReadOnlyList<Expectation> Matched { get; }

        /// <summary>Declared for a rule that exists, not a known gap, but not reported.</summary>
        public IReadOnlyList<Expectation> Missing { get; }

        /// <summary>Declared for a rule id that the catalog does not hold yet (or otherwise not active).</summary>
        public IReadOnlyList<Expectation> Pending { get; }

        /// <summary>Listed as known gaps and indeed not reported.</summary>
        public IReadOnlyList<Expectation> KnownGaps { get; }

        /// <summary>Listed as known gaps but reported now: the list is stale.</summary>
        public IReadOnlyList<Expectation> ClosedGaps { get; }

        /// <summary>IacAnalyzers findings in the sample files that no comment declares (good files must have none).</summary>
        public IReadOnlyList<SarifFinding> Unexpected { get; }

        public bool Passed => Missing.Count == 0 && Unexpected.Count == 0 && ClosedGaps.Count == 0;

        /// <param name="sampleFiles">The files the samples consist of; findings elsewhere (e.g. cdk.out) are not judged.</param>
        /// <param name="findings">Every finding of the build.</param>
        /// <param name="isActive">Whether an expectation can be met yet: its rule is in the catalog (and, for a test,
        /// the front-end for its file exists). Inactive ones are reported as <see cref="Pending"/>.</param>
        /// <param name="isKnownGap">Whether an active expectation is listed as a known gap.</param>
        public static ExpectationCheck Compare(
            IEnumerable<string> sampleFiles, IEnumerable<SarifFinding> findings, Func<Expectation, bool> isActive, Func<Expectation, bool>? isKnownGap = null)
        {
            isKnownGap ??= _ => false;
            var files = new HashSet<string>(sampleFiles.Select(Path.GetFullPath), StringComparer.Ordinal);
            var expectations = files.SelectMany(SampleExpectations.Read).ToList();
            var ours = findings
                .Where(f => f.RuleId.StartsWith("IAC", StringComparison.Ordinal) && f.FilePath != null && files.Contains(Path.GetFullPath(f.FilePath)))
                .ToList();
            var active = expectations.Where(isActive).ToList();
            var pending = expectations.Where(e => !isActive(e)).ToList();
            var gaps = active.Where(isKnownGap).ToList();
            var required = active.Where(e => !isKnownGap(e)).ToList();
            var matched = required.Where(e => ours.Any(e.IsMatchedBy)).ToList();
            var missing = required.Where(e => !ours.Any(e.IsMatchedBy)).ToList();
            var openGaps = gaps.Where(e => !ours.Any(e.IsMatchedBy)).ToList();
            var closedGaps = gaps.Where(e => ours.Any(e.IsMatchedBy)).ToList();
            var unexpected = ours.Where(f => !expectations.Any(e => e.IsMatchedBy(f))).ToList();
            return new ExpectationCheck(matched, missing, pending, openGaps, closedGaps, unexpected);
        }
    }
}
