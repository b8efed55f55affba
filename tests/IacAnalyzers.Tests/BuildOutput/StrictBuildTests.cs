using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.BuildOutput
{
    /// <summary>
    /// Strict builds stay strict: the tool diagnostics (a template that cannot be read, a suppression that is not
    /// honoured) follow <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> in a .globalconfig and TreatWarningsAsErrors like
    /// every other rule, so a template the tool could not read can fail a build.
    /// </summary>
    public class StrictBuildTests
    {
        private const string Unreadable = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: [postgres{|#0:|}
            """;

        private const string UnreasonedSuppression = """
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Metadata:
                  IacAnalyzers:
                    Suppress:
                      - {|#0:Id: IAC2001|}
                Properties:
                  MultiAZ: true
                  StorageEncrypted: true
            """;

        [Fact]
        public void No_descriptor_is_NotConfigurable()
        {
            // NotConfigurable is what made the compiler ignore severity settings and warnaserror for IAC0001-IAC0003.
            Assert.DoesNotContain(Descriptors.All, d => d.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable));
        }

        [Theory]
        [InlineData("IAC0001")]
        [InlineData("IAC0003")]
        public Task Globalconfig_dotnet_diagnostic_key_raises_a_tool_diagnostic_to_error(string id) =>
            Run(id, configure: test => test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\ndotnet_diagnostic.{id}.severity = error\n")));

        [Theory]
        [InlineData("IAC0001")]
        [InlineData("IAC0003")]
        public Task TreatWarningsAsErrors_makes_a_tool_diagnostic_an_error(string id) =>
            Run(id, configure: test => test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectCompilationOptions(projectId, solution.GetProject(projectId)!.CompilationOptions!.WithGeneralDiagnosticOption(ReportDiagnostic.Error))));

        [Fact]
        public Task Without_configuration_a_tool_diagnostic_stays_a_warning() =>
            Run("IAC0001", configure: _ => { }, expected: DiagnosticSeverity.Warning);

        [Fact]
        public Task Globalconfig_none_hides_a_tool_diagnostic()
        {
            var test = new VerifyTemplate.Test();
            test.TestState.AdditionalFiles.Add(("templates/db.yaml", Unreadable.Replace("{|#0:|}", string.Empty, System.StringComparison.Ordinal)));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.IAC0001.severity = none\n"));
            return test.RunAsync();
        }

        private static Task Run(string id, System.Action<VerifyTemplate.Test> configure, DiagnosticSeverity expected = DiagnosticSeverity.Error)
        {
            var test = new VerifyTemplate.Test();
            test.TestState.AdditionalFiles.Add(("templates/db.yaml", id == "IAC0001" ? Unreadable : UnreasonedSuppression));
            test.TestState.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic(id).WithMessageFormat(null!).WithLocation(0).WithSeverity(expected));
            configure(test);
            return test.RunAsync();
        }
    }
}
