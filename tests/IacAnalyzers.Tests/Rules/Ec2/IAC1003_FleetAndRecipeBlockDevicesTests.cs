using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Ec2;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Rules.Ec2.BlockDeviceChecks;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>
    /// IAC1003 on the block devices declared by Spot Fleet launch specifications, EC2 Fleet launch template overrides and
    /// Image Builder image and container recipes (templates; the C# L1 cases are in <see cref="IAC1003_FleetAndRecipeBlockDevicesCdkTests"/>).
    /// </summary>
    public class IAC1003_FleetAndRecipeBlockDevicesTests
    {
        /// <summary>What follows a Spot Fleet's name up to its LaunchSpecifications or LaunchTemplateConfigs (a <c>{{SpotFleetHead}}</c> line of a template).</summary>
        private const string SpotFleetHead = """
                Type: AWS::EC2::SpotFleet
                Properties:
                  SpotFleetRequestConfigData:
                    IamFleetRole: arn:aws:iam::123456789012:role/fleet
                    TargetCapacity: 2
            """;

        private readonly ViewBuilder v = new ViewBuilder();

        // ---- AWS::EC2::SpotFleet ----------------------------------------------------------------------------

        [Fact]
        public async Task Spot_fleet_launch_specification_device_without_Encrypted_is_flagged_at_its_Ebs_key_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Resources:
                  Fleet:
                {{SpotFleetHead}}
                        LaunchSpecifications:
                          - ImageId: ami-0123456789abcdef0
                            InstanceType: m5.large
                            BlockDeviceMappings:
                              - DeviceName: /dev/xvda
                                [|Ebs|]:
                                  VolumeSize: 50
                                  VolumeType: gp3
                """);
            AddsEncrypted(findings,
                "Block device '/dev/xvda' of a launch specification of Spot Fleet 'Fleet' is not encrypted " +
                "(Ebs.Encrypted is not set and defaults to false): set Encrypted to true in its Ebs settings");
        }

        [Fact]
        public async Task Every_launch_specification_is_read_and_only_its_unencrypted_new_volumes_are_flagged()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Fleet:
                    Type: AWS::EC2::SpotFleet
                    Properties:
                      SpotFleetRequestConfigData:
                        IamFleetRole: arn:aws:iam::123456789012:role/fleet
                        TargetCapacity: 4
                        LaunchSpecifications:
                          - ImageId: ami-0123456789abcdef0
                            InstanceType: m5.large
                            BlockDeviceMappings:
                              - DeviceName: /dev/xvda
                                Ebs: { VolumeSize: 50, Encrypted: true }
                              - DeviceName: /dev/sdb
                                VirtualName: ephemeral0
                          - ImageId: ami-0123456789abcdef0
                            InstanceType: c5.large
                            BlockDeviceMappings:
                              - DeviceName: /dev/xvda
                                Ebs: { VolumeSize: 50, Encrypted: [|false|] }
                              - DeviceName: /dev/sdf
                                Ebs: { SnapshotId: snap-0123456789abcdef0 }
                              - DeviceName: /dev/sdc
                                NoDevice: ""
                """);
        }

        [Fact]
        public async Task Spot_fleets_without_launch_specification_devices_are_not_flagged()
        {
            // A fleet of launch templates: the template (AWS::EC2::LaunchTemplate) is checked, and the spec gives Spot Fleet
            // overrides no block devices. A launch specification without mappings takes the image's (not visible here).
            await VerifyRuleAsync(Rule, $$"""
                Resources:
                  FromTemplates:
                {{SpotFleetHead}}
                        LaunchTemplateConfigs:
                          - LaunchTemplateSpecification: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }
                            Overrides:
                              - InstanceType: m5.large
                  FromImage:
                {{SpotFleetHead}}
                        LaunchSpecifications:
                          - ImageId: ami-0123456789abcdef0
                            InstanceType: m5.large
                """);
        }

        // ---- AWS::EC2::EC2Fleet -----------------------------------------------------------------------------

        [Fact]
        public async Task Instant_ec2_fleet_override_devices_are_checked_in_every_config_and_override()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Fleet:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: instant
                      TargetCapacitySpecification: { TotalTargetCapacity: 2 }
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }
                          Overrides:
                            - InstanceType: m5.large
                              BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { VolumeSize: 50, Encrypted: true }
                            - InstanceType: c5.large
                              BlockDeviceMappings:
                                - DeviceName: /dev/sdf
                                  Ebs: { VolumeSize: 100, Encrypted: [|false|] }
                        - LaunchTemplateSpecification: { LaunchTemplateId: lt-0fedcba9876543210, Version: "2" }
                          Overrides:
                            - InstanceType: r5.large
                              BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { Encrypted: [|false|] }
                """);
            Assert.All(findings, f => Assert.Contains("of a launch template override of EC2 Fleet 'Fleet'", f.FormatMessage(), StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_override_without_Encrypted_is_flagged_only_for_a_device_its_launch_template_does_not_map()
        {
            // EC2 API FleetBlockDeviceMappingRequest: an override of a device the launch template maps changes only the
            // parameters it writes (the rest keep the template's values); a new device name adds a mapping, whose
            // Encrypted defaults to false. A template outside the file, or a device name not known, is not guessed.
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateName: web
                      LaunchTemplateData:
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            Ebs: { VolumeSize: 30, Encrypted: true }
                  Bare:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        InstanceType: m5.large
                  Fleet:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: instant
                      TargetCapacitySpecification: { TotalTargetCapacity: 3 }
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { VolumeSize: 100 }
                                - DeviceName: /dev/sdf
                                  {|#0:Ebs|}: { VolumeSize: 100 }
                        - LaunchTemplateSpecification: { LaunchTemplateName: web, Version: "1" }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { VolumeSize: 100 }
                                - DeviceName: /dev/sdg
                                  {|#1:Ebs|}: { VolumeSize: 100 }
                        - LaunchTemplateSpecification: { LaunchTemplateId: !Ref Bare, Version: "1" }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  {|#2:Ebs|}: { VolumeSize: 100 }
                        - LaunchTemplateSpecification: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/sdh
                                  Ebs: { VolumeSize: 100 }
                                - DeviceName: !Ref DeviceName
                                  Ebs: { VolumeSize: 100 }
                """, "template.yaml",
                Reported(Rule).WithLocation(0).WithArguments("Block device '/dev/sdf' of a launch template override of EC2 Fleet 'Fleet'", " (Ebs.Encrypted is not set and defaults to false)"),
                Reported(Rule).WithLocation(1).WithArguments("Block device '/dev/sdg' of a launch template override of EC2 Fleet 'Fleet'", " (Ebs.Encrypted is not set and defaults to false)"),
                Reported(Rule).WithLocation(2).WithArguments("Block device '/dev/xvda' of a launch template override of EC2 Fleet 'Fleet'", " (Ebs.Encrypted is not set and defaults to false)"));
            Assert.All(findings, f => Assert.NotNull(f.Fix));
        }

        [Fact]
        public async Task Ec2_fleets_of_another_type_are_not_checked_and_an_unknown_or_one_of_type_is()
        {
            // AWS supports block device mappings in overrides for instant fleets only; Type defaults to maintain.
            const string overrides = """
                      TargetCapacitySpecification: { TotalTargetCapacity: 1 }
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { VolumeSize: 50, Encrypted: false }
                """;
            var flagged = Edited(overrides, ("Encrypted: false", "Encrypted: [|false|]"));
            var findings = await VerifyRuleAsync(Rule, $$"""
                Parameters:
                  FleetType:
                    Type: String
                Conditions:
                  Now: !Equals [!Ref AWS::StackName, now]
                Resources:
                  Maintained:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                {{overrides}}
                  Requested:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: request
                {{overrides}}
                  Given:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: !Ref FleetType
                {{flagged}}
                  Either:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: !If [Now, instant, maintain]
                {{flagged}}
                """);
            Assert.Equal(2, findings.Count);
        }

        // ---- AWS::ImageBuilder::ImageRecipe / ContainerRecipe ------------------------------------------------

        [Fact]
        public async Task Image_recipe_devices_are_checked_and_devices_the_recipe_removes_or_restores_are_not()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Recipe:
                    Type: AWS::ImageBuilder::ImageRecipe
                    Properties:
                      Name: web
                      Version: 1.0.0
                      ParentImage: arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x
                      Components:
                        - ComponentArn: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          [|Ebs|]:
                            VolumeSize: 30
                            VolumeType: gp3
                            DeleteOnTermination: true
                        - DeviceName: /dev/sdf
                          Ebs: { VolumeSize: 100, Encrypted: true, KmsKeyId: alias/images }
                        - DeviceName: /dev/sdg
                          NoDevice: ""
                        - DeviceName: /dev/sdh
                          Ebs: { SnapshotId: snap-0123456789abcdef0 }
                  Plain:
                    Type: AWS::ImageBuilder::ImageRecipe
                    Properties:
                      Name: plain
                      Version: 1.0.0
                      ParentImage: ami-0123456789abcdef0
                      Components:
                        - ComponentArn: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x
                """);
            Assert.StartsWith("Block device '/dev/xvda' of Image Builder image recipe 'Recipe' is not encrypted", Assert.Single(findings).FormatMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Container_recipe_build_instance_devices_are_read_under_InstanceConfiguration()
        {
            // The recipe's own KmsKeyId encrypts the container image, not the build instance's volumes.
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Recipe:
                    Type: AWS::ImageBuilder::ContainerRecipe
                    Properties:
                      Name: app
                      Version: 1.0.0
                      ContainerType: DOCKER
                      ParentImage: amazonlinux:latest
                      KmsKeyId: alias/images
                      TargetRepository: { Service: ECR, RepositoryName: app }
                      Components:
                        - ComponentArn: arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x
                      InstanceConfiguration:
                        Image: ami-0123456789abcdef0
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            Ebs:
                              VolumeSize: 50
                              Encrypted: [|false|]
                  Default:
                    Type: AWS::ImageBuilder::ContainerRecipe
                    Properties:
                      Name: default
                      Version: 1.0.0
                      ContainerType: DOCKER
                      ParentImage: amazonlinux:latest
                      TargetRepository: { Service: ECR, RepositoryName: app }
                      InstanceConfiguration:
                        Image: ami-0123456789abcdef0
                """);
            Assert.StartsWith("Block device '/dev/xvda' of the build instance of Image Builder container recipe 'Recipe' is not encrypted (Encrypted is false)", Assert.Single(findings).FormatMessage(), StringComparison.Ordinal);
        }

        // ---- unknown, one-of, JSON ---------------------------------------------------------------------------

        [Fact]
        public async Task Unknown_values_at_any_level_are_not_flagged()
        {
            await VerifyRuleAsync(Rule, $$"""
                Parameters:
                  Encrypt:
                    Type: String
                Resources:
                  Specs:
                {{SpotFleetHead}}
                        LaunchSpecifications: !Ref Specifications
                  Devices:
                {{SpotFleetHead}}
                        LaunchSpecifications:
                          - ImageId: ami-0123456789abcdef0
                            BlockDeviceMappings: !Ref Mappings
                          - !Ref AnotherSpecification
                  Fleet:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: instant
                      TargetCapacitySpecification: { TotalTargetCapacity: 1 }
                      LaunchTemplateConfigs: !Ref Configs
                  Recipe:
                    Type: AWS::ImageBuilder::ImageRecipe
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs: { VolumeSize: 30, Encrypted: !Ref Encrypt }
                  Container:
                    Type: AWS::ImageBuilder::ContainerRecipe
                    Properties:
                      InstanceConfiguration: !Ref Instance
                """);
        }

        [Fact]
        public async Task Fn_If_on_a_launch_specification_names_the_branch_and_offers_no_fix()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Fleet:
                {{SpotFleetHead}}
                        LaunchSpecifications:
                          - !If
                            - IsProd
                            - ImageId: ami-0123456789abcdef0
                              BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  Ebs: { Encrypted: true }
                            - ImageId: ami-0123456789abcdef0
                              BlockDeviceMappings:
                                - DeviceName: /dev/xvda
                                  [|Ebs|]: { VolumeSize: 8 }
                """);
            var finding = Assert.Single(findings);
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'IsProd' is false; Ebs.Encrypted is not set and defaults to false)", finding.FormatMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void One_of_at_the_recipe_mapping_list_flags_the_bad_branch_only()
        {
            var view = v.Resource(IAC1003_Ec2BlockDeviceNotEncrypted.ContainerRecipe, "Recipe",
                v.M(("InstanceConfiguration", v.M(("BlockDeviceMappings", SecureOrNot(v, "/dev/xvda"))))));
            OnlyTheFalseBranch(ViewBuilder.Run(Rule, view));
        }

        [Fact]
        public async Task Json_fleets_and_recipes_are_flagged_at_the_same_places()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Spot": {
                      "Type": "AWS::EC2::SpotFleet",
                      "Properties": {
                        "SpotFleetRequestConfigData": {
                          "IamFleetRole": "arn:aws:iam::123456789012:role/fleet",
                          "TargetCapacity": 2,
                          "LaunchSpecifications": [
                            { "ImageId": "ami-0123456789abcdef0", "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", [|"Ebs"|]: { "VolumeSize": 50 } } ] }
                          ]
                        }
                      }
                    },
                    "Fleet": {
                      "Type": "AWS::EC2::EC2Fleet",
                      "Properties": {
                        "Type": "instant",
                        "TargetCapacitySpecification": { "TotalTargetCapacity": 1 },
                        "LaunchTemplateConfigs": [
                          {
                            "LaunchTemplateSpecification": { "LaunchTemplateId": "lt-0123456789abcdef0", "Version": "1" },
                            "Overrides": [ { "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", "Ebs": { "Encrypted": [|false|] } } ] } ]
                          }
                        ]
                      }
                    },
                    "Recipe": {
                      "Type": "AWS::ImageBuilder::ImageRecipe",
                      "Properties": {
                        "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", [|"Ebs"|]: { "VolumeSize": 30 } } ]
                      }
                    },
                    "Container": {
                      "Type": "AWS::ImageBuilder::ContainerRecipe",
                      "Properties": {
                        "InstanceConfiguration": {
                          "BlockDeviceMappings": [
                            { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 30, "Encrypted": true } },
                            { "DeviceName": "/dev/sdf", "Ebs": { "Encrypted": [|"false"|] } }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "template.json");
        }

        // ---- fixes ----------------------------------------------------------------------------------------------

        [Fact]
        public Task Missing_and_false_Encrypted_are_fixed_in_each_shape_and_fix_all_fixes_every_device()
        {
            const string before = $$"""
                Resources:
                  Fleet:
                {{SpotFleetHead}}
                        LaunchSpecifications:
                          - ImageId: ami-0123456789abcdef0
                            BlockDeviceMappings:
                              - DeviceName: /dev/xvda
                                [|Ebs|]:
                                  VolumeSize: 50
                  Instant:
                    Type: AWS::EC2::EC2Fleet
                    Properties:
                      Type: instant
                      TargetCapacitySpecification: { TotalTargetCapacity: 1 }
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: { LaunchTemplateId: lt-0123456789abcdef0, Version: "1" }
                          Overrides:
                            - BlockDeviceMappings:
                                - DeviceName: /dev/sdf
                                  Ebs: { VolumeSize: 100, Encrypted: [|false|] }
                  Recipe:
                    Type: AWS::ImageBuilder::ImageRecipe
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          [|Ebs|]: { VolumeSize: 30 }
                  Container:
                    Type: AWS::ImageBuilder::ContainerRecipe
                    Properties:
                      InstanceConfiguration:
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            [|Ebs|]:
                              VolumeType: gp3
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(Unmarked(before),
                ("VolumeSize: 50", "VolumeSize: 50\nEncrypted: true"),
                ("Encrypted: false }", "Encrypted: true }"),
                ("{ VolumeSize: 30 }", "{ VolumeSize: 30, Encrypted: true }"),
                ("VolumeType: gp3", "VolumeType: gp3\nEncrypted: true")));
        }

        [Fact]
        public Task Json_container_recipe_device_gets_Encrypted_in_its_Ebs_object()
        {
            const string before = """
                {
                  "Resources": {
                    "Container": {
                      "Type": "AWS::ImageBuilder::ContainerRecipe",
                      "Properties": {
                        "InstanceConfiguration": {
                          "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", [|"Ebs"|]: { "VolumeSize": 30 } } ]
                        }
                      }
                    }
                  }
                }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(Unmarked(before), ("\"VolumeSize\": 30 }", "\"VolumeSize\": 30, \"Encrypted\": true }")), "template.json");
        }
    }
}
