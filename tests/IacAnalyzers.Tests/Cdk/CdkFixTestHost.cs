using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.CodeFixes.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Code-fix checks for the C# writer in an <see cref="AdhocWorkspace"/>: apply the fix to each diagnostic in turn
    /// (or Fix All in the document) and compare the text; or assert that no fix is offered. With <c>id</c>, only that
    /// rule's diagnostics count; without it, every IAC diagnostic does.
    /// </summary>
    public static class CdkFixTestHost
    {
        public static async Task VerifyFixAsync(string before, string after, bool fixAll = false, string? id = null)
        {
            var document = CreateDocument(CdkVerifier.Usings + before);
            var provider = new CSharpSetPropertyFixProvider();
            var diagnostics = await Diagnose(document, id);
            Assert.NotEmpty(diagnostics);
            if (fixAll)
            {
                var first = diagnostics[0];
                var actions = await Actions(provider, document, first);
                Assert.NotEmpty(actions);
                var context = new FixAllContext(
                    document,
                    provider,
                    FixAllScope.Document,
                    actions[0].EquivalenceKey!,
                    new[] { first.Id },
                    new FixedDiagnostics(diagnostics),
                    CancellationToken.None);
                var fixAllAction = await provider.GetFixAllProvider().GetFixAsync(context);
                Assert.NotNull(fixAllAction);
                document = await ApplyAsync(document, fixAllAction!);
            }
            else
            {
                for (var iteration = 0; iteration < 10; iteration++)
                {
                    CodeAction? action = null;
                    foreach (var diagnostic in await Diagnose(document, id))
                    {
                        action = (await Actions(provider, document, diagnostic)).FirstOrDefault();
                        if (action != null)
                        {
                            break;
                        }
                    }

                    if (action == null)
                    {
                        break;
                    }

                    document = await ApplyAsync(document, action);
                }
            }

            var text = (await document.GetTextAsync()).ToString();
            Assert.Equal(CdkVerifier.Usings + after, text);

            // The fixed code must compile.
            var compilation = await document.Project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Fixed source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }

        /// <summary>Asserts the source has at least one IAC diagnostic and none of them gets a fix.</summary>
        public static async Task VerifyNoFixAsync(string source, string? id = null)
        {
            var document = CreateDocument(CdkVerifier.Usings + source);
            var provider = new CSharpSetPropertyFixProvider();
            var diagnostics = await Diagnose(document, id);
            Assert.NotEmpty(diagnostics);
            foreach (var diagnostic in diagnostics)
            {
                var actions = await Actions(provider, document, diagnostic);
                Assert.True(actions.Count == 0, "Unexpected fix '" + actions.FirstOrDefault()?.Title + "' for " + diagnostic);
            }
        }

        /// <summary>The titles of the fixes offered for each diagnostic.</summary>
        public static async Task<IReadOnlyList<string>> FixTitlesAsync(string source, string? id = null)
        {
            var document = CreateDocument(CdkVerifier.Usings + source);
            var provider = new CSharpSetPropertyFixProvider();
            var titles = new List<string>();
            foreach (var diagnostic in await Diagnose(document, id))
            {
                titles.AddRange((await Actions(provider, document, diagnostic)).Select(a => a.Title));
            }

            return titles;
        }

        private static Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(
                    projectId,
                    VersionStamp.Create(),
                    "CdkFixTest",
                    "CdkFixTest",
                    LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                    metadataReferences: TestReferences.All));
            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs");
            return solution.GetDocument(documentId)!;
        }

        private static async Task<ImmutableArray<Diagnostic>> Diagnose(Document document, string? id)
        {
            var compilation = await document.Project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation!);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
            return diagnostics.Where(d => id == null || d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static async Task<List<CodeAction>> Actions(CodeFixProvider provider, Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                return actions;
            }

            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
            return actions;
        }

        private static async Task<Document> ApplyAsync(Document document, CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var apply = operations.OfType<ApplyChangesOperation>().Single();
            var changed = apply.ChangedSolution.GetDocument(document.Id)!;
            var before = (await document.GetTextAsync()).ToString();
            var after = (await changed.GetTextAsync()).ToString();
            Assert.NotEqual(before, after);
            return changed;
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
    }
}
