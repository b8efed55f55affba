using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

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

        /// <summary>
        /// What every C# fix provider does to register its fixes: for each diagnostic whose intent <paramref name="read"/>
        /// finds (null: not this provider's), plans the edit on this document version's root and model (asked for once,
        /// at the first intent), and offers it when <paramref name="plan"/> finds one, titled by the plan, applied by
        /// <paramref name="apply"/>, with the equivalence key <paramref name="equivalenceKeyPrefix"/> + the rule id.
        /// </summary>
        public async Task RegisterFixesAsync<TIntent, TPlan>(
            CodeFixContext context,
            Func<Diagnostic, TIntent?> read,
            Func<SyntaxNode, SemanticModel, TIntent, CancellationToken, TPlan?> plan,
            Func<TPlan, string> title,
            Func<Document, SyntaxNode, TPlan, CancellationToken, Task<Document>> apply,
            string equivalenceKeyPrefix)
            where TIntent : class
            where TPlan : class
        {
            var document = context.Document;
            (SyntaxNode Root, SemanticModel Model)? state = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                var intent = read(diagnostic);
                if (intent == null)
                {
                    continue;
                }

                state ??= await GetAsync(document, context.CancellationToken).ConfigureAwait(false);
                if (state == null)
                {
                    return;
                }

                var (root, model) = state.Value;
                var planned = plan(root, model, intent, context.CancellationToken);
                if (planned == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(title(planned), ct => apply(document, root, planned, ct), equivalenceKeyPrefix + diagnostic.Id),
                    diagnostic);
            }
        }
    }
}
