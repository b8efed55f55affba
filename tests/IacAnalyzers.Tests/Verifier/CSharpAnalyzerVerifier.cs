using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The analyzer verifier, with the surface of Microsoft.CodeAnalysis.Testing's <c>AnalyzerVerifier</c>:
    /// <code>
    /// using VerifyCS = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier&lt;MyAnalyzer&gt;;
    /// await VerifyCS.VerifyAnalyzerAsync("class {|IAC1234:C|} { }");
    /// await new VerifyCS.Test { TestState = { Sources = { ... }, AdditionalFiles = { ("db.yaml", "...") } } }.RunAsync();
    /// </code>
    /// See Verifier/README.md for markup, paths and defaults.
    /// </summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>The expected diagnostic of an analyzer that declares exactly one descriptor.</summary>
        public static DiagnosticResult Diagnostic() => VerifierDiagnostics.For(new TAnalyzer());

        /// <summary>An expected diagnostic with this id: severity and message format from the analyzer's descriptor.</summary>
        public static DiagnosticResult Diagnostic(string diagnosticId) => VerifierDiagnostics.For(new TAnalyzer(), diagnosticId);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

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

    internal static class VerifierDiagnostics
    {
        public static DiagnosticResult For(DiagnosticAnalyzer analyzer)
        {
            var descriptors = analyzer.SupportedDiagnostics;
            if (descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                throw new InvalidOperationException(
                    "Diagnostic() needs an analyzer with exactly one supported diagnostic; " + analyzer.GetType().Name + " declares "
                    + string.Join(", ", descriptors.Select(d => d.Id)) + ". Use Diagnostic(\"ID\") instead.");
            }

            return new DiagnosticResult(descriptors[0]);
        }

        public static DiagnosticResult For(DiagnosticAnalyzer analyzer, string diagnosticId)
        {
            var matches = analyzer.SupportedDiagnostics.Where(d => d.Id == diagnosticId).ToImmutableArray();
            if (matches.Length != 1)
            {
                throw new InvalidOperationException(
                    "Diagnostic(\"" + diagnosticId + "\") needs exactly one descriptor with that id in " + analyzer.GetType().Name + " (found "
                    + matches.Length + "). Use Diagnostic(DiagnosticDescriptor) or new DiagnosticResult(id, severity) for other ids"
                    + " (DiagnosticResult.CompilerError for compiler errors).");
            }

            return new DiagnosticResult(matches[0]);
        }
    }
}
