using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--quick</c>: a Stopwatch measurement (best of several rounds) split by format, plus System.Text.Json on the
    /// JSON files as the yardstick a dedicated JSON reader could reach. Cheaper than the full BenchmarkDotNet run.
    /// </summary>
    public static class QuickMeasure
    {
        public static void Run(int rounds)
        {
            var templates = FrontEndBenchmarks.Templates;
            var yaml = templates.Where(t => t.Path.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
            var json = templates.Where(t => t.Path.EndsWith(".json", StringComparison.Ordinal)).ToList();
            var none = new SeverityConfiguration(null, null);

            Report("Analyze, all", templates, rounds, t => TemplateAnalyzer.Analyze(t.Path, t.Text, none, _ => { }, CancellationToken.None));
            Report("Analyze, YAML", yaml, rounds, t => TemplateAnalyzer.Analyze(t.Path, t.Text, none, _ => { }, CancellationToken.None));
            Report("Analyze, JSON", json, rounds, t => TemplateAnalyzer.Analyze(t.Path, t.Text, none, _ => { }, CancellationToken.None));
            Report("Read + all views, YAML", yaml, rounds, t => _ = TemplateReader.Read(t.Path, t.Text, CancellationToken.None)?.Resources.Count);
            Report("Read + all views, JSON", json, rounds, t => _ = TemplateReader.Read(t.Path, t.Text, CancellationToken.None)?.Resources.Count);
            Report("Parse only, YAML", yaml, rounds, t => YamlDocumentReader.Read(t.Text, CancellationToken.None));
            Report("Parse only, JSON (YamlDotNet)", json, rounds, t => YamlDocumentReader.Read(t.Text, CancellationToken.None));
            Report("Parse only, JSON (our JSON reader)", json, rounds, t => JsonDocumentReader.TryRead(t.Text, CancellationToken.None));
            Report("Parse only, JSON (System.Text.Json, yardstick)", json, rounds, t => System.Text.Json.JsonDocument.Parse(t.Text).Dispose());
            Report("Non-templates (prefilter)", FrontEndBenchmarks.Others, rounds, t => TemplateAnalyzer.Analyze(t.Path, t.Text, none, _ => { }, CancellationToken.None));
        }

        private static void Report(string name, IReadOnlyList<(string Path, string Text)> files, int rounds, Action<(string Path, string Text)> work)
        {
            foreach (var f in files)
            {
                work(f);
            }

            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var watch = Stopwatch.StartNew();
                foreach (var f in files)
                {
                    work(f);
                }

                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            var chars = files.Sum(f => (long)f.Text.Length);
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-48} {1,4} files {2,6:N2} MB  {3,9:N0} files/s {4,7:N1} MB/s  (best {5:N1} ms of {6})",
                name, files.Count, chars / 1e6, files.Count / best, chars / 1e6 / best, best * 1000, rounds));
        }
    }
}
