using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Emr;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Emr
{
    /// <summary>IAC1025 on templates (YAML and JSON): the security configuration's JSON document written as an object.</summary>
    public class IAC1025_EmrSecurityConfigurationNoAtRestEncryptionTests
    {
        private static readonly IAC1025_EmrSecurityConfigurationNoAtRestEncryption Rule = new IAC1025_EmrSecurityConfigurationNoAtRestEncryption();

        [Fact]
        public async Task Yaml_EnableAtRestEncryption_false_is_flagged_at_the_value_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Emr:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      Name: emr
                      SecurityConfiguration:
                        EncryptionConfiguration:
                          EnableInTransitEncryption: false
                          EnableAtRestEncryption: [|false|]
                """);
            Assert.Equal(
                "EMR security configuration 'Emr' does not encrypt data at rest (EnableAtRestEncryption is false): set EncryptionConfiguration.EnableAtRestEncryption to true " +
                "with an AtRestEncryptionConfiguration (S3EncryptionConfiguration for EMRFS data in S3, LocalDiskEncryptionConfiguration " +
                "with a KMS key or custom provider for EBS and instance store volumes)",
                Assert.Single(findings).FormatMessage());
            Assert.Null(findings[0].Fix);
        }

        [Fact]
        public async Task Yaml_missing_encryption_configuration_or_flag_is_flagged_at_its_key()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  NoEncryption:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      [|SecurityConfiguration|]:
                        AuthenticationConfiguration:
                          KerberosConfiguration:
                            Provider: ClusterDedicatedKdc
                            ClusterDedicatedKdcConfiguration:
                              TicketLifetimeInHours: 24
                  NoFlag:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration:
                        [|EncryptionConfiguration|]:
                          EnableInTransitEncryption: false
                """);
            Assert.Contains(findings, f => f.FormatMessage().Contains("'NoEncryption' does not encrypt data at rest (EncryptionConfiguration is not set, so nothing is encrypted at rest)", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("'NoFlag' does not encrypt data at rest (EnableAtRestEncryption is not set, so at-rest encryption is off)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Yaml_one_of_with_false_or_NoValue_is_flagged_naming_the_branch()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
                Resources:
                  Emr:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration:
                        EncryptionConfiguration:
                          EnableInTransitEncryption: false
                          EnableAtRestEncryption: !If [Prod, true, [|false|]]
                          AtRestEncryptionConfiguration:
                            LocalDiskEncryptionConfiguration:
                              EncryptionKeyProviderType: AwsKms
                              AwsKmsKey: arn:aws:kms:eu-west-1:111122223333:key/abc
                  Removed:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration:
                        EncryptionConfiguration:
                          EnableInTransitEncryption: false
                          EnableAtRestEncryption: !If [Prod, true, [|!Ref AWS::NoValue|]]
                """);
            Assert.Contains("(when condition 'Prod' is false)", findings[0].FormatMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Yaml_encrypted_and_unreadable_documents_are_clean()
        {
            await VerifyRuleAsync(Rule, """
                Parameters:
                  Document:
                    Type: String
                  AtRest:
                    Type: String
                Resources:
                  Encrypted:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration:
                        EncryptionConfiguration:
                          EnableInTransitEncryption: false
                          EnableAtRestEncryption: true
                          AtRestEncryptionConfiguration:
                            S3EncryptionConfiguration:
                              EncryptionMode: SSE-S3
                            LocalDiskEncryptionConfiguration:
                              EncryptionKeyProviderType: AwsKms
                              AwsKmsKey: !GetAtt Key.Arn
                  Unknown:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration:
                        EncryptionConfiguration:
                          EnableInTransitEncryption: false
                          EnableAtRestEncryption: !Ref AtRest
                  FromParameter:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration: !Ref Document
                  InAString:
                    Type: AWS::EMR::SecurityConfiguration
                    Properties:
                      SecurityConfiguration: '{"EncryptionConfiguration": {"EnableAtRestEncryption": false, "EnableInTransitEncryption": false}}'
                """);
        }

        [Fact]
        public async Task Json_document_object_is_read()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Emr": {
                      "Type": "AWS::EMR::SecurityConfiguration",
                      "Properties": {
                        "SecurityConfiguration": { "EncryptionConfiguration": { "EnableInTransitEncryption": false, "EnableAtRestEncryption": [|false|] } }
                      }
                    },
                    "Encrypted": {
                      "Type": "AWS::EMR::SecurityConfiguration",
                      "Properties": {
                        "SecurityConfiguration": {
                          "EncryptionConfiguration": {
                            "EnableInTransitEncryption": false,
                            "EnableAtRestEncryption": true,
                            "AtRestEncryptionConfiguration": { "S3EncryptionConfiguration": { "EncryptionMode": "SSE-KMS", "AwsKmsKey": "arn:aws:kms:eu-west-1:111122223333:key/abc" } }
                          }
                        }
                      }
                    }
                  }
                }
                """, "emr.json");
        }
    }
}
