using System;
using System.Collections.Immutable;
using IacAnalyzers.CloudFormation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Host
{
    /// <summary>
    /// The CloudFormation front-end's host: every additional file that is a template is read into resource views
    /// and checked by the rules. Files that are not templates are ignored silently (a text prefilter rejects most of
    /// them before any parse). Severities come from our own configuration keys (see <see cref="SeverityConfiguration"/>),
    /// suppressions from the resources' Metadata (see <see cref="TemplateSuppressions"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<DiagnosticDescriptor> Supported = Descriptors.ForSurface(Catalog.Surfaces.CloudFormation);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!IsCandidate(file.Path))
            {
                return;
            }

            try
            {
                var text = file.GetText(context.CancellationToken);
                if (text == null || text.Length == 0)
                {
                    return;
                }

                var severities = SeverityConfiguration.For(context.Options, file);
                Analyze(file.Path, text.ToString(), severities, context.ReportDiagnostic, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Last line of defence: the build goes on, and the user sees what happened.
                context.ReportDiagnostic(RuleRunner.RuleFailed("template reader", System.IO.Path.GetFileName(file.Path), null, ex));
            }
        }

        /// <summary>
        /// Reads one file and reports what the rules find, through <see cref="TemplateEngine"/> (the one engine the
        /// command-line tool also runs). Suppressed findings are not reported: the compiler has no way to carry them.
        /// </summary>
        public static void Analyze(string path, string text, SeverityConfiguration severities, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var analysis = TemplateEngine.Analyze(path, text, severities, cancellationToken);
            if (analysis == null)
            {
                return;
            }

            foreach (var finding in analysis.Findings)
            {
                if (!finding.IsSuppressed)
                {
                    report(finding.ToDiagnostic());
                }
            }
        }

        /// <summary>YAML and JSON files (and .template) are candidates; the reader decides by content.</summary>
        public static bool IsCandidate(string path)
        {
            var ext = System.IO.Path.GetExtension(path);
            return ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".json", StringComparison.OrdinalIgnoreCase)
                || ext.Equals(".template", StringComparison.OrdinalIgnoreCase);
        }
    }
}
