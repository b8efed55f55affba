using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyTemplates = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.VerifierTests
{
    /// <summary>The verifier drives the real template host too (several ids: markup must name them).</summary>
    public class RealHostTests
    {
        [Fact]
        public Task Template_host_finding_in_yaml_is_matched_by_id_markup() =>
            new VerifyTemplates.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("templates/db.yaml", """
                            AWSTemplateFormatVersion: "2010-09-09"
                            Resources:
                              Db:
                                Type: AWS::RDS::DBInstance
                                Properties:
                                  Engine: postgres
                                  StorageEncrypted: true
                                  MultiAZ: {|#0:false|}
                            """),
                    },
                    ExpectedDiagnostics = { VerifyTemplates.Diagnostic("IAC2001").WithLocation(0).WithArguments("Db", " (MultiAZ is false)") },
                },
            }.RunAsync();

        private const string SingleAzDb = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  StorageEncrypted: true
                  MultiAZ: {|#0:false|}
            """;

        [Fact]
        public Task Editorconfig_section_keys_reach_the_template_host_per_file() =>
            new VerifyTemplates.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("/0/templates/db.yaml", SingleAzDb),
                        ("/0/other/db.yaml", SingleAzDb.Replace("#0", "#1", System.StringComparison.Ordinal)),
                    },
                    AnalyzerConfigFiles = { ("/0/.editorconfig", "root = true\n\n[templates/**.yaml]\niac_analyzers.IAC2001.severity = error\n") },
                    ExpectedDiagnostics =
                    {
                        VerifyTemplates.Diagnostic("IAC2001").WithLocation(0).WithArguments("Db", " (MultiAZ is false)").WithSeverity(DiagnosticSeverity.Error),
                        VerifyTemplates.Diagnostic("IAC2001").WithLocation(1).WithArguments("Db", " (MultiAZ is false)"),
                    },
                },
            }.RunAsync();
    }
}
