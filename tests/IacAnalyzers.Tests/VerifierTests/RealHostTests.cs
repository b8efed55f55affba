using System.Threading.Tasks;
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
                                  MultiAZ: {|#0:false|}
                            """),
                    },
                    ExpectedDiagnostics = { VerifyTemplates.Diagnostic("IAC2001").WithLocation(0).WithArguments("Db", "") },
                },
            }.RunAsync();
    }
}
