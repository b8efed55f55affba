using IacAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Severity configuration for diagnostics located in templates. The compiler does not apply <c>.editorconfig</c>
    /// severities to additional files, and it does not hand <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> to analyzers
    /// (it keeps those keys for itself), so the analyzer reads its own keys from the options of the template file
    /// (matching <c>.editorconfig</c> sections such as <c>[*.yaml]</c> or <c>[infra/legacy/**]</c>) and from the global
    /// options (<c>.globalconfig</c>, and <c>.editorconfig</c> entries the SDK promotes there):
    /// <list type="bullet">
    /// <item><c>iac_analyzers.&lt;ID&gt;.severity = error|warning|suggestion|silent|none|default</c></item>
    /// <item><c>iac_analyzers.pillar.&lt;pillar&gt;.severity = …</c> (security, reliability, …; not for tool diagnostics)</item>
    /// </list>
    /// Precedence: the id beats the pillar; within each, the file's section beats the global options. A
    /// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> that does reach the analyzer (a future compiler) counts like our id key.
    /// Global <c>dotnet_diagnostic</c> entries, <c>NoWarn</c> and <c>WarningsAsErrors</c> are then still applied by the compiler.
    /// </summary>
    public sealed class SeverityConfiguration
    {
        public const string Prefix = "iac_analyzers.";

        private readonly AnalyzerConfigOptions? file;
        private readonly AnalyzerConfigOptions? global;

        public SeverityConfiguration(AnalyzerConfigOptions? file, AnalyzerConfigOptions? global)
        {
            this.file = file;
            this.global = global;
        }

        public static SeverityConfiguration For(AnalyzerOptions options, AdditionalText text)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            return new SeverityConfiguration(provider.GetOptions(text), provider.GlobalOptions);
        }

        public static string IdKey(string id) => Prefix + id + ".severity";

        public static string PillarKey(Pillar pillar) => Prefix + "pillar." + pillar.ToString().ToLowerInvariant() + ".severity";

        /// <summary>
        /// The severity to report <paramref name="rule"/> with, or null when it is configured off (<c>none</c>).
        /// </summary>
        public DiagnosticSeverity? Effective(RuleInfo rule, DiagnosticSeverity defaultSeverity)
        {
            var configured = Lookup(IdKey(rule.Id)) ?? Lookup("dotnet_diagnostic." + rule.Id + ".severity");
            if (configured == null && rule.Pillar != Pillar.Tool)
            {
                configured = Lookup(PillarKey(rule.Pillar));
            }

            if (configured == null)
            {
                return defaultSeverity;
            }

            switch (configured.Trim().ToLowerInvariant())
            {
                case "error":
                    return DiagnosticSeverity.Error;
                case "warning":
                case "warn":
                    return DiagnosticSeverity.Warning;
                case "suggestion":
                case "info":
                    return DiagnosticSeverity.Info;
                case "silent":
                case "hidden":
                case "refactoring":
                    return DiagnosticSeverity.Hidden;
                case "none":
                    return null;
                default:
                    return defaultSeverity;
            }
        }

        private string? Lookup(string key)
        {
            // File options come first; the compiler's per-file options do not include the global ones.
            if (file != null && file.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            if (global != null && global.TryGetValue(key, out value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            return null;
        }
    }
}
