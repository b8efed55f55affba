using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using IacAnalyzers.Tests.Cdk;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--cdk-app [stacks] --paired [runs]</c>: what our analyzers add to a real build. The generated app is built
    /// <c>runs</c> times each way, interleaved (A, B, A, B, ... so a change of machine load hits both sides alike):
    /// A = <c>dotnet build --no-incremental</c> with only our analyzers (the NET analyzers off), B = the same with
    /// <c>-p:RunAnalyzers=false</c>. Each build runs without build servers (<c>--disable-build-servers</c>,
    /// <c>UseSharedCompilation=false</c>), so every process it starts is its descendant and the CPU time of the whole
    /// process tree (user + sys, from <c>getrusage(RUSAGE_CHILDREN)</c>) is the build's. Prints each pair, the medians
    /// and the median of the paired ratios, and the load average before and after.
    /// The analyzers are taken from this program's own folder (the Release build of src/IacAnalyzers and Core). Our
    /// findings are made warnings (a global config), so both sides build to the end: a build stopped by an error skips the
    /// copy of its output and references, which the other side pays. Pairs alternate their order (A B, B A, ...).
    /// <c>--marginal</c> measures what a user's build pays instead: A = the default build (the SDK's analyzers at their
    /// defaults, so the analyzer driver runs either way) with ours, B = the same build without ours.
    /// <c>--floor</c>: A runs, instead of ours, a do-nothing analyzer compiled for the run that registers what ours
    /// registers (compilation start, operation block start, object creation and invocation actions) and reports nothing:
    /// what any analyzer built on operation trees costs that build, the driver and the trees it builds for it. Issue 13's
    /// measure (only ours vs <c>RunAnalyzers=false</c>) includes that floor, which no such analyzer can go below.
    /// <c>--r2r</c>: our assemblies are the ReadyToRun images the package hands a compiler on this runtime (as
    /// <c>--csc-paired --r2r</c> builds them), not the IL.
    /// <c>--with-floor</c>: issue 13's measure with a third side in the same rounds: A = only ours, F = only the floor
    /// analyzer, B = <c>RunAnalyzers=false</c>, one project switching between them by a property, each round running the
    /// three in one of the six orders (cycled, so each side takes each place equally often). Prints ours vs none, the floor
    /// vs none and ours vs the floor with 95 % bootstrap intervals (<see cref="CscPaired.Summary"/>): run one after the other
    /// (<c>--floor</c>), the two sides met different stretches of the machine's load, and their medians could not be
    /// compared; here the floor's own interval says whether the measure can reach a bound at all. <c>--syntax-floor</c>
    /// (with <c>--with-floor</c>): F is instead the floor of a syntax-first design, which registers no operation action
    /// and only binds each object creation through the driver's semantic model.
    /// </summary>
    public static class CdkAppPaired
    {
        /// <summary>Every measured build: from scratch, no build servers, so each process it starts is the build's own descendant.</summary>
        private const string BuildWithoutServers = "build --no-incremental --no-restore --disable-build-servers -nodeReuse:false -p:UseSharedCompilation=false";

        public static int Run(int stacks, int runs, bool marginal = false, bool floor = false, bool readyToRun = false)
        {
            if (floor && marginal)
            {
                throw new ArgumentException("--floor compares with RunAnalyzers=false; it does not combine with --marginal");
            }

            var dir = CdkAppBuild.WriteApp(stacks, floor ? "floor" : marginal ? "marginal" : "paired", floor ? FloorItems() : AnalyzerItems(marginal, readyToRun: readyToRun));
            // Both sides must do the same build work: with our error-level findings the build would stop after the compile
            // and skip what the other side does after it (copying the output and its references), which made our side look
            // cheaper than it is. Our findings are warnings here; the analyzers run and report exactly as before.
            File.WriteAllText(Path.Combine(dir, "iac-bench.globalconfig"), DemotingGlobalConfig(globalLevel: null));
            Console.WriteLine(floor
                ? "Floor: A = only a do-nothing analyzer that registers our actions (the NET analyzers off), B = -p:RunAnalyzers=false"
                : marginal
                ? "Marginal: A = the default build (the SDK's analyzers at their defaults) with our analyzers, B = the same build without them (-p:IacAnalyzersOff=true)"
                : "A = only our analyzers (the NET analyzers off), B = -p:RunAnalyzers=false");
            Console.WriteLine("Load average before: " + LoadAverage());
            var restore = CdkAppBuild.Dotnet(dir, "restore");
            if (!restore.Contains("Restored", StringComparison.Ordinal) && !restore.Contains("up-to-date", StringComparison.Ordinal) && !restore.Contains("up to date", StringComparison.Ordinal))
            {
                Console.WriteLine(restore);
            }

            var with = new List<(double Cpu, double Wall)>();
            var without = new List<(double Cpu, double Wall)>();

            // The same global properties on both sides, only their values differ.
            var on = marginal ? " -p:IacAnalyzersOff=false" : " -p:RunAnalyzers=true";
            var off = marginal ? " -p:IacAnalyzersOff=true" : " -p:RunAnalyzers=false";

            // One warm-up of each (disk cache, first JIT of MSBuild tasks), not counted.
            var ours = !floor;
            if (floor)
            {
                // It reports nothing, so ask the compiler whether it ran it (its per-analyzer times).
                var report = CdkAppBuild.Dotnet(dir, BuildWithoutServers + on + " -p:ReportAnalyzer=true -v:d");
                if (!report.Contains("FloorAnalyzer", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("the compiler did not run the floor analyzer\n" + report);
                }
            }

            Measure(dir, BuildWithoutServers + on, failOnMissing: ours);
            Measure(dir, BuildWithoutServers + off, failOnMissing: false);
            for (var i = 0; i < runs; i++)
            {
                // A B, then B A: a drift of the machine within a pair, or a cost of running second, hits both sides alike.
                (double Cpu, double Wall) a, b;
                if (i % 2 == 0)
                {
                    a = Measure(dir, BuildWithoutServers + on, failOnMissing: ours);
                    b = Measure(dir, BuildWithoutServers + off, failOnMissing: false);
                }
                else
                {
                    b = Measure(dir, BuildWithoutServers + off, failOnMissing: false);
                    a = Measure(dir, BuildWithoutServers + on, failOnMissing: ours);
                }

                with.Add(a);
                without.Add(b);
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "pair {0}: with " + (floor ? "the floor analyzer" : "our analyzers") + " CPU {1:F2} s wall {2:F2} s | {7} CPU {3:F2} s wall {4:F2} s | CPU {5:+0.0;-0.0;0.0} %, wall {6:+0.0;-0.0;0.0} %",
                    i + 1, a.Cpu, a.Wall, b.Cpu, b.Wall, Percent(a.Cpu, b.Cpu), Percent(a.Wall, b.Wall), marginal ? "without them" : "RunAnalyzers=false"));
            }

            var cpuRatio = Median(with.Zip(without, (a, b) => Percent(a.Cpu, b.Cpu)));
            var wallRatio = Median(with.Zip(without, (a, b) => Percent(a.Wall, b.Wall)));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "median of {0} pairs: CPU {1:F2} s vs {2:F2} s ({3:+0.0;-0.0;0.0} %; median paired ratio {4:+0.0;-0.0;0.0} %), wall {5:F2} s vs {6:F2} s ({7:+0.0;-0.0;0.0} %; paired {8:+0.0;-0.0;0.0} %)",
                runs,
                Median(with.Select(x => x.Cpu)),
                Median(without.Select(x => x.Cpu)),
                Percent(Median(with.Select(x => x.Cpu)), Median(without.Select(x => x.Cpu))),
                cpuRatio,
                Median(with.Select(x => x.Wall)),
                Median(without.Select(x => x.Wall)),
                Percent(Median(with.Select(x => x.Wall)), Median(without.Select(x => x.Wall))),
                wallRatio));
            Console.WriteLine("Load average after: " + LoadAverage());
            return 0;
        }

        /// <summary>
        /// <c>--cdk-app [stacks] --paired [runs] --with-floor [--r2r]</c>: ours, the floor and none in the same rounds
        /// (see the class summary).
        /// </summary>
        public static int RunWithFloor(int stacks, int runs, bool readyToRun, bool syntaxFloor = false)
        {
            var items = AnalyzerItems(marginal: false, readyToRun: readyToRun)
                .Replace("  <ItemGroup>\n    <Analyzer", "  <ItemGroup Condition=\"'$(IacBenchSide)' != 'floor'\">\n    <Analyzer", StringComparison.Ordinal)
                + "\n  <ItemGroup Condition=\"'$(IacBenchSide)' == 'floor'\">\n    <Analyzer Include=\"" + FloorAnalyzer(syntaxFloor) + "\" />\n  </ItemGroup>";
            var dir = CdkAppBuild.WriteApp(stacks, syntaxFloor ? "with-syntax-floor" : "with-floor", items);
            File.WriteAllText(Path.Combine(dir, "iac-bench.globalconfig"), DemotingGlobalConfig(globalLevel: null));
            Console.WriteLine("Three sides in the same rounds: A = only our analyzers, F = only the do-nothing floor analyzer" + (syntaxFloor ? " of a syntax-first design (binds each object creation, nothing else)" : " (registers our operation actions)") + " (the NET analyzers off on both), B = -p:RunAnalyzers=false");
            Console.WriteLine("Load average before: " + LoadAverage());
            CdkAppBuild.Dotnet(dir, "restore");

            // The same global properties on every side, only their values differ.
            var sides = new[]
            {
                (Name: "ours", Arguments: BuildWithoutServers + " -p:RunAnalyzers=true -p:IacBenchSide=ours", Ours: true),
                (Name: "floor", Arguments: BuildWithoutServers + " -p:RunAnalyzers=true -p:IacBenchSide=floor", Ours: false),
                (Name: "none", Arguments: BuildWithoutServers + " -p:RunAnalyzers=false -p:IacBenchSide=ours", Ours: false),
            };

            // The floor reports nothing: ask the compiler whether it ran it (its per-analyzer times), and that ours did not run.
            var report = CdkAppBuild.Dotnet(dir, sides[1].Arguments + " -p:ReportAnalyzer=true -v:d");
            if (!report.Contains("FloorAnalyzer", StringComparison.Ordinal) || report.Contains("IacAnalyzers.Cdk", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the floor side did not run the floor analyzer alone\n" + report);
            }

            // One warm-up of each (disk cache, first JIT of MSBuild tasks), not counted.
            foreach (var side in sides)
            {
                Measure(dir, side.Arguments, failOnMissing: side.Ours);
            }

            int[][] orders = { new[] { 0, 1, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 0, 2, 1 }, new[] { 2, 1, 0 }, new[] { 1, 0, 2 } };
            var cpu = new[] { new double[runs], new double[runs], new double[runs] };
            var wall = new[] { new double[runs], new double[runs], new double[runs] };
            for (var i = 0; i < runs; i++)
            {
                foreach (var s in orders[i % orders.Length])
                {
                    (cpu[s][i], wall[s][i]) = Measure(dir, sides[s].Arguments, failOnMissing: sides[s].Ours);
                }

                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "round {0} ({1}): CPU ours {2:F2} s, floor {3:F2} s, none {4:F2} s | wall {5:F2} / {6:F2} / {7:F2} s",
                    i + 1,
                    string.Join(" ", orders[i % orders.Length].Select(s => sides[s].Name)),
                    cpu[0][i], cpu[1][i], cpu[2][i], wall[0][i], wall[1][i], wall[2][i]));
            }

            Console.WriteLine(CscPaired.Summary("CPU, ours (A) vs none (B)", cpu[0], cpu[2]));
            Console.WriteLine(CscPaired.Summary("CPU, the floor (A) vs none (B)", cpu[1], cpu[2]));
            Console.WriteLine(CscPaired.Summary("CPU, ours (A) vs the floor (B)", cpu[0], cpu[1]));
            Console.WriteLine(CscPaired.Summary("wall, ours (A) vs none (B)", wall[0], wall[2]));
            Console.WriteLine("Load average after: " + LoadAverage());
            return 0;
        }

        /// <summary>
        /// A global analyzer config that makes every IAC id a warning (so a build or compile with our findings still emits
        /// its output). <paramref name="globalLevel"/>, when given, outranks other global configs that set the same keys
        /// (the default level is 100 for a user's <c>.globalconfig</c>; equal levels with different values unset the key).
        /// </summary>
        internal static string DemotingGlobalConfig(int? globalLevel)
            => "is_global = true\n" + (globalLevel is int level ? "global_level = " + level.ToString(CultureInfo.InvariantCulture) + "\n" : string.Empty) + string.Concat(
                IacAnalyzers.Catalog.RuleCatalog.All.Select(r => "dotnet_diagnostic." + r.Id + ".severity = warning\n"));

        /// <summary>
        /// The analyzer assemblies as <c>Analyzer</c> items: our two, and YamlDotNet beside them. Plain: the NET analyzers
        /// off. Marginal: the SDK's analyzers left at their defaults, ours behind <c>IacAnalyzersOff</c>. With
        /// <paramref name="globalConfigItem"/>, the project's <c>iac-bench.globalconfig</c> as a global analyzer config.
        /// </summary>
        internal static string AnalyzerItems(bool marginal, bool globalConfigItem = true, bool readyToRun = false)
        {
            var assemblies = new[] { "IacAnalyzers.dll", "IacAnalyzers.Core.dll", "YamlDotNet.dll" }
                .Select(f => Path.Combine(AppContext.BaseDirectory, f))
                .Select(p => File.Exists(p) ? p : throw new FileNotFoundException("analyzer assembly not found next to the benchmark", p))
                .ToArray();
            if (readyToRun)
            {
                var images = CscPaired.ReadyToRunImages(assemblies, Path.Combine(CdkAppBuild.FindRepositoryRoot(), "artifacts", "bench", "paired-r2r"));
                assemblies = assemblies.Select(a => Path.Combine(images, Path.GetFileName(a))).ToArray();
                Console.WriteLine("Our assemblies as ReadyToRun images: " + images);
            }

            var items = assemblies.Select(p => "    <Analyzer Include=\"" + p + "\" />");
            var config = globalConfigItem ? "  <ItemGroup><GlobalAnalyzerConfigFiles Include=\"iac-bench.globalconfig\" /></ItemGroup>\n" : string.Empty;
            return config + (marginal
                ? "  <ItemGroup Condition=\"'$(IacAnalyzersOff)' != 'true'\">\n" + string.Join("\n", items) + "\n  </ItemGroup>"
                : "  <PropertyGroup><EnableNETAnalyzers>false</EnableNETAnalyzers></PropertyGroup>\n  <ItemGroup>\n" + string.Join("\n", items) + "\n  </ItemGroup>");
        }

        /// <summary>
        /// The floor analyzer (see <c>--floor</c>), compiled from source into <c>artifacts/bench/floor-analyzer</c> against
        /// this program's Microsoft.CodeAnalysis, as the app's only <c>Analyzer</c> item (the NET analyzers off).
        /// </summary>
        private static string FloorItems()
            => "  <PropertyGroup><EnableNETAnalyzers>false</EnableNETAnalyzers></PropertyGroup>\n  <ItemGroup>\n    <Analyzer Include=\"" + FloorAnalyzer() + "\" />\n  </ItemGroup>";

        /// <summary>
        /// The floor analyzer's assembly, compiled for this run (see <see cref="FloorItems"/>); its path. With
        /// <paramref name="creationsOnly"/>, the floor of a syntax-first design instead: no operation actions, only a syntax
        /// action on each object creation that asks the driver's semantic model for that creation's operation (what any
        /// analyzer must do to know which creations are constructs, and read their arguments).
        /// </summary>
        internal static string FloorAnalyzer(bool creationsOnly = false)
        {
            // The two floors differ only in what the compilation start registers.
            const string Source = @"
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(""FLOOR001"", ""floor"", ""floor"", ""Floor"", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(REGISTER);
    }
}
";
            const string Creations = @"start => start.RegisterSyntaxNodeAction(
            c => System.GC.KeepAlive(c.SemanticModel.GetOperation(c.Node, c.CancellationToken)),
            SyntaxKind.ObjectCreationExpression,
            SyntaxKind.ImplicitObjectCreationExpression)";
            const string Operations = @"start => start.RegisterOperationBlockStartAction(block =>
        {
            var seen = new object();
            block.RegisterOperationAction(c => System.GC.KeepAlive(seen), OperationKind.ObjectCreation);
            block.RegisterOperationAction(c => System.GC.KeepAlive(seen), OperationKind.Invocation);
        })";
            var folder = Path.Combine(CdkAppBuild.FindRepositoryRoot(), "artifacts", "bench", creationsOnly ? "floor-creations-analyzer" : "floor-analyzer");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "IacFloorAnalyzer.dll");
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "netstandard.dll" or "System.Collections.Immutable.dll" or "System.Private.CoreLib.dll")
                .Append(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).Assembly.Location)
                .Append(typeof(Microsoft.CodeAnalysis.CSharp.SyntaxKind).Assembly.Location)
                .Select(p => (Microsoft.CodeAnalysis.MetadataReference)Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "IacFloorAnalyzer",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source.Replace("REGISTER", creationsOnly ? Creations : Operations, StringComparison.Ordinal)) },
                references,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            Microsoft.CodeAnalysis.Emit.EmitResult emitted;
            using (var file = File.Create(path))
            {
                emitted = compilation.Emit(file);
            }

            if (!emitted.Success)
            {
                throw new InvalidOperationException("the floor analyzer did not compile:\n" + string.Join("\n", emitted.Diagnostics));
            }

            return path;
        }

        private static (double Cpu, double Wall) Measure(string dir, string arguments, bool failOnMissing)
        {
            var before = ChildrenCpuSeconds();
            var watch = Stopwatch.StartNew();
            var output = CdkAppBuild.Dotnet(dir, arguments);
            watch.Stop();
            var cpu = ChildrenCpuSeconds() - before;
            if (!output.Contains("Build succeeded", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the build failed, so it skipped work the other side did\n" + output);
            }

            if (failOnMissing && !output.Contains("IAC2001", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the build with our analyzers reported no IAC2001: the analyzers did not run\n" + output);
            }

            if (!failOnMissing && output.Contains("IAC2001", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the build without our analyzers still ran them\n" + output);
            }

            return (cpu, watch.Elapsed.TotalSeconds);
        }

        internal static double Percent(double a, double b) => (a / b - 1) * 100;

        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        internal static string LoadAverage()
            => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1/5/15 min, " + Environment.ProcessorCount + " cores)" : "unknown";

        /// <summary>User + system CPU seconds of every descendant process this one has waited for.</summary>
        internal static double ChildrenCpuSeconds()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                throw new PlatformNotSupportedException("--paired measures CPU with getrusage (Linux, macOS)");
            }

            var usage = new long[18];
            if (GetRUsage(-1 /* RUSAGE_CHILDREN */, usage) != 0)
            {
                throw new InvalidOperationException("getrusage failed");
            }

            return usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6;
        }

        [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
        private static extern int GetRUsage(int who, [Out] long[] usage);
    }
}
