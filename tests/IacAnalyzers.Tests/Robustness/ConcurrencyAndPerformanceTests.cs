using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.Robustness
{
    /// <summary>Cancellation, thread safety and the per-compilation cost of a realistic 50-stack app.</summary>
    public class ConcurrencyAndPerformanceTests
    {
        private readonly ITestOutputHelper output;

        public ConcurrencyAndPerformanceTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public async Task A_cancelled_token_ends_analysis_of_a_large_app_promptly_with_OperationCanceledException()
        {
            var solution = RobustnessHost.CreateSolution(RobustnessSources.App(50, 5));
            var project = solution.Projects.Single();
            var compilation = (await project.GetCompilationAsync())!;

            // Already cancelled: nothing runs.
            using (var cancelled = new CancellationTokenSource())
            {
                cancelled.Cancel();
                var failures = new List<string>();
                var withAnalyzers = RobustnessHost.WithAnalyzers(compilation, ImmutableArray<AdditionalText>.Empty, concurrent: false, failures);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cancelled.Token));
                Assert.Empty(failures);
            }

            // Cancelled part-way: an OperationCanceledException soon after the cancel, never another exception.
            var cancelledMidway = 0;
            foreach (var delay in new[] { 100, 300, 800 })
            {
                using var cts = new CancellationTokenSource();
                var failures = new List<string>();
                var withAnalyzers = RobustnessHost.WithAnalyzers(compilation, ImmutableArray<AdditionalText>.Empty, concurrent: false, failures);
                var cancelledAt = Stopwatch.StartNew();
                var task = Task.Run(() => withAnalyzers.GetAnalyzerDiagnosticsAsync(cts.Token));
                await Task.Delay(delay);
                cts.Cancel();
                cancelledAt.Restart();
                try
                {
                    await task;
                    output.WriteLine("delay " + delay + " ms: finished before the cancel");
                }
                catch (OperationCanceledException)
                {
                    cancelledMidway++;
                    // Reported, not asserted (a loaded machine stretches any time): the assertion is the exception's type.
                    output.WriteLine("delay " + delay + " ms: cancelled, observed after " + cancelledAt.ElapsedMilliseconds + " ms");
                }

                Assert.True(failures.Count == 0, string.Join("\n", failures));
            }

            Assert.True(cancelledMidway > 0, "the analysis always finished before the cancel: the input is too small to test cancellation");
        }

        [Fact]
        public async Task Concurrent_analysis_of_eight_compilations_is_identical_and_stable()
        {
            const int Count = 8;
            var solutions = Enumerable.Range(0, Count)
                .Select(i => RobustnessHost.CreateSolution(
                    new[] { RobustnessSources.RealisticStack }.Concat(RobustnessSources.App(2, 1, seed: i)).ToArray(),
                    new[] { ("templates/app" + i + ".yaml", RobustnessSources.Template) }))
                .ToArray();

            // Sequential, non-concurrent baseline.
            var baseline = new string[Count];
            for (var i = 0; i < Count; i++)
            {
                var result = await RobustnessHost.RunAsync("baseline " + i, solutions[i], fixes: false, concurrent: false, default);
                CSharpSweepTests.AssertClean(result);
                Assert.True(result.Iac.Count() > 15, "too few findings to compare: " + result.Iac.Count());
                baseline[i] = result.Fingerprint;
            }

            // The same analyzer instances, concurrently over the 8 compilations (and concurrent within each), several times.
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < 2; round++)
            {
                var results = new CaseResult[Count];
                Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = Count }, i =>
                {
                    results[i] = RobustnessHost.RunAsync("round " + round + " #" + i, solutions[i], fixes: false, concurrent: true, default).GetAwaiter().GetResult();
                });

                for (var i = 0; i < Count; i++)
                {
                    CSharpSweepTests.AssertClean(results[i]);
                    Assert.Equal(baseline[i], results[i].Fingerprint);
                }
            }

            output.WriteLine("2 concurrent rounds of " + Count + " compilations in " + watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public async Task Fifty_stack_app_analyzer_time_is_reported_and_there_is_no_analyzer_failure()
        {
            var files = RobustnessSources.App(50, 5);
            var solution = RobustnessHost.CreateSolution(files);
            var project = solution.Projects.Single();
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Take(10).Select(e => e.ToString())));

            var constructs = compilation.SyntaxTrees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is ObjectCreationExpressionSyntax || n is InvocationExpressionSyntax i && i.Expression.ToString().Contains("Add", StringComparison.Ordinal)));
            var runs = new List<CaseResult>();
            for (var run = 0; run < 2; run++)
            {
                // Run 0 pays the JIT; run 1 is the steady state a build or the IDE sees.
                runs.Add(await RobustnessHost.RunAsync("50 stacks, run " + run, solution, fixes: false, concurrent: false, default));
            }

            foreach (var r in runs)
            {
                output.WriteLine(r.Name + ": wall " + r.Wall.TotalMilliseconds + " ms (compile+bind+analyze), CdkAnalyzer " + r.CdkAnalyzerTime.TotalMilliseconds
                                 + " ms, TemplateAnalyzer " + r.TemplateAnalyzerTime.TotalMilliseconds + " ms, " + r.Iac.Count() + " findings");
            }

            var result = runs[^1];
            output.WriteLine(files.Count + " files, " + files.Sum(f => f.Length) / 1024 + " KB, ~" + constructs + " creations/calls; findings: "
                             + string.Join(", ", result.Iac.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count())));

            // IDE keystroke loop: one document's semantic analysis in the already-built compilation.
            var failures = new List<string>();
            var withAnalyzers = RobustnessHost.WithAnalyzers(compilation, ImmutableArray<AdditionalText>.Empty, concurrent: false, failures);
            var tree = compilation.SyntaxTrees.First();
            var model = compilation.GetSemanticModel(tree);
            var perDocument = Stopwatch.StartNew();
            var documentDiagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, default);
            perDocument.Stop();
            var documentTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(RobustnessHost.Cdk, default)).ExecutionTime;
            output.WriteLine("one document (5 stacks): wall " + perDocument.ElapsedMilliseconds + " ms, CdkAnalyzer " + documentTime.TotalMilliseconds + " ms, " + documentDiagnostics.Length + " diagnostics");

            foreach (var r in runs)
            {
                CSharpSweepTests.AssertClean(r);
            }

            Assert.Empty(failures);

            // Mixed good/bad: every bad (even) stack has its findings, no good (odd) stack has any.
            var byStack = result.Iac.GroupBy(d => StackOf(d)).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToHashSet());
            var expected = new[] { "IAC1001", "IAC1002", "IAC1006", "IAC1009", "IAC1101", "IAC1102", "IAC2001", "IAC2004" };
            for (var s = 0; s < 50; s++)
            {
                var name = "Stack" + s;
                if (s % 2 == 0)
                {
                    Assert.True(byStack.TryGetValue(name, out var ids), name + " has no findings");
                    var missing = expected.Where(id => !ids!.Contains(id)).ToArray();
                    Assert.True(missing.Length == 0, name + " misses " + string.Join(", ", missing) + "; has " + string.Join(", ", ids!.OrderBy(x => x, StringComparer.Ordinal)));
                }
                else
                {
                    Assert.False(byStack.ContainsKey(name), name + " is all good but has: " + (byStack.TryGetValue(name, out var bad) ? string.Join(", ", bad) : string.Empty)
                                                           + "\n" + string.Join("\n", result.Iac.Where(d => StackOf(d) == name).Select(d => d + " at `" + CSharpSweepTests.Enclosing(d) + "`")));
                }
            }
        }

        private static string StackOf(Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree == null)
            {
                return "(no tree)";
            }

            return tree.GetRoot().FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "(none)";
        }
    }
}
