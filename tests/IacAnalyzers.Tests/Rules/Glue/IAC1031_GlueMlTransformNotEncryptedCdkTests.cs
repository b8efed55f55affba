using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>IAC1031 on the CDK C# surface: L1 <c>CfnMLTransform</c> (aws-cdk-lib 2.160.0 has no ML transform L2).</summary>
    public class IAC1031_GlueMlTransformNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_disabled_and_missing_encryption_are_flagged_and_kms_and_unknown_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Glue;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string mode, bool plain) : base(scope, "App")
                    {
                        var tables = new CfnMLTransform.InputRecordTablesProperty { GlueTables = new[] { new CfnMLTransform.GlueTablesProperty { DatabaseName = "crm", TableName = "customers" } } };
                        var parameters = new CfnMLTransform.TransformParametersProperty { TransformType = "FIND_MATCHES" };
                        new CfnMLTransform(this, "Disabled", new CfnMLTransformProps
                        {
                            Role = "glue", InputRecordTables = tables, TransformParameters = parameters,
                            TransformEncryption = new CfnMLTransform.TransformEncryptionProperty
                            {
                                MlUserDataEncryption = new CfnMLTransform.MLUserDataEncryptionProperty { MlUserDataEncryptionMode = [|"DISABLED"|] },
                            },
                        });
                        [|new CfnMLTransform(this, "NotGiven", new CfnMLTransformProps { Role = "glue", InputRecordTables = tables, TransformParameters = parameters })|];
                        new CfnMLTransform(this, "Branch", new CfnMLTransformProps
                        {
                            Role = "glue", InputRecordTables = tables, TransformParameters = parameters,
                            TransformEncryption = new CfnMLTransform.TransformEncryptionProperty
                            {
                                MlUserDataEncryption = new CfnMLTransform.MLUserDataEncryptionProperty { MlUserDataEncryptionMode = plain ? [|"DISABLED"|] : "SSE-KMS", KmsKeyId = "alias/glue" },
                            },
                        });
                        new CfnMLTransform(this, "Kms", new CfnMLTransformProps
                        {
                            Role = "glue", InputRecordTables = tables, TransformParameters = parameters,
                            TransformEncryption = new CfnMLTransform.TransformEncryptionProperty
                            {
                                MlUserDataEncryption = new CfnMLTransform.MLUserDataEncryptionProperty { MlUserDataEncryptionMode = "SSE-KMS", KmsKeyId = "alias/glue" },
                            },
                        });
                        new CfnMLTransform(this, "Unknown", new CfnMLTransformProps
                        {
                            Role = "glue", InputRecordTables = tables, TransformParameters = parameters,
                            TransformEncryption = new CfnMLTransform.TransformEncryptionProperty
                            {
                                MlUserDataEncryption = new CfnMLTransform.MLUserDataEncryptionProperty { MlUserDataEncryptionMode = mode },
                            },
                        });
                    }
                }
                """, "IAC1031");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("(when `plain` is true: MLUserDataEncryption.MLUserDataEncryptionMode is DISABLED)", StringComparison.Ordinal));
        }
    }
}
