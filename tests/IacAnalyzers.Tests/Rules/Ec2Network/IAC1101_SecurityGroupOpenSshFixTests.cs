using System.Threading.Tasks;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>IAC1101/IAC1102 template fixes: the world CIDR becomes a Ref to a new parameter without a default.</summary>
    public class IAC1101_SecurityGroupOpenSshFixTests
    {
        [Fact]
        public Task Yaml_world_cidr_is_replaced_by_a_new_parameter_keeping_comments_and_layout()
        {
            var before = """
                AWSTemplateFormatVersion: "2010-09-09"
                # Bastion for the ops team
                Resources:
                  BastionSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: bastion
                      SecurityGroupIngress:
                        -   IpProtocol: tcp     # odd indentation on purpose
                            FromPort: 22
                            ToPort: 22
                            CidrIp: [|0.0.0.0/0|]   # TODO restrict
                """;
            return VerifyFixAsync("IAC1101", before, Edited(before,
                ("# Bastion for the ops team", """
                    # Bastion for the ops team
                    Parameters:
                      SshIngressCidr:
                        Type: String
                        Description: 'CIDR block allowed to reach SSH (TCP port 22)'
                        AllowedPattern: '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$'
                        ConstraintDescription: 'An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted'
                    """),
                ("[|0.0.0.0/0|]", "!Ref SshIngressCidr")), "infra/bastion.yaml");
        }

        [Fact]
        public Task Json_ipv6_world_cidr_gets_an_ipv6_pattern() =>
            VerifyFixAsync("IAC1101", """
                {
                  "Resources": {
                    "SshIn": {
                      "Type": "AWS::EC2::SecurityGroupIngress",
                      "Properties": { "GroupId": "sg-123", "IpProtocol": "-1", "CidrIpv6": [|"::/0"|] }
                    }
                  }
                }
                """, """
                {
                  "Parameters": {
                    "SshIngressCidr": {
                      "Type": "String",
                      "Description": "CIDR block allowed to reach SSH (TCP port 22)",
                      "AllowedPattern": "^[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}/([1-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$",
                      "ConstraintDescription": "An IPv6 CIDR block such as 2001:db8::/32; ::/0 is not accepted"
                    }
                  },
                  "Resources": {
                    "SshIn": {
                      "Type": "AWS::EC2::SecurityGroupIngress",
                      "Properties": { "GroupId": "sg-123", "IpProtocol": "-1", "CidrIpv6": { "Ref": "SshIngressCidr" } }
                    }
                  }
                }
                """, "bastion.json");

        [Fact]
        public Task A_world_cidr_from_a_parameter_default_has_no_fix() =>
            VerifyNoFixAsync("IAC1101", """
                Parameters:
                  AdminCidr:
                    Type: String
                    Default: 0.0.0.0/0
                Resources:
                  SshIn:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-123
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: [|!Ref AdminCidr|]
                """, "bastion.yaml");

        [Fact]
        public Task Rdp_fix_names_its_parameter_after_rdp()
        {
            var before = """
                Resources:
                  WinSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: windows
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: [|0.0.0.0/0|]
                """;
            return VerifyFixAsync("IAC1102", before, Edited(before,
                ("Resources:", """
                    Parameters:
                      RdpIngressCidr:
                        Type: String
                        Description: 'CIDR block allowed to reach RDP (TCP port 3389)'
                        AllowedPattern: '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$'
                        ConstraintDescription: 'An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted'
                    Resources:
                    """),
                ("[|0.0.0.0/0|]", "!Ref RdpIngressCidr")), "win.yaml");
        }
    }
}
