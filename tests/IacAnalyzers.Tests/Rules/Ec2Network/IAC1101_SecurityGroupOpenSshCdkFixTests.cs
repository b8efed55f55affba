using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Model;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>
    /// <see cref="CSharpWorldPeerFixProvider"/>: a world peer on SSH (IAC1101) or RDP (IAC1102) in CDK C# becomes a CIDR
    /// from a new <c>CfnParameter</c> without default. On the official code-fix test (<see cref="CdkVerifier"/>): markup
    /// marks each finding, the fixed code must compile and no longer be flagged, one fix at a time and by Fix All.
    /// </summary>
    public class IAC1101_SecurityGroupOpenSshCdkFixTests
    {
        // The one CIDR pattern of both writers (CidrPattern); FixIntentTests pins what it accepts and refuses.
        private const string Ipv4Pattern = CidrPattern.Ipv4;

        private const string Ipv6Pattern = CidrPattern.Ipv6;

        private static string Stack(string body) => """
            public class NetStack : Stack
            {
                public NetStack(Construct scope, IVpc vpc, bool open, IPeer somePeer) : base(scope, "Net")
                {
                    var sg = new SecurityGroup(this, "Bastion", new SecurityGroupProps { Vpc = vpc });

            """ + body + """

                }
            }
            """;

        private static string SshParameter(string local = "sshIngressCidr", string id = "SshIngressCidr", string indent = "        ", string cdk = "")
            => indent + "var " + local + " = new " + cdk + "CfnParameter(this, \"" + id + "\", new " + cdk + "CfnParameterProps { Type = \"String\", "
                + "Description = \"CIDR block allowed to reach SSH (TCP port 22)\", "
                + "AllowedPattern = @\"" + Ipv4Pattern + "\", ConstraintDescription = \"" + CidrPattern.ConstraintDescription(false) + "\" });\n";

        [Fact]
        public async Task Any_ipv4_on_ssh_becomes_a_cidr_parameter_without_default()
        {
            await VerifyFix(
                Stack("""
                        // bastion access
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22), "ssh");
                """),
                Stack(SshParameter() + """
                        // bastion access
                        sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22), "ssh");
                """),
                "IAC1101");
        }

        [Fact]
        public async Task A_world_cidr_string_and_connections_allow_from_are_fixed_too()
        {
            await VerifyFix(
                Stack("""
                        sg.Connections.AllowFrom(Peer.Ipv4([|"0.0.0.0/0"|]), Port.SSH);
                """),
                Stack(SshParameter() + """
                        sg.Connections.AllowFrom(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.SSH);
                """),
                "IAC1101");
        }

        [Fact]
        public async Task Rdp_gets_an_rdp_parameter()
        {
            await VerifyFix(
                Stack("""
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(3389));
                """),
                Stack("        var rdpIngressCidr = new CfnParameter(this, \"RdpIngressCidr\", new CfnParameterProps { Type = \"String\", "
                    + "Description = \"CIDR block allowed to reach RDP (TCP port 3389)\", "
                    + "AllowedPattern = @\"" + Ipv4Pattern + "\", ConstraintDescription = \"" + CidrPattern.ConstraintDescription(false) + "\" });\n" + """
                        sg.AddIngressRule(Peer.Ipv4(rdpIngressCidr.ValueAsString), Port.Tcp(3389));
                """),
                "IAC1102");
        }

        [Fact]
        public async Task Ipv6_world_gets_an_ipv6_pattern_and_an_ipv6_peer()
        {
            await VerifyFix(
                Stack("""
                        sg.AddIngressRule([|Peer.AnyIpv6()|], Port.Tcp(22));
                """),
                Stack("        var sshIngressCidr = new CfnParameter(this, \"SshIngressCidr\", new CfnParameterProps { Type = \"String\", "
                    + "Description = \"CIDR block allowed to reach SSH (TCP port 22)\", "
                    + "AllowedPattern = @\"" + Ipv6Pattern + "\", ConstraintDescription = \"" + CidrPattern.ConstraintDescription(true) + "\" });\n" + """
                        sg.AddIngressRule(Peer.Ipv6(sshIngressCidr.ValueAsString), Port.Tcp(22));
                """),
                "IAC1101");
        }

        [Fact]
        public async Task Taken_local_and_logical_id_names_get_fresh_ones()
        {
            await VerifyFix(
                Stack("""
                        var sshIngressCidr = "unrelated";
                        var other = new CfnOutput(this, "SshIngressCidr", new CfnOutputProps { Value = sshIngressCidr });
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                """),
                Stack("""
                        var sshIngressCidr = "unrelated";
                        var other = new CfnOutput(this, "SshIngressCidr", new CfnOutputProps { Value = sshIngressCidr });

                """ + SshParameter("sshIngressCidr2", "SshIngressCidr2") + """
                        sg.AddIngressRule(Peer.Ipv4(sshIngressCidr2.ValueAsString), Port.Tcp(22));
                """),
                "IAC1101");
        }

        [Fact]
        public async Task Fully_qualified_names_without_usings_stay_qualified()
        {
            // No usings at all (not CdkVerifier's): the official test directly.
            await new CSharpCodeFixVerifier<CdkAnalyzer, CSharpWorldPeerFixProvider>.Test
            {
                TestCode = """
                    namespace App
                    {
                        public class BareStack : Amazon.CDK.Stack
                        {
                            public BareStack(Constructs.Construct scope, Amazon.CDK.AWS.EC2.ISecurityGroup sg) : base(scope, "Bare")
                            {
                                sg.AddIngressRule([|Amazon.CDK.AWS.EC2.Peer.AnyIpv4()|], Amazon.CDK.AWS.EC2.Port.Tcp(22));
                            }
                        }
                    }
                    """,
                FixedCode = """
                    namespace App
                    {
                        public class BareStack : Amazon.CDK.Stack
                        {
                            public BareStack(Constructs.Construct scope, Amazon.CDK.AWS.EC2.ISecurityGroup sg) : base(scope, "Bare")
                            {

                    """ + SshParameter(indent: "            ", cdk: "Amazon.CDK.") + """
                                sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.Ipv4(sshIngressCidr.ValueAsString), Amazon.CDK.AWS.EC2.Port.Tcp(22));
                            }
                        }
                    }
                    """,
                RuleUnderTest = "IAC1101",
            }.RunAsync();
        }

        [Fact]
        public async Task Fix_all_gives_each_peer_its_own_parameter_with_fresh_names()
        {
            // The official test applies the fixes one at a time and by Fix All (document, project, solution).
            await VerifyFix(
                Stack("""
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                        sg.Connections.AllowFrom(Peer.Ipv4([|"0.0.0.0/0"|]), Port.SSH);
                """),
                Stack(SshParameter() + """
                        sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22));

                """ + SshParameter("sshIngressCidr2", "SshIngressCidr2") + """
                        sg.Connections.AllowFrom(Peer.Ipv4(sshIngressCidr2.ValueAsString), Port.SSH);
                """),
                "IAC1101");
        }

        [Fact]
        public async Task Action_has_a_title_naming_the_parameter_and_a_per_rule_equivalence_key()
        {
            await VerifyFix(
                Stack("""
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                """),
                Stack(SshParameter() + """
                        sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22));
                """),
                "IAC1101",
                (action, verifier) =>
                {
                    verifier.Equal("Allow SSH only from a CIDR given by a new parameter 'SshIngressCidr'", action.Title);
                    verifier.Equal(CSharpWorldPeerFixProvider.EquivalenceKeyPrefix + "IAC1101", action.EquivalenceKey);
                });
        }

        [Theory]
        [InlineData("""
                    var everyone = [|Peer.AnyIpv4()|];
                    sg.AddIngressRule(everyone, Port.Tcp(22));
            """)]
        [InlineData("""
                    sg.AddIngressRule(open ? [|Peer.AnyIpv4()|] : Peer.Ipv4("10.0.0.0/8"), Port.Tcp(22));
            """)]
        [InlineData("""
                    sg.Connections.[|AllowFromAnyIpv4|](Port.Tcp(22));
            """)]
        [InlineData("""
                    new CfnSecurityGroupIngress(this, "Ssh", new CfnSecurityGroupIngressProps { GroupId = sg.SecurityGroupId, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = [|"0.0.0.0/0"|] });
            """)]
        public async Task No_fix_when_the_peer_is_not_a_world_peer_call_written_as_an_argument(string body)
        {
            await VerifyNoFix(Stack(body));
        }

        [Fact]
        public async Task A_construct_method_with_a_nested_block_is_fixed_in_place_with_its_indentation()
        {
            await VerifyFix(
                """
                public class Bastion : Construct
                {
                    public Bastion(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public void Open(ISecurityGroup sg, bool enabled)
                    {
                        if (enabled)
                        {
                            sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                        }
                    }
                }
                """,
                """
                public class Bastion : Construct
                {
                    public Bastion(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public void Open(ISecurityGroup sg, bool enabled)
                    {
                        if (enabled)
                        {

                """ + SshParameter(indent: "            ") + """
                            sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22));
                        }
                    }
                }
                """,
                "IAC1101");
        }

        [Fact]
        public async Task No_fix_in_a_static_method_of_a_construct()
        {
            await VerifyNoFix("""
                public class Bastion : Construct
                {
                    public Bastion(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public static void Open(ISecurityGroup sg)
                    {
                        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                    }
                }
                """);
        }

        [Fact]
        public async Task No_fix_outside_a_construct_or_inside_a_lambda()
        {
            await VerifyNoFix("""
                public static class Rules
                {
                    public static void Open(ISecurityGroup sg) => sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                }

                public class LazyStack : Stack
                {
                    public LazyStack(Construct scope, ISecurityGroup sg) : base(scope, "Lazy")
                    {
                        System.Action open = () => sg.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22));
                        open();
                    }
                }
                """);
        }

        private static Task VerifyFix(string before, string after, string id, System.Action<CodeAction, IVerifier>? verifyAction = null)
            => CdkVerifier.VerifyFixAsync<CSharpWorldPeerFixProvider>(before, after, id, verifyAction: verifyAction);

        /// <summary>The marked IAC1101 findings (a rule this provider fixes) get no fix.</summary>
        private static Task VerifyNoFix(string source)
        {
            Assert.Contains("IAC1101", new CSharpWorldPeerFixProvider().FixableDiagnosticIds);
            return CdkVerifier.VerifyNoFixAsync<CSharpWorldPeerFixProvider>(source, "IAC1101");
        }
    }
}
