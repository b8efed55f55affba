using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The C# side never throws into the compiler (no AD0001, no IAC0002) and stays bounded, whatever the user types:
    /// half-typed code, wrong types, nulls, dynamic, recursion, loops, huge expressions and files, look-alike types.
    /// Every code fix provider is asked for fixes to every diagnostic, and their operations are computed.
    /// </summary>
    public class CSharpSweepTests
    {
        private readonly ITestOutputHelper output;

        public CSharpSweepTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        public static IEnumerable<object[]> OddCaseNames() => RobustnessSources.OddCases().Select(c => new object[] { c.Name });

        [Fact]
        public async Task Realistic_stack_compiles_has_findings_and_every_fix_computes()
        {
            var solution = RobustnessHost.CreateSolution(new[] { RobustnessSources.RealisticStack }, new[] { ("templates/app.yaml", RobustnessSources.Template) });
            var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "The realistic stack must compile (it is the base of the sweep):\n" + string.Join("\n", errors.Select(e => e.ToString())));

            var result = await RobustnessHost.RunAsync("realistic", solution, fixes: true, concurrent: false, default);
            output.WriteLine(string.Join("\n", result.Iac.Select(d => d.ToString())));
            output.WriteLine("fixes computed: " + result.FixesComputed + ", wall " + result.Wall.TotalMilliseconds + " ms");
            AssertClean(result);

            // The sweep is only meaningful if the base has findings on both surfaces and fixes to compute.
            var inCode = result.Iac.Where(d => d.Location.IsInSource).Select(d => d.Id).Distinct().ToArray();
            var inTemplate = result.Iac.Where(d => !d.Location.IsInSource).Select(d => d.Id).Distinct().ToArray();
            Assert.Contains("IAC2001", inCode);
            Assert.Contains("IAC1101", inCode);
            Assert.Contains("IAC1002", inCode);
            Assert.Contains("IAC2001", inTemplate);
            Assert.True(result.FixesComputed >= 2, "expected fixes on both surfaces, got " + result.FixesComputed);
        }

        [Fact]
        public async Task Every_prefix_and_single_token_deletion_of_a_realistic_stack_is_analyzed_without_failure()
        {
            var text = RobustnessSources.RealisticStack;
            var body = text.IndexOf("namespace App", StringComparison.Ordinal);
            var tokens = CSharpSyntaxTree.ParseText(text, RobustnessHost.ParseOptions).GetRoot().DescendantTokens()
                .Where(t => t.SpanStart >= body && !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();

            // Prefixes at token ends (a sample spread evenly over the file, the last ones included), then random deletions.
            const int Prefixes = 120;
            const int Deletions = 40;
            var cases = new List<(string Name, string Source)>();
            for (var i = 0; i < Prefixes; i++)
            {
                var token = tokens[(int)((long)i * (tokens.Length - 1) / (Prefixes - 1))];
                cases.Add(("prefix to `" + token.Text + "` at " + token.Span.End, text.Substring(0, token.Span.End)));
            }

            var random = new Random(20261122);
            for (var i = 0; i < Deletions; i++)
            {
                var token = tokens[random.Next(tokens.Length)];
                cases.Add(("without `" + token.Text + "` at " + token.SpanStart, text.Remove(token.SpanStart, token.Span.Length)));
            }

            var failures = new List<string>();
            var slowest = TimeSpan.Zero;
            var watch = Stopwatch.StartNew();
            var withFindings = 0;
            var fixes = 0;
            foreach (var (name, source) in cases)
            {
                var result = await RobustnessHost.RunAsync(name, source);

                slowest = result.Wall > slowest ? result.Wall : slowest;
                withFindings += result.Iac.Any() ? 1 : 0;
                fixes += result.FixesComputed;
                if (result.Failures.Count > 0)
                {
                    failures.Add(Describe(result, source));
                }
            }

            output.WriteLine(cases.Count + " cases in " + watch.ElapsedMilliseconds + " ms, slowest " + slowest.TotalMilliseconds + " ms, " + withFindings + " with findings, " + fixes + " fixes computed");
            Assert.True(failures.Count == 0, failures.Count + " failing cases; the first (smallest) ones:\n" + string.Join("\n\n", failures.Take(3)));

            // Half-typed code still gets findings for what is already complete (the sweep does reach the rules).
            Assert.True(withFindings > cases.Count / 4, "only " + withFindings + " of " + cases.Count + " cases had findings");
        }

        [Theory]
        [MemberData(nameof(OddCaseNames))]
        public async Task Odd_code_is_analyzed_without_failure(string name)
        {
            var source = RobustnessSources.OddCases().Single(c => c.Name == name).Source;
            var result = await RobustnessHost.RunAsync(name, source);
            output.WriteLine(result.Wall.TotalMilliseconds + " ms; " + string.Join("\n", result.Iac.Select(d => d.ToString())));
            AssertClean(result, source);
            AssertRegistrationBindsOncePerDocument(result);
        }

        [Fact]
        public async Task Recursive_helpers_resolve_to_unknown_and_are_not_flagged()
        {
            var source = RobustnessSources.OddCases().Single(c => c.Name == "recursive helpers").Source;
            var result = await RobustnessHost.RunAsync("recursive helpers", source);
            AssertClean(result, source);

            // Recursion is unknown (never flagged); PropsFor/Id/Local/Chain may be followed to a value or give up, not fail.
            var flagged = result.Iac.Select(d => Enclosing(d)).ToArray();
            output.WriteLine(string.Join("\n", result.Iac.Select(d => d.ToString())));
            var multiAz = result.Iac.Where(d => d.Id == "IAC2001").Select(d => Enclosing(d)).ToArray();
            Assert.DoesNotContain(multiAz, f => f.StartsWith("new CfnDBInstance(this, \"H\"", StringComparison.Ordinal));
            Assert.DoesNotContain(flagged, f => f.StartsWith("new CfnDBInstance(this, \"C\"", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Look_alike_user_types_extension_methods_and_namespaces_are_not_flagged()
        {
            var result = await RobustnessHost.RunAsync("look-alikes", RobustnessHost.CreateSolution(new[] { RobustnessSources.LookAlikes }), fixes: true, concurrent: false, default);
            AssertClean(result, RobustnessSources.LookAlikes);
            Assert.True(!result.Iac.Any(), "look-alikes were flagged:\n" + string.Join("\n", result.Iac.Select(d => d + " at `" + Enclosing(d) + "`")));
        }

        [Fact]
        public async Task User_subclasses_of_CDK_constructs_are_analyzed_as_their_base()
        {
            var solution = RobustnessHost.CreateSolution(new[] { RobustnessSources.Subclasses });
            var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
            var result = await RobustnessHost.RunAsync("subclasses", solution, fixes: true, concurrent: false, default);
            output.WriteLine(string.Join("\n", result.Iac.Select(d => d + " at `" + Enclosing(d) + "`")));
            AssertClean(result, RobustnessSources.Subclasses);

            // `class MyDb : DatabaseInstance` is a DatabaseInstance (adapters are found through base types).
            Assert.Contains(result.Iac, d => d.Id == "IAC2001" && Enclosing(d).StartsWith("new MyDb(", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_subclass_whose_constructor_supplies_safe_props_is_not_flagged_through_its_own_arguments()
        {
            // The subclass's constructor parameters are not the base's (scope, id, props): `new SafeDb(this, "X")` has no
            // props argument, but the props it passes to the base are compliant. Unknown is fine; a finding is a false positive.
            var source = RobustnessSources.Usings + """
                namespace App
                {
                    public class SafeDb : CfnDBInstance
                    {
                        public SafeDb(Construct scope, string id) : base(scope, id, new CfnDBInstanceProps { Engine = "mysql", MultiAz = true, StorageEncrypted = true }) { }
                    }

                    public class SafeVolume : Volume
                    {
                        public SafeVolume(Construct scope, string id, string az) : base(scope, id, new VolumeProps { AvailabilityZone = az, Encrypted = true }) { }
                    }

                    public class UsesThem : Stack
                    {
                        public UsesThem(Construct scope, string id) : base(scope, id)
                        {
                            new SafeDb(this, "X");
                            new SafeVolume(this, "V", "eu-west-1a");
                        }
                    }
                }
                """;
            var result = await RobustnessHost.RunAsync("safe subclasses", RobustnessHost.CreateSolution(new[] { source }), fixes: true, concurrent: false, default);
            AssertClean(result, source);
            Assert.True(!result.Iac.Any(), "false positives on subclasses that supply their own props:\n" + string.Join("\n", result.Iac.Select(d => d + " at `" + Enclosing(d) + "`")));
        }

        [Fact]
        public async Task Without_CDK_references_the_CDK_front_end_registers_nothing()
        {
            var solution = RobustnessHost.CreateSolution(new[] { RobustnessSources.RealisticStack }, references: TestReferences.Runtime);
            var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
            var failures = new List<string>();
            var withAnalyzers = RobustnessHost.WithAnalyzers(compilation, System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, concurrent: false, failures);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(RobustnessHost.Cdk, default);
            Assert.Empty(failures);
            Assert.Empty(diagnostics);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
        }

        [Fact]
        public async Task Ten_thousand_part_concatenation_is_bounded()
        {
            // Constant parts and a local, alternating: the compiler cannot fold it, the resolver must give up in bounds.
            var source = RobustnessSources.Concatenation(10_000, viaLocal: true);
            var result = await RobustnessHost.RunAsync("concat", source);
            Report(result);
            AssertClean(result, source);
            Assert.True(result.FixesComputed >= 2, "expected fixes for both constructs, got " + result.FixesComputed);
            AssertRegistrationBindsOncePerDocument(result);
        }

        [Fact]
        public async Task Thousand_level_nested_conditionals_and_ifs_are_bounded()
        {
            var source = RobustnessSources.NestedConditionals(1000);
            var result = await RobustnessHost.RunAsync("nested", source);
            Report(result);
            AssertClean(result, source);
            AssertRegistrationBindsOncePerDocument(result);
        }

        [Fact]
        public async Task Ten_thousand_item_collection_initializers_are_bounded()
        {
            // Fixes are registered (the light bulb's question); their operations are computed next to a thousand items in
            // FixPerformanceTests (here they would only repeat the compiler's binding of 40,000 nodes).
            var source = RobustnessSources.HugeCollections(10_000);
            var result = await RobustnessHost.RunAsync("collections", RobustnessHost.CreateSolution(new[] { source }), fixes: true, concurrent: false, default, operations: false);
            Report(result);
            AssertClean(result, source);
            Assert.True(result.Iac.Count() >= 4, "the instances with 10k-item collections must still be analyzed");
            Assert.True(result.FixRegistrations >= 4, "expected a registration per fixable finding, got " + result.FixRegistrations);
            AssertRegistrationBindsOncePerDocument(result);
        }

        [Fact]
        public async Task Five_megabyte_source_file_is_bounded()
        {
            // 20 real stacks (~400 constructs) in a 5 MB file padded with comments and long string constants: binding 5 MB of
            // real CDK code would take the compiler minutes here; the analyzer's cost is per construct, its locations per file.
            var source = RobustnessSources.Huge(5 * 1024 * 1024, stacks: 20);
            Assert.True(Encoding.UTF8.GetByteCount(source) >= 5 * 1024 * 1024);
            var result = await RobustnessHost.RunAsync("5 MB", RobustnessHost.CreateSolution(new[] { source }), fixes: true, concurrent: false, default);
            Report(result);
            AssertClean(result, null);
            Assert.True(result.Iac.Count() > 100, "expected findings in the 5 MB file, got " + result.Iac.Count());
            AssertRegistrationBindsOncePerDocument(result);
        }

        /// <summary>
        /// Registering fixes (the light bulb's question) binds a document once, however many findings it has: each C#
        /// provider asked the workspace for at most one semantic model per document with findings.
        /// </summary>
        internal static void AssertRegistrationBindsOncePerDocument(CaseResult result)
        {
            var documents = result.Iac.Where(d => d.Location.IsInSource).Select(d => d.Location.SourceTree).Distinct().Count();
            foreach (var (provider, models) in result.SemanticModelsForFixes)
            {
                Assert.True(models <= documents, provider + " asked for " + models + " semantic models for " + documents + " document(s) and "
                                                  + result.FixRegistrations + " registrations: registration must not re-bind per diagnostic");
            }
        }

        internal static void AssertClean(CaseResult result, string? source = null)
            => Assert.True(result.Failures.Count == 0, Describe(result, source));

        internal static string Describe(CaseResult result, string? source)
        {
            var sb = new StringBuilder();
            sb.Append("Case '").Append(result.Name).Append("' (").Append(result.Wall.TotalMilliseconds).Append(" ms) failed:\n");
            foreach (var failure in result.Failures.Take(3))
            {
                sb.Append("  ").Append(failure.Length > 3000 ? failure.Substring(0, 3000) + "…" : failure).Append('\n');
            }

            if (source != null && source.Length < 20_000)
            {
                sb.Append("Input:\n").Append(source).Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>The text of the statement-level expression a diagnostic is in (for readable assertions).</summary>
        internal static string Enclosing(Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree == null)
            {
                return string.Empty;
            }

            var node = tree.GetRoot().FindNode(diagnostic.Location.SourceSpan);
            var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().LastOrDefault(c => c.Parent is ExpressionStatementSyntax || c.Parent is EqualsValueClauseSyntax || c.Parent is ArgumentSyntax || c.Parent is ArrowExpressionClauseSyntax || c.Parent is AssignmentExpressionSyntax);
            return (creation ?? node).ToString();
        }

        private void Report(CaseResult result)
            => output.WriteLine(result.Name + ": wall " + result.Wall.TotalMilliseconds + " ms, CdkAnalyzer " + result.CdkAnalyzerTime.TotalMilliseconds
                                + " ms, TemplateAnalyzer " + result.TemplateAnalyzerTime.TotalMilliseconds + " ms, " + result.Iac.Count() + " findings ("
                                + string.Join(", ", result.Iac.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count())) + ")");
    }
}
