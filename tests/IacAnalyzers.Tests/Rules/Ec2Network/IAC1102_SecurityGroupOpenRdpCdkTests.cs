using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>IAC1102 on the CDK C# surface: L2 SecurityGroup / Connections calls and L1 CfnSecurityGroup(Ingress).</summary>
    public class IAC1102_SecurityGroupOpenRdpCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "IVpc vpc, bool open", setup: "var sg = new SecurityGroup(this, \"Windows\", new SecurityGroupProps { Vpc = vpc });", name: "Win"),
                "IAC1102");

        [Fact]
        public async Task L2_rdp_from_anywhere_is_flagged_at_the_peer()
        {
            var diagnostics = await Verify("""
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(3389));
                """);

            Assert.Equal(
                "Security group 'Windows' opens RDP (TCP port 3389) to the internet: 0.0.0.0/0 is allowed on TCP port 3389 (from Peer.AnyIpv4()). " +
                "Allow only known address ranges or security groups, or use Fleet Manager or Session Manager port forwarding instead of RDP [Security · SEC05-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_named_port_ranges_connections_and_conditionals_are_flagged()
        {
            await Verify("""
                        sg.AddIngressRule([|Peer.AnyIpv6()|], Port.RDP);
                        sg.AddIngressRule([|Peer.AnyIpv4()|], open ? Port.Tcp(443) : Port.TcpRange(3000, 4000));
                        sg.Connections.[|AllowFromAnyIpv4|](Port.Tcp(3389));
                """);
        }

        [Fact]
        public async Task L2_ssh_udp_and_restricted_sources_are_clean()
        {
            await Verify("""
                        sg.AddIngressRule(Peer.Ipv4("203.0.113.0/24"), Port.RDP);
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Udp(3389));
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.HTTPS);
                """);
        }

        [Fact]
        public async Task L1_standalone_ingress_with_rdp_from_anywhere_is_flagged()
        {
            await Verify("""
                        new CfnSecurityGroupIngress(this, "RdpIn", new CfnSecurityGroupIngressProps
                        {
                            GroupId = sg.SecurityGroupId,
                            IpProtocol = "tcp",
                            FromPort = 3389,
                            ToPort = 3389,
                            CidrIp = [|"0.0.0.0/0"|],
                        });
                """);
        }
    }
}
