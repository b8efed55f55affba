using System;
using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Ec2;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Rules.Ec2.BlockDeviceChecks;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>
    /// IAC1003 on the EBS devices of WorkSpaces Instances workspace instances (<c>ManagedInstance.BlockDeviceMappings</c>)
    /// and of AgentCore capacity providers (ephemeral volumes of the launch parameters, <c>RootVolume</c>, persistent
    /// <c>Volumes</c>). Templates only: aws-cdk-lib 2.160.0 has no <c>Cfn*</c> class for either type.
    /// </summary>
    public class IAC1003_WorkspacesAndAgentCoreBlockDevicesTests
    {
        /// <summary>What follows a workspace instance's name up to its BlockDeviceMappings (a <c>{{WorkspaceInstanceHead}}</c> line of a template).</summary>
        private const string WorkspaceInstanceHead = """
                Type: AWS::WorkspacesInstances::WorkspaceInstance
                Properties:
                  ManagedInstance:
                    ImageId: ami-0123456789abcdef0
                    InstanceType: m5.large
            """;

        /// <summary>What follows a capacity provider's name up to the members of its Ec2Configuration (a <c>{{CapacityProviderHead}}</c> line of a template).</summary>
        private const string CapacityProviderHead = """
                Type: AWS::BedrockAgentCore::CapacityProvider
                Properties:
                  ComputeConfiguration:
                    Ec2Configuration:
            """;

        private readonly ViewBuilder v = new ViewBuilder();

        // ---- AWS::WorkspacesInstances::WorkspaceInstance ---------------------------------------------------------

        [Fact]
        public async Task Workspace_instance_device_without_Encrypted_is_flagged_at_its_Ebs_key_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Resources:
                  Desk:
                {{WorkspaceInstanceHead}}
                        BlockDeviceMappings:
                          - DeviceName: /dev/sda1
                            [|Ebs|]:
                              VolumeSize: 100
                              VolumeType: gp3
                """);
            AddsEncrypted(findings,
                "Block device '/dev/sda1' of WorkSpaces Instances workspace instance 'Desk' is not encrypted " +
                "(Ebs.Encrypted is not set, and EBS creates a new volume unencrypted): set Encrypted to true in its Ebs settings");
        }

        [Fact]
        public async Task Workspace_instance_false_is_flagged_and_encrypted_instance_store_and_unmapped_instances_are_not()
        {
            await VerifyRuleAsync(Rule, $$"""
                Resources:
                  Desk:
                {{WorkspaceInstanceHead}}
                        BlockDeviceMappings:
                          - DeviceName: /dev/sda1
                            Ebs: { VolumeSize: 100, Encrypted: true, KmsKeyId: alias/desk }
                          - DeviceName: /dev/sdf
                            Ebs: { VolumeSize: 200, Encrypted: [|false|] }
                          - DeviceName: /dev/sdb
                            VirtualName: ephemeral0
                          - DeviceName: /dev/sdc
                            NoDevice: ""
                  FromImage:
                {{WorkspaceInstanceHead}}
                  Empty:
                    Type: AWS::WorkspacesInstances::WorkspaceInstance
                """);
        }

        // ---- AWS::BedrockAgentCore::CapacityProvider -------------------------------------------------------------

        [Fact]
        public async Task Capacity_provider_ephemeral_volumes_are_read_as_block_device_mappings()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Capacity:
                    Type: AWS::BedrockAgentCore::CapacityProvider
                    Properties:
                      Name: agents
                      PermissionsConfiguration: {}
                      ComputeConfiguration:
                        Ec2Configuration:
                          VpcConfiguration: { Subnets: [subnet-1], SecurityGroups: [sg-1] }
                          LaunchTemplateSource:
                            LaunchParameters:
                              OperatingSystem: LINUX_X86_64
                              InstanceRequirements: { AllowedInstanceTypes: [m5.large] }
                              EphemeralVolumes:
                                - DeviceName: /dev/sdh
                                  [|Ebs|]: { VolumeSize: 50 }
                                - DeviceName: /dev/sdi
                                  Ebs: { VolumeSize: 50, Encrypted: [|false|] }
                                - DeviceName: /dev/sdj
                                  Ebs: { VolumeSize: 50, Encrypted: true }
                                - DeviceName: /dev/sdk
                                  Ebs: { SnapshotId: snap-0123456789abcdef0 }
                                - DeviceName: /dev/sdb
                                  VirtualName: ephemeral0
                """);
            Assert.Equal(
                "Block device '/dev/sdh' of the instances of AgentCore capacity provider 'Capacity' is not encrypted " +
                "(Ebs.Encrypted is not set, and EBS creates a new volume unencrypted): set Encrypted to true in its Ebs settings",
                findings[0].FormatMessage());
        }

        [Fact]
        public async Task A_declared_root_volume_without_Encrypted_is_flagged_at_its_key_and_an_undeclared_one_is_not()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Resources:
                  Declared:
                {{CapacityProviderHead}}
                          [|RootVolume|]:
                            FreeSpaceGiB: 20
                  False:
                {{CapacityProviderHead}}
                          RootVolume: { FreeSpaceGiB: 20, Encrypted: [|false|] }
                  Encrypted:
                {{CapacityProviderHead}}
                          RootVolume: { FreeSpaceGiB: 20, Encrypted: true, KmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555 }
                  ServiceDefault:
                {{CapacityProviderHead}}
                          VpcConfiguration: { Subnets: [subnet-1], SecurityGroups: [sg-1] }
                """);
            Assert.Equal(2, findings.Count);
            Assert.Equal(
                "The root volume of AgentCore capacity provider 'Declared' is not encrypted " +
                "(RootVolume.Encrypted is not set, and EBS creates a new volume unencrypted): set Encrypted to true in its Ebs settings",
                findings[0].FormatMessage());
            Assert.IsType<SetPropertyFix>(findings[0].Fix);
        }

        [Fact]
        public async Task Persistent_volumes_are_flagged_only_when_Encrypted_is_written_false_as_AWS_encrypts_them_by_default()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Capacity:
                {{CapacityProviderHead}}
                          Volumes:
                            - EbsConfiguration: { Name: cache, SizeGiB: 10 }
                            - EbsConfiguration: { Name: data, SizeGiB: 10, Encrypted: true }
                            - EbsConfiguration: { Name: scratch, SizeGiB: 10, Encrypted: [|false|] }
                            - EbsConfiguration: { Name: restored, SizeGiB: 10, Encrypted: false, SnapshotId: snap-0123456789abcdef0 }
                            - EbsConfiguration: { Name: optional, SizeGiB: 10, Encrypted: !If [IsProd, true, !Ref AWS::NoValue] }
                """);
            var finding = Assert.Single(findings);
            Assert.StartsWith("Persistent volume 'scratch' of AgentCore capacity provider 'Capacity' is not encrypted", finding.FormatMessage(), StringComparison.Ordinal);
            Assert.IsType<SetPropertyFix>(finding.Fix);
        }

        // ---- unknown, one-of, JSON ---------------------------------------------------------------------------

        [Fact]
        public async Task Unknown_values_at_any_level_are_not_flagged()
        {
            await VerifyRuleAsync(Rule, $$"""
                Parameters:
                  Encrypt:
                    Type: String
                  Mappings:
                    Type: CommaDelimitedList
                Resources:
                  Managed:
                    Type: AWS::WorkspacesInstances::WorkspaceInstance
                    Properties:
                      ManagedInstance: !Ref Instance
                  Devices:
                {{WorkspaceInstanceHead}}
                        BlockDeviceMappings:
                          - DeviceName: /dev/sda1
                            Ebs: { Encrypted: !Ref Encrypt }
                          - !Ref AnotherMapping
                  Compute:
                    Type: AWS::BedrockAgentCore::CapacityProvider
                    Properties:
                      ComputeConfiguration: !Ref Configuration
                  Parts:
                {{CapacityProviderHead}}
                          RootVolume: { Encrypted: !Ref Encrypt }
                          Volumes: !Ref Mappings
                          LaunchTemplateSource:
                            LaunchParameters:
                              EphemeralVolumes:
                                - DeviceName: /dev/sdh
                                  Ebs: { Encrypted: !Ref Encrypt }
                  Items:
                {{CapacityProviderHead}}
                          RootVolume: !Ref Root
                          Volumes:
                            - EbsConfiguration: { Name: data, SizeGiB: 10, Encrypted: !Ref Encrypt }
                            - !Ref AnotherVolume
                """);
        }

        [Fact]
        public async Task Fn_If_names_the_bad_branch_and_offers_no_fix()
        {
            var findings = await VerifyRuleAsync(Rule, $$"""
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Desk:
                {{WorkspaceInstanceHead}}
                        BlockDeviceMappings:
                          - !If
                            - IsProd
                            - DeviceName: /dev/sda1
                              Ebs: { Encrypted: true }
                            - DeviceName: /dev/sda1
                              [|Ebs|]: { VolumeSize: 8 }
                  Capacity:
                {{CapacityProviderHead}}
                          RootVolume: { Encrypted: !If [IsProd, true, [|false|]] }
                          Volumes:
                            - EbsConfiguration: { Name: data, SizeGiB: 10, Encrypted: !If [IsProd, true, [|false|]] }
                """);
            Assert.Equal(3, findings.Count);
            Assert.All(findings, f =>
            {
                Assert.Null(f.Fix);
                Assert.Contains("when condition 'IsProd' is false", f.FormatMessage(), StringComparison.Ordinal);
            });
        }

        [Fact]
        public void One_of_at_the_ephemeral_volume_list_flags_the_bad_branch_only()
        {
            var parameters = v.M(("EphemeralVolumes", SecureOrNot(v, "/dev/sdh")));
            var view = v.Resource(IAC1003_Ec2BlockDeviceNotEncrypted.CapacityProvider, "Capacity",
                v.M(("ComputeConfiguration", v.M(("Ec2Configuration", v.M(("LaunchTemplateSource", v.M(("LaunchParameters", parameters)))))))));
            OnlyTheFalseBranch(ViewBuilder.Run(Rule, view));
        }

        [Fact]
        public async Task Json_workspace_instances_and_capacity_providers_are_flagged_at_the_same_places()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Desk": {
                      "Type": "AWS::WorkspacesInstances::WorkspaceInstance",
                      "Properties": {
                        "ManagedInstance": {
                          "ImageId": "ami-0123456789abcdef0",
                          "InstanceType": "m5.large",
                          "BlockDeviceMappings": [
                            { "DeviceName": "/dev/sda1", [|"Ebs"|]: { "VolumeSize": 100 } },
                            { "DeviceName": "/dev/sdf", "Ebs": { "Encrypted": [|"false"|] } },
                            { "DeviceName": "/dev/sdg", "Ebs": { "Encrypted": true } }
                          ]
                        }
                      }
                    },
                    "Capacity": {
                      "Type": "AWS::BedrockAgentCore::CapacityProvider",
                      "Properties": {
                        "ComputeConfiguration": {
                          "Ec2Configuration": {
                            [|"RootVolume"|]: { "FreeSpaceGiB": 20 },
                            "Volumes": [
                              { "EbsConfiguration": { "Name": "cache", "SizeGiB": 10 } },
                              { "EbsConfiguration": { "Name": "scratch", "SizeGiB": 10, "Encrypted": [|false|] } }
                            ],
                            "LaunchTemplateSource": {
                              "LaunchParameters": {
                                "EphemeralVolumes": [ { "DeviceName": "/dev/sdh", [|"Ebs"|]: { "VolumeSize": 50 } } ]
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
                """, "template.json");
        }

        // ---- fixes ----------------------------------------------------------------------------------------------

        [Fact]
        public Task Missing_and_false_Encrypted_are_fixed_in_each_shape()
        {
            const string before = $$"""
                Resources:
                  Desk:
                {{WorkspaceInstanceHead}}
                        BlockDeviceMappings:
                          - DeviceName: /dev/sda1
                            [|Ebs|]:
                              VolumeSize: 100
                  Capacity:
                {{CapacityProviderHead}}
                          [|RootVolume|]:
                            FreeSpaceGiB: 20
                          Volumes:
                            - EbsConfiguration: { Name: scratch, SizeGiB: 10, Encrypted: [|false|] }
                          LaunchTemplateSource:
                            LaunchParameters:
                              EphemeralVolumes:
                                - DeviceName: /dev/sdh
                                  [|Ebs|]: { VolumeSize: 50 }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(Unmarked(before),
                ("VolumeSize: 100", "VolumeSize: 100\nEncrypted: true"),
                ("FreeSpaceGiB: 20", "FreeSpaceGiB: 20\nEncrypted: true"),
                ("Encrypted: false }", "Encrypted: true }"),
                ("{ VolumeSize: 50 }", "{ VolumeSize: 50, Encrypted: true }")));
        }

        [Fact]
        public Task Json_root_volume_gets_Encrypted_in_its_object()
        {
            const string before = """
                {
                  "Resources": {
                    "Capacity": {
                      "Type": "AWS::BedrockAgentCore::CapacityProvider",
                      "Properties": {
                        "ComputeConfiguration": { "Ec2Configuration": { [|"RootVolume"|]: { "FreeSpaceGiB": 20 } } }
                      }
                    }
                  }
                }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(Unmarked(before), ("\"FreeSpaceGiB\": 20 }", "\"FreeSpaceGiB\": 20, \"Encrypted\": true }")), "template.json");
        }
    }
}
