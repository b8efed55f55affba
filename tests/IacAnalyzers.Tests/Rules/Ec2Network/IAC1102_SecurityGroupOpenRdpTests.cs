using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Ec2Network;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    public class IAC1102_SecurityGroupOpenRdpTests
    {
        private static readonly IAC1102_SecurityGroupOpenRdp Rule = new IAC1102_SecurityGroupOpenRdp();

        [Fact]
        public async Task Rdp_from_anywhere_is_flagged_with_a_message_naming_group_source_and_port()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  FailSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: windows
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: [|0.0.0.0/0|]
                """);

            Assert.Equal(
                "Security group 'FailSg' opens RDP (TCP port 3389) to the internet: 0.0.0.0/0 is allowed on TCP port 3389. " +
                "Allow only known address ranges or security groups, or use Fleet Manager or Session Manager port forwarding instead of RDP",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Ranges_and_standalone_ingress_are_flagged_and_all_traffic_is_left_to_IAC1101()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: windows
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 3000
                          ToPort: 4000
                          CidrIp: [|0.0.0.0/0|]
                        - IpProtocol: "-1"
                          CidrIpv6: ::/0
                  FailIngress:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: !GetAtt FailSg.GroupId
                      IpProtocol: "6"
                      FromPort: "3389"
                      ToPort: "3389"
                      CidrIp: [|0.0.0.0/0|]
                """);
        }

        [Fact]
        public async Task Ssh_udp_rdp_and_restricted_sources_are_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  PassSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: windows
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: udp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: tcp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: 203.0.113.0/24
                        - IpProtocol: tcp
                          FromPort: 3390
                          ToPort: 4000
                          CidrIp: 0.0.0.0/0
                      SecurityGroupEgress:
                        - IpProtocol: tcp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: 0.0.0.0/0
                """);
        }

        [Fact]
        public void Fn_If_flags_the_open_branch()
        {
            var v = new ViewBuilder();
            var world = v.S("::/0");
            v.Resource("AWS::EC2::SecurityGroupIngress", "FailIngress", v.M(
                ("GroupId", v.Ref("WinSg")),
                ("IpProtocol", v.S("tcp")),
                ("FromPort", v.N(3389)),
                ("ToPort", v.N(3389)),
                ("CidrIpv6", v.If("Public", world, v.S("fd00::/8")))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Same(world.Location, finding.Location);
            Assert.StartsWith("Ingress rule 'FailIngress' of security group 'WinSg' opens RDP", finding.FormatMessage(), System.StringComparison.Ordinal);
            Assert.Contains("(when condition 'Public' is true)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }
    

        [Fact]
        public async Task Windows_eks_node_group_with_a_key_and_no_source_security_groups_is_flagged()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailWindows:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                      AmiType: WINDOWS_FULL_2022_x86_64
                      RemoteAccess:
                        Ec2SshKey: [|ops-key|]
                  PassLinuxIsSsh:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                      RemoteAccess:
                        Ec2SshKey: ops-key
                """);
        }
    }
}
