using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli
{
    /// <summary>What one <c>check</c> run found.</summary>
    public sealed class ScanResult
    {
        public ScanResult(string root, IReadOnlyList<CliFinding> findings, int filesRead, int templates, IReadOnlyList<string> missing,
            IReadOnlyList<(string Path, string Reason)> unreadable, IReadOnlyList<(string Path, string Reason)> skipped)
        {
            Root = root;
            Findings = findings;
            FilesRead = filesRead;
            Templates = templates;
            Missing = missing;
            Unreadable = unreadable;
            Skipped = skipped;
        }

        /// <summary>The source root (SARIF <c>%SRCROOT%</c>); paths are relative to it.</summary>
        public string Root { get; }

        /// <summary>Ordered by path, line, column, rule id.</summary>
        public IReadOnlyList<CliFinding> Findings { get; }

        public int FilesRead { get; }

        public int Templates { get; }

        public IReadOnlyList<string> Missing { get; }

        /// <summary>Files that could not be read (each also has an IAC0001 finding).</summary>
        public IReadOnlyList<(string Path, string Reason)> Unreadable { get; }

        public IReadOnlyList<(string Path, string Reason)> Skipped { get; }

        /// <summary>The files whose findings were computed (the templates, by full path), for fixers.</summary>
        public IEnumerable<CliFinding> Active => Findings.Where(f => f.IsActive);
    }

    /// <summary>Runs the engine over files in parallel (all cores) and collects findings in a deterministic order.</summary>
    public static class Scanner
    {
        /// <summary>Files larger than this are not loaded; if their head looks like a template, they get IAC0001.</summary>
        public const long MaxFileBytes = 32L * 1024 * 1024;

        public static ScanResult Scan(string root, IReadOnlyList<string> inputs, IReadOnlyList<string> excludes, IReadOnlyList<string> globalConfigs,
            Action<int, int>? progress, CancellationToken cancellationToken, Func<string, string?>? readFile = null)
        {
            root = Path.GetFullPath(root);
            var walker = new FileWalker(p => Display(root, p), excludes);
            var files = walker.Walk(inputs);
            var configs = new ConfigResolver(globalConfigs);
            var perFile = new List<CliFinding>[files.Count];
            var unreadable = new (string, string)?[files.Count];
            var isTemplate = new bool[files.Count];
            var done = 0;
            Parallel.For(
                0,
                files.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i =>
                {
                    var list = new List<CliFinding>();
                    var path = files[i];
                    var display = Display(root, path);
                    var config = configs.For(path);
                    var severities = config.SeveritiesFor(path);
                    TemplateAnalysis? analysis;
                    var text = Read(path, out var error, readFile);
                    if (text == null)
                    {
                        unreadable[i] = (display, error!);
                        analysis = new TemplateAnalysis(path, new[] { TemplateEngine.Unreadable(path, error!, severities) });
                    }
                    else
                    {
                        analysis = TemplateEngine.Analyze(path, text, severities, cancellationToken);
                        if (analysis != null && error != null)
                        {
                            analysis = new TemplateAnalysis(path, new[] { TemplateEngine.Unreadable(path, error, severities) });
                        }
                    }

                    if (analysis != null)
                    {
                        isTemplate[i] = true;
                        foreach (var (f, severity) in Reported(config, analysis))
                        {
                            // Only intents the template writer can apply are fixes here (an add-reader intent is written in C# only).
                            var fix = f.Fix != null && IacAnalyzers.CodeFixes.Templates.TemplateFixWriter.Supports(f.Fix.Kind) ? f.Fix : null;
                            list.Add(new CliFinding(f.Rule, display, path, f.Location, severity, f.Message, f.ResourceName, f.ResourceType, f.PropertyPath, fix, f.Suppression));
                        }
                    }

                    perFile[i] = list;
                    var n = Interlocked.Increment(ref done);
                    progress?.Invoke(n, files.Count);
                });

            var findings = InReportOrder(perFile.SelectMany(l => l));
            Fingerprints.Assign(findings);
            return new ScanResult(
                root,
                findings,
                files.Count,
                isTemplate.Count(t => t),
                walker.Missing,
                unreadable.Where(u => u != null).Select(u => u!.Value).ToList(),
                walker.Skipped);
        }

        /// <summary>
        /// The findings a build reports (suppressed ones included, marked), each with its severity after the compiler's
        /// own pass over global <c>dotnet_diagnostic</c> options; findings configured off or hidden are left out.
        /// </summary>
        public static IEnumerable<(TemplateFinding Finding, DiagnosticSeverity Severity)> Reported(FolderConfig config, TemplateAnalysis analysis)
        {
            foreach (var f in analysis.Findings)
            {
                if (config.AfterCompilerOptions(f.Rule, f.Severity) is DiagnosticSeverity severity && severity != DiagnosticSeverity.Hidden)
                {
                    yield return (f, severity);
                }
            }
        }

        /// <summary>The one order of every report: path, line, column, rule id, message.</summary>
        public static List<CliFinding> InReportOrder(IEnumerable<CliFinding> findings)
            => findings
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ThenBy(f => f.StartLine)
                .ThenBy(f => f.StartColumn)
                .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// The file's text as the compiler would decode it (a BOM decides, else UTF-8, invalid bytes replaced), or null
        /// with the reason when it cannot be read. A file too large to load gives a text only when its head looks like a
        /// template, together with an error (the caller reports IAC0001).
        /// </summary>
        public static string? Read(string path, out string? error, Func<string, string?>? readFile = null)
        {
            error = null;
            try
            {
                if (readFile?.Invoke(path) is string given)
                {
                    return given;
                }

                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                if (stream.Length > MaxFileBytes)
                {
                    var head = new byte[64 * 1024];
                    var n = stream.Read(head, 0, head.Length);
                    error = "the file has " + (stream.Length / (1024 * 1024)) + " MB, more than the " + (MaxFileBytes / (1024 * 1024)) + " MB the tool loads; it was not checked";
                    return Decode(head, n);
                }

                var bytes = new byte[stream.Length];
                var read = 0;
                while (read < bytes.Length)
                {
                    var k = stream.Read(bytes, read, bytes.Length - read);
                    if (k == 0)
                    {
                        break;
                    }

                    read += k;
                }

                return Decode(bytes, read);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                error = ex.Message;
                return null;
            }
        }

        private static string Decode(byte[] bytes, int length)
        {
            if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return Encoding.Unicode.GetString(bytes, 2, length - 2);
            }

            if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return Encoding.BigEndianUnicode.GetString(bytes, 2, length - 2);
            }

            var skip = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, skip, length - skip);
        }

        /// <summary>A path relative to the root with '/' separators, or the full path when it is outside the root.</summary>
        public static string Display(string root, string fullPath)
        {
            var relative = Path.GetRelativePath(root, fullPath);
            if (relative == "." )
            {
                return ".";
            }

            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return fullPath.Replace('\\', '/');
            }

            return relative.Replace('\\', '/');
        }
    }
}
