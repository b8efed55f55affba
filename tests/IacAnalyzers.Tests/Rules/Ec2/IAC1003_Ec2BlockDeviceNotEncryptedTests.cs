using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Ec2;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Rules.Ec2.BlockDeviceChecks;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    public class IAC1003_Ec2BlockDeviceNotEncryptedTests
    {
        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Instance_block_device_without_Encrypted_is_flagged_at_its_Ebs_key_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0123456789abcdef0
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          [|Ebs|]:
                            VolumeSize: 50
                """);
            AddsEncrypted(findings,
                "Block device '/dev/xvda' of EC2 instance 'Web' is not encrypted (Ebs.Encrypted is not set and defaults to false): " +
                "set Encrypted to true in its Ebs settings");
        }

        [Fact]
        public void The_fix_targets_the_Ebs_map_of_the_flagged_device()
        {
            const string yaml = """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs: { VolumeSize: 50 }
                """;
            var fix = Assert.IsType<SetPropertyFix>(Assert.Single(ViewBuilder.Run(Rule, ViewBuilder.FromTemplate(yaml))).Fix);
            Assert.StartsWith("{ VolumeSize: 50 }", yaml.Substring(fix.Container.Start), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Only_the_unencrypted_devices_are_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            VolumeSize: 50
                            Encrypted: true
                        - DeviceName: /dev/sdf
                          Ebs:
                            VolumeSize: 500
                            Encrypted: [|false|]
                        - DeviceName: /dev/sdb
                          VirtualName: ephemeral0
                        - DeviceName: /dev/sdc
                          NoDevice: {}
                        - DeviceName: /dev/sdg
                          Ebs:
                            SnapshotId: snap-0123456789abcdef0
                """);
            Assert.Contains("Block device '/dev/sdf' of EC2 instance 'Web'", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Launch_template_block_devices_are_read_under_LaunchTemplateData()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        ImageId: ami-0123456789abcdef0
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            [|Ebs|]:
                              VolumeSize: 50
                          - DeviceName: /dev/sdf
                            Ebs:
                              Encrypted: true
                """);
            Assert.StartsWith("Block device '/dev/xvda' of launch template 'Template'", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Launch_configuration_block_devices_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Config:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties:
                      ImageId: ami-0123456789abcdef0
                      InstanceType: t3.micro
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            VolumeSize: 20
                            Encrypted: [|"false"|]
                  Good:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties:
                      ImageId: ami-0123456789abcdef0
                      InstanceType: t3.micro
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            Encrypted: true
                """);
        }

        [Fact]
        public async Task Resources_without_block_device_mappings_are_not_flagged()
        {
            // Their volumes come from the image: its encryption is not visible in the template (see the rule's doc).
            await VerifyRuleAsync(Rule, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0123456789abcdef0
                  Bare:
                    Type: AWS::EC2::Instance
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        ImageId: ami-0123456789abcdef0
                """);
        }

        [Fact]
        public async Task Unknown_mappings_and_unknown_flags_are_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings: !Ref Mappings
                  Other:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            Encrypted: !Ref Encrypt
                        - !Ref AnotherMapping
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData: !Ref Data
                """);
        }

        [Fact]
        public async Task A_device_without_a_name_is_still_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - [|Ebs|]: { VolumeSize: 8 }
                """);
            Assert.StartsWith("Block device of EC2 instance 'Web'", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_instance_and_launch_template_are_flagged_at_the_same_places()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Web": {
                      "Type": "AWS::EC2::Instance",
                      "Properties": {
                        "BlockDeviceMappings": [
                          { "DeviceName": "/dev/xvda", [|"Ebs"|]: { "VolumeSize": 50 } },
                          { "DeviceName": "/dev/sdf", "Ebs": { "Encrypted": true } }
                        ]
                      }
                    },
                    "Template": {
                      "Type": "AWS::EC2::LaunchTemplate",
                      "Properties": {
                        "LaunchTemplateData": {
                          "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", "Ebs": { "Encrypted": [|false|] } } ]
                        }
                      }
                    }
                  }
                }
                """, "template.json");
        }

        [Fact]
        public async Task Fn_If_in_a_template_flags_the_unencrypted_branch_and_NoValue_devices_are_skipped()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            Encrypted: !If [IsProd, true, [|false|]]
                        - !If
                          - IsProd
                          - DeviceName: /dev/sdf
                            Ebs: { Encrypted: true }
                          - !Ref AWS::NoValue
                """);
            Assert.Contains("IsProd", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void One_of_at_the_mapping_list_names_the_branch_and_offers_no_fix()
        {
            var unencrypted = v.L(v.M(("DeviceName", v.S("/dev/xvda", at: 52)), ("Ebs", v.M(("VolumeSize", v.S("8", at: 62))))));
            var encrypted = v.L(v.M(("Ebs", v.M(("Encrypted", v.B(true, at: 82))))));
            var view = v.Resource(IAC1003_Ec2BlockDeviceNotEncrypted.Instance, "Web",
                v.M(("BlockDeviceMappings", v.If("Secure", encrypted, unencrypted, at: 40))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'Secure' is false; Ebs.Encrypted is not set and defaults to false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void One_of_at_the_flag_flags_the_false_branch()
        {
            var ebs = v.M(("Encrypted", v.If("Secure", v.B(true, at: 70), v.B(false, at: 75), at: 65)));
            var view = v.Resource(IAC1003_Ec2BlockDeviceNotEncrypted.LaunchConfiguration, "Config",
                v.M(("BlockDeviceMappings", v.L(v.M(("Ebs", ebs))))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(75, finding.Location.Start);
            Assert.Contains("launch configuration 'Config'", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_Ebs_Encrypted_is_added_inside_the_device_and_fix_all_fixes_every_device() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          [|Ebs|]:
                            VolumeSize: 50
                        - DeviceName: /dev/sdf
                          Ebs: { VolumeSize: 500, Encrypted: [|false|] }
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            [|Ebs|]:
                              VolumeType: gp3
                """, """
                Resources:
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      BlockDeviceMappings:
                        - DeviceName: /dev/xvda
                          Ebs:
                            VolumeSize: 50
                            Encrypted: true
                        - DeviceName: /dev/sdf
                          Ebs: { VolumeSize: 500, Encrypted: true }
                  Template:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        BlockDeviceMappings:
                          - DeviceName: /dev/xvda
                            Ebs:
                              VolumeType: gp3
                              Encrypted: true
                """);

        [Fact]
        public Task Json_device_gets_Encrypted_in_its_Ebs_object() =>
            VerifyFixAsync(Rule.Info.Id, """
                {
                  "Resources": {
                    "Config": {
                      "Type": "AWS::AutoScaling::LaunchConfiguration",
                      "Properties": {
                        "BlockDeviceMappings": [
                          { "DeviceName": "/dev/xvda", [|"Ebs"|]: { "VolumeSize": 20 } }
                        ]
                      }
                    }
                  }
                }
                """, """
                {
                  "Resources": {
                    "Config": {
                      "Type": "AWS::AutoScaling::LaunchConfiguration",
                      "Properties": {
                        "BlockDeviceMappings": [
                          { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 20, "Encrypted": true } }
                        ]
                      }
                    }
                  }
                }
                """, "template.json");
    }
}
