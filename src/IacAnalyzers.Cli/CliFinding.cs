using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli
{
    /// <summary>A finding as the tool reports it: the engine's finding placed in the repository (relative path, 1-based positions, fingerprint).</summary>
    public sealed class CliFinding
    {
        public CliFinding(RuleInfo rule, string path, string fullPath, SourceLocation location, DiagnosticSeverity severity, string message,
            string? resource, string? resourceType, string propertyPath, FixIntent? fix, TemplateSuppression? suppression)
        {
            Rule = rule;
            Path = path;
            FullPath = fullPath;
            StartLine = location.StartLine + 1;
            StartColumn = location.StartColumn + 1;
            EndLine = location.EndLine + 1;
            EndColumn = location.EndColumn + 1;
            Start = location.Start;
            Severity = severity;
            Message = message;
            Resource = resource;
            ResourceType = resourceType;
            PropertyPath = propertyPath;
            Fix = fix;
            Suppression = suppression;
        }

        public RuleInfo Rule { get; }

        /// <summary>Relative to the source root with '/' separators (absolute when outside it).</summary>
        public string Path { get; }

        public string FullPath { get; }

        public int StartLine { get; }

        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        public int Start { get; }

        public DiagnosticSeverity Severity { get; }

        /// <summary>SARIF level: error, warning, note.</summary>
        public string Level => Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };

        public string Message { get; }

        public string? Resource { get; }

        public string? ResourceType { get; }

        public string PropertyPath { get; }

        public FixIntent? Fix { get; }

        public TemplateSuppression? Suppression { get; }

        public bool IsSuppressed => Suppression != null;

        /// <summary>Stable across line moves, reformatting and YAML↔JSON: see <see cref="Fingerprints"/>.</summary>
        public string Fingerprint { get; internal set; } = string.Empty;

        /// <summary>Set when a baseline is in use: true when the baseline lists this finding.</summary>
        public bool? InBaseline { get; internal set; }

        /// <summary>Counts toward the exit code and the risk report: not suppressed and not in the baseline.</summary>
        public bool IsActive => !IsSuppressed && InBaseline != true;

        public override string ToString() => $"{Path}({StartLine},{StartColumn}): {Level} {Rule.Id}: {Message}";
    }
}
