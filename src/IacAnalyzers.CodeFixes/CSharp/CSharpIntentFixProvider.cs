using System.Collections.Immutable;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// What the C# writers of one fix intent kind share: the ids they fix (every catalog rule that offers that kind on
    /// the C# surface), the documents' semantic models (<see cref="DocumentModels"/>, which also registers the fixes), and
    /// a Fix All that is each writer's own document pass.
    /// </summary>
    public abstract class CSharpIntentFixProvider : CodeFixProvider
    {
        protected CSharpIntentFixProvider(FixKind kind)
        {
            FixableDiagnosticIds = FixableIds.For(kind, Surfaces.Cdk);
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <summary>The documents' semantic models, shared by every registration for one document version.</summary>
        internal DocumentModels Models { get; } = new DocumentModels();

        public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        /// <summary>A document's fixes for Fix All (null: nothing changed).</summary>
        protected abstract Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics);
    }
}
