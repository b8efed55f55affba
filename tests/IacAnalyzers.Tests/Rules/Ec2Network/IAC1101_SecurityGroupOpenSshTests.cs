using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Ec2Network;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    public class IAC1101_SecurityGroupOpenSshTests
    {
        private static readonly IAC1101_SecurityGroupOpenSsh Rule = new IAC1101_SecurityGroupOpenSsh();

        private static string Group(string ingressItems) => """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              FailSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: test
                  SecurityGroupIngress:

            """ + ingressItems;

        [Fact]
        public async Task Inline_ssh_from_anywhere_is_flagged_with_a_message_naming_group_source_and_port()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: [|0.0.0.0/0|]
                """));

            Assert.Equal(
                "Security group 'FailSg' opens SSH (TCP port 22) to the internet: 0.0.0.0/0 is allowed on TCP port 22. " +
                "Allow only known address ranges or security groups, or use Session Manager instead of SSH",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Ipv6_world_and_any_zero_length_prefix_are_flagged()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIpv6: [|::/0|]
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: [|"1.2.3.4/0"|]
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIpv6: "2001:db8::/32"
                """));
        }

        [Fact]
        public async Task Port_ranges_are_flagged_only_when_they_cover_22()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: tcp
                          FromPort: 0
                          ToPort: 1023
                          CidrIp: [|0.0.0.0/0|]
                        - IpProtocol: tcp
                          FromPort: 20
                          ToPort: 21
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: tcp
                          FromPort: 23
                          ToPort: 443
                          CidrIp: 0.0.0.0/0
                """));

            Assert.Contains("on TCP ports 0-1023", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Protocol_minus_one_opens_every_port_whatever_the_port_fields_say()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: -1
                          FromPort: 80
                          ToPort: 80
                          CidrIp: [|0.0.0.0/0|]
                        - IpProtocol: "-1"
                          CidrIpv6: [|::/0|]
                        - IpProtocol: all
                          CidrIp: [|0.0.0.0/0|]
                """));

            Assert.All(findings, f => Assert.Contains("on all traffic (IpProtocol ", f.FormatMessage(), System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Tcp_by_number_ports_as_strings_and_minus_one_ports_are_understood()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: 6
                          FromPort: "22"
                          ToPort: "22"
                          CidrIp: [|0.0.0.0/0|]
                        - IpProtocol: "6"
                          FromPort: -1
                          ToPort: -1
                          CidrIp: [|0.0.0.0/0|]
                        - IpProtocol: TCP
                          FromPort: 0
                          ToPort: 65535
                          CidrIp: [|0.0.0.0/0|]
                """));

            Assert.Equal(2, findings.Count(f => f.FormatMessage().Contains("on all TCP ports", System.StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Other_protocols_restricted_sources_and_other_ports_are_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, Group("""
                        - IpProtocol: udp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: icmp
                          FromPort: -1
                          ToPort: -1
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: 17
                          FromPort: 0
                          ToPort: 65535
                          CidrIpv6: ::/0
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: 10.0.0.0/8
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          SourceSecurityGroupId: sg-0123456789abcdef0
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          SourcePrefixListId: pl-12345678
                        - IpProtocol: tcp
                          FromPort: 443
                          ToPort: 443
                          CidrIp: 0.0.0.0/0
                """));
        }

        [Fact]
        public async Task Egress_is_not_ingress()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  PassSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: test
                      SecurityGroupEgress:
                        - IpProtocol: -1
                          CidrIp: 0.0.0.0/0
                  PassEgress:
                    Type: AWS::EC2::SecurityGroupEgress
                    Properties:
                      GroupId: !Ref PassSg
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: 0.0.0.0/0
                """);
        }

        [Fact]
        public async Task Standalone_ingress_resource_is_flagged_and_names_its_group()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailIngress:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-0123456789abcdef0
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: [|0.0.0.0/0|]
                  PassIngress:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-0123456789abcdef0
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: 192.168.0.0/16
                """);

            Assert.StartsWith("Ingress rule 'FailIngress' of security group 'sg-0123456789abcdef0' opens SSH", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_templates_are_checked_the_same_way()
        {
            await TemplateVerifier.VerifyRuleAsync(
                Rule,
                """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "FailSg": {
                      "Type": "AWS::EC2::SecurityGroup",
                      "Properties": {
                        "GroupDescription": "test",
                        "SecurityGroupIngress": [
                          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": [|"0.0.0.0/0"|] },
                          { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "10.0.0.0/16" }
                        ]
                      }
                    },
                    "FailIngress": {
                      "Type": "AWS::EC2::SecurityGroupIngress",
                      "Properties": { "GroupId": { "Ref": "FailSg" }, "IpProtocol": "-1", "CidrIpv6": [|"::/0"|] }
                    }
                  }
                }
                """,
                "template.json");
        }

        [Fact]
        public async Task Values_the_analyzer_cannot_know_are_not_flagged()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  AdminCidr:
                    Type: String
                Resources:
                  PassSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: test
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: !Ref AdminCidr
                        - IpProtocol: !Ref Protocol
                          FromPort: 22
                          ToPort: 22
                          CidrIp: 0.0.0.0/0
                        - IpProtocol: tcp
                          FromPort: !Ref SshPort
                          ToPort: !Ref SshPort
                          CidrIp: 0.0.0.0/0
                        - FromPort: 22
                          ToPort: 22
                          CidrIp: 0.0.0.0/0
                  PassUnknownList:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: test
                      SecurityGroupIngress: !Ref IngressRules
                """);
        }

        [Fact]
        public void Fn_If_flags_the_open_branch_and_names_the_condition()
        {
            var v = new ViewBuilder();
            var world = v.S("0.0.0.0/0");
            v.Resource("AWS::EC2::SecurityGroup", "FailSg", v.M(
                ("SecurityGroupIngress", v.L(v.M(
                    ("IpProtocol", v.S("tcp")),
                    ("FromPort", v.N(22)),
                    ("ToPort", v.N(22)),
                    ("CidrIp", v.If("OpenToAll", world, v.S("10.0.0.0/8"))))))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Same(world.Location, finding.Location);
            Assert.Contains("is allowed on TCP port 22 (when condition 'OpenToAll' is true).", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Branches_of_protocol_and_ports_are_tried_and_named()
        {
            var v = new ViewBuilder();
            v.Resource("AWS::EC2::SecurityGroup", "FailSg", v.M(
                ("SecurityGroupIngress", v.L(v.M(
                    ("IpProtocol", v.If("Debug", v.S("-1"), v.S("tcp"))),
                    ("FromPort", v.N(443)),
                    ("ToPort", v.N(443)),
                    ("CidrIp", v.S("0.0.0.0/0")))))));
            v.Resource("AWS::EC2::SecurityGroup", "PassSg", v.M(
                ("SecurityGroupIngress", v.L(v.M(
                    ("IpProtocol", v.S("tcp")),
                    ("FromPort", v.If("Web", v.N(80), v.N(443))),
                    ("ToPort", v.If("Web", v.N(80), v.N(443))),
                    ("CidrIp", v.S("0.0.0.0/0")))))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Contains("'FailSg'", finding.FormatMessage(), System.StringComparison.Ordinal);
            Assert.Contains("on all traffic (IpProtocol -1), RDP (TCP port 3389) included (when condition 'Debug' is true)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_parameter_default_that_opens_ssh_is_flagged_and_the_message_says_so()
        {
            var v = new ViewBuilder();
            v.Resource("AWS::EC2::SecurityGroupIngress", "FailIngress", v.M(
                ("GroupId", v.Ref("BastionSg", "GroupId")),
                ("IpProtocol", v.S("tcp")),
                ("FromPort", v.N(22)),
                ("ToPort", v.N(22)),
                ("CidrIp", v.S("0.0.0.0/0", "the Default of parameter 'AdminCidr'"))));
            v.Resource("AWS::EC2::SecurityGroup", "BastionSg", v.M(("GroupDescription", v.S("bastion"))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Equal(
                "Ingress rule 'FailIngress' of security group 'BastionSg' opens SSH (TCP port 22) to the internet: 0.0.0.0/0 is allowed " +
                "on TCP port 22 (from the Default of parameter 'AdminCidr'). Allow only known address ranges or security groups, " +
                "or use Session Manager instead of SSH",
                finding.FormatMessage());
        }

        [Fact]
        public void A_conditional_ingress_list_and_conditional_items_are_followed()
        {
            var v = new ViewBuilder();
            var open = v.S("0.0.0.0/0");
            var ssh = v.M(("IpProtocol", v.S("tcp")), ("FromPort", v.N(22)), ("ToPort", v.N(22)), ("CidrIp", open));
            v.Resource("AWS::EC2::SecurityGroup", "FailSg", v.M(
                ("SecurityGroupIngress", v.If("IsDev", v.L(v.If("AllowSsh", ssh, v.Unknown("AWS::NoValue"))), v.L()))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Same(open.Location, finding.Location);
            Assert.Equal(" (when condition 'IsDev' is true and when condition 'AllowSsh' is true)", finding.MessageArgs[3]);
        }
    

        [Fact]
        public async Task Eks_node_group_with_an_ssh_key_and_no_source_security_groups_is_flagged()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  KeyName:
                    Type: AWS::EC2::KeyPair::KeyName
                Resources:
                  FailWorkers:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1, subnet-2]
                      RemoteAccess:
                        Ec2SshKey: [|!Ref KeyName|]
                  FailEmptySources:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                      AmiType: AL2023_x86_64_STANDARD
                      RemoteAccess:
                        Ec2SshKey: [|ops-key|]
                        SourceSecurityGroups: []
                  PassRestricted:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                      RemoteAccess:
                        Ec2SshKey: ops-key
                        SourceSecurityGroups: [sg-0123456789abcdef0]
                  PassWindowsIsRdp:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                      AmiType: WINDOWS_CORE_2022_x86_64
                      RemoteAccess:
                        Ec2SshKey: ops-key
                  PassNoRemoteAccess:
                    Type: AWS::EKS::Nodegroup
                    Properties:
                      ClusterName: prod
                      NodeRole: arn:aws:iam::123456789012:role/nodes
                      Subnets: [subnet-1]
                """);

            Assert.StartsWith(
                "EKS node group 'FailWorkers' opens SSH (TCP port 22) to the internet: 0.0.0.0/0 is allowed on TCP port 22 " +
                "(RemoteAccess has an Ec2SshKey and no SourceSecurityGroups, so EKS opens the port to 0.0.0.0/0).",
                findings.Single(f => f.Resource.Name == "FailWorkers").FormatMessage(),
                System.StringComparison.Ordinal);
        }
    

        [Fact]
        public async Task Template_parameter_default_and_Fn_If_are_followed_and_named()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  AdminCidr:
                    Type: String
                    Default: 0.0.0.0/0
                  SshPort:
                    Type: Number
                    Default: 22
                Conditions:
                  OpenToAll: !Equals [!Ref AWS::AccountId, "123456789012"]
                Resources:
                  FailSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: test
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: !Ref SshPort
                          ToPort: !Ref SshPort
                          CidrIp: [|!Ref AdminCidr|]
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: !If [OpenToAll, [|0.0.0.0/0|], 10.0.0.0/8]
                        - !If
                          - OpenToAll
                          - IpProtocol: -1
                            CidrIpv6: [|::/0|]
                          - !Ref AWS::NoValue
                """);

            Assert.Contains(findings, f => f.FormatMessage().Contains(
                "0.0.0.0/0 is allowed on TCP port 22 (from the Default of parameter 'AdminCidr'; from the Default of parameter 'SshPort').",
                System.StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("on TCP port 22 (when condition 'OpenToAll' is true).", System.StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("::/0 is allowed on all traffic (IpProtocol -1), RDP (TCP port 3389) included (when condition 'OpenToAll' is true).", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Standalone_ingress_names_the_group_it_references()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  BastionSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: bastion
                  FailByRef:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: !Ref BastionSg
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: [|0.0.0.0/0|]
                  FailByGetAtt:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: !GetAtt BastionSg.GroupId
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: [|0.0.0.0/0|]
                """);

            Assert.All(findings, f => Assert.Contains("of security group 'BastionSg' opens SSH", f.FormatMessage(), System.StringComparison.Ordinal));
        }
    

        [Fact]
        public async Task One_Fn_If_choosing_source_and_ports_is_matched_branch_by_branch()
        {
            // When OpenToAll, the world gets 443 only; otherwise 22 is open to 10/8 only: no branch opens SSH to the world.
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Conditions:
                  OpenToAll: !Equals [!Ref AWS::Region, us-east-1]
                Resources:
                  PassSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: test
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: !If [OpenToAll, 443, 22]
                          ToPort: !If [OpenToAll, 443, 22]
                          CidrIp: !If [OpenToAll, 0.0.0.0/0, 10.0.0.0/8]
                """);
        }
    }
}
