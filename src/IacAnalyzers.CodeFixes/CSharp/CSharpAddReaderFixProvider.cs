using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The C# writer for <see cref="AddReaderFix"/> (a DB cluster with a single instance), on the L2 <c>Amazon.CDK.AWS.RDS.DatabaseCluster</c>: adds
    /// <c>Readers = new[] { ClusterInstance.Provisioned("reader", …) }</c> (or <c>ServerlessV2</c>, as the writer is) to
    /// the props' object initializer, with the writer's props when they can be repeated; or, for the deprecated
    /// <c>Instances = 1</c>, sets it to 2. Offered only when the edit is known to apply (see <see cref="AddReaderPlanner"/>).
    /// Each edit is a text change inside one creation, so Fix All uses the batch fixer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CSharpAddReaderFixProvider))]
    [Shared]
    public sealed class CSharpAddReaderFixProvider : CSharpIntentFixProvider
    {
        public const string EquivalenceKeyPrefix = "IacAnalyzers.AddReader.";

        public CSharpAddReaderFixProvider()
            : base(FixKind.AddReader)
        {
        }

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Models.RegisterFixesAsync(
            context,
            d => d.Location.IsInSource ? AddReaderFix.TryRead(d.Properties) : null,
            (root, model, intent, ct) => AddReaderPlanner.Plan(root, model, new TextSpan(intent.Cluster.Start, intent.Cluster.Length), ct),
            edit => edit.Title,
            (document, _, edit, ct) => Apply(document, edit, ct),
            EquivalenceKeyPrefix);

        /// <summary>A document's fixes one after another, each planned on the previous result (<see cref="SequentialFixAll"/>).</summary>
        protected override Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var pending = diagnostics
                .Where(d => d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => AddReaderFix.TryRead(d.Properties) is AddReaderFix fix ? new ClusterSpan(new TextSpan(fix.Cluster.Start, fix.Cluster.Length)) : null)
                .ToList();
            return SequentialFixAll.ApplyAsync(
                document,
                pending,
                async (current, root, model, cluster, ct) =>
                    AddReaderPlanner.Plan(root, model, cluster.Span, ct) is AddReaderEdit edit ? await Apply(current, edit, ct).ConfigureAwait(false) : null,
                (cluster, change) => SequentialFixAll.Map(cluster.Span, change) is TextSpan moved ? new ClusterSpan(moved) : null,
                context.CancellationToken);
        }

        /// <summary>The cluster a pending add-reader fix is for (a class, so Fix All can drop it).</summary>
        private sealed class ClusterSpan
        {
            public ClusterSpan(TextSpan span) => Span = span;

            public TextSpan Span { get; }
        }

        private static async Task<Document> Apply(Document document, AddReaderEdit edit, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(edit.Changes));
        }
    }

    /// <summary>One planned fix: a title and the (non-overlapping, ordered) text changes that make it.</summary>
    internal sealed class AddReaderEdit
    {
        public AddReaderEdit(string title, ImmutableArray<TextChange> changes)
        {
            Title = title;
            Changes = changes;
        }

        public string Title { get; }

        public ImmutableArray<TextChange> Changes { get; }
    }
}
