using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
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

        /// <summary>Reads one file and reports what the rules find; the whole front-end without Roslyn's file plumbing.</summary>
        public static void Analyze(string path, string text, SeverityConfiguration severities, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var template = TemplateReader.Read(path, text, cancellationToken);
            if (template == null)
            {
                return;
            }

            var fileName = System.IO.Path.GetFileName(path);
            var synthesized = SynthesizedTemplates.IsSynthesized(path, text);
            var entries = template.Entries;
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                byName[entries[i].Name] = i;
            }

            var suppressions = new TemplateSuppressions?[entries.Count];
            TemplateSuppressions SuppressionsOf(int index)
            {
                if (suppressions[index] == null)
                {
                    var scanEnd = index + 1 < entries.Count ? entries[index + 1].Key.Start : -1;
                    suppressions[index] = TemplateSuppressions.Read(entries[index], text, template.Lines, scanEnd);
                }

                return suppressions[index]!;
            }

            void Report(RuleInfo rule, Func<DiagnosticSeverity, Diagnostic> create)
            {
                var descriptor = Descriptors.For(rule);
                if (severities.Effective(rule, descriptor.DefaultSeverity) is DiagnosticSeverity severity)
                {
                    report(create(severity));
                }
            }

            for (var i = 0; i < entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = entries[i];

                // Our suppression entries are checked on every resource, with or without findings.
                if (entry.Body.Get("Metadata")?.Get(TemplateSuppressions.MetadataKey) != null)
                {
                    foreach (var problem in SuppressionsOf(i).Problems)
                    {
                        Report(RuleCatalog.TemplateSuppressionIgnored, s => Create(RuleCatalog.TemplateSuppressionIgnored, problem.Location, s, entry.Name, problem.Message));
                    }
                }

                if (!Rules.RuleSet.IsInteresting(entry.Type))
                {
                    continue;
                }

                var view = template.View(entry);
                if (view == null)
                {
                    continue;
                }

                RuleRunner.Run(
                    view,
                    finding =>
                    {
                        var owner = byName.TryGetValue(finding.Resource.Name, out var o) ? o : i;
                        if (!SuppressionsOf(owner).Suppresses(finding.Rule))
                        {
                            // A value reached through a YAML alias is located where its anchor is written; report it
                            // at the alias in the resource that uses it (without a fix: its edit would change both).
                            if (AliasLocations.Relocate(text, entries[owner], owner + 1 < entries.Count ? entries[owner + 1].Key.Start : -1, finding.Location, template.Lines) is SourceLocation moved)
                            {
                                finding = new Finding(finding.Rule, finding.Resource, moved, finding.MessageArgs);
                            }

                            Report(finding.Rule, s => RuleRunner.ToDiagnostic(synthesized ? SynthesizedTemplates.WithoutFix(finding) : finding, s));
                        }
                    },
                    report,
                    cancellationToken);
            }

            foreach (var error in template.Errors)
            {
                Report(RuleCatalog.TemplateUnreadable, s => Create(RuleCatalog.TemplateUnreadable, error.Location, s, fileName, error.Message));
            }
        }

        private static Diagnostic Create(RuleInfo rule, SourceLocation location, DiagnosticSeverity severity, params object[] args)
        {
            var descriptor = Descriptors.For(rule);
            return severity == descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, Locations.ToLocation(location), args)
                : Diagnostic.Create(descriptor, Locations.ToLocation(location), severity, null, null, args);
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
