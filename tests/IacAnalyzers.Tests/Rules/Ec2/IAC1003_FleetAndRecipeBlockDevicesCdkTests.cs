using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>
    /// IAC1003 on the CDK C# surface for Spot Fleets, EC2 Fleets and Image Builder recipes: aws-cdk-lib 2.160.0 has no L2
    /// for them, so L1 only (<c>CfnSpotFleet</c>, <c>CfnImageRecipe</c>, <c>CfnContainerRecipe</c>; <c>CfnEC2Fleet</c>,
    /// whose 2.160.0 overrides have no <c>BlockDeviceMappings</c> member, through a property override).
    /// </summary>
    public class IAC1003_FleetAndRecipeBlockDevicesCdkTests
    {
        /// <summary>A Spot Fleet whose one launch specification maps an unencrypted new volume, an encrypted one and an instance store.</summary>
        private const string SpotFleetApp = """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnSpotFleet(this, "Fleet", new CfnSpotFleetProps
                        {
                            SpotFleetRequestConfigData = new CfnSpotFleet.SpotFleetRequestConfigDataProperty
                            {
                                IamFleetRole = "arn:aws:iam::123456789012:role/fleet",
                                TargetCapacity = 2,
                                LaunchSpecifications = new[]
                                {
                                    new CfnSpotFleet.SpotFleetLaunchSpecificationProperty
                                    {
                                        ImageId = "ami-0123456789abcdef0",
                                        BlockDeviceMappings = new[]
                                        {
                                            new CfnSpotFleet.BlockDeviceMappingProperty
                                            {
                                                DeviceName = "/dev/xvda",
                                                [|Ebs|] = new CfnSpotFleet.EbsBlockDeviceProperty { VolumeSize = 50 },
                                            },
                                            new CfnSpotFleet.BlockDeviceMappingProperty
                                            {
                                                DeviceName = "/dev/sdf",
                                                Ebs = new CfnSpotFleet.EbsBlockDeviceProperty { VolumeSize = 500, Encrypted = true },
                                            },
                                            new CfnSpotFleet.BlockDeviceMappingProperty { DeviceName = "/dev/sdb", VirtualName = "ephemeral0" },
                                        },
                                    },
                                },
                            },
                        });
                    }
                }
                """;

        [Fact]
        public async Task L1_spot_fleet_launch_specification_device_without_Encrypted_is_flagged_at_the_Ebs_key()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync(SpotFleetApp, "IAC1003");
            Assert.Equal(
                "Block device '/dev/xvda' of a launch specification of Spot Fleet 'Fleet' is not encrypted (Ebs.Encrypted is not set and defaults to false): " +
                "set Encrypted to true in its Ebs settings [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public Task L1_spot_fleet_missing_Encrypted_is_fixed_in_the_Ebs_initializer()
            => CdkVerifier.VerifyFixAsync(SpotFleetApp, Edited(SpotFleetApp,
                ("[|Ebs|] = new CfnSpotFleet.EbsBlockDeviceProperty { VolumeSize = 50 }", "Ebs = new CfnSpotFleet.EbsBlockDeviceProperty { VolumeSize = 50, Encrypted = true }")), id: "IAC1003");

        [Fact]
        public async Task L1_image_recipe_false_is_flagged_at_the_value_and_a_conditional_names_its_branch()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ImageBuilder;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool secure) : base(scope, "App")
                    {
                        new CfnImageRecipe(this, "Recipe", new CfnImageRecipeProps
                        {
                            Name = "web",
                            Version = "1.0.0",
                            ParentImage = "ami-0123456789abcdef0",
                            Components = new[] { new CfnImageRecipe.ComponentConfigurationProperty { ComponentArn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" } },
                            BlockDeviceMappings = new[]
                            {
                                new CfnImageRecipe.InstanceBlockDeviceMappingProperty
                                {
                                    DeviceName = "/dev/xvda",
                                    Ebs = new CfnImageRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 30, Encrypted = [|false|] },
                                },
                                new CfnImageRecipe.InstanceBlockDeviceMappingProperty
                                {
                                    DeviceName = "/dev/sdf",
                                    Ebs = new CfnImageRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 100, Encrypted = secure ? true : [|false|] },
                                },
                                new CfnImageRecipe.InstanceBlockDeviceMappingProperty { DeviceName = "/dev/sdg", NoDevice = "" },
                            },
                        });
                        new CfnImageRecipe(this, "Plain", new CfnImageRecipeProps
                        {
                            Name = "plain",
                            Version = "1.0.0",
                            ParentImage = "ami-0123456789abcdef0",
                            Components = new[] { new CfnImageRecipe.ComponentConfigurationProperty { ComponentArn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" } },
                        });
                    }
                }
                """, "IAC1003");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Block device '/dev/sdf' of Image Builder image recipe 'Recipe' is not encrypted (when `secure` is false)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L1_container_recipe_build_instance_devices_are_checked_and_unknown_ones_are_not()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ImageBuilder;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, CfnContainerRecipe.IInstanceConfigurationProperty given, bool encrypt) : base(scope, "App")
                    {
                        new CfnContainerRecipe(this, "Recipe", new CfnContainerRecipeProps
                        {
                            Name = "app",
                            Version = "1.0.0",
                            ContainerType = "DOCKER",
                            ParentImage = "amazonlinux:latest",
                            TargetRepository = new CfnContainerRecipe.TargetContainerRepositoryProperty { Service = "ECR", RepositoryName = "app" },
                            InstanceConfiguration = new CfnContainerRecipe.InstanceConfigurationProperty
                            {
                                Image = "ami-0123456789abcdef0",
                                BlockDeviceMappings = new[]
                                {
                                    new CfnContainerRecipe.InstanceBlockDeviceMappingProperty
                                    {
                                        DeviceName = "/dev/xvda",
                                        [|Ebs|] = new CfnContainerRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 50 },
                                    },
                                    new CfnContainerRecipe.InstanceBlockDeviceMappingProperty
                                    {
                                        DeviceName = "/dev/sdf",
                                        Ebs = new CfnContainerRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 50, Encrypted = encrypt },
                                    },
                                },
                            },
                        });
                        new CfnContainerRecipe(this, "Given", new CfnContainerRecipeProps
                        {
                            Name = "given",
                            Version = "1.0.0",
                            ContainerType = "DOCKER",
                            ParentImage = "amazonlinux:latest",
                            TargetRepository = new CfnContainerRecipe.TargetContainerRepositoryProperty { Service = "ECR", RepositoryName = "app" },
                            InstanceConfiguration = given,
                        });
                    }
                }
                """, "IAC1003");
        }

        /// <summary>
        /// The statement <c>var {variable} = new CfnEC2Fleet(...)</c>: one launch template config (<paramref name="templateId"/>,
        /// <paramref name="version"/>: C# expressions) with one override and no block devices (2.160.0 has no member for
        /// them), of Type instant or the default maintain.
        /// </summary>
        private static string Ec2Fleet(string variable, string id, bool instant, string templateId, string version) => $$"""
                        var {{variable}} = new CfnEC2Fleet(this, "{{id}}", new CfnEC2FleetProps
                        {
                            {{(instant ? "Type = \"instant\"," : string.Empty)}}
                            TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 1 },
                            LaunchTemplateConfigs = new[]
                            {
                                new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty
                                {
                                    LaunchTemplateSpecification = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = {{templateId}}, Version = {{version}} },
                                    Overrides = new[] { new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty { InstanceType = "m5.large" } },
                                },
                            },
                        });
                """;

        [Fact]
        public async Task L1_instant_ec2_fleet_override_devices_written_by_a_property_override_are_checked()
        {
            // CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty has no BlockDeviceMappings in aws-cdk-lib 2.160.0:
            // the escape hatch is how a C# app writes them. A maintain fleet (the default Type) is not checked.
            await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack(Ec2Fleet("fleet", "Fleet", instant: true, "\"lt-0123456789abcdef0\"", "\"1\"") + """

                        fleet.AddPropertyOverride("LaunchTemplateConfigs.0.Overrides.0.BlockDeviceMappings", new[]
                        {
                            new Dictionary<string, object> { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new Dictionary<string, object> { ["VolumeSize"] = 50, ["Encrypted"] = [|false|] } },
                        });

                """ + Ec2Fleet("maintained", "Maintained", instant: false, "\"lt-0123456789abcdef0\"", "\"1\"") + """

                        maintained.AddPropertyOverride("LaunchTemplateConfigs.0.Overrides.0.BlockDeviceMappings", new[]
                        {
                            new Dictionary<string, object> { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new Dictionary<string, object> { ["VolumeSize"] = 50, ["Encrypted"] = false } },
                        });
                """, usings: "using System.Collections.Generic;"), "IAC1003");
        }

        [Fact]
        public async Task L1_ec2_fleet_override_without_Encrypted_keeps_the_value_of_a_launch_template_in_the_app()
        {
            // The override of /dev/xvda changes only its size (the template's Encrypted = true stays); /dev/sdf is new.
            await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack("""
                        var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps
                        {
                            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
                            {
                                BlockDeviceMappings = new[]
                                {
                                    new CfnLaunchTemplate.BlockDeviceMappingProperty { DeviceName = "/dev/xvda", Ebs = new CfnLaunchTemplate.EbsProperty { VolumeSize = 20, Encrypted = true } },
                                },
                            },
                        });

                """ + Ec2Fleet("fleet", "Fleet", instant: true, "template.Ref", "template.AttrLatestVersionNumber") + """

                        fleet.AddPropertyOverride("LaunchTemplateConfigs.0.Overrides.0.BlockDeviceMappings", new[]
                        {
                            new Dictionary<string, object> { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new Dictionary<string, object> { ["VolumeSize"] = 100 } },
                            new Dictionary<string, object> { ["DeviceName"] = "/dev/sdf", [[|"Ebs"|]] = new Dictionary<string, object> { ["VolumeSize"] = 100 } },
                        });
                """, usings: "using System.Collections.Generic;"), "IAC1003");
        }
    }
}
