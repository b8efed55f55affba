using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// An analyzer test over one C# project (Microsoft.CodeAnalysis.Testing's <c>AnalyzerTest</c>, C# only):
    /// fill <see cref="TestState"/> (or <see cref="TestCode"/>), list what you expect (markup and/or
    /// <see cref="ExpectedDiagnostics"/>), then <see cref="RunAsync"/>.
    /// The project: assembly <c>TestProject</c>, folder <c>/0/</c>, C# latest, library output, nullable enabled,
    /// references <see cref="TestReferences.All"/> (runtime + CDK) plus the state's <c>AdditionalReferences</c>.
    /// </summary>
    public abstract class AnalyzerTest
    {
        /// <summary>The input: sources, additional files, analyzer config files and what is expected of them.</summary>
        public SolutionState TestState { get; } = new SolutionState();

        /// <summary>Shortcut: adds a C# source to <see cref="TestState"/> (as <c>/0/Test{n}.cs</c>).</summary>
        public string TestCode
        {
            set
            {
                if (value != null)
                {
                    TestState.Sources.Add(value);
                }
            }
        }

        /// <summary>Shortcut for <c>TestState.ExpectedDiagnostics</c>.</summary>
        public List<DiagnosticResult> ExpectedDiagnostics => TestState.ExpectedDiagnostics;

        /// <summary>
        /// The id <c>[|...|]</c> markup stands for. When not set: the analyzers' only id if they declare exactly one,
        /// else the only id among the state's explicit expectations and <c>{|ID:...|}</c> markup; otherwise
        /// <c>[|...|]</c> is an error.
        /// </summary>
        public string? MarkupDefaultId { get; set; }

        /// <summary>Which compiler diagnostics must be expected; default <see cref="CompilerDiagnostics.Errors"/>.</summary>
        public CompilerDiagnostics CompilerDiagnostics { get; set; } = CompilerDiagnostics.Errors;

        /// <summary>Ids turned off in the compilation options (analyzer and compiler ids alike).</summary>
        public List<string> DisabledDiagnostics { get; } = new List<string>();

        /// <summary>Hooks that change the solution after it is built (options, references, documents ...).</summary>
        public List<Func<Solution, ProjectId, Solution>> SolutionTransforms { get; } = new List<Func<Solution, ProjectId, Solution>>();

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        public OutputKind OutputKind { get; set; } = OutputKind.DynamicallyLinkedLibrary;

        public NullableContextOptions NullableContextOptions { get; set; } = NullableContextOptions.Enable;

        /// <summary>The analyzers under test (new instances for each run).</summary>
        protected abstract IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers();

        /// <summary>Runs the test; a failure throws a <see cref="VerifierException"/> with a readable message.</summary>
        public async Task RunAsync(CancellationToken cancellationToken = default)
        {
            var analyzers = GetDiagnosticAnalyzers().ToImmutableArray();
            var descriptors = DescriptorsById(analyzers);
            var testState = PreparedState.Prepare("TestState", TestState, Array.Empty<SolutionState>(), MarkupDefaultId, descriptors);

            using var workspace = new AdhocWorkspace();
            var project = BuildProject(workspace, testState);
            if (testState.VerifyDiagnostics)
            {
                var diagnostics = await GetDiagnosticsAsync(project, analyzers, cancellationToken).ConfigureAwait(false);
                DiagnosticComparison.Verify(testState.Name, testState.ExpectedDiagnostics, diagnostics, testState.TextsByPath);
            }

            await RunMoreAsync(new TestRun(workspace, analyzers, descriptors, testState, project), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Further verification after the test state's diagnostics (code fixes).</summary>
        private protected virtual Task RunMoreAsync(TestRun run, CancellationToken cancellationToken) => Task.CompletedTask;

        internal static IReadOnlyDictionary<string, DiagnosticDescriptor> DescriptorsById(IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var map = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                map.TryAdd(descriptor.Id, descriptor);
            }

            return map;
        }

        /// <summary>Builds the test project for a prepared state in <paramref name="workspace"/>'s empty solution.</summary>
        internal Project BuildProject(Workspace workspace, PreparedState state)
        {
            var projectId = ProjectId.CreateNewId(TestPaths.ProjectName);
            var parseOptions = new CSharpParseOptions(LanguageVersion, DocumentationMode.Parse);
            var compilationOptions = new CSharpCompilationOptions(
                    OutputKind,
                    nullableContextOptions: NullableContextOptions,
                    allowUnsafe: true)
                .WithSpecificDiagnosticOptions(DisabledDiagnostics.Distinct(StringComparer.Ordinal).Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress)));

            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                TestPaths.ProjectName,
                TestPaths.ProjectName,
                LanguageNames.CSharp,
                filePath: TestPaths.ProjectDirectory + TestPaths.ProjectName + ".csproj",
                compilationOptions: compilationOptions,
                parseOptions: parseOptions,
                metadataReferences: TestReferences.All.AddRange(state.AdditionalReferences)));

            foreach (var document in state.Sources)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, document.Path), FileName(document.Path), document.Text, filePath: document.Path);
            }

            foreach (var document in state.AdditionalFiles)
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, document.Path), FileName(document.Path), document.Text, filePath: document.Path);
            }

            foreach (var document in state.AnalyzerConfigFiles)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, document.Path), FileName(document.Path), document.Text, filePath: document.Path);
            }

            foreach (var transform in SolutionTransforms)
            {
                solution = transform(solution, projectId);
            }

            return solution.GetProject(projectId) ?? throw new InvalidOperationException("A solution transform removed the test project.");
        }

        /// <summary>
        /// Compiler diagnostics (as selected by <see cref="CompilerDiagnostics"/>, unsuppressed) and every analyzer
        /// diagnostic (suppressed ones included, as <see cref="Diagnostic.IsSuppressed"/>), sorted by file and position.
        /// An analyzer exception (AD0001) fails the test with the exception.
        /// </summary>
        internal async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The test project has no compilation.");

            var all = ImmutableArray.CreateBuilder<Diagnostic>();
            all.AddRange(compilation.GetDiagnostics(cancellationToken).Where(IncludeCompilerDiagnostic));

            if (!analyzers.IsEmpty)
            {
                var exceptions = new ConcurrentQueue<string>();
                var options = new CompilationWithAnalyzersOptions(
                    project.AnalyzerOptions,
                    (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().FullName + " threw: " + exception),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: true);
                var analyzerDiagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                var crashes = analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(DiagnosticComparison.Format).Concat(exceptions).ToList();
                if (crashes.Count > 0)
                {
                    var message = new StringBuilder("An analyzer threw an exception (AD0001):").AppendLine();
                    foreach (var crash in crashes)
                    {
                        message.AppendLine(crash);
                    }

                    throw new VerifierException(message.ToString());
                }

                all.AddRange(analyzerDiagnostics);
            }

            return all
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        private bool IncludeCompilerDiagnostic(Diagnostic diagnostic)
        {
            if (diagnostic.IsSuppressed)
            {
                return false;
            }

            switch (CompilerDiagnostics)
            {
                case CompilerDiagnostics.None:
                    return false;
                case CompilerDiagnostics.Errors:
                    return diagnostic.Severity == DiagnosticSeverity.Error;
                case CompilerDiagnostics.Warnings:
                    return diagnostic.Severity >= DiagnosticSeverity.Warning;
                case CompilerDiagnostics.Suggestions:
                    return diagnostic.Severity >= DiagnosticSeverity.Info;
                default:
                    return true;
            }
        }

        private static string FileName(string path)
        {
            var slash = path.LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }

    /// <summary>What one run of a test carries from the analyzer phase to the code-fix phase.</summary>
    internal sealed class TestRun
    {
        public TestRun(Workspace workspace, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyDictionary<string, DiagnosticDescriptor> descriptors, PreparedState testState, Project project)
        {
            Workspace = workspace;
            Analyzers = analyzers;
            Descriptors = descriptors;
            TestState = testState;
            Project = project;
        }

        public Workspace Workspace { get; }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors { get; }

        public PreparedState TestState { get; }

        public Project Project { get; }
    }

    /// <summary>An analyzer test for one analyzer type (Microsoft.CodeAnalysis.Testing's <c>CSharpAnalyzerTest</c>).</summary>
    public class CSharpAnalyzerTest<TAnalyzer> : AnalyzerTest
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new DiagnosticAnalyzer[] { new TAnalyzer() };
    }
}
