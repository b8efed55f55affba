using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// Fixes of diagnostics located in additional files (templates). Why this exists: the official framework (1.1.4)
    /// only offers a diagnostic to a provider when its location is in a source document
    /// (<c>Solution.GetDocument(diagnostic.Location.SourceTree)</c>), so a template diagnostic is never fixed there.
    /// Everything else is the official machinery: the states are evaluated and their markup processed by the
    /// framework, diagnostics are compared by <c>VerifyDiagnosticsAsync</c>, texts by <c>IVerifier.EqualOrDiff</c>.
    /// What this adds, mirroring the official code-fix loop: fixes applied one at a time through
    /// <c>CodeFixContext(TextDocument, ...)</c> (first fixable diagnostic by file and position, action chosen by
    /// <c>CodeActionIndex</c>/<c>CodeActionEquivalenceKey</c>), then the provider's fix-all in Project and Solution
    /// scope from the initial state, compared with <c>BatchFixedState</c>. Iteration counts follow the official
    /// meaning (positive = exact, negative = at most; defaults: 0 when nothing changes, else at most one per fixable
    /// expected diagnostic, fix-all at most once).
    /// </summary>
    public partial class CSharpCodeFixTest<TAnalyzer, TCodeFix>
    {
        private async Task RunAdditionalFileFixesAsync(CancellationToken cancellationToken)
        {
            var analyzers = GetDiagnosticAnalyzers().ToArray();
            var providers = GetCodeFixProviders().ToImmutableArray();
            var defaultDiagnostic = GetDefaultDiagnostic(analyzers);
            var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).ToImmutableArray();
            var fixable = providers.SelectMany(p => p.FixableDiagnosticIds).ToImmutableArray();

            var rawTestState = TestState.WithInheritedValuesApplied(null, fixable);
            var rawFixedState = FixedState.WithInheritedValuesApplied(rawTestState, fixable);
            var rawBatchFixedState = BatchFixedState.WithInheritedValuesApplied(rawFixedState, fixable);
            var testState = rawTestState.WithProcessedMarkup(MarkupOptions, defaultDiagnostic, supported, fixable, DefaultFilePath);
            var fixedState = rawFixedState.WithProcessedMarkup(MarkupOptions, defaultDiagnostic, supported, fixable, DefaultFilePath);
            var batchFixedState = rawBatchFixedState.WithProcessedMarkup(MarkupOptions, defaultDiagnostic, supported, fixable, DefaultFilePath);

            await VerifyDiagnosticsAsync(Evaluate(testState), ImmutableArray<EvaluatedProjectState>.Empty, testState.ExpectedDiagnostics.ToArray(), Verify.PushContext("Diagnostics of test state"), cancellationToken).ConfigureAwait(false);
            if (!CodeActionExpected(FixedState) && !CodeActionExpected(BatchFixedState))
            {
                return;
            }

            var fixableExpected = testState.ExpectedDiagnostics.Count(d => fixable.Contains(d.Id));
            var incremental = NumberOfIncrementalIterations ?? (HasAnyChange(testState, fixedState, recursive: true) ? -fixableExpected : 0);
            var initial = await CreateProjectAsync(Evaluate(testState), ImmutableArray<EvaluatedProjectState>.Empty, cancellationToken).ConfigureAwait(false);

            var verifier = Verify.PushContext("Incremental fixes of additional files");
            var project = await FixOneAtATimeAsync(initial, analyzers, providers, incremental, verifier, cancellationToken).ConfigureAwait(false);
            await VerifyAdditionalFilesAsync(fixedState, project, verifier, cancellationToken).ConfigureAwait(false);
            await VerifyDiagnosticsAsync(Evaluate(fixedState), ImmutableArray<EvaluatedProjectState>.Empty, fixedState.ExpectedDiagnostics.ToArray(), Verify.PushContext("Diagnostics of fixed state"), cancellationToken).ConfigureAwait(false);

            if (CodeFixTestBehaviors.HasFlag(CodeFixTestBehaviors.SkipFixAllCheck) || providers.Length != 1 || providers[0].GetFixAllProvider() is not { } fixAll)
            {
                return;
            }

            var batch = NumberOfFixAllIterations ?? (HasAnyChange(testState, batchFixedState, recursive: true) ? -1 : 0);
            foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution }.Where(s => fixAll.GetSupportedFixAllScopes().Contains(s)))
            {
                var scopeVerifier = Verify.PushContext("Fix all in " + scope + " scope");
                var fixedAll = await FixAllAsync(initial, analyzers, providers[0], fixAll, scope, batch, scopeVerifier, cancellationToken).ConfigureAwait(false);
                await VerifyAdditionalFilesAsync(batchFixedState, fixedAll, scopeVerifier, cancellationToken).ConfigureAwait(false);
            }

            await VerifyDiagnosticsAsync(Evaluate(batchFixedState), ImmutableArray<EvaluatedProjectState>.Empty, batchFixedState.ExpectedDiagnostics.ToArray(), Verify.PushContext("Diagnostics of batch fixed state"), cancellationToken).ConfigureAwait(false);
        }

        private EvaluatedProjectState Evaluate(SolutionState state) => new EvaluatedProjectState(state, ReferenceAssemblies);

        private async Task<Project> FixOneAtATimeAsync(Project project, DiagnosticAnalyzer[] analyzers, ImmutableArray<CodeFixProvider> providers, int iterations, IVerifier verifier, CancellationToken cancellationToken)
        {
            var limit = Math.Abs(iterations);
            var applied = 0;
            while (true)
            {
                var next = await FirstFixAsync(project, analyzers, providers, verifier, cancellationToken).ConfigureAwait(false);
                if (next == null)
                {
                    break;
                }

                verifier.True(applied < limit, iterations == 0
                    ? "No code fixes were expected, but a fix was offered: " + next.Value.Action.Title
                    : "The upper limit for the number of code fix iterations (" + limit + ") was exceeded: is a fix not removing its diagnostic?");
                project = await ApplyAsync(project, next.Value.Action, verifier, cancellationToken).ConfigureAwait(false);
                applied++;
            }

            if (iterations > 0)
            {
                verifier.Equal(iterations, applied, "Expected " + iterations + " code fix iterations, found " + applied + ".");
            }

            return project;
        }

        private async Task<Project> FixAllAsync(Project project, DiagnosticAnalyzer[] analyzers, CodeFixProvider provider, FixAllProvider fixAll, FixAllScope scope, int iterations, IVerifier verifier, CancellationToken cancellationToken)
        {
            var limit = Math.Abs(iterations);
            var applied = 0;
            while (true)
            {
                var next = await FirstFixAsync(project, analyzers, ImmutableArray.Create(provider), verifier, cancellationToken).ConfigureAwait(false);
                if (next == null)
                {
                    break;
                }

                var diagnostics = await AnalyzeAsync(project, analyzers, cancellationToken).ConfigureAwait(false);
                var context = new FixAllContext(
                    project,
                    provider,
                    scope,
                    next.Value.Action.EquivalenceKey,
                    new[] { next.Value.Diagnostic.Id },
                    new ListDiagnosticProvider(diagnostics),
                    cancellationToken);
                var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                if (action == null)
                {
                    break;
                }

                verifier.True(applied < limit, iterations == 0
                    ? "No fix-all was expected, but one was offered: " + action.Title
                    : "The upper limit for the number of fix-all iterations (" + limit + ") was exceeded.");
                project = await ApplyAsync(project, action, verifier, cancellationToken).ConfigureAwait(false);
                applied++;
            }

            if (iterations > 0)
            {
                verifier.Equal(iterations, applied, "Expected " + iterations + " fix-all iterations, found " + applied + ".");
            }

            return project;
        }

        /// <summary>The first unsuppressed fixable diagnostic in an additional file (by path and position) that gets the selected action.</summary>
        private async Task<(Diagnostic Diagnostic, CodeAction Action)?> FirstFixAsync(Project project, DiagnosticAnalyzer[] analyzers, ImmutableArray<CodeFixProvider> providers, IVerifier verifier, CancellationToken cancellationToken)
        {
            var diagnostics = await AnalyzeAsync(project, analyzers, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics
                .Where(d => !d.IsSuppressed && d.Location.Kind == LocationKind.ExternalFile && providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id)))
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start))
            {
                var document = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
                if (document == null)
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken)).ConfigureAwait(false);
                }

                var action = Select(actions, verifier);
                if (action != null)
                {
                    return (diagnostic, action);
                }
            }

            return null;
        }

        /// <summary>
        /// The official selection: <c>CodeActionIndex</c> and/or <c>CodeActionEquivalenceKey</c>, else the first action;
        /// the action chosen is shown to <c>CodeActionVerifier</c>, as the official loop does.
        /// </summary>
        private CodeAction? Select(List<CodeAction> actions, IVerifier verifier)
        {
            var selected = SelectCore(actions, verifier);
            if (selected != null)
            {
                CodeActionVerifier?.Invoke(selected, verifier);
            }

            return selected;
        }

        private CodeAction? SelectCore(List<CodeAction> actions, IVerifier verifier)
        {
            if (actions.Count == 0)
            {
                return null;
            }

            if (CodeActionIndex is { } index)
            {
                if (index >= actions.Count)
                {
                    return null;
                }

                if (CodeActionEquivalenceKey != null)
                {
                    verifier.Equal(CodeActionEquivalenceKey, actions[index].EquivalenceKey, "The code action at index " + index + " has another equivalence key.");
                }

                return actions[index];
            }

            if (CodeActionEquivalenceKey != null)
            {
                return actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
            }

            return actions[0];
        }

        private async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, DiagnosticAnalyzer[] analyzers, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The test project has no compilation.");
            var withAnalyzers = CreateCompilationWithAnalyzers(compilation, analyzers.ToImmutableArray(), GetAnalyzerOptions(project), cancellationToken);
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Project> ApplyAsync(Project project, CodeAction action, IVerifier verifier, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var changes = operations.OfType<ApplyChangesOperation>().ToList();
            verifier.Equal(1, changes.Count, "The code action '" + action.Title + "' must produce exactly one ApplyChangesOperation.");
            var changed = changes[0].ChangedSolution.GetProject(project.Id)
                ?? throw new InvalidOperationException("The code action removed the test project.");
            verifier.True(changed.Solution.GetChanges(project.Solution).GetProjectChanges().Any(), "The code action '" + action.Title + "' changed nothing.");
            return changed;
        }

        /// <summary>Every additional file of the project equals the state's, in order, by name and text (with a diff).</summary>
        private static async Task VerifyAdditionalFilesAsync(SolutionState expected, Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            var actual = project.AdditionalDocuments.ToArray();
            verifier.Equal(expected.AdditionalFiles.Count, actual.Length, "The project has " + actual.Length + " additional files, the expected state " + expected.AdditionalFiles.Count + ".");
            for (var i = 0; i < actual.Length; i++)
            {
                var text = await actual[i].GetTextAsync(cancellationToken).ConfigureAwait(false);
                verifier.Equal(expected.AdditionalFiles[i].filename, actual[i].FilePath, "Additional file " + i + " has another path.");
                verifier.EqualOrDiff(expected.AdditionalFiles[i].content.ToString(), text.ToString(), "content of '" + expected.AdditionalFiles[i].filename + "' did not match. Diff shown with expected as baseline:");
            }
        }

        private sealed class ListDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public ListDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics)
            {
                this.diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => !d.Location.IsInSource));
        }
    }
}
