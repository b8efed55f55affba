using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// A code-fix test (Microsoft.CodeAnalysis.Testing's <c>CodeFixTest</c>, C# only). After the analyzer part:
    /// <list type="number">
    /// <item>the diagnostics of <see cref="FixedState"/> are verified (what remains after the fix; its sources must compile);</item>
    /// <item>fixes are applied one at a time (first fixable diagnostic in file/position order, action chosen by
    /// <see cref="CodeActionIndex"/> / <see cref="CodeActionEquivalenceKey"/>) until none is offered, and every source and
    /// additional file is compared with <see cref="FixedState"/>;</item>
    /// <item>if the provider has a FixAllProvider: fix-all in Document, Project and Solution scope (those it supports),
    /// each from the test state, compared with <see cref="BatchFixedState"/> (default: <see cref="FixedState"/>).</item>
    /// </list>
    /// A fix that changes nothing fails; a fix offered when FixedState equals TestState fails; no fix offered when a
    /// change is expected fails. A FixedState without documents makes the test an analyzer-only test.
    /// </summary>
    public abstract class CodeFixTest : AnalyzerTest
    {
        /// <summary>
        /// The expected result of the fixes. An empty collection (sources, additional files, config files,
        /// references) is inherited from <see cref="AnalyzerTest.TestState"/>, markup included.
        /// </summary>
        public SolutionState FixedState { get; } = new SolutionState();

        /// <summary>The expected result of fix-all when it differs from <see cref="FixedState"/>; inherits from it.</summary>
        public SolutionState BatchFixedState { get; } = new SolutionState();

        /// <summary>Shortcut: adds a C# source to <see cref="FixedState"/>.</summary>
        public string FixedCode
        {
            set
            {
                if (value != null)
                {
                    FixedState.Sources.Add(value);
                }
            }
        }

        /// <summary>Shortcut: adds a C# source to <see cref="BatchFixedState"/>.</summary>
        public string BatchFixedCode
        {
            set
            {
                if (value != null)
                {
                    BatchFixedState.Sources.Add(value);
                }
            }
        }

        /// <summary>Which of the offered actions to apply (nested actions are flattened); default 0.</summary>
        public int? CodeActionIndex { get; set; }

        /// <summary>The equivalence key of the action to apply (with <see cref="CodeActionIndex"/>, both must agree).</summary>
        public string? CodeActionEquivalenceKey { get; set; }

        /// <summary>
        /// Exact number of one-at-a-time fixes when positive (no check after the last), "at most" when negative.
        /// Default: 0 if FixedState equals TestState, else at most the number of fixable expected diagnostics (≥ 1).
        /// </summary>
        public int? NumberOfIncrementalIterations { get; set; }

        /// <summary>Fix-all iterations in Project/Solution scope (exact if positive, at most if negative); default at most 1.</summary>
        public int? NumberOfFixAllIterations { get; set; }

        /// <summary>Fix-all iterations in Document scope; default at most one per document with fixable expected diagnostics.</summary>
        public int? NumberOfFixAllInDocumentIterations { get; set; }

        protected abstract IEnumerable<CodeFixProvider> GetCodeFixProviders();

        /// <summary>Diagnostics by project snapshot, so the fix loop and the FixAllProvider do not analyze twice.</summary>
        private Dictionary<Project, Task<ImmutableArray<Diagnostic>>> _diagnosticsCache = new Dictionary<Project, Task<ImmutableArray<Diagnostic>>>(ReferenceEqualityComparer.Instance);

        private Task<ImmutableArray<Diagnostic>> GetCachedDiagnosticsAsync(Project project, TestRun run, CancellationToken cancellationToken)
        {
            lock (_diagnosticsCache)
            {
                if (!_diagnosticsCache.TryGetValue(project, out var task))
                {
                    task = GetDiagnosticsAsync(project, run.Analyzers, cancellationToken);
                    _diagnosticsCache.Add(project, task);
                }

                return task;
            }
        }

        private protected override async Task RunMoreAsync(TestRun run, CancellationToken cancellationToken)
        {
            if (!FixedState.HasDocuments && FixedState.ExpectedDiagnostics.Count == 0)
            {
                return;
            }

            var providers = GetCodeFixProviders().ToImmutableArray();
            _diagnosticsCache = new Dictionary<Project, Task<ImmutableArray<Diagnostic>>>(ReferenceEqualityComparer.Instance);
            var fixedState = PreparedState.Prepare("FixedState", FixedState, new[] { TestState }, MarkupDefaultId, run.Descriptors);
            var batchState = BatchFixedState.HasDocuments || BatchFixedState.ExpectedDiagnostics.Count > 0
                ? PreparedState.Prepare("BatchFixedState", BatchFixedState, new[] { FixedState, TestState }, MarkupDefaultId, run.Descriptors)
                : fixedState;

            foreach (var state in batchState == fixedState ? new[] { fixedState } : new[] { fixedState, batchState })
            {
                if (state.VerifyDiagnostics)
                {
                    var project = BuildProject(run.Workspace, state);
                    var diagnostics = await GetCachedDiagnosticsAsync(project, run, cancellationToken).ConfigureAwait(false);
                    DiagnosticComparison.Verify(state.Name + " (the expected result of the fix)", state.ExpectedDiagnostics, diagnostics, state.TextsByPath);
                }
            }

            var fixableIds = new HashSet<string>(providers.SelectMany(p => p.FixableDiagnosticIds), StringComparer.Ordinal);
            var fixableExpected = run.TestState.ExpectedDiagnostics.Where(d => fixableIds.Contains(d.Id)).ToList();
            var expectChange = !fixedState.HasSameTextsAs(run.TestState);

            var incremental = NumberOfIncrementalIterations ?? (expectChange ? -Math.Max(1, fixableExpected.Count) : 0);
            await VerifyIncrementalAsync(run, providers, fixedState, incremental, expectChange, cancellationToken).ConfigureAwait(false);

            if (!expectChange || providers.Length != 1)
            {
                return;
            }

            var provider = providers[0];
            var fixAll = provider.GetFixAllProvider();
            if (fixAll == null)
            {
                return;
            }

            var scopes = fixAll.GetSupportedFixAllScopes();
            var allInSource = fixableExpected.All(d => d.HasLocation && run.TestState.Sources.Any(s => s.Path == d.Locations[0].Path));
            foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
            {
                if (!scopes.Contains(scope) || (scope == FixAllScope.Document && !allInSource))
                {
                    // Document scope cannot reach a diagnostic in an additional file (FixAllContext.Document is a Document).
                    continue;
                }

                var documents = fixableExpected.Where(d => d.HasLocation).Select(d => d.Locations[0].Path).Distinct(StringComparer.Ordinal).Count();
                var iterations = scope == FixAllScope.Document
                    ? NumberOfFixAllInDocumentIterations ?? NumberOfFixAllIterations ?? -Math.Max(1, documents)
                    : NumberOfFixAllIterations ?? -1;
                await VerifyFixAllAsync(run, provider, fixAll, scope, batchState, iterations, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task VerifyIncrementalAsync(TestRun run, ImmutableArray<CodeFixProvider> providers, PreparedState fixedState, int iterations, bool expectChange, CancellationToken cancellationToken)
        {
            const string What = "Code fix";
            var project = run.Project;
            var max = Math.Abs(iterations);
            var exact = iterations > 0;
            var done = 0;
            var notSelected = new List<string>();
            while (!exact || done < max)
            {
                var found = await FindFixAsync(run, project, providers, inSourceOnly: false, notSelected, cancellationToken).ConfigureAwait(false);
                if (found == null)
                {
                    break;
                }

                var (action, diagnostic) = found.Value;
                if (done >= max)
                {
                    throw new VerifierException(max == 0
                        ? What + ": no code fix was expected" + (expectChange ? " (NumberOfIncrementalIterations = 0)" : " (FixedState equals TestState)") + ", but '" + action.Title + "' is offered for " + DiagnosticComparison.Format(diagnostic) + "."
                        : What + ": still offering '" + action.Title + "' for " + DiagnosticComparison.Format(diagnostic) + " after " + done.ToString(CultureInfo.InvariantCulture)
                            + " fix(es)" + (NumberOfIncrementalIterations == null ? " (the default allows one per fixable expected diagnostic)" : " (NumberOfIncrementalIterations allows at most " + max.ToString(CultureInfo.InvariantCulture) + ")")
                            + ". A fix that does not remove its diagnostic loops; if more fixes are intended, set NumberOfIncrementalIterations.");
                }

                done++;
                var solution = await ApplyAsync(action, diagnostic, project.Solution, What + " " + done.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                project = solution.GetProject(project.Id)!;
            }

            if (expectChange && done == 0)
            {
                throw new VerifierException(What + ": FixedState differs from TestState, but no code fix was applied." + Environment.NewLine
                    + await DescribeFixableAsync(run, run.Project, providers, notSelected, cancellationToken).ConfigureAwait(false));
            }

            if (exact && done != max)
            {
                throw new VerifierException(What + ": expected " + max.ToString(CultureInfo.InvariantCulture) + " iteration(s), but only "
                    + done.ToString(CultureInfo.InvariantCulture) + " fix(es) were offered." + Environment.NewLine
                    + await DescribeFixableAsync(run, project, providers, notSelected, cancellationToken).ConfigureAwait(false));
            }

            await CompareAsync(What + " (one at a time)", project, fixedState, cancellationToken).ConfigureAwait(false);
        }

        private async Task VerifyFixAllAsync(TestRun run, CodeFixProvider provider, FixAllProvider fixAll, FixAllScope scope, PreparedState expected, int iterations, CancellationToken cancellationToken)
        {
            var what = "Fix-all in " + scope + " scope";
            var project = run.Project;
            var max = Math.Abs(iterations);
            var exact = iterations > 0;
            var done = 0;
            var notSelected = new List<string>();
            var providers = ImmutableArray.Create(provider);
            while (!exact || done < max)
            {
                var found = await FindFixAsync(run, project, providers, inSourceOnly: scope == FixAllScope.Document, notSelected, cancellationToken).ConfigureAwait(false);
                if (found == null)
                {
                    break;
                }

                var (action, diagnostic) = found.Value;
                if (done >= max)
                {
                    throw new VerifierException(what + ": still offering '" + action.Title + "' for " + DiagnosticComparison.Format(diagnostic) + " after "
                        + done.ToString(CultureInfo.InvariantCulture) + " iteration(s); set NumberOfFixAllIterations (or NumberOfFixAllInDocumentIterations) if more are intended.");
                }

                done++;
                // Like the IDE's "Fix all occurrences": the trigger's id and the chosen action's equivalence key.
                var diagnosticProvider = new FixAllDiagnosticProvider(p => GetCachedDiagnosticsAsync(p, run, cancellationToken));
                var ids = new[] { diagnostic.Id };
                var context = scope == FixAllScope.Document
                    ? new FixAllContext(project.GetDocument(diagnostic.Location.SourceTree)!, provider, scope, action.EquivalenceKey, ids, diagnosticProvider, cancellationToken)
                    : new FixAllContext(project, provider, scope, action.EquivalenceKey, ids, diagnosticProvider, cancellationToken);
                var fixAllAction = await fixAll.GetFixAsync(context).ConfigureAwait(false)
                    ?? throw new VerifierException(what + ": the FixAllProvider returned no code action (trigger: " + DiagnosticComparison.Format(diagnostic) + ", equivalence key '" + action.EquivalenceKey + "').");
                var solution = await ApplyAsync(fixAllAction, diagnostic, project.Solution, what + " " + done.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                project = solution.GetProject(project.Id)!;
            }

            if (done == 0)
            {
                throw new VerifierException(what + ": no fix was offered to start fix-all from." + Environment.NewLine
                    + await DescribeFixableAsync(run, run.Project, providers, notSelected, cancellationToken).ConfigureAwait(false));
            }

            if (exact && done != max)
            {
                throw new VerifierException(what + ": expected " + max.ToString(CultureInfo.InvariantCulture) + " iteration(s), but ran " + done.ToString(CultureInfo.InvariantCulture) + ".");
            }

            await CompareAsync(what, project, expected, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The first diagnostic (file/position order) for which a provider offers a selectable action.</summary>
        private async Task<(CodeAction Action, Diagnostic Diagnostic)?> FindFixAsync(
            TestRun run, Project project, ImmutableArray<CodeFixProvider> providers, bool inSourceOnly, List<string> notSelected, CancellationToken cancellationToken)
        {
            var diagnostics = await GetCachedDiagnosticsAsync(project, run, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.IsSuppressed || diagnostic.Location == Location.None || (inSourceOnly && !diagnostic.Location.IsInSource))
                {
                    continue;
                }

                foreach (var provider in providers)
                {
                    if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
                    {
                        continue;
                    }

                    var actions = await GetActionsAsync(project, diagnostic, provider, cancellationToken).ConfigureAwait(false);
                    if (actions.IsEmpty)
                    {
                        continue;
                    }

                    var selected = Select(actions);
                    if (selected != null)
                    {
                        return (selected, diagnostic);
                    }

                    notSelected.Add(DiagnosticComparison.Format(diagnostic) + ": offered " + DescribeActions(actions) + ", but "
                        + (CodeActionEquivalenceKey != null ? "CodeActionEquivalenceKey '" + CodeActionEquivalenceKey + "'" : string.Empty)
                        + (CodeActionEquivalenceKey != null && CodeActionIndex != null ? " with " : string.Empty)
                        + (CodeActionIndex != null || CodeActionEquivalenceKey == null ? "CodeActionIndex " + (CodeActionIndex ?? 0).ToString(CultureInfo.InvariantCulture) : string.Empty)
                        + " selects none of them");
                }
            }

            return null;
        }

        private static async Task<ImmutableArray<CodeAction>> GetActionsAsync(Project project, Diagnostic diagnostic, CodeFixProvider provider, CancellationToken cancellationToken)
        {
            var document = FindDocument(project, diagnostic);
            if (document == null)
            {
                return ImmutableArray<CodeAction>.Empty;
            }

            var actions = new List<CodeAction>();
            void Register(CodeAction action, ImmutableArray<Diagnostic> diagnostics) => actions.Add(action);
            var context = document is Document source
                ? new CodeFixContext(source, diagnostic, Register, cancellationToken)
                : new CodeFixContext(document, diagnostic, Register, cancellationToken);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions.SelectMany(Flatten).ToImmutableArray();
        }

        /// <summary>The source document of a diagnostic, or the additional document whose path it carries.</summary>
        internal static TextDocument? FindDocument(Project project, Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree is SyntaxTree tree && project.GetDocument(tree) is Document document)
            {
                return document;
            }

            var path = diagnostic.Location.GetLineSpan().Path;
            return (TextDocument?)project.Documents.FirstOrDefault(d => d.FilePath == path)
                ?? project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path);
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
            action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

        private CodeAction? Select(ImmutableArray<CodeAction> actions)
        {
            if (CodeActionEquivalenceKey != null)
            {
                if (CodeActionIndex is int index)
                {
                    return index < actions.Length && actions[index].EquivalenceKey == CodeActionEquivalenceKey ? actions[index] : null;
                }

                return actions.FirstOrDefault(a => a.EquivalenceKey == CodeActionEquivalenceKey);
            }

            var i = CodeActionIndex ?? 0;
            return i >= 0 && i < actions.Length ? actions[i] : null;
        }

        private static string DescribeActions(ImmutableArray<CodeAction> actions) =>
            string.Join(", ", actions.Select((a, i) => "[" + i.ToString(CultureInfo.InvariantCulture) + "] '" + a.Title + "' (key " + (a.EquivalenceKey ?? "null") + ")"));

        private static async Task<Solution> ApplyAsync(CodeAction action, Diagnostic diagnostic, Solution solution, string what, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            var changes = operations.OfType<ApplyChangesOperation>().ToList();
            if (changes.Count != 1)
            {
                throw new VerifierException(what + ": the code action '" + action.Title + "' for " + DiagnosticComparison.Format(diagnostic) + " produced "
                    + changes.Count.ToString(CultureInfo.InvariantCulture) + " ApplyChangesOperation(s); exactly one is expected.");
            }

            var changed = changes[0].ChangedSolution;
            var before = await SnapshotAsync(solution, cancellationToken).ConfigureAwait(false);
            var after = await SnapshotAsync(changed, cancellationToken).ConfigureAwait(false);
            if (before.Count == after.Count && before.All(pair => after.TryGetValue(pair.Key, out var text) && text == pair.Value))
            {
                throw new VerifierException(what + ": the code action '" + action.Title + "' for " + DiagnosticComparison.Format(diagnostic) + " did not change anything.");
            }

            return changed;
        }

        /// <summary>Every source and additional document of the solution, by kind and path, with its text.</summary>
        private static async Task<Dictionary<string, string>> SnapshotAsync(Solution solution, CancellationToken cancellationToken)
        {
            var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var project in solution.Projects)
            {
                foreach (var document in project.Documents.Cast<TextDocument>().Concat(project.AdditionalDocuments))
                {
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    snapshot[(document is Document ? "source " : "additional ") + (document.FilePath ?? document.Name)] = text.ToString();
                }
            }

            return snapshot;
        }

        private static async Task CompareAsync(string what, Project project, PreparedState expected, CancellationToken cancellationToken)
        {
            var problems = new StringBuilder();
            await CompareDocumentsAsync("source", project.Documents.Cast<TextDocument>(), expected.Sources, problems, cancellationToken).ConfigureAwait(false);
            await CompareDocumentsAsync("additional file", project.AdditionalDocuments, expected.AdditionalFiles, problems, cancellationToken).ConfigureAwait(false);
            if (problems.Length > 0)
            {
                throw new VerifierException(what + ": the result differs from " + expected.Name + "." + Environment.NewLine + Environment.NewLine + problems);
            }
        }

        private static async Task CompareDocumentsAsync(string kind, IEnumerable<TextDocument> actualDocuments, ImmutableArray<PreparedDocument> expected, StringBuilder problems, CancellationToken cancellationToken)
        {
            var actual = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            foreach (var document in actualDocuments)
            {
                actual[document.FilePath ?? document.Name] = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var document in expected)
            {
                if (!actual.TryGetValue(document.Path, out var text))
                {
                    problems.Append("Missing ").Append(kind).Append(' ').Append(document.Path).AppendLine(" (expected, but the fixed project does not have it).");
                    continue;
                }

                var expectedText = document.Text.ToString();
                var actualText = text.ToString();
                if (expectedText != actualText)
                {
                    problems.Append(TextDiff.Describe(document.Path, expectedText, actualText)).AppendLine();
                    problems.Append("Actual text of ").Append(document.Path).AppendLine(":");
                    problems.AppendLine(Truncate(actualText)).AppendLine();
                }
            }

            foreach (var path in actual.Keys.Where(p => !expected.Any(d => d.Path == p)).OrderBy(p => p, StringComparer.Ordinal))
            {
                problems.Append("Unexpected ").Append(kind).Append(' ').Append(path).AppendLine(" (the fixed project has it, the expected state does not):");
                problems.AppendLine(Truncate(actual[path].ToString())).AppendLine();
            }
        }

        private static string Truncate(string text)
        {
            var lines = text.Split('\n');
            return lines.Length <= 200 ? text : string.Join("\n", lines.Take(200)) + "\n... (" + (lines.Length - 200).ToString(CultureInfo.InvariantCulture) + " more lines)";
        }

        private async Task<string> DescribeFixableAsync(TestRun run, Project project, ImmutableArray<CodeFixProvider> providers, List<string> notSelected, CancellationToken cancellationToken)
        {
            var ids = new HashSet<string>(providers.SelectMany(p => p.FixableDiagnosticIds), StringComparer.Ordinal);
            var diagnostics = await GetCachedDiagnosticsAsync(project, run, cancellationToken).ConfigureAwait(false);
            var builder = new StringBuilder();
            builder.Append("Fixable ids: ").AppendLine(ids.Count == 0 ? "(none)" : string.Join(", ", ids.OrderBy(i => i, StringComparer.Ordinal)));
            builder.AppendLine("Diagnostics with a fixable id:");
            var any = false;
            foreach (var diagnostic in diagnostics.Where(d => ids.Contains(d.Id)))
            {
                builder.Append("  ").AppendLine(DiagnosticComparison.Format(diagnostic));
                any = true;
            }

            if (!any)
            {
                builder.AppendLine("  (none)");
            }

            if (notSelected.Count > 0)
            {
                builder.AppendLine("Actions offered but not selected:");
                foreach (var line in notSelected.Distinct(StringComparer.Ordinal))
                {
                    builder.Append("  ").AppendLine(line);
                }
            }

            return builder.ToString();
        }

        /// <summary>The diagnostics a FixAllProvider asks for, computed like the test's own (suppressed ones left out).</summary>
        private sealed class FixAllDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly Func<Project, Task<ImmutableArray<Diagnostic>>> _compute;

            public FixAllDiagnosticProvider(Func<Project, Task<ImmutableArray<Diagnostic>>> compute)
            {
                _compute = compute;
            }

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                (await GetAsync(project).ConfigureAwait(false)).Where(d => !d.IsSuppressed);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                (await GetAsync(document.Project).ConfigureAwait(false)).Where(d => !d.IsSuppressed && d.Location.IsInSource && d.Location.SourceTree!.FilePath == document.FilePath);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                (await GetAsync(project).ConfigureAwait(false)).Where(d => !d.IsSuppressed && !d.Location.IsInSource);

            private Task<ImmutableArray<Diagnostic>> GetAsync(Project project) => _compute(project);
        }
    }

    /// <summary>A code-fix test for one analyzer and one provider (Microsoft.CodeAnalysis.Testing's <c>CSharpCodeFixTest</c>).</summary>
    public class CSharpCodeFixTest<TAnalyzer, TCodeFix> : CodeFixTest
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new DiagnosticAnalyzer[] { new TAnalyzer() };

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new CodeFixProvider[] { new TCodeFix() };
    }
}
