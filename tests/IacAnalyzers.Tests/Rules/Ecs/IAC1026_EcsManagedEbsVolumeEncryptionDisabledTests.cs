using System;
using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Ecs;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ecs
{
    /// <summary>IAC1026 on templates (YAML and JSON) and its template fix.</summary>
    public class IAC1026_EcsManagedEbsVolumeEncryptionDisabledTests
    {
        private static readonly IAC1026_EcsManagedEbsVolumeEncryptionDisabled Rule = new IAC1026_EcsManagedEbsVolumeEncryptionDisabled();

        [Fact]
        public async Task Yaml_Encrypted_false_is_flagged_at_the_value_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Api:
                    Type: AWS::ECS::Service
                    Properties:
                      Cluster: !Ref Cluster
                      TaskDefinition: !Ref Task
                      VolumeConfigurations:
                        - Name: data
                          ManagedEBSVolume:
                            RoleArn: !GetAtt EcsInfrastructureRole.Arn
                            SizeInGiB: 20
                            Encrypted: [|false|]
                """);
            var finding = Assert.Single(findings);
            Assert.Equal(
                "EBS volume 'data' that ECS service 'Api' manages is not encrypted (ManagedEBSVolume.Encrypted is false): remove Encrypted " +
                "or set it to true (with KmsKeyId for a customer managed key); ECS creates a new volume for each task, so it applies at the next deployment",
                finding.FormatMessage());
            Assert.Equal("true", Assert.IsType<SetPropertyFix>(finding.Fix).Value);
        }

        [Fact]
        public async Task Yaml_a_false_branch_is_flagged_and_missing_true_NoValue_and_unknown_are_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                Conditions:
                  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
                Resources:
                  Api:
                    Type: AWS::ECS::Service
                    Properties:
                      VolumeConfigurations:
                        - Name: default
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            SizeInGiB: 20
                        - Name: explicit
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: true
                        - Name: removed
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: !Ref AWS::NoValue
                        - Name: unknown
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: !Ref Encrypt
                        - Name: branch
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: !If [Prod, true, [|false|]]
                  NoVolumes:
                    Type: AWS::ECS::Service
                    Properties:
                      DesiredCount: 2
                """);
            var finding = Assert.Single(findings);
            Assert.Contains("EBS volume 'branch' that ECS service 'Api' manages is not encrypted (when condition 'Prod' is false; ManagedEBSVolume.Encrypted is false)", finding.FormatMessage(), StringComparison.Ordinal);
            Assert.Null(finding.Fix);
        }

        [Fact]
        public async Task Json_Encrypted_false_is_flagged()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Api": {
                      "Type": "AWS::ECS::Service",
                      "Properties": {
                        "VolumeConfigurations": [
                          { "Name": "data", "ManagedEBSVolume": { "RoleArn": "arn:aws:iam::111122223333:role/ecs-infra", "Encrypted": [|false|] } },
                          { "Name": "logs", "ManagedEBSVolume": { "RoleArn": "arn:aws:iam::111122223333:role/ecs-infra" } }
                        ]
                      }
                    }
                  }
                }
                """, "service.json");
        }

        [Fact]
        public async Task Yaml_false_is_replaced_by_true()
        {
            await VerifyFixAsync("IAC1026", """
                Resources:
                  Api:
                    Type: AWS::ECS::Service
                    Properties:
                      VolumeConfigurations:
                        - Name: data
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: [|false|]
                """, """
                Resources:
                  Api:
                    Type: AWS::ECS::Service
                    Properties:
                      VolumeConfigurations:
                        - Name: data
                          ManagedEBSVolume:
                            RoleArn: arn:aws:iam::111122223333:role/ecs-infra
                            Encrypted: true
                """, "service.yaml");
        }
    }
}
