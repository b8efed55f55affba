using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The IDE computes a fix's operations for the light bulb's preview and on apply: it must cost about what a plain edit
    /// of the same document costs, whatever else the method contains.
    /// </summary>
    public class FixPerformanceTests
    {
        private readonly ITestOutputHelper output;

        public FixPerformanceTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        [Fact]
        public async Task Set_property_fixes_next_to_a_thousand_item_initializer_cost_about_a_plain_edit()
        {
            var tags = string.Join(", ", Enumerable.Range(0, 1000).Select(i => "new CfnTag { Key = \"k" + i + "\", Value = \"v\" }"));
            var source = RobustnessSources.InStack("new CfnDBInstance(this, \"Db\", new CfnDBInstanceProps { MultiAz = false, Tags = new[] { " + tags + " } });");
            var solution = RobustnessHost.CreateSolution(new[] { source });
            var analyzed = await RobustnessHost.RunAsync("1000 tags", solution, fixes: false, concurrent: false, default);
            CSharpSweepTests.AssertClean(analyzed);
            var document = solution.Projects.Single().Documents.Single();

            // A plain edit of the same document: `false` → `true` as a CodeAction.
            var root = (await document.GetSyntaxRootAsync())!;
            var at = source.IndexOf("MultiAz = false", StringComparison.Ordinal) + "MultiAz = ".Length;
            var literal = root.FindNode(new TextSpan(at, "false".Length));
            var plain = CodeAction.Create("plain", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal)))));
            await plain.GetOperationsAsync(default); // the first code action of the process pays MEF and the JIT
            var watch = Stopwatch.StartNew();
            await plain.GetOperationsAsync(default);
            var plainTime = watch.Elapsed;
            output.WriteLine("plain edit: " + plainTime.TotalMilliseconds + " ms");

            var provider = new CSharpSetPropertyFixProvider();
            var slow = new List<string>();
            foreach (var diagnostic in analyzed.Iac.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), default));
                foreach (var action in actions)
                {
                    // Bounded: a slow fix is cancelled after 5 s so the suite stays short; it fails either way.
                    using var budget = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5));
                    watch.Restart();
                    try
                    {
                        await action.GetOperationsAsync(budget.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    var took = budget.IsCancellationRequested ? "more than 5 s (cancelled)" : watch.Elapsed.TotalMilliseconds + " ms";
                    output.WriteLine(diagnostic.Id + " '" + action.Title + "': " + took);
                    if (watch.Elapsed > TimeSpan.FromSeconds(1))
                    {
                        slow.Add(diagnostic.Id + " '" + action.Title + "' took " + took);
                    }
                }
            }

            Assert.True(analyzed.Iac.Count() >= 2, "expected IAC2001 and IAC1001 on the instance");
            Assert.True(slow.Count == 0, "Computing a fix's operations (light-bulb preview, apply) next to a 1,000-item initializer took over 1 s (a plain edit of the same document: "
                                         + plainTime.TotalMilliseconds + " ms):\n" + string.Join("\n", slow));
        }
    }
}
