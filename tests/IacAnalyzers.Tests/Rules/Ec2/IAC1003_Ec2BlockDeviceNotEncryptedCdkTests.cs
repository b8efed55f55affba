using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>
    /// IAC1003 on the CDK C# surface: L1 <c>CfnInstance</c>/<c>CfnLaunchTemplate</c> block device mappings, L2
    /// <c>Instance_</c>/<c>LaunchTemplate</c>/<c>AutoScalingGroup</c> <c>BlockDevices</c> with <c>BlockDeviceVolume.Ebs(...)</c>.
    /// </summary>
    public class IAC1003_Ec2BlockDeviceNotEncryptedCdkTests
    {
        private const string InstanceBasics = "Vpc = vpc, InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MICRO), MachineImage = MachineImage.LatestAmazonLinux2023()";

        // ---- L1 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L1_instance_mapping_without_Encrypted_is_flagged_at_the_Ebs_key()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnInstance(this, "Web", new CfnInstanceProps
                        {
                            ImageId = "ami-0123456789abcdef0",
                            BlockDeviceMappings = new[]
                            {
                                new CfnInstance.BlockDeviceMappingProperty
                                {
                                    DeviceName = "/dev/xvda",
                                    [|Ebs|] = new CfnInstance.EbsProperty { VolumeSize = 50 },
                                },
                                new CfnInstance.BlockDeviceMappingProperty
                                {
                                    DeviceName = "/dev/sdf",
                                    Ebs = new CfnInstance.EbsProperty { VolumeSize = 500, Encrypted = true },
                                },
                            },
                        });
                    }
                }
                """, "IAC1003");
            Assert.Equal(
                "Block device '/dev/xvda' of EC2 instance 'Web' is not encrypted (Ebs.Encrypted is not set and defaults to false): set Encrypted to true in its Ebs settings [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_launch_template_false_is_flagged_at_the_value()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps
                        {
                            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
                            {
                                BlockDeviceMappings = new[]
                                {
                                    new CfnLaunchTemplate.BlockDeviceMappingProperty
                                    {
                                        DeviceName = "/dev/xvda",
                                        Ebs = new CfnLaunchTemplate.EbsProperty { VolumeSize = 20, Encrypted = [|false|] },
                                    },
                                },
                            },
                        });
                    }
                }
                """, "IAC1003");
        }

        [Fact]
        public async Task L1_missing_Encrypted_is_fixed_in_the_Ebs_initializer()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnInstance(this, "Web", new CfnInstanceProps
                        {
                            BlockDeviceMappings = new[]
                            {
                                new CfnInstance.BlockDeviceMappingProperty { DeviceName = "/dev/xvda", [|Ebs|] = new CfnInstance.EbsProperty { VolumeSize = 50 } },
                            },
                        });
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnInstance(this, "Web", new CfnInstanceProps
                        {
                            BlockDeviceMappings = new[]
                            {
                                new CfnInstance.BlockDeviceMappingProperty { DeviceName = "/dev/xvda", Ebs = new CfnInstance.EbsProperty { VolumeSize = 50, Encrypted = true } },
                            },
                        });
                    }
                }
                """, id: "IAC1003");
        }

        // ---- L2 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L2_instance_Ebs_volume_without_options_is_flagged_at_the_volume_with_the_CDK_default()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync($$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Instance_(this, "Web", new InstanceProps
                        {
                            {{InstanceBasics}},
                            BlockDevices = new[]
                            {
                                new BlockDevice { DeviceName = "/dev/xvda", Volume = [|BlockDeviceVolume.Ebs(50)|] },
                                new BlockDevice { DeviceName = "/dev/sdf", Volume = BlockDeviceVolume.Ebs(500, new EbsDeviceOptions { Encrypted = true }) },
                                new BlockDevice { DeviceName = "/dev/sdg", Volume = BlockDeviceVolume.EbsFromSnapshot("snap-0123456789abcdef0") },
                                new BlockDevice { DeviceName = "/dev/sdb", Volume = BlockDeviceVolume.Ephemeral(0) },
                            },
                        });
                    }
                }
                """, "IAC1003");
            Assert.Equal(
                "Block device '/dev/xvda' of EC2 instance 'Web' is not encrypted (from the CDK default (EbsDeviceOptions.Encrypted: false)): set Encrypted to true in its Ebs settings [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_options_without_Encrypted_and_false_are_flagged()
        {
            await CdkVerifier.VerifyRuleAsync($$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Instance_(this, "Web", new InstanceProps
                        {
                            {{InstanceBasics}},
                            BlockDevices = new[]
                            {
                                new BlockDevice { DeviceName = "/dev/xvda", Volume = [|BlockDeviceVolume.Ebs(50, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP3 })|] },
                                new BlockDevice { DeviceName = "/dev/sdf", Volume = BlockDeviceVolume.Ebs(500, new EbsDeviceOptions { Encrypted = [|false|] }) },
                            },
                        });
                    }
                }
                """, "IAC1003");
        }

        [Fact]
        public async Task L2_instance_without_block_devices_is_not_flagged()
        {
            // The root volume comes from the image (InstanceProps.BlockDevices: "Default: - Uses the block device mapping of the AMI").
            await CdkVerifier.VerifyRuleAsync($$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Instance_(this, "Web", new InstanceProps { {{InstanceBasics}} });
                    }
                }
                """, "IAC1003");
        }

        [Fact]
        public async Task L2_unknown_conditional_and_helper_volumes()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync($$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, BlockDevice[] devices, BlockDeviceVolume given, bool prod) : base(scope, "App")
                    {
                        new Instance_(this, "Given", new InstanceProps { {{InstanceBasics}}, BlockDevices = devices });
                        {|#0:new Instance_(this, "Web", new InstanceProps
                        {
                            {{InstanceBasics}},
                            BlockDevices = new[]
                            {
                                new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(50, new EbsDeviceOptions { Encrypted = prod ? true : [|false|] }) },
                                new BlockDevice { DeviceName = "/dev/sdf", Volume = Volume() },
                                new BlockDevice { DeviceName = "/dev/sdg", Volume = given },
                            },
                        })|};
                    }

                    // A helper with one return is followed: the finding is reported at the construct (the member
                    // analysed, so that it is local) with the helper's value as its additional location.
                    private static BlockDeviceVolume Volume() => {|#1:BlockDeviceVolume.Ebs(10)|};
                }
                """, "IAC1003", new[] { CdkVerifier.Finding("IAC1003").WithLocation(0).WithLocation(1) });
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("'/dev/xvda' of EC2 instance 'Web' is not encrypted (when `prod` is false)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_launch_template_block_devices_are_checked()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new LaunchTemplate(this, "Template", new LaunchTemplateProps
                        {
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = [|BlockDeviceVolume.Ebs(20)|] } },
                        });
                        new LaunchTemplate(this, "Good", new LaunchTemplateProps
                        {
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(20, new EbsDeviceOptions { Encrypted = true }) } },
                        });
                        new LaunchTemplate(this, "Bare");
                    }
                }
                """, "IAC1003");
            Assert.StartsWith("Block device '/dev/xvda' of launch template 'Template'", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_auto_scaling_group_block_devices_are_checked()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Asg = Amazon.CDK.AWS.AutoScaling;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Asg.AutoScalingGroup(this, "Fleet", new Asg.AutoScalingGroupProps
                        {
                            Vpc = vpc,
                            InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MICRO),
                            MachineImage = MachineImage.LatestAmazonLinux2023(),
                            BlockDevices = new[]
                            {
                                new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = [|Asg.BlockDeviceVolume.Ebs(30)|] },
                                new Asg.BlockDevice { DeviceName = "/dev/sdf", Volume = Asg.BlockDeviceVolume.Ebs(30, new Asg.EbsDeviceOptions { Encrypted = true }) },
                            },
                        });
                    }
                }
                """, "IAC1003");
        }

        [Fact]
        public async Task L2_Encrypted_false_in_options_is_fixed_by_replacing_the_value()
        {
            await CdkVerifier.VerifyFixAsync($$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Instance_(this, "Web", new InstanceProps
                        {
                            {{InstanceBasics}},
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(50, new EbsDeviceOptions { Encrypted = [|false|] }) } },
                        });
                    }
                }
                """, $$"""
                using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new Instance_(this, "Web", new InstanceProps
                        {
                            {{InstanceBasics}},
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(50, new EbsDeviceOptions { Encrypted = true }) } },
                        });
                    }
                }
                """, id: "IAC1003");
        }
    }
}
