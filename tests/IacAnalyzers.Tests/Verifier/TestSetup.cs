using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// What our two test classes (<see cref="CSharpAnalyzerTest{TAnalyzer}"/>, <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix}"/>)
    /// add to the official ones, written once. Each piece says why the official framework alone does not do it.
    /// </summary>
    internal static class TestSetup
    {
        /// <summary>
        /// A placeholder the framework never resolves: <see cref="CreateSolutionAsync"/> adds <see cref="TestReferences.All"/>
        /// instead. (Resolving any <see cref="ReferenceAssemblies"/>, even an empty one, loads NuGet settings and may
        /// download packages; our references come from the restore, see <see cref="TestReferences"/>.)
        /// </summary>
        public static readonly ReferenceAssemblies Pinned = new ReferenceAssemblies("net10.0");

        /// <summary>Library output, unsafe allowed (as the official default) and nullable enabled (as a CDK app's csproj).</summary>
        public static CompilationOptions CompilationOptions() =>
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

        /// <summary>The newest language (the official default is the compiler's default version).</summary>
        public static ParseOptions ParseOptions() =>
            new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose);

        /// <summary>
        /// The official <c>CreateSolutionAsync</c> without its one network-capable step: the project gets the
        /// process-wide <see cref="TestReferences.All"/> (runtime + CDK, built once) instead of resolving
        /// <c>ReferenceAssemblies</c> through NuGet. XML doc references are not supported (no test uses them).
        /// </summary>
        public static async Task<Solution> CreateSolutionAsync(
            AnalyzerTest<DefaultVerifier> test,
            ProjectId projectId,
            EvaluatedProjectState projectState,
            CompilationOptions compilationOptions,
            ParseOptions parseOptions)
        {
            if (test.XmlReferences.Count > 0)
            {
                throw new NotSupportedException("XmlReferences are not supported by the offline test setup.");
            }

            if (!ReferenceEquals(projectState.ReferenceAssemblies, Pinned) && !ReferenceEquals(test.ReferenceAssemblies, Pinned))
            {
                throw new NotSupportedException("ReferenceAssemblies are pinned (offline): add references with TestState.AdditionalReferences.");
            }

            var workspace = await test.CreateWorkspaceAsync().ConfigureAwait(false);
            var options = workspace.Options;
            foreach (var transform in test.OptionsTransforms)
            {
                options = transform(options);
            }

            if (!workspace.TryApplyChanges(workspace.CurrentSolution.WithOptions(options)))
            {
                throw new InvalidOperationException("Failed to apply workspace option transforms.");
            }

            return workspace.CurrentSolution
                .AddProject(projectId, projectState.Name, projectState.Name, projectState.Language)
                .WithProjectCompilationOptions(projectId, compilationOptions.WithOutputKind(projectState.OutputKind))
                .WithProjectParseOptions(projectId, parseOptions.WithDocumentationMode(projectState.DocumentationMode))
                .AddMetadataReferences(projectId, TestReferences.All);
        }

        /// <summary>
        /// The descriptor <c>[|...|]</c> stands for. Our host analyzers declare every catalog id, so the official rule
        /// (the first analyzer's only descriptor) never applies to them: <c>MarkupDefaultId</c> (or <c>RuleUnderTest</c>)
        /// names it instead.
        /// </summary>
        public static DiagnosticDescriptor? DefaultDiagnostic(string? id, DiagnosticAnalyzer[] analyzers)
        {
            if (id == null)
            {
                return null;
            }

            return analyzers.SelectMany(a => a.SupportedDiagnostics).FirstOrDefault(d => d.Id == id)
                ?? throw new InvalidOperationException("No analyzer under test declares the markup default id " + id + ".");
        }

        /// <summary>
        /// The official <c>ApplyCompilationOptions</c> pins every supported id to <c>ReportDiagnostic.Default</c> in the
        /// compilation options, and compilation options outrank <c>.editorconfig</c>/<c>.globalconfig</c> severities, so
        /// no configured severity could reach a diagnostic. We test severity configuration (our template host reads
        /// its own keys, and ID-level global config must reach templates), so only what the test asks for is set:
        /// AD0001 as an error, ids disabled by default turned on at their default severity (as the official does),
        /// and <c>DisabledDiagnostics</c> suppressed.
        /// </summary>
        public static Project ApplyCompilationOptions(Project project, IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<string> disabled)
        {
            var options = project.CompilationOptions ?? throw new InvalidOperationException("The project has no compilation options.");
            var specific = options.SpecificDiagnosticOptions;
            foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => !d.IsEnabledByDefault))
            {
                specific = specific.SetItem(descriptor.Id, descriptor.DefaultSeverity switch
                {
                    DiagnosticSeverity.Hidden => ReportDiagnostic.Hidden,
                    DiagnosticSeverity.Info => ReportDiagnostic.Info,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    _ => ReportDiagnostic.Error,
                });
            }

            specific = specific.SetItem("AD0001", ReportDiagnostic.Error);
            foreach (var id in disabled)
            {
                specific = specific.SetItem(id, ReportDiagnostic.Suppress);
            }

            return project.Solution.WithProjectCompilationOptions(project.Id, options.WithSpecificDiagnosticOptions(specific)).GetProject(project.Id)
                ?? throw new InvalidOperationException("The test project disappeared.");
        }

        private static readonly Regex MarkupId = new Regex(@"\{\|(?<id>[A-Za-z]+[0-9]+):", RegexOptions.CultureInvariant);

        /// <summary>
        /// Before the official run: a test of templates only gets an empty C# source (the official framework requires
        /// one, templates need none), and <paramref name="ruleUnderTest"/> disables every other rule the analyzers
        /// declare, except ids the test names in <c>{|ID:...|}</c> markup or in expectations. Tool ids (IAC0xxx) are
        /// never disabled: a template that cannot be read or a rule that crashes must still fail the test.
        /// </summary>
        public static void Prepare(SolutionState testState, List<string> disabledDiagnostics, string? ruleUnderTest, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            if (testState.Sources.Count == 0 && testState.GeneratedSources.Count == 0)
            {
                testState.Sources.Add(string.Empty);
            }

            if (ruleUnderTest == null)
            {
                return;
            }

            var keep = new HashSet<string>(StringComparer.Ordinal) { ruleUnderTest };
            foreach (var (_, content) in testState.Sources.Concat(testState.AdditionalFiles))
            {
                foreach (Match match in MarkupId.Matches(content.ToString()))
                {
                    keep.Add(match.Groups["id"].Value);
                }
            }

            keep.UnionWith(testState.ExpectedDiagnostics.Select(d => d.Id));
            disabledDiagnostics.AddRange(analyzers
                .SelectMany(a => a.SupportedDiagnostics)
                .Select(d => d.Id)
                .Where(id => id.StartsWith("IAC", StringComparison.Ordinal) && !id.StartsWith("IAC0", StringComparison.Ordinal) && !keep.Contains(id))
                .Distinct(StringComparer.Ordinal));
        }

        /// <summary>
        /// Keeps the analyzer diagnostics of a run's first comparison (the test state's). The official framework does
        /// not hand them back; a few tests assert on part of a long message (<c>WithMessage</c> compares all of it).
        /// </summary>
        public static void Capture(List<Diagnostic> captured, ref bool done, ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
        {
            if (done)
            {
                return;
            }

            done = true;
            captured.AddRange(diagnostics.Select(d => d.diagnostic).Where(d => !d.Id.StartsWith("CS", StringComparison.Ordinal)));
        }
    }
}
