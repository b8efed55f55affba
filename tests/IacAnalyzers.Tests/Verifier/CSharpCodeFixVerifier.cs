using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The code-fix verifier, with the surface of Microsoft.CodeAnalysis.Testing's <c>CodeFixVerifier</c>:
    /// <code>
    /// using VerifyCS = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier&lt;MyAnalyzer, MyCodeFix&gt;;
    /// await VerifyCS.VerifyCodeFixAsync("class {|IAC1234:c|} { }", "class C { }");
    /// </code>
    /// See Verifier/README.md.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.Diagnostic()"/>
        public static DiagnosticResult Diagnostic() => VerifierDiagnostics.For(new TAnalyzer());

        /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.Diagnostic(string)"/>
        public static DiagnosticResult Diagnostic(string diagnosticId) => VerifierDiagnostics.For(new TAnalyzer(), diagnosticId);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

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
}
