using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.Cdk;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// <c>check --project</c>: the C# CDK front-end (the analyzer's own <see cref="CdkAnalyzer"/>, no second
    /// implementation) over the projects of a <c>.csproj</c> or <c>.sln</c>, opened through MSBuildWorkspace as a build
    /// opens them: the same sources, references, <c>.editorconfig</c>/<c>.globalconfig</c> severities and
    /// <c>#pragma</c>/<c>SuppressMessage</c> suppressions (reported as suppressed, not dropped). Templates are not analysed
    /// here: the file walk of <c>check</c> covers them. A project that does not load or compile is reported on stderr and
    /// counted as unreadable (exit code 2): an unrestored project would otherwise bind nothing and pass silently.
    /// </summary>
    public static class ProjectScanner
    {
        private static readonly object Gate = new object();

        public static ScanResult AddTo(ScanResult scan, IReadOnlyList<string> projectFiles, IReadOnlyList<string> globalConfigs, TextWriter err, CancellationToken cancellationToken)
        {
            lock (Gate)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    // Before any MSBuild type is loaded (Analyze is not inlined here): the installed SDK's MSBuild.
                    MSBuildLocator.RegisterDefaults();
                }
            }

            var (findings, unreadable) = Analyze(scan.Root, projectFiles, globalConfigs, err, cancellationToken);
            var all = scan.Findings.Concat(findings)
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ThenBy(f => f.StartLine)
                .ThenBy(f => f.StartColumn)
                .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();
            Fingerprints.Assign(all);
            return new ScanResult(scan.Root, all, scan.FilesRead, scan.Templates, scan.Missing, scan.Unreadable.Concat(unreadable).ToList(), scan.Skipped);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static (List<CliFinding> Findings, List<(string Path, string Reason)> Unreadable) Analyze(
            string root, IReadOnlyList<string> projectFiles, IReadOnlyList<string> globalConfigs, TextWriter err, CancellationToken cancellationToken)
        {
            var findings = new List<CliFinding>();
            var unreadable = new List<(string, string)>();
            using var workspace = MSBuildWorkspace.Create();
            var failures = new List<string>();
            workspace.WorkspaceFailed += (_, e) =>
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    lock (failures)
                    {
                        failures.Add(e.Diagnostic.Message);
                    }
                }
            };

            var projects = new List<Project>();
            foreach (var file in projectFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var display = Scanner.Display(root, file);
                failures.Clear();
                try
                {
                    if (file.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
                    {
                        var solution = workspace.OpenSolutionAsync(file, cancellationToken: cancellationToken).GetAwaiter().GetResult();
                        projects.AddRange(solution.Projects);
                    }
                    else
                    {
                        projects.Add(workspace.OpenProjectAsync(file, cancellationToken: cancellationToken).GetAwaiter().GetResult());
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is IOException || ex is ArgumentException || ex is InvalidDataException)
                {
                    failures.Add(ex.Message);
                }

                if (failures.Count > 0)
                {
                    var reason = "the project could not be loaded: " + string.Join("; ", failures.Take(3));
                    err.WriteLine("iac-analyzers: " + display + ": " + reason);
                    unreadable.Add((display, reason));
                }
            }

            // A project opened twice (named alone and in a solution), or per target framework: analysed once per file.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var project in projects.Where(p => p.Language == LanguageNames.CSharp))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (project.FilePath == null || !seen.Add(project.FilePath))
                {
                    continue;
                }

                var withConfigs = project;
                foreach (var config in globalConfigs)
                {
                    var text = SourceText.From(File.ReadAllText(config));
                    withConfigs = withConfigs.AddAnalyzerConfigDocument(Path.GetFileName(config), text, filePath: config).Project;
                }

                var display = Scanner.Display(root, project.FilePath);
                var compilation = withConfigs.GetCompilationAsync(cancellationToken).GetAwaiter().GetResult();
                if (compilation == null)
                {
                    continue;
                }

                var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    var reason = $"the project does not compile ({errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}; is it restored? run 'dotnet restore'): "
                        + string.Join("; ", errors.Take(3).Select(e => e.Id + " " + e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                    err.WriteLine("iac-analyzers: " + display + ": " + reason);
                    unreadable.Add((display, reason));
                }

                var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CdkAnalyzer());
                var options = new CompilationWithAnalyzersOptions(withConfigs.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
                var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
                foreach (var d in diagnostics)
                {
                    if (ToFinding(root, d) is CliFinding f)
                    {
                        findings.Add(f);
                    }
                }
            }

            return (findings, unreadable);
        }

        /// <summary>A diagnostic of the CDK analyzer as the tool reports it; null for what is not ours or not in a file.</summary>
        internal static CliFinding? ToFinding(string root, Diagnostic d)
        {
            var rule = RuleCatalog.Find(d.Id);
            if (rule == null || !d.Location.IsInSource || d.Severity == DiagnosticSeverity.Hidden)
            {
                return null;
            }

            var path = d.Location.SourceTree!.FilePath;
            var span = d.Location.GetLineSpan();
            var location = new SourceLocation(path, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length,
                span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
            d.Properties.TryGetValue(CdkDiagnostics.ResourceKey, out var resource);
            d.Properties.TryGetValue(CdkDiagnostics.ResourceTypeKey, out var type);
            d.Properties.TryGetValue(IacAnalyzers.Cdk.Adapters.CSharpFixKeys.Member, out var member);
            var suppression = d.IsSuppressed ? new TemplateSuppression(SourceSuppression, d.Id, "suppressed in the C# source (#pragma warning disable or SuppressMessage)") : null;
            return new CliFinding(rule, Scanner.Display(root, path), path, location, d.Severity, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                resource, type, member ?? string.Empty, fix: null, suppression);
        }

        /// <summary>The suppression source of a C# finding suppressed in code.</summary>
        public const string SourceSuppression = "csharp";
    }
}
