using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli.Lsp
{
    /// <summary>
    /// One analysis of one version of an open document: the findings a build would report for the file (configuration
    /// from the <c>.editorconfig</c>/<c>.globalconfig</c> files above it, template suppressions applied), and the
    /// conversions to LSP shapes.
    /// </summary>
    public sealed class DocumentAnalysis
    {
        private DocumentAnalysis(string path, string text, int version, SeverityConfiguration severities, IReadOnlyList<(TemplateFinding Finding, DiagnosticSeverity Severity)> findings)
        {
            Path = path;
            Severities = severities;
            Text = text;
            Version = version;
            Findings = findings;
            Lines = new LineIndex(text);
        }

        public string Path { get; }

        /// <summary>The severities the configuration above the file gives (what a re-analysis of an edited text uses).</summary>
        public SeverityConfiguration Severities { get; }

        public string Text { get; }

        public int Version { get; }

        public LineIndex Lines { get; }

        /// <summary>The active findings (not suppressed, not configured off or hidden), in document order.</summary>
        public IReadOnlyList<(TemplateFinding Finding, DiagnosticSeverity Severity)> Findings { get; }

        /// <summary>
        /// Analyses a document's text. Configuration files are read afresh each time (a handful of small files), so an
        /// edited <c>.editorconfig</c> applies at the next change. Not a template: no findings, as in the build.
        /// </summary>
        public static DocumentAnalysis Run(string path, string text, int version, CancellationToken cancellationToken)
        {
            var config = System.IO.Path.IsPathRooted(path) ? new ConfigResolver(Array.Empty<string>()).For(path) : FolderConfig.None;
            var severities = config.SeveritiesFor(path);
            TemplateAnalysis? analysis;
            if (text.Length > TemplateLanguageServer.MaxDocumentChars)
            {
                analysis = CloudFormation.TemplateReader.MightBeTemplate(text.Substring(0, 64 * 1024))
                    ? new TemplateAnalysis(path, new[] { TemplateEngine.Unreadable(path, "the document has more than " + TemplateLanguageServer.MaxDocumentChars + " characters; it is checked by the build and the tool, not while edited", severities) })
                    : null;
            }
            else
            {
                analysis = TemplateEngine.Analyze(path, text, severities, cancellationToken);
            }

            var findings = analysis == null
                ? new List<(TemplateFinding, DiagnosticSeverity)>()
                : Scanner.Reported(config, analysis).Where(f => !f.Finding.IsSuppressed).OrderBy(f => f.Finding.Location.Start).ThenBy(f => f.Finding.Rule.Id, StringComparer.Ordinal).ToList();
            return new DocumentAnalysis(path, text, version, severities, findings);
        }

        /// <summary>The findings whose fix the template writer can apply.</summary>
        public int FixableCount => Findings.Count(f => f.Finding.Fix != null && TemplateFixWriter.Supports(f.Finding.Fix.Kind));

        public JsonArray Diagnostics(string uri)
        {
            var list = new JsonArray();
            foreach (var (finding, severity) in Findings)
            {
                list.Add(Diagnostic(uri, finding, severity));
            }

            return list;
        }

        public JsonObject Diagnostic(string uri, TemplateFinding finding, DiagnosticSeverity severity)
        {
            var diagnostic = new JsonObject
            {
                ["range"] = Range(finding.Location.Start, finding.Location.End),
                ["severity"] = severity switch
                {
                    DiagnosticSeverity.Error => 1,
                    DiagnosticSeverity.Warning => 2,
                    DiagnosticSeverity.Info => 3,
                    _ => 4,
                },
                ["code"] = finding.Rule.Id,
                ["codeDescription"] = new JsonObject { ["href"] = finding.Rule.HelpLink },
                ["source"] = "iac-analyzers",
                ["message"] = finding.Message,
            };
            if (finding.ResourceName != null)
            {
                diagnostic["data"] = new JsonObject { ["resource"] = finding.ResourceName, ["propertyPath"] = finding.PropertyPath };
            }

            return diagnostic;
        }

        public JsonObject Range(int start, int end) => Range(Lines, start, end);

        public static JsonObject Range(LineIndex lines, int start, int end)
        {
            var (startLine, startCharacter) = lines.Position(start);
            var (endLine, endCharacter) = lines.Position(Math.Max(start, end));
            return new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
                ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
            };
        }

        /// <summary>A WorkspaceEdit with text edits on this version's text.</summary>
        public JsonObject Edit(string uri, IReadOnlyList<TemplateEdit> edits)
        {
            var list = new JsonArray();
            foreach (var edit in edits.OrderBy(e => e.Start))
            {
                list.Add(new JsonObject { ["range"] = Range(edit.Start, edit.Start + edit.Length), ["newText"] = edit.NewText });
            }

            return new JsonObject { ["changes"] = new JsonObject { [uri] = list } };
        }
    }
}
