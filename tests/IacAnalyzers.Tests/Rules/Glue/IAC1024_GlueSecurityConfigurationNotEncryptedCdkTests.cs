using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>IAC1024 on the CDK C# surface: L1 <c>CfnSecurityConfiguration</c> (aws-cdk-lib 2.160.0 has no Glue L2; the L2 is aws-glue-alpha).</summary>
    public class IAC1024_GlueSecurityConfigurationNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_disabled_modes_are_flagged_and_full_encryption_and_unknown_modes_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Glue;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string mode, string keyArn) : base(scope, "App")
                    {
                        new CfnSecurityConfiguration(this, "Jobs", new CfnSecurityConfigurationProps
                        {
                            Name = "jobs",
                            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
                            {
                                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = [|"DISABLED"|] } },
                                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = "SSE-KMS", KmsKeyArn = keyArn },
                                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = keyArn },
                            },
                        });
                        new CfnSecurityConfiguration(this, "Encrypted", new CfnSecurityConfigurationProps
                        {
                            Name = "encrypted",
                            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
                            {
                                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-S3" } },
                                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = "SSE-KMS", KmsKeyArn = keyArn },
                                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = keyArn },
                            },
                        });
                        new CfnSecurityConfiguration(this, "Unknown", new CfnSecurityConfigurationProps
                        {
                            Name = "unknown",
                            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
                            {
                                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = mode } },
                                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = mode },
                                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = mode },
                            },
                        });
                    }
                }
                """, "IAC1024");
            Assert.Contains("(S3Encryptions[0].S3EncryptionMode is DISABLED)", Assert.Single(diagnostics).GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task L1_parts_not_given_and_a_conditional_mode_are_flagged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Glue;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool prod, string keyArn) : base(scope, "App")
                    {
                        new CfnSecurityConfiguration(this, "OnlyS3", new CfnSecurityConfigurationProps
                        {
                            Name = "only-s3",
                            [|EncryptionConfiguration|] = new CfnSecurityConfiguration.EncryptionConfigurationProperty
                            {
                                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-KMS", KmsKeyArn = keyArn } },
                            },
                        });
                        new CfnSecurityConfiguration(this, "Branch", new CfnSecurityConfigurationProps
                        {
                            Name = "branch",
                            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
                            {
                                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-S3" } },
                                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = prod ? "SSE-KMS" : [|"DISABLED"|], KmsKeyArn = keyArn },
                                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = keyArn },
                            },
                        });
                    }
                }
                """, "IAC1024");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("JobBookmarksEncryption is not set, so JobBookmarksEncryptionMode is DISABLED", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("when `prod` is false: CloudWatchEncryption.CloudWatchEncryptionMode is DISABLED", StringComparison.Ordinal));
        }
    }
}
