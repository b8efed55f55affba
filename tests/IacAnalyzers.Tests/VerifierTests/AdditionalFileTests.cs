using System.Threading.Tasks;
using Xunit;
using VerifyBad = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.BadWordAnalyzer>;

namespace IacAnalyzers.Tests.VerifierTests
{
    public class AdditionalFileTests
    {
        private const string Yaml = """
            Resources:
              Db:
                Type: [|BAD|]
            """;

        [Fact]
        public Task Yaml_markup_is_an_expected_diagnostic_in_the_additional_file() =>
            new VerifyBad.Test
            {
                TestState = { AdditionalFiles = { ("templates/db.yaml", Yaml) } },
            }.RunAsync();

        [Fact]
        public Task Json_markup_with_id_and_location_keys() =>
            new VerifyBad.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("a.json", """{ "Type": "{|DEMO101:BAD|}", "Other": "{|#0:BAD|}" }"""),
                    },
                    ExpectedDiagnostics = { VerifyBad.Diagnostic().WithLocation(0).WithArguments("a.json") },
                },
            }.RunAsync();

        [Fact]
        public Task Additional_file_paths_are_the_names_as_given() =>
            new VerifyBad.Test
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AdditionalFiles = { ("templates/db.yaml", "Type: BAD\nName: BAD\n"), ("/elsewhere/x.yaml", "BAD") },
                    MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None,
                    ExpectedDiagnostics =
                    {
                        VerifyBad.Diagnostic().WithSpan("templates/db.yaml", 1, 7, 1, 10).WithMessage("'BAD' in db.yaml"),
                        VerifyBad.Diagnostic().WithSpan("templates/db.yaml", 2, 7, 2, 10).WithArguments("db.yaml"),
                        VerifyBad.Diagnostic().WithLocation("/elsewhere/x.yaml", 1, 1).WithArguments("x.yaml"),
                    },
                },
            }.RunAsync();

        [Fact]
        public Task Markup_in_sources_and_additional_files_together() =>
            new VerifyBad.Test
            {
                TestState =
                {
                    Sources = { "class C { string S => \"BAD\"; }" },
                    AdditionalFiles = { ("one.yaml", "a: [|BAD|]\nb: [|BAD|]\n"), ("two.yml", "x: ok\n") },
                },
            }.RunAsync();

        [Fact]
        public Task Wrong_span_in_yaml_fails_naming_the_file() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBad.Test
                {
                    TestState = { AdditionalFiles = { ("templates/db.yaml", "Resources:\n  Db:\n    Type: [|BAD: x|]\n") } },
                }.RunAsync());

        [Fact]
        public Task Unmarked_bad_word_in_yaml_fails() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBad.Test
                {
                    TestState = { AdditionalFiles = { ("templates/db.yaml", "a: [|BAD|]\nb: BAD\n") } },
                }.RunAsync());

        [Fact]
        public Task Invalid_markup_in_yaml_fails_naming_the_file() =>
            FailureAssert.FailsWithAsync(
                () => new VerifyBad.Test
                {
                    TestState = { AdditionalFiles = { ("templates/db.yaml", "a: {|BAD\n") } },
                }.RunAsync());
    }
}
