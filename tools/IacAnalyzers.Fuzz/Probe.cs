using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Fuzz
{
    /// <summary>What one analysis of one text gave: its diagnostics and whether anything went wrong.</summary>
    public sealed class ProbeResult
    {
        public ProbeResult(IReadOnlyList<string> diagnostics, string? failure, double analysisMilliseconds = 0, IReadOnlyList<string>? positions = null)
        {
            Positions = positions ?? Array.Empty<string>();
            AnalysisMilliseconds = analysisMilliseconds;
            Diagnostics = diagnostics;
            Failure = failure;
        }

        /// <summary>Wall time of <see cref="TemplateAnalyzer.Analyze"/> alone.</summary>
        public double AnalysisMilliseconds { get; }

        /// <summary>"ID: message" of every diagnostic, in the order reported.</summary>
        public IReadOnlyList<string> Diagnostics { get; }

        /// <summary>"line:column" (1-based) of each diagnostic of <see cref="Diagnostics"/>, in the same order.</summary>
        public IReadOnlyList<string> Positions { get; }

        /// <summary>Null when the analysis behaved: no exception, no IAC0002, no internal exception text in a message.</summary>
        public string? Failure { get; }
    }

    /// <summary>
    /// Everything the analyzer does with a template, in-process: the template front-end and rules
    /// (<see cref="TemplateAnalyzer.Analyze"/>), then the fix writer for every finding that carries a fix.
    /// </summary>
    public static class Probe
    {
        private static readonly SeverityConfiguration Defaults = new SeverityConfiguration(null, null);

        public static ProbeResult Run(string path, string text, CancellationToken cancellationToken = default)
        {
            var diagnostics = new List<Diagnostic>();
            var ms = 0.0;
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                TemplateAnalyzer.Analyze(path, text, Defaults, diagnostics.Add, cancellationToken);
                ms = watch.Elapsed.TotalMilliseconds;

                // The fix writer re-reads the text per fix: a few fixes per file exercise it without the cost of all.
                foreach (var d in diagnostics.Where(d => d.Properties.ContainsKey(FixIntent.KindKey)).Take(3))
                {
                    if (TemplateFixWriter.Supports(FixIntent.KindOf(d.Properties)))
                    {
                        var edits = TemplateFixWriter.Edits(text, d.Properties, cancellationToken);
                        if (edits != null)
                        {
                            TemplateFixWriter.ApplyEdits(text, edits);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return new ProbeResult(Describe(diagnostics), "exception " + ex.GetType().Name + ": " + ex.Message + "\n" + ex.StackTrace);
            }

            var described = Describe(diagnostics);
            var bad = described.FirstOrDefault(d => d.StartsWith("IAC0002", StringComparison.Ordinal) || d.StartsWith("AD0001", StringComparison.Ordinal)
                || (d.StartsWith("IAC0001", StringComparison.Ordinal) && d.Contains("Exception", StringComparison.Ordinal)));
            return new ProbeResult(described, bad == null ? null : "diagnostic " + bad, ms, diagnostics.Select(Position).ToList());
        }

        private static string Position(Diagnostic d)
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return (start.Line + 1).ToString(CultureInfo.InvariantCulture) + ":" + (start.Character + 1).ToString(CultureInfo.InvariantCulture);
        }

        private static List<string> Describe(List<Diagnostic> diagnostics)
            => diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();

        /// <summary>
        /// <c>--probe file...</c>: analyses each file and prints its diagnostics; exit code 0 when every file behaved, 1 when
        /// one failed. A stack overflow kills the process (exit code 134 or the like): what the tests start it to find out.
        /// Per file: "begin FILE" (flushed before the analysis, so a crash names the file), then "file FILE: N
        /// diagnostics", one "  ID @line:column: message" line each, and "  FAILED ..." when it misbehaved.
        /// </summary>
        public static int RunFiles(IReadOnlyList<string> files)
        {
            var failed = false;
            foreach (var file in files)
            {
                Console.WriteLine("begin " + file);
                Console.Out.Flush();
                var result = Run(file, System.IO.File.ReadAllText(file));
                Console.WriteLine("file " + file + ": " + result.Diagnostics.Count + " diagnostics");
                for (var i = 0; i < result.Diagnostics.Count; i++)
                {
                    var d = result.Diagnostics[i];
                    var colon = d.IndexOf(':', StringComparison.Ordinal);
                    Console.WriteLine("  " + d.Substring(0, colon) + " @" + result.Positions[i] + d.Substring(colon));
                }

                if (result.Failure != null)
                {
                    failed = true;
                    Console.WriteLine("  FAILED " + result.Failure);
                }
            }

            return failed ? 1 : 0;
        }
    }
}
