using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The analyzer verifier: the official <c>CSharpAnalyzerVerifier</c> surface over <see cref="CSharpAnalyzerTest{TAnalyzer}"/>.
    /// <code>
    /// using VerifyCS = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier&lt;IacAnalyzers.Cdk.CdkAnalyzer&gt;;
    /// await VerifyCS.VerifyAnalyzerAsync("class {|IAC1234:C|} { }");
    /// await new VerifyCS.Test { TestState = { AdditionalFiles = { ("db.yaml", "...") } }, RuleUnderTest = "IAC2001" }.RunAsync();
    /// </code>
    /// See Verifier/README.md.
    /// </summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>The expected diagnostic of an analyzer that declares exactly one descriptor.</summary>
        public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

        /// <summary>An expected diagnostic with this id: severity from the analyzer's descriptor.</summary>
        public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

        /// <summary>Runs the analyzer on one C# source and compares with its markup plus <paramref name="expected"/>.</summary>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test object, for additional files, config files, options ...</summary>
        public class Test : CSharpAnalyzerTest<TAnalyzer>
        {
        }
    }

    /// <summary>
    /// The official <c>CSharpAnalyzerTest</c> with our setup (<see cref="TestSetup"/>): offline references (runtime +
    /// CDK, built once per process), C# preview with nullable enabled, <see cref="MarkupDefaultId"/> and
    /// <see cref="RuleUnderTest"/> for analyzers that declare many ids, templates without C#, and the reported
    /// diagnostics handed back in <see cref="ReportedDiagnostics"/>.
    /// </summary>
    public class CSharpAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        private readonly List<Diagnostic> reported = new List<Diagnostic>();
        private bool captured;

        public CSharpAnalyzerTest()
        {
            ReferenceAssemblies = TestSetup.Pinned;
        }

        /// <summary>The id <c>[|...|]</c> stands for (default: <see cref="RuleUnderTest"/>).</summary>
        public string? MarkupDefaultId { get; set; }

        /// <summary>
        /// The rule this test is about: <c>[|...|]</c> stands for it, and every other rule id of the analyzers is
        /// disabled unless the test names it (markup <c>{|ID:...|}</c> or an expectation). Tool ids stay on.
        /// </summary>
        public string? RuleUnderTest { get; set; }

        /// <summary>The analyzer diagnostics the test state's comparison saw (after <c>RunAsync</c>).</summary>
        public IReadOnlyList<Diagnostic> ReportedDiagnostics => reported;

        protected override CompilationOptions CreateCompilationOptions() => TestSetup.CompilationOptions();

        protected override ParseOptions CreateParseOptions() => TestSetup.ParseOptions();

        protected override Task<Solution> CreateSolutionAsync(ProjectId projectId, EvaluatedProjectState projectState, CancellationToken cancellationToken)
            => TestSetup.CreateSolutionAsync(this, projectId, projectState, CreateCompilationOptions(), CreateParseOptions());

        protected override Project ApplyCompilationOptions(Project project)
            => TestSetup.ApplyCompilationOptions(project, GetDiagnosticAnalyzers(), DisabledDiagnostics);

        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers)
            => TestSetup.DefaultDiagnostic(MarkupDefaultId ?? RuleUnderTest, analyzers) ?? base.GetDefaultDiagnostic(analyzers);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestSetup.Prepare(TestState, DisabledDiagnostics, RuleUnderTest, GetDiagnosticAnalyzers());
            return base.RunImplAsync(cancellationToken);
        }

        protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
        {
            var filtered = base.FilterDiagnostics(diagnostics);
            TestSetup.Capture(reported, ref captured, filtered);
            return filtered;
        }
    }
}
