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
    public sealed class CSharpAddReaderFixProvider : CodeFixProvider
    {
        public const string EquivalenceKeyPrefix = "IacAnalyzers.AddReader.";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixableIds.For(FixKind.AddReader, Surfaces.Cdk);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        /// <summary>The documents' semantic models, shared by every registration for one document version.</summary>
        internal DocumentModels Models { get; } = new DocumentModels();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            (SyntaxNode Root, SemanticModel Model)? state = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                var intent = AddReaderFix.TryRead(diagnostic.Properties);
                if (intent == null || !diagnostic.Location.IsInSource)
                {
                    continue;
                }

                state ??= await Models.GetAsync(document, context.CancellationToken).ConfigureAwait(false);
                if (state == null)
                {
                    return;
                }

                var (root, model) = state.Value;
                var edit = AddReaderPlanner.Plan(root, model, new TextSpan(intent.Cluster.Start, intent.Cluster.Length), context.CancellationToken);
                if (edit == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        edit.Title,
                        ct => Apply(document, edit, ct),
                        EquivalenceKeyPrefix + diagnostic.Id),
                    diagnostic);
            }
        }

        /// <summary>A document's fixes one after another, each planned on the previous result (<see cref="SequentialFixAll"/>).</summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = context.CancellationToken;
            var pending = diagnostics
                .Where(d => d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => AddReaderFix.TryRead(d.Properties) is AddReaderFix fix ? new TextSpan(fix.Cluster.Start, fix.Cluster.Length) : (TextSpan?)null)
                .ToList();
            var changed = false;
            for (var i = 0; i < pending.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!(pending[i] is TextSpan cluster))
                {
                    continue;
                }

                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root == null || model == null)
                {
                    break;
                }

                var edit = AddReaderPlanner.Plan(root, model, cluster, cancellationToken);
                if (edit == null)
                {
                    continue;
                }

                var before = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                document = await Apply(document, edit, cancellationToken).ConfigureAwait(false);
                var change = SequentialFixAll.MinimalChange(before, (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
                changed = true;
                for (var j = i + 1; j < pending.Count; j++)
                {
                    pending[j] = pending[j] is TextSpan span ? SequentialFixAll.Map(span, change) : null;
                }
            }

            return changed ? document : null;
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
