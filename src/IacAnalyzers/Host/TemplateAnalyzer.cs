using System;
using System.Collections.Immutable;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Host
{
    /// <summary>
    /// The CloudFormation front-end's host: every additional file that is a template is read into resource views
    /// and checked by the rules. Files that are not templates are ignored silently.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TemplateAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

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
                if (text == null)
                {
                    return;
                }

                var template = TemplateReader.Read(file.Path, text.ToString(), context.CancellationToken);
                if (template == null)
                {
                    return;
                }

                foreach (var error in template.Errors)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.For(RuleCatalog.TemplateUnreadable), Locations.ToLocation(error.Location), System.IO.Path.GetFileName(file.Path), error.Message));
                }

                foreach (var resource in template.Resources)
                {
                    RuleRunner.Run(
                        resource,
                        finding => context.ReportDiagnostic(RuleRunner.ToDiagnostic(finding)),
                        context.ReportDiagnostic,
                        context.CancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Last line of defence: the build goes on, and the user sees what happened.
                context.ReportDiagnostic(RuleRunner.RuleFailed(
                    "template reader", System.IO.Path.GetFileName(file.Path), null, ex));
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
