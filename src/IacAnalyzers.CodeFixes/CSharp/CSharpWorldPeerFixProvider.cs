using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// IAC1101 (SSH open to the world) and IAC1102 (RDP) in CDK C#: replaces a world peer written as an argument
    /// (<c>Peer.AnyIpv4()</c>, <c>Peer.AnyIpv6()</c>, <c>Peer.Ipv4("0.0.0.0/0")</c>, <c>Peer.Ipv6("::/0")</c>) with
    /// <c>Peer.Ipv4(sshIngressCidr.ValueAsString)</c>, where <c>sshIngressCidr</c> is a new <c>CfnParameter</c> (no
    /// default, a CIDR <c>AllowedPattern</c> of the peer's family) declared just before the statement. Offered only when
    /// it applies: the peer is such a call written directly as an argument, inside a statement of a block, in an
    /// instance method or constructor of a class deriving from <c>Constructs.Construct</c> (so <c>this</c> is a scope).
    /// <para>
    /// Fix All is not offered (<see cref="GetFixAllProvider"/> returns <c>null</c>): the batch fixer merges edits made
    /// against the same snapshot, so two fixes in one method would both declare the same local and the same logical id.
    /// The equivalence key is per rule (<see cref="EquivalenceKeyPrefix"/> + id) for hosts that group actions.
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CSharpWorldPeerFixProvider))]
    [Shared]
    public sealed class CSharpWorldPeerFixProvider : CodeFixProvider
    {
        public const string EquivalenceKeyPrefix = "IacAnalyzers.WorldPeerToParameter.";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(WorldPeerPlan.SshId, WorldPeerPlan.RdpId);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            SyntaxNode? root = null;
            SemanticModel? model = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Location.IsInSource)
                {
                    continue;
                }

                root ??= await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                model ??= await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (root == null || model == null)
                {
                    return;
                }

                var plan = WorldPeerPlan.Create(root, model, diagnostic.Id, diagnostic.Location.SourceSpan, context.CancellationToken);
                if (plan == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        plan.Title,
                        ct => Apply(document, root, plan, ct),
                        EquivalenceKeyPrefix + diagnostic.Id),
                    diagnostic);
            }
        }

        private static async Task<Document> Apply(Document document, SyntaxNode root, WorldPeerPlan plan, CancellationToken cancellationToken)
        {
            var newRoot = plan.Rewrite(root);
            var changed = document.WithSyntaxRoot(newRoot);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
