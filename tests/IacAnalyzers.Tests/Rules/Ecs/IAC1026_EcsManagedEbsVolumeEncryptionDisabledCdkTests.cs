using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ecs
{
    /// <summary>IAC1026 on the CDK C# surface: L1 <c>CfnService</c> volume configurations, L2 <c>ServiceManagedVolume</c>.</summary>
    public class IAC1026_EcsManagedEbsVolumeEncryptionDisabledCdkTests
    {
        [Fact]
        public async Task L1_Encrypted_false_is_flagged_and_missing_true_and_unknown_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool encrypt, bool prod) : base(scope, "App")
                    {
                        new CfnService(this, "Api", new CfnServiceProps
                        {
                            VolumeConfigurations = new[]
                            {
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "data",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = [|false|] },
                                },
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "default",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20 },
                                },
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "explicit",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = true },
                                },
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "unknown",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = encrypt },
                                },
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "branch",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = prod ? true : [|false|] },
                                },
                            },
                        });
                    }
                }
                """, "IAC1026");
        }

        [Fact]
        public async Task L1_false_is_fixed_to_true()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnService(this, "Api", new CfnServiceProps
                        {
                            VolumeConfigurations = new[]
                            {
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "data",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = [|false|] },
                                },
                            },
                        });
                    }
                }
                """, """
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnService(this, "Api", new CfnServiceProps
                        {
                            VolumeConfigurations = new[]
                            {
                                new CfnService.ServiceVolumeConfigurationProperty
                                {
                                    Name = "data",
                                    ManagedEbsVolume = new CfnService.ServiceManagedEBSVolumeConfigurationProperty { RoleArn = "arn", SizeInGiB = 20, Encrypted = true },
                                },
                            },
                        });
                    }
                }
                """, id: "IAC1026");
        }

        [Fact]
        public async Task L2_service_managed_volume_with_Encrypted_false_is_flagged_and_the_default_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new ServiceManagedVolume(this, "Data", new ServiceManagedVolumeProps
                        {
                            Name = "data",
                            ManagedEBSVolume = new ServiceManagedEBSVolumeConfiguration { Size = Size.Gibibytes(15), Encrypted = [|false|] },
                        });
                        new ServiceManagedVolume(this, "Default", new ServiceManagedVolumeProps
                        {
                            Name = "default",
                            ManagedEBSVolume = new ServiceManagedEBSVolumeConfiguration { Size = Size.Gibibytes(15) },
                        });
                        new ServiceManagedVolume(this, "Plain", new ServiceManagedVolumeProps { Name = "plain" });
                    }
                }
                """, "IAC1026");
            Assert.Contains("EBS volume 'data' that ECS service 'Data' manages is not encrypted (ManagedEBSVolume.Encrypted is false)", Assert.Single(diagnostics).GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_false_is_fixed_to_true()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new ServiceManagedVolume(this, "Data", new ServiceManagedVolumeProps
                        {
                            Name = "data",
                            ManagedEBSVolume = new ServiceManagedEBSVolumeConfiguration { Size = Size.Gibibytes(15), Encrypted = [|false|] },
                        });
                    }
                }
                """, """
                using Amazon.CDK.AWS.ECS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new ServiceManagedVolume(this, "Data", new ServiceManagedVolumeProps
                        {
                            Name = "data",
                            ManagedEBSVolume = new ServiceManagedEBSVolumeConfiguration { Size = Size.Gibibytes(15), Encrypted = true },
                        });
                    }
                }
                """, id: "IAC1026");
        }
    }
}
