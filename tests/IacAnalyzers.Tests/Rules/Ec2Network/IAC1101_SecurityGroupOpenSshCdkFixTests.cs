using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Model;
using IacAnalyzers.Tests.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>
    /// <see cref="CSharpWorldPeerFixProvider"/>: a world peer on SSH (IAC1101) or RDP (IAC1102) in CDK C# becomes a CIDR
    /// from a new <c>CfnParameter</c> without default. The fixed code must compile and no longer be flagged.
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

        private static string SshParameter(string local = "sshIngressCidr", string id = "SshIngressCidr")
            => "        var " + local + " = new CfnParameter(this, \"" + id + "\", new CfnParameterProps { Type = \"String\", "
                + "Description = \"CIDR block allowed to reach SSH (TCP port 22)\", "
                + "AllowedPattern = @\"" + Ipv4Pattern + "\", ConstraintDescription = \"" + CidrPattern.ConstraintDescription(false) + "\" });\n";

        [Fact]
        public async Task Any_ipv4_on_ssh_becomes_a_cidr_parameter_without_default()
        {
            await VerifyFix(
                Stack("""
                        // bastion access
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "ssh");
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
                        sg.Connections.AllowFrom(Peer.Ipv4("0.0.0.0/0"), Port.SSH);
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
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(3389));
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
                        sg.AddIngressRule(Peer.AnyIpv6(), Port.Tcp(22));
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
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
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
            const string Before = """
                namespace App
                {
                    public class BareStack : Amazon.CDK.Stack
                    {
                        public BareStack(Constructs.Construct scope, Amazon.CDK.AWS.EC2.ISecurityGroup sg) : base(scope, "Bare")
                        {
                            sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(22));
                        }
                    }
                }
                """;
            var after = await ApplyFirstFix(Before, "IAC1101", withUsings: false);
            Assert.Contains("            var sshIngressCidr = new Amazon.CDK.CfnParameter(this, \"SshIngressCidr\", new Amazon.CDK.CfnParameterProps {", after, System.StringComparison.Ordinal);
            Assert.Contains("sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.Ipv4(sshIngressCidr.ValueAsString), Amazon.CDK.AWS.EC2.Port.Tcp(22));", after, System.StringComparison.Ordinal);
            Assert.DoesNotContain("global::", after, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fix_all_gives_each_peer_its_own_parameter_with_fresh_names()
        {
            var source = Stack("""
                    sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                    sg.Connections.AllowFrom(Peer.Ipv4("0.0.0.0/0"), Port.SSH);
            """);
            var document = CreateDocument(CdkVerifier.Usings + source);
            var diagnostics = await Diagnose(document, "IAC1101");
            Assert.Equal(2, diagnostics.Length);
            var provider = new CSharpWorldPeerFixProvider();
            var context = new FixAllContext(
                document,
                provider,
                FixAllScope.Document,
                CSharpWorldPeerFixProvider.EquivalenceKeyPrefix + "IAC1101",
                new[] { "IAC1101" },
                new FixedDiagnostics(diagnostics),
                CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);
            Assert.NotNull(action);
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            Assert.Empty(await Diagnose(changed, "IAC1101"));
            Assert.Equal(
                CdkVerifier.Usings + Stack(SshParameter() + """
                        sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22));

                """ + SshParameter("sshIngressCidr2", "SshIngressCidr2") + """
                        sg.Connections.AllowFrom(Peer.Ipv4(sshIngressCidr2.ValueAsString), Port.SSH);
                """),
                (await changed.GetTextAsync()).ToString());
        }

        [Fact]
        public async Task Action_has_a_title_naming_the_parameter_and_a_per_rule_equivalence_key()
        {
            var actions = await ActionsFor(Stack("""
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                """), "IAC1101");

            var action = Assert.Single(actions);
            Assert.Equal("Allow SSH only from a CIDR given by a new parameter 'SshIngressCidr'", action.Title);
            Assert.Equal(CSharpWorldPeerFixProvider.EquivalenceKeyPrefix + "IAC1101", action.EquivalenceKey);
        }

        [Theory]
        [InlineData("""
                    var everyone = Peer.AnyIpv4();
                    sg.AddIngressRule(everyone, Port.Tcp(22));
            """)]
        [InlineData("""
                    sg.AddIngressRule(open ? Peer.AnyIpv4() : Peer.Ipv4("10.0.0.0/8"), Port.Tcp(22));
            """)]
        [InlineData("""
                    sg.Connections.AllowFromAnyIpv4(Port.Tcp(22));
            """)]
        [InlineData("""
                    new CfnSecurityGroupIngress(this, "Ssh", new CfnSecurityGroupIngressProps { GroupId = sg.SecurityGroupId, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "0.0.0.0/0" });
            """)]
        public async Task No_fix_when_the_peer_is_not_a_world_peer_call_written_as_an_argument(string body)
        {
            var source = Stack(body);
            var diagnostics = await Diagnose(CreateDocument(CdkVerifier.Usings + source), "IAC1101");
            Assert.NotEmpty(diagnostics);
            Assert.Empty(await ActionsFor(source, "IAC1101"));
        }

        [Fact]
        public async Task A_construct_method_with_a_nested_block_is_fixed_in_place_with_its_indentation()
        {
            const string Before = """
                public class Bastion : Construct
                {
                    public Bastion(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public void Open(ISecurityGroup sg, bool enabled)
                    {
                        if (enabled)
                        {
                            sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                        }
                    }
                }
                """;
            var after = await ApplyFirstFix(Before, "IAC1101", withUsings: true);
            Assert.Contains(
                "            var sshIngressCidr = new CfnParameter(this, \"SshIngressCidr\", new CfnParameterProps {",
                after,
                System.StringComparison.Ordinal);
            Assert.Contains(
                "\n            sg.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22));\n        }\n",
                after,
                System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task No_fix_in_a_static_method_of_a_construct()
        {
            const string Source = """
                public class Bastion : Construct
                {
                    public Bastion(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public static void Open(ISecurityGroup sg)
                    {
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                    }
                }
                """;
            var diagnostics = await Diagnose(CreateDocument(CdkVerifier.Usings + Source), "IAC1101");
            Assert.NotEmpty(diagnostics);
            Assert.Empty(await ActionsFor(Source, "IAC1101"));
        }

        [Fact]
        public async Task No_fix_outside_a_construct_or_inside_a_lambda()
        {
            const string Source = """
                public static class Rules
                {
                    public static void Open(ISecurityGroup sg) => sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                }

                public class LazyStack : Stack
                {
                    public LazyStack(Construct scope, ISecurityGroup sg) : base(scope, "Lazy")
                    {
                        System.Action open = () => sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                        open();
                    }
                }
                """;
            var diagnostics = await Diagnose(CreateDocument(CdkVerifier.Usings + Source), "IAC1101");
            Assert.NotEmpty(diagnostics);
            Assert.Empty(await ActionsFor(Source, "IAC1101"));
        }

        // ---- harness ---------------------------------------------------------------------------------------

        private static async Task VerifyFix(string before, string after, string id)
        {
            var fixedText = await ApplyFirstFix(before, id, withUsings: true);
            Assert.Equal(CdkVerifier.Usings + after, fixedText);
        }

        /// <summary>Applies the fix of the first diagnostic of <paramref name="id"/>; the result must compile and carry no <paramref name="id"/> at that peer.</summary>
        private static async Task<string> ApplyFirstFix(string source, string id, bool withUsings)
        {
            var document = CreateDocument((withUsings ? CdkVerifier.Usings : string.Empty) + source);
            var diagnostics = await Diagnose(document, id);
            Assert.NotEmpty(diagnostics);
            var actions = await Actions(document, diagnostics[0]);
            var action = Assert.Single(actions);
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;

            // Diagnose asserts the fixed code compiles; the fixed peer is no longer flagged.
            var remaining = await Diagnose(changed, id);
            Assert.Equal(diagnostics.Length - 1, remaining.Length);
            return (await changed.GetTextAsync()).ToString();
        }

        private static async Task<List<CodeAction>> ActionsFor(string source, string id)
        {
            var document = CreateDocument(CdkVerifier.Usings + source);
            var actions = new List<CodeAction>();
            foreach (var diagnostic in await Diagnose(document, id))
            {
                actions.AddRange(await Actions(document, diagnostic));
            }

            return actions;
        }

        private static async Task<List<CodeAction>> Actions(Document document, Diagnostic diagnostic)
        {
            var provider = new CSharpWorldPeerFixProvider();
            var actions = new List<CodeAction>();
            Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            return actions;
        }

        private static async Task<ImmutableArray<Diagnostic>> Diagnose(Document document, string id)
        {
            var compilation = await document.Project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + (await document.GetTextAsync()));
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
            return diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
            {
                this.diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
        }

        private static Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(
                    projectId,
                    VersionStamp.Create(),
                    "CdkWorldPeerFixTest",
                    "CdkWorldPeerFixTest",
                    LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                    metadataReferences: TestReferences.All));
            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
            return solution.GetDocument(documentId)!;
        }
    }
}
