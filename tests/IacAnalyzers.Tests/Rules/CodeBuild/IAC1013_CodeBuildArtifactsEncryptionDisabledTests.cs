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

        [Fact]
        public Task Yaml_disabled_s3_log_encryption_is_flagged_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs:
                          Status: ENABLED
                          Location: my-bucket/build-logs
                          EncryptionDisabled: {|#0:true|}
                """, "build.yaml", Reported(Rule,
                "CodeBuild project 'Build' turns off encryption of its S3 build logs (LogsConfig.S3Logs.EncryptionDisabled is true): " +
                "remove EncryptionDisabled or set it to false (in CDK, leave S3LoggingOptions.Encrypted unset: before Amazon.CDK.Lib " +
                "2.253.0 Encrypted = true turns encryption off), so CodeBuild encrypts them with the project's KMS key " +
                "[Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_s3_logs_in_a_branch_are_flagged_and_disabled_default_and_unknown_logs_are_clean()
        {
            var messages = (await VerifyRuleAsync(Rule, """
                Parameters:
                  Off:
                    Type: String
                Conditions:
                  Cheap: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  Branch:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig: !If
                        - Cheap
                        - S3Logs: { Status: ENABLED, Location: logs, EncryptionDisabled: [|true|] }
                        - S3Logs: { Status: ENABLED, Location: logs }
                  NotWritten:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs: { Status: ENABLED, Location: logs }
                        CloudWatchLogs: { Status: ENABLED }
                  Explicit:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs: { Status: ENABLED, Location: logs, EncryptionDisabled: false }
                  Disabled:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs: { Status: DISABLED, EncryptionDisabled: true }
                  Unknown:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs: { Status: ENABLED, Location: logs, EncryptionDisabled: !Ref Off }
                  UnknownLogs:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig: !Ref AWS::NoValue
                """, "build.yaml")).Select(f => f.FormatMessage()).ToArray();
            Assert.Contains("(when condition 'Cheap' is true; LogsConfig.S3Logs.EncryptionDisabled is true)", Assert.Single(messages), StringComparison.Ordinal);
        }

        [Fact]
        public Task Json_artifacts_and_s3_logs_of_one_project_are_two_findings() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Build": {
                      "Type": "AWS::CodeBuild::Project",
                      "Properties": {
                        "Artifacts": { "Type": "S3", "EncryptionDisabled": [|true|] },
                        "LogsConfig": { "S3Logs": { "Status": "ENABLED", "Location": "logs", "EncryptionDisabled": [|true|] } }
                      }
                    },
                    "Clean": { "Type": "AWS::CodeBuild::Project", "Properties": { "LogsConfig": { "S3Logs": { "Status": "ENABLED", "Location": "logs" } } } }
                  }
                }
                """, "build.json");

        [Fact]
        public Task Yaml_s3_logs_true_is_replaced_by_false()
        {
            var before = """
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Properties:
                      LogsConfig:
                        S3Logs:
                          Status: ENABLED
                          Location: logs
                          EncryptionDisabled: [|true|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|true|]", "false")), "build.yaml");
        }
    }
}
