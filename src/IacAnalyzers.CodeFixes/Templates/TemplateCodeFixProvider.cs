using System.Collections.Generic;
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

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>
    /// Fixes template findings in place (additional documents: YAML and JSON). The fix comes from the finding's intent
    /// (diagnostic properties); <see cref="TemplateFixWriter"/> turns it into text edits, and a fix is offered only when
    /// the writer can apply it.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TemplateCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
    [Shared]
    public sealed class TemplateCodeFixProvider : CodeFixProvider
    {
        private const string EquivalencePrefix = "IacAnalyzers.Template.";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = FixableIds.For(TemplateFixWriter.SupportedKinds, Surfaces.CloudFormation);

        public override FixAllProvider? GetFixAllProvider() => TemplateFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            var content = text.ToString();
            foreach (var diagnostic in context.Diagnostics)
            {
                var intent = FixIntent.Read(diagnostic.Properties);
                if (intent == null || !TemplateFixWriter.Supports(intent.Kind))
                {
                    continue;
                }

                var edits = TemplateFixWriter.Edits(content, intent, context.CancellationToken);
                if (edits == null || edits.Count == 0)
                {
                    continue;
                }

                var title = intent.Title;
                var changed = text.WithChanges(edits.Select(e => new TextChange(new TextSpan(e.Start, e.Length), e.NewText)));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(document.Project.Solution.WithAdditionalDocumentText(document.Id, changed)),
                        EquivalenceKey(intent.Kind, title)),
                    diagnostic);
            }
        }

        internal static string EquivalenceKey(FixKind kind, string title) => EquivalencePrefix + kind + ":" + title;

        /// <summary>
        /// Applies every fix of the same kind and title in each additional document of the scope. The edits of one
        /// document are computed on its original text and applied together (most recent offsets first); a fix whose
        /// edits overlap one already taken is skipped, and the next run of the analyzer offers it again.
        /// </summary>
        private sealed class TemplateFixAllProvider : FixAllProvider
        {
            public static readonly TemplateFixAllProvider Instance = new TemplateFixAllProvider();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var solution = fixAllContext.Solution;
                var projects = fixAllContext.Scope == FixAllScope.Solution ? solution.Projects : new[] { fixAllContext.Project };
                var key = fixAllContext.CodeActionEquivalenceKey;
                var changed = solution;
                foreach (var project in projects)
                {
                    var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var group in diagnostics.Where(d => fixAllContext.DiagnosticIds.Contains(d.Id)).GroupBy(d => d.Location.GetLineSpan().Path))
                    {
                        var documentId = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == group.Key)?.Id;
                        if (documentId == null)
                        {
                            continue;
                        }

                        var document = changed.GetAdditionalDocument(documentId)!;
                        var text = await document.GetTextAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
                        var newText = Fix(text, group, key, fixAllContext.CancellationToken);
                        if (newText != null)
                        {
                            changed = changed.WithAdditionalDocumentText(documentId, newText);
                        }
                    }
                }

                return CodeAction.Create("Fix all template findings", _ => Task.FromResult(changed), key);
            }

            private static SourceText? Fix(SourceText text, IEnumerable<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
            {
                var content = text.ToString();
                var taken = new List<TextChange>();
                foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    var intent = FixIntent.Read(diagnostic.Properties);
                    if (intent == null || !TemplateFixWriter.Supports(intent.Kind))
                    {
                        continue;
                    }

                    if (key != null && EquivalenceKey(intent.Kind, intent.Title) != key)
                    {
                        continue;
                    }

                    var edits = TemplateFixWriter.Edits(content, intent, cancellationToken);
                    if (edits == null)
                    {
                        continue;
                    }

                    var changes = edits.Select(e => new TextChange(new TextSpan(e.Start, e.Length), e.NewText)).ToList();
                    if (changes.Any(c => taken.Any(t => Overlaps(t.Span, c.Span))))
                    {
                        continue;
                    }

                    taken.AddRange(changes);
                }

                return taken.Count == 0 ? null : text.WithChanges(taken.OrderBy(c => c.Span.Start));
            }

            private static bool Overlaps(TextSpan a, TextSpan b)
                => a.Start == b.Start || a.OverlapsWith(b) || (a.Length == 0 && b.Contains(a.Start) && b.Start != a.Start) || (b.Length == 0 && a.Contains(b.Start) && a.Start != b.Start);
        }
    }
}
