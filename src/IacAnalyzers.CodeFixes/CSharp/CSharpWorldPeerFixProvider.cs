using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The C# writer for <see cref="ReplaceWithParameterFix"/> (rules about a world-open CIDR, such as SSH or RDP open to
    /// the internet) in CDK C#: replaces a world peer written as an argument
    /// (<c>Peer.AnyIpv4()</c>, <c>Peer.AnyIpv6()</c>, <c>Peer.Ipv4("0.0.0.0/0")</c>, <c>Peer.Ipv6("::/0")</c>) with
    /// <c>Peer.Ipv4(sshIngressCidr.ValueAsString)</c>, where <c>sshIngressCidr</c> is a new <c>CfnParameter</c> (no
    /// default, a CIDR <c>AllowedPattern</c> of the peer's family) declared just before the statement. Offered only when
    /// it applies: the peer is such a call written directly as an argument, inside a statement of a block, in an
    /// instance method or constructor of a class deriving from <c>Constructs.Construct</c> (so <c>this</c> is a scope).
    /// <para>
    /// Fix All does not use the batch fixer: it merges edits planned against one snapshot, so two fixes in one method
    /// would both declare <c>sshIngressCidr</c>/<c>"SshIngressCidr"</c>. Instead the document's fixes are applied one
    /// after another, each planned on the result of the previous one, so each peer gets its own parameter with a
    /// fresh name (<c>SshIngressCidr</c>, <c>SshIngressCidr2</c>, ...). The equivalence key is per rule
    /// (<see cref="EquivalenceKeyPrefix"/> + id). Scopes: document, project, solution (each document on its own).
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CSharpWorldPeerFixProvider))]
    [Shared]
    public sealed class CSharpWorldPeerFixProvider : CSharpIntentFixProvider
    {
        public const string EquivalenceKeyPrefix = "IacAnalyzers.WorldPeerToParameter.";

        public CSharpWorldPeerFixProvider()
            : base(FixKind.ReplaceWithParameter)
        {
        }

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Models.RegisterFixesAsync(
            context,
            d => d.Location.IsInSource ? ReplaceWithParameterFix.TryRead(d.Properties) : null,
            (root, model, intent, ct) => WorldPeerPlan.Create(root, model, intent, new TextSpan(intent.Target.Start, intent.Target.Length), ct),
            plan => plan.Title,
            Apply,
            EquivalenceKeyPrefix);

        protected override async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return null;
            }

            // Mark each diagnostic's node, so it can be found again after the edits before it.
            var marks = new List<(SyntaxAnnotation Mark, ReplaceWithParameterFix Intent)>();
            var byNode = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var intent = ReplaceWithParameterFix.TryRead(diagnostic.Properties);
                var span = intent == null ? default : new TextSpan(intent.Target.Start, intent.Target.Length);
                if (intent == null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(span))
                {
                    continue;
                }

                var node = root.FindNode(span, getInnermostNodeForTie: true);
                var mark = new SyntaxAnnotation();
                if (!byNode.TryGetValue(node, out var list))
                {
                    byNode[node] = list = new List<SyntaxAnnotation>();
                }

                list.Add(mark);
                marks.Add((mark, intent));
            }

            if (marks.Count == 0)
            {
                return null;
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(byNode.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(byNode[original])));
            var changed = false;
            foreach (var (mark, intent) in marks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.GetAnnotatedNodes(mark).FirstOrDefault();
                if (root == null || model == null || node == null)
                {
                    // An earlier fix already replaced this peer (two findings on the same peer).
                    continue;
                }

                var plan = WorldPeerPlan.Create(root, model, intent, node.Span, cancellationToken);
                if (plan != null)
                {
                    document = document.WithSyntaxRoot(plan.Rewrite(root));
                    changed = true;
                }
            }

            return changed
                ? await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false)
                : null;
        }

        private static async Task<Document> Apply(Document document, SyntaxNode root, WorldPeerPlan plan, CancellationToken cancellationToken)
        {
            var newRoot = plan.Rewrite(root);
            var changed = document.WithSyntaxRoot(newRoot);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
