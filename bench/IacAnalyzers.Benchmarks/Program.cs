using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IacAnalyzers.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--bare-parse")
            {
                return CliBenchmark.BareParse(args[1]);
            }

            if (args.Contains("--hostile"))
            {
                var sizesAt = Array.IndexOf(args, "--sizes");
                var sizes = sizesAt >= 0 && sizesAt + 1 < args.Length
                    ? args[sizesAt + 1].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray()
                    : new[] { 0.375, 0.75, 1.5 };
                var roundsAt = Array.IndexOf(args, "--rounds");
                var onlyAt = Array.IndexOf(args, "--only");
                var filesAt = Array.IndexOf(args, "--files");
                if (filesAt >= 0)
                {
                    return HostileCorpus.RunFiles(args.Skip(filesAt + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList(), roundsAt >= 0 ? IntAfter(args, roundsAt, 3) : 3);
                }

                return HostileCorpus.Run(sizes, roundsAt >= 0 ? IntAfter(args, roundsAt, 3) : 3, onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null, args.Contains("--stages"));
            }

            var lsp = Array.IndexOf(args, "--lsp");
            if (lsp >= 0)
            {
                return LspBenchmark.Run(IntAfter(args, lsp, 50));
            }

            var cliBench = Array.IndexOf(args, "--cli");
            if (cliBench >= 0)
            {
                var files = cliBench + 1 < args.Length && int.TryParse(args[cliBench + 1], out var c) ? c : 300;
                return CliBenchmark.Run(files, args.Contains("--r2r"), args.Contains("--cdk-nag"));
            }

            var csc = Array.IndexOf(args, "--csc-paired");
            if (csc >= 0)
            {
                var projectAt = Array.IndexOf(args, "--project");
                var stacksAt = Array.IndexOf(args, "--cdk-app-stacks");
                return CscPaired.Run(
                    IntAfter(args, csc, 6),
                    stacksAt >= 0 ? IntAfter(args, stacksAt, 50) : 50,
                    projectAt >= 0 && projectAt + 1 < args.Length ? args[projectAt + 1] : null,
                    args.Contains("--server"),
                    Array.IndexOf(args, "--baseline") is var baselineAt && baselineAt >= 0 && baselineAt + 1 < args.Length ? args[baselineAt + 1] : null,
                    args.Contains("--r2r"),
                    args.Contains("--floor"),
                    Array.IndexOf(args, "--warmups") is var warmupsAt && warmupsAt >= 0 ? IntAfter(args, warmupsAt, CscPaired.DefaultServerWarmUps) : CscPaired.DefaultServerWarmUps,
                    args.Contains("--with-floor"),
                    args.Contains("--with-silenced"));
            }

            var cdk = Array.IndexOf(args, "--cdk-app");
            if (cdk >= 0)
            {
                var stacks = IntAfter(args, cdk, 50);
                var paired = Array.IndexOf(args, "--paired");
                return paired >= 0 && args.Contains("--with-floor") ? CdkAppPaired.RunWithFloor(stacks, IntAfter(args, paired, 4), args.Contains("--r2r"), args.Contains("--syntax-floor"))
                    : paired >= 0 ? CdkAppPaired.Run(stacks, IntAfter(args, paired, 4), args.Contains("--marginal"), args.Contains("--floor"), args.Contains("--r2r")) : CdkAppBuild.Run(stacks);
            }

            var viewsLoop = Array.IndexOf(args, "--cdk-views");
            if (viewsLoop >= 0)
            {
                var rounds = Array.IndexOf(args, "--rounds");
                return CdkAppInProcess.RunViews(IntAfter(args, viewsLoop, 50), rounds >= 0 ? IntAfter(args, rounds, 100) : 100, args.Contains("--fresh"));
            }

            var inProcess = Array.IndexOf(args, "--cdk-inproc");
            if (inProcess >= 0)
            {
                var rounds = Array.IndexOf(args, "--rounds");
                var earlier = Array.IndexOf(args, "--baseline");
                return CdkAppInProcess.Run(IntAfter(args, inProcess, 50), rounds >= 0 ? IntAfter(args, rounds, 5) : 5, earlier >= 0 && earlier + 1 < args.Length ? args[earlier + 1] : null);
            }

            Console.WriteLine(
                "Corpus: " + FrontEndBenchmarks.TemplateCount + " templates, " + Mb(FrontEndBenchmarks.TemplateChars) + " MB; " +
                FrontEndBenchmarks.Others.Count + " non-templates, " + Mb(FrontEndBenchmarks.OtherChars) + " MB");

            if (args.Contains("--quick"))
            {
                QuickMeasure.Run(rounds: 7);
                return 0;
            }

            // In-process: no second build of the project, which matters on a small shared machine.
            var config = DefaultConfig.Instance
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            var summary = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).FirstOrDefault();
            if (summary == null)
            {
                return 0;
            }

            Console.WriteLine();
            Console.WriteLine("Throughput (whole folder per operation):");
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics == null)
                {
                    continue;
                }

                var seconds = report.ResultStatistics.Mean / 1e9;
                var others = report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(FrontEndBenchmarks.NonTemplates);
                var files = others ? FrontEndBenchmarks.Others.Count : FrontEndBenchmarks.TemplateCount;
                var chars = others ? FrontEndBenchmarks.OtherChars : FrontEndBenchmarks.TemplateChars;
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0,-50} {1,10:N0} files/s {2,8:N1} MB/s  ({3:N1} ms per folder)",
                    report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                    files / seconds,
                    chars / 1e6 / seconds,
                    seconds * 1000));
            }

            return 0;
        }

        /// <summary>The number after the option at <paramref name="index"/>, or <paramref name="fallback"/>.</summary>
        private static int IntAfter(string[] args, int index, int fallback)
            => index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

        private static string Mb(long chars) => (chars / 1e6).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
