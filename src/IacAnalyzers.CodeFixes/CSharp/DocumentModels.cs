using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The syntax root and semantic model of a document version, kept for as long as that version's syntax tree lives,
    /// so registering fixes for many diagnostics of one document binds its code once. (A workspace keeps a document's
    /// semantic model only weakly: without this, each registration could re-bind a method body — seconds for a body
    /// with a ten-thousand-part expression.) Registration asks only cheap questions of the model; the edit itself is
    /// built when the action is applied.
    /// </summary>
    internal sealed class DocumentModels
    {
        private readonly ConditionalWeakTable<SyntaxTree, SemanticModel> models = new ConditionalWeakTable<SyntaxTree, SemanticModel>();
        private int computed;

        /// <summary>How many semantic models this cache asked the workspace for (one per document version).</summary>
        public int Computed => Volatile.Read(ref computed);

        public async Task<(SyntaxNode Root, SemanticModel Model)?> GetAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree == null)
            {
                return null;
            }

            var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (models.TryGetValue(tree, out var cached))
            {
                return (root, cached);
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null)
            {
                return null;
            }

            Interlocked.Increment(ref computed);
            return (root, models.GetValue(tree, _ => model));
        }
    }
}
