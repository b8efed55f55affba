using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Robustness
{
    /// <summary>What one robustness case produced: the analyzers' diagnostics, every failure seen, and the times.</summary>
    public sealed class CaseResult
    {
        public CaseResult(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

        /// <summary>Analyzer exceptions (AD0001 or the exception callback), IAC0002, code-fix provider exceptions.</summary>
        public List<string> Failures { get; } = new List<string>();

        public TimeSpan Wall { get; set; }

        public TimeSpan CdkAnalyzerTime { get; set; }

        public TimeSpan TemplateAnalyzerTime { get; set; }

        public int FixesComputed { get; set; }

        /// <summary>Time in <see cref="CodeFixProvider.RegisterCodeFixesAsync"/> (the light bulb's question); reported, never asserted.</summary>
        public TimeSpan FixRegistrationTime { get; set; }

        /// <summary>How many times a provider was asked for fixes (one per diagnostic it fixes).</summary>
        public int FixRegistrations { get; set; }

        /// <summary>
        /// Semantic models the C# providers asked the workspace for while registering fixes, by provider: a work bound
        /// (one per document version, however many diagnostics it has), since binding is what registration must not repeat.
        /// </summary>
        public Dictionary<string, int> SemanticModelsForFixes { get; } = new Dictionary<string, int>();

        /// <summary>Time in <see cref="CodeAction.GetOperationsAsync(CancellationToken)"/> and reading the changed texts (preview/apply).</summary>
        public TimeSpan FixOperationsTime { get; set; }

        public IEnumerable<Diagnostic> Iac => Diagnostics.Where(d => d.Id.StartsWith("IAC", StringComparison.Ordinal));

        /// <summary>A stable text of the diagnostics (id, file, span, message) for comparisons.</summary>
        public string Fingerprint => string.Join(
            "\n",
            Diagnostics
                .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
                             + " {" + string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)) + "}")
                .OrderBy(s => s, StringComparer.Ordinal));
    }

    /// <summary>
    /// Runs <see cref="CdkAnalyzer"/> and <see cref="TemplateAnalyzer"/> the way the compiler and the IDE do
    /// (<see cref="CompilationWithAnalyzers"/> with an exception callback and execution-time logging), then asks every
    /// <see cref="CodeFixProvider"/> of IacAnalyzers.CodeFixes for fixes to every diagnostic it says it fixes and computes
    /// each action's operations and changed texts. Sources need not compile: half-typed code is the point.
    /// </summary>
    public static class RobustnessHost
    {
        public static readonly CdkAnalyzer Cdk = new CdkAnalyzer();

        public static readonly TemplateAnalyzer Template = new TemplateAnalyzer();

        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(Cdk, Template);

        /// <summary>Every code fix provider the code-fix assembly exports (found by reflection: a new one is swept too).</summary>
        public static readonly ImmutableArray<Type> ProviderTypes = typeof(CSharpSetPropertyFixProvider).Assembly
            .GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null
                        && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>Fresh provider instances (one set per case, so their work counters are the case's own).</summary>
        public static ImmutableArray<CodeFixProvider> CreateProviders()
            => ProviderTypes.Select(t => (CodeFixProvider)Activator.CreateInstance(t)!).ToImmutableArray();

        /// <summary>The semantic models a C# provider asked the workspace for (null for providers without a model cache).</summary>
        public static int? SemanticModelsComputed(CodeFixProvider provider) => provider switch
        {
            CSharpSetPropertyFixProvider p => p.Models.Computed,
            CSharpWorldPeerFixProvider p => p.Models.Computed,
            CSharpAddReaderFixProvider p => p.Models.Computed,
            _ => null,
        };

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview);

        public static Solution CreateSolution(IReadOnlyList<string> sources, IReadOnlyList<(string Path, string Text)>? additionalFiles = null, ImmutableArray<MetadataReference>? references = null)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "RobustnessApp",
                "RobustnessApp",
                LanguageNames.CSharp,
                filePath: "/0/RobustnessApp.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
                parseOptions: ParseOptions,
                metadataReferences: references ?? TestReferences.All));
            for (var i = 0; i < sources.Count; i++)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), "Test" + i + ".cs", SourceText.From(sources[i]), filePath: "/0/Test" + i + ".cs");
            }

            foreach (var (path, text) in additionalFiles ?? Array.Empty<(string, string)>())
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), path, SourceText.From(text), filePath: "/0/" + path);
            }

            return solution;
        }

        public static Task<CaseResult> RunAsync(string name, string source, bool fixes = true, CancellationToken cancellationToken = default)
            => RunAsync(name, CreateSolution(new[] { source }), fixes, concurrent: false, cancellationToken);

        /// <param name="fixes">Ask every provider for fixes; <paramref name="operations"/>: also compute each action's operations (preview/apply).</param>
        public static async Task<CaseResult> RunAsync(string name, Solution solution, bool fixes, bool concurrent, CancellationToken cancellationToken, bool operations = true)
        {
            var result = new CaseResult(name);
            var watch = Stopwatch.StartNew();
            var project = solution.Projects.Single();
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var withAnalyzers = WithAnalyzers(compilation, project.AnalyzerOptions.AdditionalFiles, concurrent, result.Failures);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            result.Diagnostics = diagnostics;
            result.CdkAnalyzerTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(Cdk, cancellationToken).ConfigureAwait(false)).ExecutionTime;
            result.TemplateAnalyzerTime = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(Template, cancellationToken).ConfigureAwait(false)).ExecutionTime;
            lock (result.Failures)
            {
                result.Failures.AddRange(diagnostics.Where(d => d.Id == "AD0001" || d.Id == "IAC0002").Select(d => d.ToString()));
            }

            if (fixes)
            {
                var providers = CreateProviders();
                await ComputeFixesAsync(solution, project, diagnostics, result, providers, operations, cancellationToken).ConfigureAwait(false);
                foreach (var provider in providers)
                {
                    if (SemanticModelsComputed(provider) is int models)
                    {
                        result.SemanticModelsForFixes[provider.GetType().Name] = models;
                    }
                }
            }

            result.Wall = watch.Elapsed;
            return result;
        }

        public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, bool concurrent, List<string> failures)
            => compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(additionalFiles),
                    onAnalyzerException: (ex, analyzer, diagnostic) =>
                    {
                        lock (failures)
                        {
                            failures.Add("analyzer exception in " + analyzer.GetType().Name + ": " + ex);
                        }
                    },
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));

        private static async Task ComputeFixesAsync(Solution solution, Project project, ImmutableArray<Diagnostic> diagnostics, CaseResult result, ImmutableArray<CodeFixProvider> providers, bool computeOperations, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("IAC", StringComparison.Ordinal) && d.Id != "IAC0002"))
            {
                foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    CodeFixContext context;
                    if (diagnostic.Location.IsInSource)
                    {
                        var document = solution.GetDocument(diagnostic.Location.SourceTree);
                        if (document == null || !Handles(provider, TextDocumentKind.Document))
                        {
                            continue;
                        }

                        context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
                    }
                    else if (diagnostic.Location.Kind == LocationKind.ExternalFile && Handles(provider, TextDocumentKind.AdditionalDocument))
                    {
                        var path = diagnostic.Location.GetLineSpan().Path;
                        var document = project.AdditionalDocuments.FirstOrDefault(a => a.FilePath == path);
                        if (document == null)
                        {
                            continue;
                        }

                        context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken);
                    }
                    else
                    {
                        continue;
                    }

                    var watch = Stopwatch.StartNew();
                    try
                    {
                        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                        result.FixRegistrationTime += watch.Elapsed;
                        result.FixRegistrations++;
                        watch.Restart();
                        foreach (var action in actions.SelectMany(Flatten).Where(_ => computeOperations))
                        {
                            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                            foreach (var apply in operations.OfType<ApplyChangesOperation>())
                            {
                                var changes = apply.ChangedSolution.GetChanges(solution);
                                foreach (var projectChanges in changes.GetProjectChanges())
                                {
                                    foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                                    {
                                        _ = await apply.ChangedSolution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                                    }

                                    foreach (var id in projectChanges.GetChangedAdditionalDocuments())
                                    {
                                        _ = await apply.ChangedSolution.GetAdditionalDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                                    }
                                }
                            }

                            result.FixesComputed++;
                        }

                        result.FixOperationsTime += watch.Elapsed;
                    }
                    catch (Exception ex) when (!(ex is OperationCanceledException))
                    {
                        result.Failures.Add("code fix provider " + provider.GetType().Name + " threw for " + diagnostic + ": " + ex);
                    }
                }
            }
        }

        /// <summary>Like the IDE: a provider gets additional documents only when its export attribute asks for them.</summary>
        private static bool Handles(CodeFixProvider provider, TextDocumentKind kind)
        {
            var kinds = provider.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>()?.DocumentKinds;
            return kinds == null || kinds.Length == 0 ? kind == TextDocumentKind.Document : kinds.Contains(kind.ToString());
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action)
            => action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);
    }
}
