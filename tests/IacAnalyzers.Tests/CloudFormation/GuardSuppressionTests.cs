using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Suppressions written for AWS CloudFormation Guard (<c>Metadata.guard.SuppressedRules</c>) are honoured for the
    /// rules whose catalog entry lists the Guard rule as an equivalent, and only for those.
    /// </summary>
    public class GuardSuppressionTests
    {
        [Fact]
        public async Task Yaml_guard_suppression_of_the_equivalent_rule_silences_only_that_rule()
        {
            await new VerifyTemplate.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("sg.yaml", """
                            Resources:
                              Bastion:
                                Type: AWS::EC2::SecurityGroup
                                Metadata:
                                  guard:
                                    SuppressedRules:
                                      - INCOMING_SSH_DISABLED
                                Properties:
                                  GroupDescription: bastion
                                  SecurityGroupIngress:
                                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
                                    - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: {|IAC1102:0.0.0.0/0|} }
                              Other:
                                Type: AWS::EC2::SecurityGroup
                                Metadata:
                                  guard:
                                    SuppressedRules: [ S3_BUCKET_LOGGING_ENABLED, LAMBDA_INSIDE_VPC ]
                                Properties:
                                  GroupDescription: other
                                  SecurityGroupIngress:
                                    - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: {|IAC1101:0.0.0.0/0|} }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public async Task Json_guard_suppression_of_storage_encryption_keeps_the_multi_az_finding()
        {
            await new VerifyTemplate.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("db.json", """
                            {
                              "Resources": {
                                {|IAC2001:"Db"|}: {
                                  "Type": "AWS::RDS::DBInstance",
                                  "Metadata": { "guard": { "SuppressedRules": [ "RDS_STORAGE_ENCRYPTED" ] } },
                                  "Properties": { "Engine": "postgres", "StorageEncrypted": false }
                                },
                                "Standby": {
                                  "Type": "AWS::RDS::DBInstance",
                                  "Metadata": { "guard": { "SuppressedRules": [ "RDS_MULTI_AZ_SUPPORT", "RDS_STORAGE_ENCRYPTED" ] } },
                                  "Properties": { "Engine": "postgres", "StorageEncrypted": false }
                                }
                              }
                            }
                            """),
                    },
                },
            }.RunAsync();
        }

        [Fact]
        public void Guard_equivalents_are_upper_case_rule_names()
        {
            foreach (var rule in RuleCatalog.All)
            {
                foreach (var peer in rule.Equivalents)
                {
                    if (peer.Tool == PeerTools.Guard)
                    {
                        Assert.Matches("^[A-Z][A-Z0-9_]+$", peer.Id);
                    }
                }
            }
        }
    }
}
