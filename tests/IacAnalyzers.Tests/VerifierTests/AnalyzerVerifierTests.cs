using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyClass = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.ClassNameAnalyzer>;
using VerifyNoLocation = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.NoLocationAnalyzer>;
using VerifyThrowing = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.ThrowingAnalyzer>;
using VerifyTwoIds = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.TwoIdAnalyzer>;

namespace IacAnalyzers.Tests.VerifierTests
{
    public class AnalyzerVerifierTests
    {
        // ---- passing cases ----

        [Fact]
        public Task Id_markup_matches_the_reported_span() =>
            VerifyClass.VerifyAnalyzerAsync("""
                class {|DEMO001:C|}
                {
                }
                """);

        [Fact]
        public Task Default_markup_stands_for_the_analyzers_single_id() =>
            VerifyClass.VerifyAnalyzerAsync("class [|C|] { }");

        [Fact]
        public Task Location_markup_with_arguments() =>
            VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithArguments("C"));

        [Fact]
        public Task Location_markup_with_full_message() =>
            VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic("DEMO001").WithLocation(0).WithMessage("Class 'C' found"));

        [Fact]
        public Task Coordinates_work_for_the_rare_cases() =>
            VerifyClass.VerifyAnalyzerAsync(
                "class C { }\nclass D { }\nclass E { }\nclass F { }",
                VerifyClass.Diagnostic().WithSpan(1, 7, 1, 8).WithArguments("C"),
                VerifyClass.Diagnostic().WithLocation(2, 7).WithArguments("D"),
                VerifyClass.Diagnostic().WithSpan("/0/Test0.cs", 3, 7, 3, 8).WithArguments("E"),
                VerifyClass.Diagnostic().WithLocation("/0/Test0.cs", 4, 7).WithArguments("F"));

        [Fact]
        public Task Nested_markup_with_two_ids() =>
            VerifyTwoIds.VerifyAnalyzerAsync("{|DEMO201:class {|DEMO202:C|} { }|}");

        [Fact]
        public Task Default_markup_uses_MarkupDefaultId() =>
            new VerifyTwoIds.Test
            {
                TestCode = "{|DEMO201:class [|C|] { }|}",
                MarkupDefaultId = "DEMO202",
            }.RunAsync();

        [Fact]
        public Task Markup_in_several_sources() =>
            new VerifyClass.Test
            {
                TestState =
                {
                    Sources =
                    {
                        "class {|DEMO001:A|} { }",
                        ("Other.cs", "class {|#0:B|} { }"),
                    },
                    ExpectedDiagnostics = { VerifyClass.Diagnostic().WithLocation(0).WithArguments("B") },
                },
            }.RunAsync();

        [Fact]
        public Task Pragma_suppressed_diagnostic_is_not_reported() =>
            VerifyClass.VerifyAnalyzerAsync(
                """
                #pragma warning disable DEMO001
                class C { }
                """);

        [Fact]
        public Task Disabled_diagnostics_are_not_reported() =>
            new VerifyClass.Test
            {
                TestCode = "class C { }",
                DisabledDiagnostics = { "DEMO001" },
            }.RunAsync();

        [Fact]
        public Task Expected_compile_error_in_markup_passes() =>
            VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { int M() => {|CS0103:y|}; }");

        [Fact]
        public Task Compiler_errors_are_ignored_with_CompilerDiagnostics_None() =>
            new VerifyClass.Test
            {
                TestCode = "class {|DEMO001:C|} { int M() => y; }",
                CompilerDiagnostics = CompilerDiagnostics.None,
            }.RunAsync();

        [Fact]
        public Task Compiler_warnings_are_checked_with_CompilerDiagnostics_Warnings() =>
            new VerifyClass.Test
            {
                TestCode = "class {|DEMO001:C|} { void M() { int {|CS0168:x|}; } }",
                CompilerDiagnostics = CompilerDiagnostics.Warnings,
            }.RunAsync();

        [Fact]
        public Task Compiler_warnings_are_ignored_by_default() =>
            VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { void M() { int x; } }");

        [Fact]
        public Task Diagnostic_without_location_matches_Location_None() =>
            VerifyNoLocation.VerifyAnalyzerAsync("class C { }", VerifyNoLocation.Diagnostic().WithArguments("TestProject"));

        [Fact]
        public Task Ignore_markup_mode_strips_markup_and_compares_the_explicit_expectations() =>
            new VerifyTwoIds.Test
            {
                TestState =
                {
                    Sources = { "class [|C|] { }\nclass D { }" },
                    MarkupHandling = MarkupMode.Ignore,
                    ExpectedDiagnostics =
                    {
                        VerifyTwoIds.Diagnostic("DEMO201").WithSpan(1, 1, 1, 12).WithArguments("C"),
                        VerifyTwoIds.Diagnostic("DEMO202").WithSpan(1, 7, 1, 8).WithArguments("C"),
                        VerifyTwoIds.Diagnostic("DEMO201").WithSpan(2, 1, 2, 12).WithArguments("D"),
                        VerifyTwoIds.Diagnostic("DEMO202").WithSpan(2, 7, 2, 8).WithArguments("D"),
                    },
                },
            }.RunAsync();

        // ---- failing cases: each must fail, and say why ----

        [Fact]
        public Task Location_expected_where_there_is_none_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyNoLocation.VerifyAnalyzerAsync("class C { }", VerifyNoLocation.Diagnostic().WithSpan(1, 1, 1, 6)));

        [Fact]
        public Task Wrong_markup_span_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("{|DEMO001:class C|} { }"));

        [Fact]
        public Task Missing_diagnostic_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { int {|DEMO001:x|}; }"));

        [Fact]
        public Task Unexpected_diagnostic_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class C { }"));

        [Fact]
        public Task Wrong_message_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithMessage("Class 'D' found")));

        [Fact]
        public Task Wrong_arguments_fail() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithArguments("D")));

        [Fact]
        public Task Wrong_severity_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)));

        [Fact]
        public Task Wrong_suppression_state_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync(
                    "#pragma warning disable DEMO001\nclass {|#0:C|} { }",
                    VerifyClass.Diagnostic().WithLocation(0).WithIsSuppressed(false)));

        [Fact]
        public Task Compile_error_in_the_source_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { int M() => y; }"));

        [Fact]
        public Task Analyzer_exception_fails_with_the_exception_text() =>
            FailureAssert.FailsWithAsync(
                () => VerifyThrowing.VerifyAnalyzerAsync("class C { }"));

        [Fact]
        public Task Unclosed_markup_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class [|C { }"));

        [Fact]
        public Task Unknown_markup_key_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(3)));

        [Fact]
        public Task Default_markup_is_ambiguous_with_several_ids() =>
            FailureAssert.FailsWithAsync(
                () => VerifyTwoIds.VerifyAnalyzerAsync("class [|C|] { }"));

        [Fact]
        public void Diagnostic_without_id_needs_a_single_descriptor()
        {
            var exception = Assert.ThrowsAny<Exception>(() => VerifyTwoIds.Diagnostic());
            Assert.Contains("Diagnostic()", exception.Message, StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Info, VerifyTwoIds.Diagnostic("DEMO201").Severity);
        }
    }
}
