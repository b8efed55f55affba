using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The code-fix verifier: the official <c>CSharpCodeFixVerifier</c> surface over <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix}"/>.
    /// <code>
    /// using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier&lt;IacAnalyzers.Cdk.CdkAnalyzer, IacAnalyzers.CodeFixes.CSharp.CSharpSetPropertyFixProvider&gt;;
    /// await VerifyFix.VerifyCodeFixAsync("class {|IAC1234:c|} { }", "class C { }");
    /// </code>
    /// See Verifier/README.md.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.Diagnostic()"/>
        public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

        /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.Diagnostic(string)"/>
        public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

        /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.VerifyAnalyzerAsync(string, DiagnosticResult[])"/>
        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The source's markup is the expectation; the fix must turn it into <paramref name="fixedSource"/>.</summary>
        public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
            VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

        public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource) =>
            VerifyCodeFixAsync(source, new[] { expected }, fixedSource);

        public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test object, for additional files, fixed additional files, code action selection, fix-all ...</summary>
        public class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix>
        {
        }
    }

    /// <summary>
    /// The official <c>CSharpCodeFixTest</c> with the setup of <see cref="CSharpAnalyzerTest{TAnalyzer}"/>, plus fixes of
    /// diagnostics located in additional files (templates), which the official framework does not apply: see
    /// <c>CSharpCodeFixTest.AdditionalFiles.cs</c>.
    /// </summary>
    public partial class CSharpCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        private readonly List<Diagnostic> reported = new List<Diagnostic>();
        private bool captured;

        public CSharpCodeFixTest()
        {
            ReferenceAssemblies = TestSetup.Pinned;
        }

        /// <inheritdoc cref="CSharpAnalyzerTest{TAnalyzer}.MarkupDefaultId"/>
        public string? MarkupDefaultId { get; set; }

        /// <inheritdoc cref="CSharpAnalyzerTest{TAnalyzer}.RuleUnderTest"/>
        public string? RuleUnderTest { get; set; }

        /// <inheritdoc cref="CSharpAnalyzerTest{TAnalyzer}.ReportedDiagnostics"/>
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
            return FixesAdditionalDocuments ? RunAdditionalFileFixesAsync(cancellationToken) : base.RunImplAsync(cancellationToken);
        }

        protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
        {
            var filtered = base.FilterDiagnostics(diagnostics);
            TestSetup.Capture(reported, ref captured, filtered);
            return filtered;
        }

        /// <summary>A provider exported for additional documents (templates) is tested by the additional-file path.</summary>
        private static bool FixesAdditionalDocuments { get; } =
            typeof(TCodeFix).GetCustomAttribute<ExportCodeFixProviderAttribute>()?.DocumentKinds?.Contains(nameof(TextDocumentKind.AdditionalDocument)) == true;
    }
}
