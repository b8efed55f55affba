using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
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
                VerifyClass.Diagnostic().WithSpan(1, 7, 1, 8),
                VerifyClass.Diagnostic().WithLocation(2, 7),
                VerifyClass.Diagnostic().WithSpan("/0/Test0.cs", 3, 7, 3, 8),
                VerifyClass.Diagnostic().WithLocation("Test0.cs", 4, 7));

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
        public Task Default_markup_uses_the_only_other_expected_id() =>
            new VerifyTwoIds.Test
            {
                TestCode = "class [|C|] { }\nclass {|DEMO202:D|} { }",
                DisabledDiagnostics = { "DEMO201" },
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
        public Task Pragma_suppressed_diagnostic_is_expected_as_suppressed() =>
            VerifyClass.VerifyAnalyzerAsync(
                """
                #pragma warning disable DEMO001
                class {|#0:C|} { }
                """,
                VerifyClass.Diagnostic().WithLocation(0).WithIsSuppressed(true));

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
        public Task Ignore_markup_mode_strips_markup_and_skips_the_comparison() =>
            new VerifyTwoIds.Test
            {
                TestState = { Sources = { "class [|C|] { }\nclass D { }" }, MarkupHandling = MarkupMode.Ignore },
            }.RunAsync();

        // ---- failing cases: each must fail, and say why ----

        [Fact]
        public Task Location_expected_where_there_is_none_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyNoLocation.VerifyAnalyzerAsync("class C { }", VerifyNoLocation.Diagnostic().WithSpan(1, 1, 1, 6)),
                "<no location>: info DEMO501: Compilation 'TestProject' analyzed",
                "differs in location (expected /0/Test0.cs(1,1,1,6), actual none)");

        [Fact]
        public Task Wrong_markup_span_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("{|DEMO001:class C|} { }"),
                "1 missing, 1 unexpected",
                "differs in location span (expected (1,1,1,8), actual (1,7,1,8))",
                "1 | class C { }");

        [Fact]
        public Task Missing_diagnostic_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { int {|DEMO001:x|}; }"),
                "expected 2, actual 1 (1 missing, 0 unexpected)",
                "Missing (expected but not reported):",
                "DEMO001 at /0/Test0.cs(1,15,1,16) (markup) [warning]");

        [Fact]
        public Task Unexpected_diagnostic_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class C { }"),
                "(0 missing, 1 unexpected)",
                "/0/Test0.cs(1,7,1,8): warning DEMO001: Class 'C' found",
                "as code: Diagnostic(\"DEMO001\").WithSpan(\"/0/Test0.cs\", 1, 7, 1, 8)");

        [Fact]
        public Task Wrong_message_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithMessage("Class 'D' found")),
                "differs in message (expected \"Class 'D' found\", actual \"Class 'C' found\")");

        [Fact]
        public Task Wrong_arguments_fail() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithArguments("D")),
                "differs in message from arguments (expected \"Class 'D' found\", actual \"Class 'C' found\")");

        [Fact]
        public Task Wrong_severity_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)),
                "differs in severity (expected error, actual warning)");

        [Fact]
        public Task Wrong_suppression_state_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync(
                    "#pragma warning disable DEMO001\nclass {|#0:C|} { }",
                    VerifyClass.Diagnostic().WithLocation(0).WithIsSuppressed(false)),
                "warning DEMO001: Class 'C' found [suppressed]",
                "differs in suppression (expected not suppressed, actual suppressed)",
                ".WithIsSuppressed(true)");

        [Fact]
        public Task Compile_error_in_the_source_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { int M() => y; }"),
                "error CS0103: The name 'y' does not exist in the current context");

        [Fact]
        public Task Analyzer_exception_fails_with_the_exception_text() =>
            FailureAssert.FailsWithAsync(
                () => VerifyThrowing.VerifyAnalyzerAsync("class C { }"),
                "An analyzer threw an exception (AD0001)",
                "InvalidOperationException",
                "demo analyzer failure");

        [Fact]
        public Task Unclosed_markup_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class [|C { }"),
                "Invalid markup in /0/Test0.cs(1,7): '[|' is never closed");

        [Fact]
        public Task Crossed_markup_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|] { }"),
                "Invalid markup in /0/Test0.cs(1,18): '|]' closes the '{|' opened at (1,7)");

        [Fact]
        public Task Unknown_markup_key_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync("class {|#0:C|} { }", VerifyClass.Diagnostic().WithLocation(3)),
                "refers to markup location #3");

        [Fact]
        public Task Default_markup_is_ambiguous_with_several_ids() =>
            FailureAssert.FailsWithAsync(
                () => VerifyTwoIds.VerifyAnalyzerAsync("class [|C|] { }"),
                "'[|...|]' needs a diagnostic id",
                "Set MarkupDefaultId");

        [Fact]
        public void Diagnostic_without_id_needs_a_single_descriptor()
        {
            var exception = Assert.Throws<InvalidOperationException>(() => VerifyTwoIds.Diagnostic());
            Assert.Contains("DEMO201, DEMO202", exception.Message, StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Info, VerifyTwoIds.Diagnostic("DEMO201").Severity);
        }
    }
}
