using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Glue;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>
    /// IAC1022 in templates and C#. Amazon.CDK.Lib 2.160.0 has no Glue L2 (only <c>Cfn*</c>; the Glue L2 is the separate
    /// alpha package), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC1022_GlueDataCatalogNotEncryptedTests
    {
        private static readonly IAC1022_GlueDataCatalogNotEncrypted Rule = new IAC1022_GlueDataCatalogNotEncrypted();

        [Fact]
        public async Task Yaml_disabled_or_missing_catalog_encryption_is_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Disabled:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      DataCatalogEncryptionSettings:
                        EncryptionAtRest:
                          CatalogEncryptionMode: {|#0:DISABLED|}
                  PasswordsOnly:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      [|DataCatalogEncryptionSettings|]:
                        ConnectionPasswordEncryption:
                          ReturnConnectionPasswordEncrypted: true
                  ProdOnly:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      DataCatalogEncryptionSettings:
                        EncryptionAtRest:
                          CatalogEncryptionMode: !If [IsProd, SSE-KMS, [|DISABLED|]]
                  Kms:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      DataCatalogEncryptionSettings:
                        EncryptionAtRest:
                          CatalogEncryptionMode: SSE-KMS
                          SseAwsKmsKeyId: !Ref Key
                  Unknown:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      DataCatalogEncryptionSettings:
                        EncryptionAtRest:
                          CatalogEncryptionMode: !Ref Mode
                """, "glue.yaml", Reported(Rule,
                "Glue Data Catalog encryption settings 'Disabled' leaves the Glue Data Catalog unencrypted at rest (CatalogEncryptionMode is DISABLED): set " +
                "EncryptionAtRest.CatalogEncryptionMode to SSE-KMS (with SseAwsKmsKeyId for a customer managed key; without it Glue uses the AWS managed " +
                "key aws/glue) [Security · SEC08-BP02]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().Contains("'ProdOnly' leaves the Glue Data Catalog unencrypted at rest (when condition 'IsProd' is false; CatalogEncryptionMode is DISABLED)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_fix_sets_SSE_KMS_and_creates_EncryptionAtRest()
        {
            var before = """
                { "Resources": {
                    "Disabled": { "Type": "AWS::Glue::DataCatalogEncryptionSettings", "Properties": { "CatalogId": "123456789012",
                      "DataCatalogEncryptionSettings": { "EncryptionAtRest": { "CatalogEncryptionMode": [|"DISABLED"|] } } } } } }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|\"DISABLED\"|]", "\"SSE-KMS\"")), "glue.json");
        }

        [Fact]
        public Task Yaml_fix_creates_EncryptionAtRest_when_missing()
        {
            var before = """
                Resources:
                  PasswordsOnly:
                    Type: AWS::Glue::DataCatalogEncryptionSettings
                    Properties:
                      CatalogId: !Ref AWS::AccountId
                      [|DataCatalogEncryptionSettings|]:
                        ConnectionPasswordEncryption:
                          ReturnConnectionPasswordEncrypted: true
                """;
            var added = "\n        EncryptionAtRest:\n          CatalogEncryptionMode: SSE-KMS";
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|DataCatalogEncryptionSettings|]", "DataCatalogEncryptionSettings")) + added, "glue.yaml");
        }

        [Fact]
        public async Task L1_disabled_is_flagged_and_fixed_and_kms_is_clean()
        {
            var source = """
                using Amazon.CDK.AWS.Glue;

                public class CatalogStack : Stack
                {
                    public CatalogStack(Construct scope) : base(scope, "Catalog")
                    {
                        new CfnDataCatalogEncryptionSettings(this, "Off", new CfnDataCatalogEncryptionSettingsProps
                        {
                            CatalogId = "123456789012",
                            DataCatalogEncryptionSettings = new CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty
                            {
                                EncryptionAtRest = new CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = [|"DISABLED"|] },
                            },
                        });
                        new CfnDataCatalogEncryptionSettings(this, "On", new CfnDataCatalogEncryptionSettingsProps
                        {
                            CatalogId = "123456789012",
                            DataCatalogEncryptionSettings = new CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty
                            {
                                EncryptionAtRest = new CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = "SSE-KMS" },
                            },
                        });
                    }
                }
                """;
            await CdkVerifier.VerifyRuleAsync(source, "IAC1022");
            await CdkVerifier.VerifyFixAsync(source, Edited(source, ("[|\"DISABLED\"|]", "\"SSE-KMS\"")), id: "IAC1022");
        }
    }
}
