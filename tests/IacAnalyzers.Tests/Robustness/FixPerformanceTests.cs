using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
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

            // A plain edit of the same document, `false` → `true` typed as text (as the editor applies typing), as a
            // CodeAction: the baseline, measured in the same run.
            var text = await document.GetTextAsync();
            var at = source.IndexOf("MultiAz = false", StringComparison.Ordinal) + "MultiAz = ".Length;
            var plain = CodeAction.Create("plain", _ => Task.FromResult(document.WithText(text.WithChanges(new TextChange(new TextSpan(at, "false".Length), "true")))));
            await plain.GetOperationsAsync(default); // the first code action of the process pays MEF and the JIT

            var provider = new CSharpSetPropertyFixProvider();
            var slow = new List<string>();
            var fixes = 0;
            foreach (var diagnostic in analyzed.Iac.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), default));
                foreach (var action in actions)
                {
                    fixes++;

                    // Work bound: the fix changes a few characters, not the creation that holds the thousand items.
                    var operations = await action.GetOperationsAsync(default); // also this action's first run (JIT)
                    var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
                    var changes = (await changed.GetTextChangesAsync(document)).ToList();
                    var touched = changes.Sum(c => c.Span.Length + (c.NewText?.Length ?? 0));
                    Assert.True(touched < 100, diagnostic.Id + " '" + action.Title + "' rewrote " + touched + " characters: " + string.Join(" | ", changes));

                    // Cost: median of five runs, each next to a run of the plain edit (load on the machine hits both alike).
                    var ratios = new List<double>();
                    for (var i = 0; i < 5; i++)
                    {
                        var plainTime = await Time(plain);
                        var fixTime = await Time(action);
                        ratios.Add(fixTime.TotalMilliseconds / Math.Max(plainTime.TotalMilliseconds, 1));
                    }

                    var ratio = ratios.OrderBy(r => r).ElementAt(ratios.Count / 2);
                    output.WriteLine(diagnostic.Id + " '" + action.Title + "': " + touched + " characters changed, cost " + ratio.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "× the plain edit");
                    if (ratio > MaxCostRatio)
                    {
                        slow.Add(diagnostic.Id + " '" + action.Title + "' cost " + ratio.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "× the plain edit");
                    }
                }
            }

            Assert.True(analyzed.Iac.Count() >= 2, "expected IAC2001 and IAC1001 on the instance");
            Assert.True(fixes >= 2, "expected a fix for each, got " + fixes);
            Assert.True(slow.Count == 0, "Computing a fix's operations (light-bulb preview, apply) next to a 1,000-item initializer costs more than "
                                         + MaxCostRatio + "× a plain edit of the same document (medians of paired runs):\n" + string.Join("\n", slow));
        }

        /// <summary>A fix may cost a few times a plain edit (it finds its node and diffs its text), not a rebuild of the creation.</summary>
        private const double MaxCostRatio = 10;

        private static async Task<TimeSpan> Time(CodeAction action)
        {
            var watch = Stopwatch.StartNew();
            await action.GetOperationsAsync(default);
            return watch.Elapsed;
        }
    }
}
