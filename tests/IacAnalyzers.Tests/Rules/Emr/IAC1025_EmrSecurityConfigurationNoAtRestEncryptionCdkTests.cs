using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Emr
{
    /// <summary>IAC1025 on the CDK C# surface: L1 <c>CfnSecurityConfiguration</c> (aws-cdk-lib 2.160.0 has no EMR L2) with its document as a dictionary or an anonymous object.</summary>
    public class IAC1025_EmrSecurityConfigurationNoAtRestEncryptionCdkTests
    {
        [Fact]
        public async Task L1_documents_written_as_objects_are_read_and_strings_or_arguments_are_unknown()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EMR;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, object document, bool prod) : base(scope, "App")
                    {
                        new CfnSecurityConfiguration(this, "Dictionary", new CfnSecurityConfigurationProps
                        {
                            SecurityConfiguration = new Dictionary<string, object>
                            {
                                ["EncryptionConfiguration"] = new Dictionary<string, object> { ["EnableInTransitEncryption"] = false, ["EnableAtRestEncryption"] = [|false|] },
                            },
                        });
                        new CfnSecurityConfiguration(this, "Anonymous", new CfnSecurityConfigurationProps
                        {
                            SecurityConfiguration = new { EncryptionConfiguration = new { EnableInTransitEncryption = false, EnableAtRestEncryption = prod ? true : [|false|] } },
                        });
                        new CfnSecurityConfiguration(this, "Encrypted", new CfnSecurityConfigurationProps
                        {
                            SecurityConfiguration = new
                            {
                                EncryptionConfiguration = new
                                {
                                    EnableInTransitEncryption = false,
                                    EnableAtRestEncryption = true,
                                    AtRestEncryptionConfiguration = new { S3EncryptionConfiguration = new { EncryptionMode = "SSE-S3" } },
                                },
                            },
                        });
                        new CfnSecurityConfiguration(this, "Argument", new CfnSecurityConfigurationProps { SecurityConfiguration = document });
                        new CfnSecurityConfiguration(this, "Text", new CfnSecurityConfigurationProps
                        {
                            SecurityConfiguration = "{\"EncryptionConfiguration\": {\"EnableAtRestEncryption\": false}}",
                        });
                    }
                }
                """, "IAC1025");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("'Anonymous' does not encrypt data at rest (when `prod` is false)", StringComparison.Ordinal));
        }

        [Fact]
        public async Task L1_document_without_encryption_configuration_is_flagged_at_the_property()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EMR;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnSecurityConfiguration(this, "Kerberos", new CfnSecurityConfigurationProps
                        {
                            [|SecurityConfiguration|] = new Dictionary<string, object>
                            {
                                ["AuthenticationConfiguration"] = new Dictionary<string, object> { ["KerberosConfiguration"] = new Dictionary<string, object> { ["Provider"] = "ClusterDedicatedKdc" } },
                            },
                        });
                    }
                }
                """, "IAC1025");
        }
    }
}
