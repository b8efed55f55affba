using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.CodeBuild
{
    /// <summary>IAC1013 on templates (YAML and JSON additional files) and its template fix, on the official test framework.</summary>
    public class IAC1013_CodeBuildArtifactsEncryptionDisabledTests
    {
        private static async Task<string[]> VerifyAsync(string name, string template)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (name, template) } },
                RuleUnderTest = "IAC1013",
            };
            await test.RunAsync();
            return test.ReportedDiagnostics.Where(d => d.Id == "IAC1013").Select(d => d.GetMessage()).ToArray();
        }

        [Fact]
        public async Task Yaml_disabled_artifact_encryption_is_flagged_at_the_value_with_the_full_message()
        {
            var messages = await VerifyAsync("build.yaml", """
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        Location: my-bucket
                        EncryptionDisabled: [|true|]
                """);
            Assert.Equal(
                "CodeBuild project 'Build' turns off encryption of its build artifacts (Artifacts.EncryptionDisabled is true): " +
                "remove EncryptionDisabled or set it to false (in CDK, Encryption = true on the S3 artifacts), so CodeBuild " +
                "encrypts them with the project's KMS key [Security · SEC08-BP02]",
                Assert.Single(messages));
        }

        [Fact]
        public async Task Yaml_secondary_artifacts_and_branches_are_flagged()
        {
            var messages = await VerifyAsync("build.yaml", """
                Conditions:
                  Public: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        EncryptionDisabled: !If [Public, [|true|], false]
                      SecondaryArtifacts:
                        - Type: S3
                          ArtifactIdentifier: reports
                        - Type: S3
                          ArtifactIdentifier: site
                          EncryptionDisabled: [|true|]
                """);
            Assert.Contains(messages, m => m.Contains("(when condition 'Public' is true; Artifacts.EncryptionDisabled is true)", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("(SecondaryArtifacts[1].EncryptionDisabled is true)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Yaml_default_false_unknown_and_non_s3_artifacts_are_clean()
        {
            await VerifyAsync("build.yaml", """
                Parameters:
                  Off:
                    Type: String
                Resources:
                  Default:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        Location: my-bucket
                  Explicit:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        EncryptionDisabled: false
                  Unknown:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        EncryptionDisabled: !Ref Off
                  Pipeline:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: CODEPIPELINE
                      SecondaryArtifacts: !Ref AWS::NoValue
                """);
        }

        [Fact]
        public async Task Json_disabled_artifact_encryption_is_flagged()
        {
            await VerifyAsync("build.json", """
                {
                  "Resources": {
                    "Build": { "Type": "AWS::CodeBuild::Project", "Properties": { "Artifacts": { "Type": "S3", "EncryptionDisabled": [|true|] } } },
                    "Clean": { "Type": "AWS::CodeBuild::Project", "Properties": { "Artifacts": { "Type": "S3" } } }
                  }
                }
                """);
        }

        [Fact]
        public async Task Yaml_true_is_replaced_by_false()
        {
            await new VerifyFix.Test
            {
                TestState = { AdditionalFiles = { ("build.yaml", """
                    Resources:
                      Build:
                        Type: AWS::CodeBuild::Project
                        Properties:
                          Artifacts:
                            Type: S3
                            EncryptionDisabled: [|true|]
                    """) } },
                FixedState = { AdditionalFiles = { ("build.yaml", """
                    Resources:
                      Build:
                        Type: AWS::CodeBuild::Project
                        Properties:
                          Artifacts:
                            Type: S3
                            EncryptionDisabled: false
                    """) } },
                RuleUnderTest = "IAC1013",
            }.RunAsync();
        }
    }
}
