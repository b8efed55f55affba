using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyBad = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.BadWordAnalyzer>;
using VerifyClass = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.ClassNameAnalyzer>;

namespace IacAnalyzers.Tests.VerifierTests
{
    /// <summary>Severity configuration reaches the diagnostics the way it does in a real build (roslyn-facts §3).</summary>
    public class ConfigurationTests
    {
        [Fact]
        public Task Editorconfig_severity_error_reaches_a_CSharp_diagnostic() =>
            new VerifyClass.Test
            {
                TestState =
                {
                    Sources = { "class {|#0:C|} { }" },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.DEMO001.severity = error\n") },
                    ExpectedDiagnostics = { VerifyClass.Diagnostic().WithLocation(0).WithArguments("C").WithSeverity(DiagnosticSeverity.Error) },
                },
            }.RunAsync();

        [Fact]
        public Task Editorconfig_severity_change_is_seen_by_the_comparison() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyClass.Test
                {
                    TestState =
                    {
                        Sources = { "class {|#0:C|} { }" },
                        AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.DEMO001.severity = error\n") },
                        ExpectedDiagnostics = { VerifyClass.Diagnostic().WithLocation(0).WithArguments("C") },
                    },
                }.RunAsync());

        [Fact]
        public Task Editorconfig_severity_none_removes_the_diagnostic() =>
            new VerifyClass.Test
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.DEMO001.severity = none\n") },
                },
            }.RunAsync();

        [Fact]
        public Task Editorconfig_sections_match_paths_relative_to_the_project_folder() =>
            new VerifyClass.Test
            {
                TestState =
                {
                    Sources = { "class {|#0:A|} { }", ("/0/sub/B.cs", "class {|#1:B|} { }") },
                    AnalyzerConfigFiles = { ("/0/.editorconfig", "root = true\n\n[sub/**.cs]\ndotnet_diagnostic.DEMO001.severity = error\n") },
                    ExpectedDiagnostics =
                    {
                        VerifyClass.Diagnostic().WithLocation(0).WithArguments("A").WithSeverity(DiagnosticSeverity.Warning),
                        VerifyClass.Diagnostic().WithLocation(1).WithArguments("B").WithSeverity(DiagnosticSeverity.Error),
                    },
                },
            }.RunAsync();

        [Fact]
        public Task Globalconfig_severity_reaches_CSharp_and_additional_file_diagnostics() =>
            new CSharpBothTest
            {
                TestState =
                {
                    Sources = { "class {|#0:C|} { }" },
                    AdditionalFiles = { ("/0/templates/db.yaml", "Type: {|#1:BAD|}\n") },
                    AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ndotnet_diagnostic.DEMO001.severity = error\ndotnet_diagnostic.DEMO101.severity = error\n") },
                    ExpectedDiagnostics =
                    {
                        VerifyClass.Diagnostic().WithLocation(0).WithArguments("C").WithSeverity(DiagnosticSeverity.Error),
                        VerifyBad.Diagnostic().WithLocation(1).WithArguments("db.yaml").WithSeverity(DiagnosticSeverity.Error),
                    },
                },
            }.RunAsync();

        [Fact]
        public Task Editorconfig_severity_does_not_reach_additional_file_diagnostics_like_in_csc() =>
            new VerifyBad.Test
            {
                TestState =
                {
                    AdditionalFiles = { ("/0/templates/db.yaml", "Type: {|#0:BAD|}\n") },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.DEMO101.severity = error\n\n[*.yaml]\ndotnet_diagnostic.DEMO101.severity = error\n") },
                    ExpectedDiagnostics = { VerifyBad.Diagnostic().WithLocation(0).WithArguments("db.yaml").WithSeverity(DiagnosticSeverity.Warning) },
                },
            }.RunAsync();

        /// <summary>Two analyzers in one test: override GetDiagnosticAnalyzers.</summary>
        private sealed class CSharpBothTest : Verifier.CSharpAnalyzerTest<ClassNameAnalyzer>
        {
            protected override System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ClassNameAnalyzer(), new BadWordAnalyzer() };
        }
    }
}
