using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using IacAnalyzers.Cdk;
using IacAnalyzers.Tests.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--cdk-inproc [stacks] [rounds]</c>: the CDK front-end over the generated app inside this process, for profiling
    /// (run it under <c>dotnet-trace</c> or <c>dotnet-counters</c>). Each round compiles the app afresh and binds it
    /// (<c>GetDiagnostics</c>, what the compiler does anyway; its CPU time is printed as the scale), then runs,
    /// interleaved, an analyzer that registers the same operation actions as <see cref="CdkAnalyzer"/> and does nothing
    /// (the driver baseline: the driver's semantic models bind every body again and build its operation tree), one that
    /// only binds each object creation from syntax (the syntax-first baseline: what an analyzer that avoids operation
    /// trees would still pay to learn which creations are constructs), and <see cref="CdkAnalyzer"/> itself, each on its
    /// own fresh bound compilation. Prints CPU time and bytes allocated by each pass, and the analyzer's own execution
    /// time from Roslyn's telemetry. Nullable analysis is on, as in the generated project (the repository's
    /// Directory.Build.props, which it inherits, enables it; so do new projects' templates).
    /// <c>--baseline DIR</c>: our analyzer as built in DIR runs in each round too (order alternating with this build's),
    /// and the summary gives the mean paired CPU difference with a 95 % bootstrap interval and the bytes allocated.
    /// </summary>
    public static class CdkAppInProcess
    {
        public static int Run(int stacks, int rounds, string? baselineDirectory = null)
        {
            // --baseline DIR: our analyzer as built in DIR (an earlier commit's Release output), loaded side by side in a
            // context of its own, runs in every round next to this build's, in alternating order: a before/after measured
            // in one process, pair by pair, instead of two runs whose machine differs.
            var earlier = baselineDirectory == null ? null : EarlierBuild.Load(baselineDirectory);
            var earlierPasses = new List<(double Cpu, long Bytes, double Telemetry)>();
            var oursAgainstEarlier = new List<(double Cpu, long Bytes, double Telemetry)>();
            var newCompilation = AppCompilations(stacks);

            var errors = newCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                Console.WriteLine(string.Join("\n", errors.Take(10)));
                return 1;
            }

            var baseline = new List<(double Cpu, long Bytes)>();
            var ours = new List<(double Cpu, long Bytes, double Telemetry, int Findings)>();
            var binding = new List<double>();
            var syntaxFirst = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                var (bCpu, bBytes, _, _) = Pass(newCompilation(), new DriverBaselineAnalyzer(), out var bindingCpu);
                var bGc = lastPassGc;
                var (sCpu, _, _, _) = Pass(newCompilation(), new SyntaxFirstBaselineAnalyzer(), out _);
                var analyzer = new CdkAnalyzer();
                var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
                var jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
                (double Cpu, long Bytes, double Telemetry, ImmutableArray<Diagnostic> Diagnostics) before = default;
                if (earlier != null && round % 2 == 1)
                {
                    before = Pass(newCompilation(), earlier(), out _);
                }

                var (cpu, bytes, telemetry, diagnostics) = Pass(newCompilation(), analyzer, out _);
                var oursGc = lastPassGc;
                jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false) - jitMethods;
                jitTime = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jitTime;
                if (earlier != null && round % 2 == 0)
                {
                    before = Pass(newCompilation(), earlier(), out _);
                }

                if (earlier != null && before.Diagnostics.Length != diagnostics.Length)
                {
                    Console.WriteLine("note: the earlier build reported " + before.Diagnostics.Length + " diagnostics, this one " + diagnostics.Length);
                }

                if (earlier != null && round > 0)
                {
                    earlierPasses.Add((before.Cpu, before.Bytes, before.Telemetry));
                    oursAgainstEarlier.Add((cpu, bytes, telemetry));
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  earlier build CPU {0:F0} ms, {1:F1} MB, telemetry {2:F0} ms", before.Cpu, before.Bytes / 1e6, before.Telemetry));
                }
                var failures = diagnostics.Where(d => d.Id == "AD0001" || d.Id == "IAC0002").ToArray();
                if (failures.Length > 0)
                {
                    Console.WriteLine(string.Join("\n", failures.Take(5)));
                    return 1;
                }

                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "round {0}{1}: compile's binding CPU {10:F0} ms | driver baseline CPU {2:F0} ms, {3:F1} MB, {12} | syntax-first baseline CPU {11:F0} ms | CdkAnalyzer CPU {4:F0} ms, {5:F1} MB, {13}, telemetry {6:F0} ms, {7} findings; JIT during its pass: {8} methods, {9:F0} ms",
                    round, round == 0 ? " (warm-up, not counted)" : string.Empty, bCpu, bBytes / 1e6, cpu, bytes / 1e6, telemetry, diagnostics.Length, jitMethods, jitTime.TotalMilliseconds, bindingCpu, sCpu, bGc, oursGc));
                if (round > 0)
                {
                    baseline.Add((bCpu, bBytes));
                    ours.Add((cpu, bytes, telemetry, diagnostics.Length));
                    binding.Add(bindingCpu);
                    syntaxFirst.Add(sCpu);
                }
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "median of {0}: driver baseline CPU {1:F0} ms, {2:F1} MB; CdkAnalyzer CPU {3:F0} ms, {4:F1} MB (our own share: {5:F0} ms, {6:F1} MB), telemetry {7:F0} ms",
                rounds,
                Median(baseline.Select(b => b.Cpu)),
                Median(baseline.Select(b => (double)b.Bytes)) / 1e6,
                Median(ours.Select(o => o.Cpu)),
                Median(ours.Select(o => (double)o.Bytes)) / 1e6,
                Median(ours.Zip(baseline, (o, b) => o.Cpu - b.Cpu)),
                Median(ours.Zip(baseline, (o, b) => (double)(o.Bytes - b.Bytes))) / 1e6,
                Median(ours.Select(o => o.Telemetry))));
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "median of {0}: the compile's own binding (GetDiagnostics) CPU {1:F0} ms; syntax-first baseline CPU {2:F0} ms (driver baseline / binding: {3:F2}; syntax-first / driver baseline: {4:F2})",
                rounds,
                Median(binding),
                Median(syntaxFirst),
                Median(baseline.Select(b => b.Cpu)) / Median(binding),
                Median(syntaxFirst) / Median(baseline.Select(b => b.Cpu))));
            if (earlier != null)
            {
                Console.WriteLine(CscPaired.Summary(
                    "CdkAnalyzer CPU, this build (A) vs " + baselineDirectory + " (B),",
                    oursAgainstEarlier.Select(o => o.Cpu / 1000).ToArray(),
                    earlierPasses.Select(e => e.Cpu / 1000).ToArray()));
                // The pass's CPU includes the driver binding every body again (most of it, and most of its noise); the
                // time inside the analyzer's own callbacks (Roslyn's telemetry; one thread, so wall is its CPU plus any
                // GC pause it hits) is the part the two builds differ in.
                Console.WriteLine(CscPaired.Summary(
                    "CdkAnalyzer time in its callbacks (telemetry), this build (A) vs earlier (B),",
                    oursAgainstEarlier.Select(o => o.Telemetry / 1000).ToArray(),
                    earlierPasses.Select(e => e.Telemetry / 1000).ToArray()));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "allocated per pass: this build {0:F2} MB, earlier {1:F2} MB (medians)",
                    Median(oursAgainstEarlier.Select(o => (double)o.Bytes)) / 1e6,
                    Median(earlierPasses.Select(e => (double)e.Bytes)) / 1e6));
            }

            return 0;
        }

        /// <summary>
        /// <c>--cdk-views [stacks] --rounds N</c>: only our code, without the driver around it. The app is bound once and
        /// the operation tree of every member body built once; then each round makes the per-compilation state afresh
        /// (symbols, adapters: as each compilation does), builds the views of every body and runs the rules over them, on
        /// this one thread. Prints the median, 10th percentile and lowest time per round and the bytes allocated: the work
        /// our analyzer adds to a build once the driver has bound the code, without the binding's noise. On a shared machine
        /// the median still moves with other tenants' load by ±20 % between runs; the low percentiles hold within a few
        /// percent, so compare those, in runs of the two builds taken in turn. Diagnostics are not made (the driver's
        /// part), the findings are counted. After 30 warm-up rounds the code may still be partly unoptimised (tiered
        /// compilation on a busy machine): give it a few hundred rounds.
        /// <c>--fresh</c>: each round on a new compilation, bound and with its operation trees built before the clock
        /// starts: our code meeting each symbol, syntax tree and Roslyn cache for the first time, as in a real compile.
        /// </summary>
        public static int RunViews(int stacks, int rounds, bool fresh = false)
        {
            var newCompilation = AppCompilations(stacks);
            var (compilation, roots) = BoundRoots(newCompilation);
            var times = new List<double>();
            var allocations = new List<long>();
            var pauses = new List<double>();
            var findings = 0;
            var views = 0;
            const int WarmUp = 30;
            for (var round = 0; round < WarmUp + rounds; round++)
            {
                if (fresh)
                {
                    // A new compilation each round, bound and with its operation trees built (the driver's work) before the
                    // clock starts: what our code pays for symbols, trees and caches met for the first time.
                    (compilation, roots) = BoundRoots(newCompilation);
                }

                findings = 0;
                views = 0;
                GC.Collect();
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var pauseBefore = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                var state = new CdkAnalyzer.CompilationState(
                    IacAnalyzers.Cdk.CdkSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("no CDK"),
                    IacAnalyzers.Cdk.Adapters.AdapterRegistry.Create(compilation));
                foreach (var root in roots)
                {
                    foreach (var view in state.ViewsOf(root, CancellationToken.None))
                    {
                        views++;
                        IacAnalyzers.Host.RuleRunner.Run(view, _ => findings++, _ => throw new InvalidOperationException("a rule failed"), CancellationToken.None);
                    }
                }

                watch.Stop();
                if (round >= WarmUp)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
                    pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
                }
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} bodies, {1} views, {2} findings a round{9}; {3} rounds after {4} warm-up: median {5:F2} ms, 10th percentile {8:F2} ms, lowest {6:F2} ms, {7:F2} MB allocated a round, GC pauses {10:F2} ms (median)",
                roots.Count, views, findings, rounds, WarmUp, Median(times), times.Min(), Median(allocations.Select(a => (double)a)) / 1e6, times.OrderBy(t => t).ElementAt(times.Count / 10),
                fresh ? ", each round on a fresh compilation" : string.Empty, Median(pauses)));
            return 0;
        }

        /// <summary>
        /// A compilation of the app as an analyzer is handed it, bound, and the operation tree of every member body.
        /// </summary>
        private static (Compilation Compilation, List<IOperation> Roots) BoundRoots(Func<CSharpCompilation> newCompilation)
        {
            var created = newCompilation();
            created.GetDiagnostics();

            // The compilation an analyzer is handed: the driver's, whose GetSemanticModel returns one cached model per
            // tree (what CallSites and the declaration reader rely on). A compilation of our own would make a new model,
            // and bind its member again, at every call.
            var capture = new CompilationCapture();
            created.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(capture)).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var compilation = capture.Compilation ?? throw new InvalidOperationException("the driver started no compilation");
            var roots = new List<IOperation>();
            var seen = new HashSet<IOperation>();
            foreach (var tree in compilation.SyntaxTrees)
            {
#pragma warning disable RS1030 // A benchmark over a compilation of its own, not an analyzer.
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax || node is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax)
                    {
                        var root = model.GetOperation(node);
                        if (root != null && root.Parent == null && seen.Add(root))
                        {
                            roots.Add(root);
                        }
                    }
                }
            }

            return (compilation, roots);
        }

        /// <summary>
        /// Fresh compilations of the generated app (its files parsed once, the references read once), as the generated
        /// project compiles: a console app with nullable analysis on.
        /// </summary>
        private static Func<CSharpCompilation> AppCompilations(int stacks)
        {
            var trees = CdkAppGenerator.Generate(stacks)
                .Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: "/bench/" + f.Path))
                .ToArray();
            var references = References();
            return () => CSharpCompilation.Create(
                "BenchApp", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>The garbage collections of the last pass: pause time and gen0/gen1/gen2 counts (one thread: set by <see cref="Pass"/>).</summary>
        private static string lastPassGc = string.Empty;

        private static (double Cpu, long Bytes, double Telemetry, ImmutableArray<Diagnostic> Diagnostics) Pass(Compilation compilation, DiagnosticAnalyzer analyzer, out double bindingCpu)
        {
            // The compile's own work first (declarations and method bodies bound for diagnostics), timed on its own: the
            // scale the analyzers' passes are read against. The analyzers' semantic models bind the bodies again.
            GC.Collect();
            var bindingStart = Process.GetCurrentProcess().TotalProcessorTime;
            compilation.GetDiagnostics();
            bindingCpu = (Process.GetCurrentProcess().TotalProcessorTime - bindingStart).TotalMilliseconds;
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            lastPassGc = string.Format(CultureInfo.InvariantCulture, "GC {0:F0} ms in {1}/{2}/{3}", (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds, GC.CollectionCount(0) - gcBefore.Item1, GC.CollectionCount(1) - gcBefore.Item2, GC.CollectionCount(2) - gcBefore.Item3);
            return (cpu, bytes, telemetry.ExecutionTime.TotalMilliseconds, diagnostics);
        }

        /// <summary>The running runtime's assemblies plus the CDK assemblies copied next to this program.</summary>
        private static ImmutableArray<MetadataReference> References()
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var runtime = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal));
            var cdk = new[] { "Amazon.CDK.Lib", "Constructs", "Amazon.JSII.Runtime" }.Select(n => Path.Combine(AppContext.BaseDirectory, n + ".dll"));
            return runtime.Concat(cdk)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)AssemblyMetadata.CreateFromFile(p).GetReference(filePath: p))
                .ToImmutableArray();
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>
        /// Another build of our analyzers (IacAnalyzers, Core and YamlDotNet from a folder) in a load context of its own;
        /// Roslyn comes from this program's, so its analyzer is a <see cref="DiagnosticAnalyzer"/> like ours.
        /// </summary>
        private sealed class EarlierBuild : System.Runtime.Loader.AssemblyLoadContext
        {
            private static readonly string[] Own = { "IacAnalyzers", "IacAnalyzers.Core", "YamlDotNet" };

            private readonly string directory;

            private EarlierBuild(string directory)
                : base("earlier IacAnalyzers build")
            {
                this.directory = directory;
            }

            public static Func<DiagnosticAnalyzer> Load(string directory)
            {
                var full = Path.GetFullPath(directory);
                var path = Path.Combine(full, "IacAnalyzers.dll");
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("--baseline: no IacAnalyzers.dll in " + full, path);
                }

                var type = new EarlierBuild(full).LoadFromAssemblyPath(path).GetType("IacAnalyzers.Cdk.CdkAnalyzer", throwOnError: true)!;
                return () => (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            }

            protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName assemblyName)
            {
                var path = Path.Combine(directory, assemblyName.Name + ".dll");
                return Array.IndexOf(Own, assemblyName.Name) >= 0 && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }

#pragma warning disable RS1001, RS1012, RS1036, RS1038, RS1041 // A benchmark-only baseline, never shipped or loaded by a compiler.
        /// <summary>Registers what <see cref="CdkAnalyzer"/> registers (creations and calls) and does nothing.</summary>
        private sealed class DriverBaselineAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => IacAnalyzers.Host.Descriptors.All;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
            }
        }

        /// <summary>
        /// What an analyzer that starts from syntax would still pay: it binds each object creation (<c>GetSymbolInfo</c>)
        /// to learn whether it is a construct, and nothing else (no operation trees). In a CDK app nearly every statement
        /// creates something, so this binds nearly everything the driver baseline binds.
        /// </summary>
        private sealed class SyntaxFirstBaselineAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => IacAnalyzers.Host.Descriptors.All;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxNodeAction(
                    c => GC.KeepAlive(c.SemanticModel.GetSymbolInfo(c.Node, c.CancellationToken).Symbol),
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.ObjectCreationExpression,
                    Microsoft.CodeAnalysis.CSharp.SyntaxKind.ImplicitObjectCreationExpression);
            }
        }

        /// <summary>Keeps the compilation the driver hands analyzers (see <see cref="RunViews"/>).</summary>
        private sealed class CompilationCapture : DiagnosticAnalyzer
        {
            public Compilation? Compilation { get; private set; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => IacAnalyzers.Host.Descriptors.All;

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(c => Compilation = c.Compilation);
            }
        }
#pragma warning restore RS1001, RS1012, RS1036, RS1038, RS1041
    }
}
