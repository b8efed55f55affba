using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.CodeBuild;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.CodeBuild
{
    /// <summary>IAC1013 on templates (YAML and JSON) and its template fix.</summary>
    public class IAC1013_CodeBuildArtifactsEncryptionDisabledTests
    {
        private static readonly IAC1013_CodeBuildArtifactsEncryptionDisabled Rule = new IAC1013_CodeBuildArtifactsEncryptionDisabled();

        [Fact]
        public Task Yaml_disabled_artifact_encryption_is_flagged_at_the_value_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        Location: my-bucket
                        EncryptionDisabled: {|#0:true|}
                """, "build.yaml", Reported(Rule,
                "CodeBuild project 'Build' turns off encryption of its build artifacts (Artifacts.EncryptionDisabled is true): " +
                "remove EncryptionDisabled or set it to false (in CDK, Encryption = true on the S3 artifacts), so CodeBuild " +
                "encrypts them with the project's KMS key [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_secondary_artifacts_and_branches_are_flagged()
        {
            var messages = (await VerifyRuleAsync(Rule, """
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
                """, "build.yaml")).Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.Contains("(when condition 'Public' is true; Artifacts.EncryptionDisabled is true)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("(SecondaryArtifacts[1].EncryptionDisabled is true)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_default_false_unknown_and_non_s3_artifacts_are_clean() =>
            VerifyRuleAsync(Rule, """
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
                """, "build.yaml");

        [Fact]
        public Task Json_disabled_artifact_encryption_is_flagged() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Build": { "Type": "AWS::CodeBuild::Project", "Properties": { "Artifacts": { "Type": "S3", "EncryptionDisabled": [|true|] } } },
                    "Clean": { "Type": "AWS::CodeBuild::Project", "Properties": { "Artifacts": { "Type": "S3" } } }
                  }
                }
                """, "build.json");

        [Fact]
        public Task Yaml_true_is_replaced_by_false()
        {
            var before = """
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      Artifacts:
                        Type: S3
                        EncryptionDisabled: [|true|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|true|]", "false")), "build.yaml");
        }
    }
}
