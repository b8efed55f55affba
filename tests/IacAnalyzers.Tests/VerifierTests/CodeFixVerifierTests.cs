using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyBadFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.BadWordAnalyzer, IacAnalyzers.Tests.VerifierTests.BadWordFix>;
using VerifyBuggyFixAll = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.LowercaseClassAnalyzer, IacAnalyzers.Tests.VerifierTests.FirstDocumentOnlyFixAllFix>;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.LowercaseClassAnalyzer, IacAnalyzers.Tests.VerifierTests.CapitalizeFix>;
using VerifyNoOp = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.LowercaseClassAnalyzer, IacAnalyzers.Tests.VerifierTests.NoOpFix>;
using VerifySilent = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.LowercaseClassAnalyzer, IacAnalyzers.Tests.VerifierTests.SilentFix>;
using VerifyUseless = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Tests.VerifierTests.LowercaseClassAnalyzer, IacAnalyzers.Tests.VerifierTests.UselessRenameFix>;

namespace IacAnalyzers.Tests.VerifierTests
{
    public class CodeFixVerifierTests
    {
        // ---- passing cases ----

        [Fact]
        public Task Fix_with_markup() =>
            VerifyFix.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class A { }");

        [Fact]
        public Task Fix_with_expected_result() =>
            VerifyFix.VerifyCodeFixAsync(
                "class {|#0:a|} { }",
                VerifyFix.Diagnostic("DEMO301").WithLocation(0).WithArguments("a"),
                "class A { }");

        [Fact]
        public Task Code_action_index_selects_the_second_action() =>
            new VerifyFix.Test
            {
                TestCode = "class {|DEMO301:a|} { }",
                FixedCode = "class Ca { }",
                CodeActionIndex = 1,
            }.RunAsync();

        [Fact]
        public Task Code_action_equivalence_key_selects_the_action() =>
            new VerifyFix.Test
            {
                TestCode = "class {|DEMO301:a|} { }",
                FixedCode = "class Ca { }",
                CodeActionEquivalenceKey = "Prefix",
            }.RunAsync();

        [Fact]
        public Task Fixed_state_markup_lists_the_diagnostics_that_remain() =>
            VerifyFix.VerifyCodeFixAsync(
                "class {|DEMO301:a|} { }\nclass {|DEMO302:B_c|} { }",
                "class A { }\nclass {|DEMO302:B_c|} { }");

        [Fact]
        public Task Fix_all_over_two_documents() =>
            new VerifyFix.Test
            {
                TestState =
                {
                    Sources =
                    {
                        "class {|DEMO301:a|} { }\nclass {|DEMO301:b|} { }",
                        ("Other.cs", "class {|DEMO301:c|} { }"),
                    },
                },
                FixedState =
                {
                    Sources = { "class A { }\nclass B { }", ("Other.cs", "class C { }") },
                },
            }.RunAsync();

        [Fact]
        public Task Fix_in_an_additional_yaml_file() =>
            new VerifyBadFix.Test
            {
                TestState = { AdditionalFiles = { ("templates/db.yaml", "Resources:\n  Db:\n    Type: [|BAD|]\n") } },
                FixedState = { AdditionalFiles = { ("templates/db.yaml", "Resources:\n  Db:\n    Type: GOOD\n") } },
            }.RunAsync();

        [Fact]
        public Task Fix_all_over_two_additional_files_with_the_providers_own_fix_all() =>
            new VerifyBadFix.Test
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AdditionalFiles = { ("a.yaml", "x: [|BAD|]\ny: [|BAD|]\n"), ("b.json", """{ "z": "[|BAD|]" }""") },
                },
                FixedState =
                {
                    AdditionalFiles = { ("a.yaml", "x: GOOD\ny: GOOD\n"), ("b.json", """{ "z": "GOOD" }""") },
                },
            }.RunAsync();

        // ---- failing cases ----

        [Fact]
        public Task Fix_that_changes_nothing_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyNoOp.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class A { }"));

        [Fact]
        public Task Fixed_state_that_differs_fails_with_a_diff() =>
            FailureAssert.FailsWithAsync(
                () => VerifyFix.VerifyCodeFixAsync("class {|DEMO301:a|} { }\n// end\n", "class B { }\n// end\n"));

        [Fact]
        public Task Fix_offered_when_none_is_expected_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyFix.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class {|DEMO301:a|} { }"));

        [Fact]
        public Task Missing_fix_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifySilent.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class A { }"));

        [Fact]
        public Task Fix_that_does_not_remove_its_diagnostic_is_caught_as_a_loop() =>
            FailureAssert.FailsWithAsync(
                () => VerifyUseless.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class {|DEMO301:{|DEMO302:a_|}|} { }"));

        [Fact]
        public Task Fixed_state_with_diagnostics_that_are_not_expected_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyUseless.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class a_ { }"));

        [Fact]
        public Task Unknown_equivalence_key_fails_listing_the_offered_actions() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyFix.Test
                {
                    TestCode = "class {|DEMO301:a|} { }",
                    FixedCode = "class A { }",
                    CodeActionEquivalenceKey = "Nope",
                }.RunAsync());

        [Fact]
        public Task Exact_iteration_count_that_is_not_reached_fails() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyFix.Test
                {
                    TestCode = "class {|DEMO301:a|} { }",
                    FixedCode = "class A { }",
                    NumberOfIncrementalIterations = 2,
                }.RunAsync());

        [Fact]
        public Task Fixed_code_that_does_not_compile_fails() =>
            FailureAssert.FailsWithAsync(
                () => VerifyFix.VerifyCodeFixAsync("class {|DEMO301:a|} { }", "class A { int M() => y; }"));

        [Fact]
        public Task Buggy_fix_all_is_caught() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBuggyFixAll.Test
                {
                    TestState = { Sources = { "class {|DEMO301:a|} { }", ("Other.cs", "class {|DEMO301:c|} { }") } },
                    FixedState = { Sources = { "class A { }", ("Other.cs", "class C { }") } },
                }.RunAsync());

        [Fact]
        public Task Buggy_fix_all_with_exact_iterations_shows_the_diff() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBuggyFixAll.Test
                {
                    TestState = { Sources = { "class {|DEMO301:a|} { }", ("Other.cs", "class {|DEMO301:c|} { }") } },
                    FixedState = { Sources = { "class A { }", ("Other.cs", "class C { }") } },
                    NumberOfFixAllIterations = 1,
                }.RunAsync());

        [Fact]
        public Task Yaml_fixed_state_that_differs_fails_with_a_diff() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBadFix.Test
                {
                    TestState = { AdditionalFiles = { ("templates/db.yaml", "a: 1\nType: [|BAD|]\n") } },
                    FixedState = { AdditionalFiles = { ("templates/db.yaml", "a: 1\nType: FINE\n") } },
                }.RunAsync());
    }
}
