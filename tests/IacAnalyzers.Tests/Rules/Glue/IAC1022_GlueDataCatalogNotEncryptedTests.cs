using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>
    /// IAC1022 in templates and C#. Amazon.CDK.Lib 2.160.0 has no Glue L2 (only <c>Cfn*</c>; the Glue L2 is the separate
    /// alpha package), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC1022_GlueDataCatalogNotEncryptedTests
    {
        [Fact]
        public async Task Yaml_disabled_or_missing_catalog_encryption_is_flagged()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("glue.yaml", """
                            Conditions:
                              IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                            Resources:
                              Disabled:
                                Type: AWS::Glue::DataCatalogEncryptionSettings
                                Properties:
                                  CatalogId: !Ref AWS::AccountId
                                  DataCatalogEncryptionSettings:
                                    EncryptionAtRest:
                                      CatalogEncryptionMode: [|DISABLED|]
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
                            """),
                    },
                },
                RuleUnderTest = "IAC1022",
            };
            await test.RunAsync();
            var messages = test.ReportedDiagnostics.Select(d => d.GetMessage()).ToArray();
            Assert.Contains(
                "Glue Data Catalog encryption settings 'Disabled' leaves the Glue Data Catalog unencrypted at rest (CatalogEncryptionMode is DISABLED): set " +
                "EncryptionAtRest.CatalogEncryptionMode to SSE-KMS (with SseAwsKmsKeyId for a customer managed key; without it Glue uses the AWS managed " +
                "key aws/glue) [Security · SEC08-BP02]",
                messages);
            Assert.Contains(messages, m => m.Contains("'ProdOnly' leaves the Glue Data Catalog unencrypted at rest (when condition 'IsProd' is false; CatalogEncryptionMode is DISABLED)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Json_fix_sets_SSE_KMS_and_creates_EncryptionAtRest()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("glue.json", """
                            { "Resources": {
                                "Disabled": { "Type": "AWS::Glue::DataCatalogEncryptionSettings", "Properties": { "CatalogId": "123456789012",
                                  "DataCatalogEncryptionSettings": { "EncryptionAtRest": { "CatalogEncryptionMode": {|IAC1022:"DISABLED"|} } } } } } }
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("glue.json", """
                            { "Resources": {
                                "Disabled": { "Type": "AWS::Glue::DataCatalogEncryptionSettings", "Properties": { "CatalogId": "123456789012",
                                  "DataCatalogEncryptionSettings": { "EncryptionAtRest": { "CatalogEncryptionMode": "SSE-KMS" } } } } } }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task Yaml_fix_creates_EncryptionAtRest_when_missing()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("glue.yaml", """
                            Resources:
                              PasswordsOnly:
                                Type: AWS::Glue::DataCatalogEncryptionSettings
                                Properties:
                                  CatalogId: !Ref AWS::AccountId
                                  {|IAC1022:DataCatalogEncryptionSettings|}:
                                    ConnectionPasswordEncryption:
                                      ReturnConnectionPasswordEncrypted: true
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("glue.yaml", """
                            Resources:
                              PasswordsOnly:
                                Type: AWS::Glue::DataCatalogEncryptionSettings
                                Properties:
                                  CatalogId: !Ref AWS::AccountId
                                  DataCatalogEncryptionSettings:
                                    ConnectionPasswordEncryption:
                                      ReturnConnectionPasswordEncrypted: true
                                    EncryptionAtRest:
                                      CatalogEncryptionMode: SSE-KMS
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task L1_disabled_is_flagged_and_fixed_and_kms_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
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
                """, "IAC1022");
            await CdkVerifier.VerifyFixAsync("""
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
                    }
                }
                """, """
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
                                EncryptionAtRest = new CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = "SSE-KMS" },
                            },
                        });
                    }
                }
                """, id: "IAC1022");
        }
    }
}
