using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>IAC1101 on the CDK C# surface: L2 SecurityGroup / Connections / BastionHostLinux calls and L1 CfnSecurityGroup(Ingress).</summary>
    public class IAC1101_SecurityGroupOpenSshCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body, params string[] otherSources)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "IVpc vpc, bool open, IPeer somePeer", setup: "var sg = new SecurityGroup(this, \"Bastion\", new SecurityGroupProps { Vpc = vpc });", name: "Net"),
                "IAC1101",
                otherSources);

        // ---- L2: SecurityGroup.AddIngressRule --------------------------------------------------------------

        [Fact]
        public async Task L2_ingress_rule_from_any_ipv4_on_port_22_is_flagged_at_the_peer()
        {
            var diagnostics = await Verify("""
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22), "ssh");
                """);

            Assert.Equal(
                "Security group 'Bastion' opens SSH (TCP port 22) to the internet: 0.0.0.0/0 is allowed on TCP port 22 (from Peer.AnyIpv4()). " +
                "Allow only known address ranges or security groups, or use Session Manager instead of SSH [Security · SEC05-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_ipv6_world_cidr_strings_ranges_all_traffic_and_named_ports_are_flagged()
        {
            await Verify("""
                        sg.AddIngressRule([|Peer.AnyIpv6()|], Port.Tcp(22));
                        sg.AddIngressRule(Peer.Ipv4([|"0.0.0.0/0"|]), Port.TcpRange(20, 25));
                        sg.AddIngressRule(Peer.Ipv6([|"::/0"|]), Port.SSH);
                        // All TCP ports / all traffic: one finding (IAC1101, naming RDP too), not IAC1101 and IAC1102.
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.AllTcp());
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.AllTraffic());
                        sg.AddIngressRule([|Peer.AnyIpv4()|], new Port(new PortProps { Protocol = Amazon.CDK.AWS.EC2.Protocol.TCP, FromPort = 22, ToPort = 22, StringRepresentation = "ssh" }));
                """);
        }

        [Fact]
        public async Task L2_restricted_peers_other_ports_udp_and_egress_are_clean()
        {
            await Verify("""
                        sg.AddIngressRule(Peer.Ipv4("10.0.0.0/8"), Port.Tcp(22));
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443));
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.HTTPS);
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Udp(22));
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.AllIcmp());
                        sg.AddIngressRule(Peer.SecurityGroupId("sg-0123456789abcdef0"), Port.Tcp(22));
                        sg.AddIngressRule(Peer.PrefixList("pl-12345678"), Port.Tcp(22));
                        sg.AddEgressRule(Peer.AnyIpv4(), Port.AllTraffic());
                        sg.AddIngressRule(Peer.AnyIpv4(), new Port(new PortProps { Protocol = Amazon.CDK.AWS.EC2.Protocol.RDP, StringRepresentation = "reliable data protocol" }));
                """);
        }

        [Fact]
        public async Task L2_values_the_analyzer_cannot_know_are_not_flagged()
        {
            await Verify("""
                        sg.AddIngressRule(somePeer, Port.Tcp(22));
                        sg.AddIngressRule(Peer.AnyIpv4(), Helpers.AdminPort());
                        sg.AddIngressRule(Peer.Ipv4(System.Environment.GetEnvironmentVariable("ADMIN_CIDR")!), Port.Tcp(22));
                """,
                """
                public static class Helpers
                {
                    public static Port AdminPort() => Port.Tcp(int.Parse(System.Environment.GetEnvironmentVariable("ADMIN_PORT")!));
                    public static int Unused() => 0;
                }
                """);
        }

        [Fact]
        public async Task L2_conditional_peer_flags_the_open_branch_and_names_it()
        {
            var diagnostics = await Verify("""
                        sg.AddIngressRule(open ? [|Peer.AnyIpv4()|] : Peer.Ipv4("10.0.0.0/8"), Port.Tcp(22));
                """);

            Assert.Contains("on TCP port 22 (when `open` is true; from Peer.AnyIpv4())", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_conditionals_on_the_same_condition_are_matched_branch_by_branch()
        {
            // When open, the world gets 443 only; when not, port 22 is reachable only from 10/8: no combination opens SSH.
            await Verify("""
                        sg.AddIngressRule(open ? Peer.AnyIpv4() : Peer.Ipv4("10.0.0.0/8"), open ? Port.Tcp(443) : Port.Tcp(22));
                """);
        }

        [Fact]
        public async Task L2_constants_locals_and_helpers_resolve()
        {
            await Verify("""
                        const int SshPort = 22;
                        var everyone = [|Peer.AnyIpv4()|];
                        sg.AddIngressRule(everyone, Port.Tcp(SshPort));
                        sg.AddIngressRule(Peer.Ipv4([|Cidrs.World|]), Port.Tcp(SshPort));
                """,
                """
                public static class Cidrs
                {
                    public const string World = "0.0.0.0/0";
                }
                """);
        }

        // ---- L2: Connections and BastionHostLinux ----------------------------------------------------------

        [Fact]
        public async Task L2_connections_allow_from_and_allow_from_any_ipv4_are_flagged()
        {
            await Verify("""
                        sg.Connections.AllowFrom([|Peer.AnyIpv4()|], Port.Tcp(22), "ssh");
                        sg.Connections.[|AllowFromAnyIpv4|](Port.TcpRange(0, 1023));
                        sg.Connections.AllowFrom(Peer.Ipv4("192.168.0.0/16"), Port.Tcp(22));
                        sg.Connections.AllowFromAnyIpv4(Port.Tcp(443));
                """);
        }

        [Fact]
        public async Task L2_default_port_is_used_when_the_connections_object_declares_it()
        {
            await Verify("""
                        var admin = new Connections_(new ConnectionsProps { SecurityGroups = new ISecurityGroup[] { sg }, DefaultPort = Port.Tcp(22) });
                        admin.[|AllowDefaultPortFromAnyIpv4|]();
                        admin.AllowDefaultPortFrom([|Peer.AnyIpv6()|]);
                        var web = new Connections_(new ConnectionsProps { SecurityGroups = new ISecurityGroup[] { sg }, DefaultPort = Port.HTTPS });
                        web.AllowDefaultPortFromAnyIpv4();
                        sg.Connections.AllowDefaultPortFromAnyIpv4();
                """);
        }

        [Fact]
        public async Task L2_bastion_host_ssh_access_from_anywhere_is_flagged()
        {
            var diagnostics = await Verify("""
                        var bastion = new BastionHostLinux(this, "Jump", new BastionHostLinuxProps { Vpc = vpc });
                        bastion.AllowSshAccessFrom(Peer.Ipv4("203.0.113.0/24"), [|Peer.AnyIpv4()|]);
                        bastion.AllowSshAccessFrom(Peer.Ipv4("203.0.113.0/24"));
                """);

            Assert.StartsWith("Security group 'Jump' opens SSH (TCP port 22) to the internet", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        // ---- L1 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L1_inline_ingress_and_standalone_ingress_are_flagged_at_the_cidr()
        {
            await Verify("""
                        new CfnSecurityGroup(this, "L1Group", new CfnSecurityGroupProps
                        {
                            GroupDescription = "bastion",
                            SecurityGroupIngress = new[]
                            {
                                new CfnSecurityGroup.IngressProperty { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = [|"0.0.0.0/0"|] },
                                new CfnSecurityGroup.IngressProperty { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "10.0.0.0/16" },
                                new CfnSecurityGroup.IngressProperty { IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIp = "0.0.0.0/0" },
                            },
                            SecurityGroupEgress = new[] { new CfnSecurityGroup.EgressProperty { IpProtocol = "-1", CidrIp = "0.0.0.0/0" } },
                        });
                        new CfnSecurityGroupIngress(this, "L1Ingress", new CfnSecurityGroupIngressProps
                        {
                            GroupId = sg.SecurityGroupId,
                            IpProtocol = "tcp",
                            FromPort = 0,
                            ToPort = 1023,
                            CidrIpv6 = [|"::/0"|],
                        });
                """);
        }

        [Fact]
        public async Task L1_unknown_cidr_is_not_flagged()
        {
            await Verify("""
                        new CfnSecurityGroupIngress(this, "L1Ingress", new CfnSecurityGroupIngressProps
                        {
                            GroupId = sg.SecurityGroupId,
                            IpProtocol = "tcp",
                            FromPort = 22,
                            ToPort = 22,
                            CidrIp = vpc.VpcCidrBlock,
                        });
                """);
        }
    }
}
