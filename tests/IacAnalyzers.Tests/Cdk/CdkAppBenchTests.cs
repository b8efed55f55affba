using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// The CDK front-end over a generated 50-stack C# CDK app: no AD0001/IAC0002, the deliberate mistakes found, and the
    /// analyzer time (Roslyn's own per-analyzer telemetry) written to the test output. Run 1 is cold (JIT, first
    /// decoding of the CDK assembly's symbols); run 2 analyzes a fresh compilation of the same app in a warm process.
    /// The time includes the driver's work for each reported diagnostic (suppression checks), charged to the analyzer.
    /// Set IAC_BENCH_APP_DIR to also write the app to disk for a real build.
    /// </summary>
    public class CdkAppBenchTests
    {
        private readonly ITestOutputHelper output;

        public CdkAppBenchTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public async Task Fifty_stack_app_has_no_analyzer_failure_and_reports_its_time()
        {
            var files = CdkAppGenerator.Generate(50);
            if (System.Environment.GetEnvironmentVariable("IAC_BENCH_APP_DIR") is string dir && dir.Length > 0)
            {
                // For the build measurement (dotnet build -p:ErrorLog=...): the same app, written to disk.
                foreach (var (path, text) in files)
                {
                    var full = System.IO.Path.Combine(dir, path);
                    System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                    System.IO.File.WriteAllText(full, text);
                }
            }

            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: "/bench/" + f.Path)).ToArray();
            var lines = files.Sum(f => f.Text.Count(c => c == '\n'));

            CSharpCompilation NewCompilation() => CSharpCompilation.Create(
                "BenchApp", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));

            var compileErrors = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(compileErrors.Length == 0, string.Join("\n", compileErrors.Take(10).Select(e => e.ToString())));

            for (var run = 1; run <= 2; run++)
            {
                // Baseline: the same pass with an analyzer that registers the same operation actions and does nothing:
                // what the analyzer driver costs anyway (building operation trees; paid once for all analyzers of a build).
                var (baselineCpu, baselineWall, _, _) = await Pass(NewCompilation(), new DriverBaselineAnalyzer());
                var analyzer = new CdkAnalyzer();
                var (cpu, wall, telemetry, diagnostics) = await Pass(NewCompilation(), analyzer);

                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
                var byId = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count());
                output.WriteLine(
                    "run {0}: {1} files, {2} lines; CdkAnalyzer execution time {3:F0} ms (Roslyn telemetry, wall clock); analyzer pass CPU {4:F0} ms vs {5:F0} ms without CDK analysis (wall {6} / {7} ms); findings: {8}",
                    run, files.Count, lines, telemetry!.ExecutionTime.TotalMilliseconds, cpu, baselineCpu, wall, baselineWall, string.Join(", ", byId));

                // The deliberate mistakes: every second stack's L2 database and two thirds of the L1 ones are single-AZ.
                Assert.Equal(25 + 33, diagnostics.Count(d => d.Id == "IAC2001"));
            }
        }

        /// <summary>One analyzer pass over a bound compilation: process CPU time, wall time, telemetry, diagnostics.</summary>
        private static async Task<(double Cpu, long Wall, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo? Telemetry, ImmutableArray<Diagnostic> Diagnostics)> Pass(Compilation compilation, DiagnosticAnalyzer analyzer)
        {
            compilation.GetDiagnostics();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            watch.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            return (cpu, watch.ElapsedMilliseconds, telemetry, diagnostics);
        }
    }

#pragma warning disable RS1001, RS1036, RS1038, RS1041 // A test-only baseline, never shipped or loaded by a compiler.
    /// <summary>Registers what <see cref="CdkAnalyzer"/> registers (creations and calls) and does nothing.</summary>
    internal sealed class DriverBaselineAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => IacAnalyzers.Host.Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1001, RS1036, RS1038, RS1041
}
