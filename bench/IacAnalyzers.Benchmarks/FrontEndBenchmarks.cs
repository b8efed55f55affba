using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// The template front-end over a folder of 200 generated templates: the whole analysis (what the compiler runs per
    /// additional file, minus Roslyn's file plumbing), the reader alone with every view built, the YAML/JSON parse
    /// alone, and the prefilter on files that are not templates. Each operation processes the whole folder.
    /// </summary>
    [MemoryDiagnoser]
    public class FrontEndBenchmarks
    {
        public const int TemplateCount = 200;

        private static readonly SeverityConfiguration NoConfiguration = new SeverityConfiguration(null, null);

        public static IReadOnlyList<(string Path, string Text)> Templates { get; } = TemplateCorpus.Generate(TemplateCount);

        public static IReadOnlyList<(string Path, string Text)> Others { get; } = TemplateCorpus.NonTemplates(TemplateCount);

        /// <summary>Characters per folder (the generated text is ASCII, so also bytes).</summary>
        public static long TemplateChars => Templates.Sum(t => (long)t.Text.Length);

        public static long OtherChars => Others.Sum(t => (long)t.Text.Length);

        [Benchmark(Description = "Analyze (read + rules + config + suppressions)")]
        public int Analyze()
        {
            var count = 0;
            foreach (var (path, text) in Templates)
            {
                TemplateAnalyzer.Analyze(path, text, NoConfiguration, _ => count++, CancellationToken.None);
            }

            return count;
        }

        [Benchmark(Description = "Read, every resource view built")]
        public int ReadAllViews()
        {
            var count = 0;
            foreach (var (path, text) in Templates)
            {
                count += TemplateReader.Read(path, text, CancellationToken.None)?.Resources.Count ?? 0;
            }

            return count;
        }

        [Benchmark(Description = "Parse only (JSON reader or YamlDotNet events to nodes)")]
        public int ParseOnly()
        {
            var count = 0;
            foreach (var (_, text) in Templates)
            {
                count += TemplateDocuments.Parse(text, CancellationToken.None).NodeCount;
            }

            return count;
        }

        [Benchmark(Description = "Non-templates (prefilter)")]
        public int NonTemplates()
        {
            var count = 0;
            foreach (var (path, text) in Others)
            {
                TemplateAnalyzer.Analyze(path, text, NoConfiguration, _ => count++, CancellationToken.None);
            }

            return count;
        }
    }
}
