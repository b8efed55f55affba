using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Glue;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>IAC1024 on templates (YAML and JSON).</summary>
    public class IAC1024_GlueSecurityConfigurationNotEncryptedTests
    {
        private static readonly IAC1024_GlueSecurityConfigurationNotEncrypted Rule = new IAC1024_GlueSecurityConfigurationNotEncrypted();

        [Fact]
        public async Task Yaml_disabled_modes_are_flagged_once_at_the_first_written_DISABLED_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Jobs:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: jobs
                      EncryptionConfiguration:
                        S3Encryptions:
                          - S3EncryptionMode: [|DISABLED|]
                        CloudWatchEncryption:
                          CloudWatchEncryptionMode: disabled
                """);
            Assert.Equal(
                "Glue security configuration 'Jobs' leaves job data without KMS encryption (S3Encryptions[0].S3EncryptionMode is DISABLED; " +
                "CloudWatchEncryption.CloudWatchEncryptionMode is DISABLED; JobBookmarksEncryption is not set, so JobBookmarksEncryptionMode is DISABLED): " +
                "set S3Encryptions[].S3EncryptionMode to SSE-KMS (or SSE-S3), CloudWatchEncryption.CloudWatchEncryptionMode to SSE-KMS and " +
                "JobBookmarksEncryption.JobBookmarksEncryptionMode to CSE-KMS, each with a KmsKeyArn",
                Assert.Single(findings).FormatMessage());
        }

        [Fact]
        public async Task Yaml_parts_not_given_are_DISABLED_and_flagged_at_the_EncryptionConfiguration_key()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  OnlyS3:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: only-s3
                      [|EncryptionConfiguration|]:
                        S3Encryptions:
                          - S3EncryptionMode: SSE-KMS
                            KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                """);
            var message = Assert.Single(findings).FormatMessage();
            Assert.Contains("(CloudWatchEncryption is not set, so CloudWatchEncryptionMode is DISABLED; JobBookmarksEncryption is not set, so JobBookmarksEncryptionMode is DISABLED)", message, StringComparison.Ordinal);
            Assert.DoesNotContain("S3Encryptions", message.Substring(0, message.IndexOf(':', StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Yaml_one_of_branches_with_DISABLED_or_NoValue_are_flagged_and_named()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
                Resources:
                  Jobs:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: jobs
                      EncryptionConfiguration:
                        S3Encryptions:
                          - S3EncryptionMode: !If [Prod, SSE-KMS, [|DISABLED|]]
                            KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                        CloudWatchEncryption:
                          CloudWatchEncryptionMode: SSE-KMS
                          KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                        JobBookmarksEncryption: !If
                          - Prod
                          - JobBookmarksEncryptionMode: CSE-KMS
                            KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
                          - !Ref AWS::NoValue
                """);
            var message = Assert.Single(findings).FormatMessage();
            Assert.Contains("when condition 'Prod' is false: S3Encryptions[0].S3EncryptionMode is DISABLED", message, StringComparison.Ordinal);
            Assert.Contains("when condition 'Prod' is false: AWS::NoValue removes JobBookmarksEncryption", message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Yaml_every_mode_on_and_unknown_values_are_clean()
        {
            await VerifyRuleAsync(Rule, """
                Parameters:
                  Mode:
                    Type: String
                  Config:
                    Type: String
                Resources:
                  Encrypted:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: encrypted
                      EncryptionConfiguration:
                        S3Encryptions:
                          - S3EncryptionMode: SSE-S3
                        CloudWatchEncryption:
                          CloudWatchEncryptionMode: SSE-KMS
                          KmsKeyArn: !GetAtt Key.Arn
                        JobBookmarksEncryption:
                          JobBookmarksEncryptionMode: CSE-KMS
                          KmsKeyArn: !GetAtt Key.Arn
                  Unknown:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: unknown
                      EncryptionConfiguration:
                        S3Encryptions:
                          - S3EncryptionMode: !Ref Mode
                        CloudWatchEncryption:
                          CloudWatchEncryptionMode: !Ref Mode
                        JobBookmarksEncryption:
                          JobBookmarksEncryptionMode: !Ref Mode
                  Unreadable:
                    Type: AWS::Glue::SecurityConfiguration
                    Properties:
                      Name: unreadable
                      EncryptionConfiguration: !Ref Config
                """);
        }

        [Fact]
        public async Task Json_disabled_and_missing_configuration_are_flagged_and_a_full_one_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Jobs": {
                      "Type": "AWS::Glue::SecurityConfiguration",
                      "Properties": {
                        "Name": "jobs",
                        "EncryptionConfiguration": {
                          "S3Encryptions": [ { "S3EncryptionMode": "SSE-S3" } ],
                          "CloudWatchEncryption": { "CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" },
                          "JobBookmarksEncryption": { "JobBookmarksEncryptionMode": [|"DISABLED"|] }
                        }
                      }
                    },
                    [|"Bare"|]: { "Type": "AWS::Glue::SecurityConfiguration", "Properties": { "Name": "bare" } },
                    "Encrypted": {
                      "Type": "AWS::Glue::SecurityConfiguration",
                      "Properties": {
                        "Name": "encrypted",
                        "EncryptionConfiguration": {
                          "S3Encryptions": [ { "S3EncryptionMode": "SSE-KMS", "KmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" } ],
                          "CloudWatchEncryption": { "CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" },
                          "JobBookmarksEncryption": { "JobBookmarksEncryptionMode": "CSE-KMS", "KmsKeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" }
                        }
                      }
                    }
                  }
                }
                """, "security.json");
            Assert.Contains(findings, f => f.FormatMessage().Contains("(EncryptionConfiguration is not set: S3, CloudWatch Logs and job bookmark encryption are all DISABLED)", StringComparison.Ordinal));
        }
    }
}
