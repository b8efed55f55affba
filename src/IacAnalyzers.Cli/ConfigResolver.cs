using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// The severities a build would give a template's findings, found as the .NET SDK finds them: every
    /// <c>.editorconfig</c> from the file's folder up to one with <c>root = true</c>, and every <c>.globalconfig</c>
    /// in the file's folder and above (plus <c>--config</c> files), parsed by Roslyn's own <see cref="AnalyzerConfigSet"/>.
    /// The engine reads <c>iac_analyzers.*</c> keys from them exactly as in a build (<see cref="SeverityConfiguration"/>);
    /// then, as the compiler does after the analyzer, global <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> entries apply.
    /// Without any configuration file nothing of this is loaded.
    /// </summary>
    public sealed class ConfigResolver
    {
        private readonly IReadOnlyList<string> extraGlobalConfigs;
        private readonly ConcurrentDictionary<string, (AnalyzerConfig Config, bool IsRoot)?> parsed = new ConcurrentDictionary<string, (AnalyzerConfig, bool)?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, FolderConfig> byFolder = new ConcurrentDictionary<string, FolderConfig>(StringComparer.Ordinal);

        public ConfigResolver(IReadOnlyList<string> extraGlobalConfigs)
        {
            this.extraGlobalConfigs = extraGlobalConfigs.Select(Path.GetFullPath).ToList();
        }

        public FolderConfig For(string filePath) => byFolder.GetOrAdd(Path.GetDirectoryName(filePath) ?? "/", Build);

        private FolderConfig Build(string folder)
        {
            var configs = new List<AnalyzerConfig>();
            var editorRootReached = false;
            for (var dir = folder; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (!editorRootReached && Load(Path.Combine(dir, ".editorconfig")) is { } editor)
                {
                    configs.Add(editor.Config);
                    editorRootReached = editor.IsRoot;
                }

                if (Load(Path.Combine(dir, ".globalconfig")) is { } global)
                {
                    configs.Add(global.Config);
                }
            }

            foreach (var extra in extraGlobalConfigs)
            {
                if (Load(extra) is { } config)
                {
                    configs.Add(config.Config);
                }
            }

            if (configs.Count == 0)
            {
                return FolderConfig.None;
            }

            var set = AnalyzerConfigSet.Create(configs, out _);
            return new FolderConfig(set);
        }

        private (AnalyzerConfig Config, bool IsRoot)? Load(string path) => parsed.GetOrAdd(path, p =>
        {
            try
            {
                if (!File.Exists(p))
                {
                    return null;
                }

                var text = File.ReadAllText(p);
                return (AnalyzerConfig.Parse(text, p), IsRoot(text));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        });

        /// <summary><c>root = true</c> in the preamble (before the first section), as EditorConfig defines it.</summary>
        private static bool IsRoot(string text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith('['))
                {
                    return false;
                }

                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && line.Substring(0, eq).Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(eq + 1).Split('#', ';')[0].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }
    }

    /// <summary>The configuration that applies to the files of one folder.</summary>
    public sealed class FolderConfig
    {
        public static readonly FolderConfig None = new FolderConfig(null);

        private readonly AnalyzerConfigSet? set;
        private readonly ImmutableDictionary<string, ReportDiagnostic> globalSeverities;
        private readonly DictionaryOptions? globalOptions;

        public FolderConfig(AnalyzerConfigSet? set)
        {
            this.set = set;
            globalSeverities = set?.GlobalConfigOptions.TreeOptions ?? ImmutableDictionary<string, ReportDiagnostic>.Empty;
            globalOptions = set == null ? null : new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
        }

        /// <summary>What the analyzer's options provider would hand the engine for this file.</summary>
        public SeverityConfiguration SeveritiesFor(string filePath)
        {
            if (set == null)
            {
                return TemplateEngine.DefaultSeverities;
            }

            var options = set.GetOptionsForSourcePath(filePath);
            return new SeverityConfiguration(new DictionaryOptions(options.AnalyzerOptions), globalOptions);
        }

        /// <summary>
        /// The compiler's own pass after the analyzer: global <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> (not for tool
        /// diagnostics, which are not configurable). Null when the finding is configured off.
        /// </summary>
        public DiagnosticSeverity? AfterCompilerOptions(RuleInfo rule, DiagnosticSeverity severity)
        {
            if (rule.Pillar == Pillar.Tool || !globalSeverities.TryGetValue(rule.Id, out var report))
            {
                return severity;
            }

            return report switch
            {
                ReportDiagnostic.Error => DiagnosticSeverity.Error,
                ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
                ReportDiagnostic.Info => DiagnosticSeverity.Info,
                ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
                ReportDiagnostic.Suppress => null,
                _ => severity,
            };
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public DictionaryOptions(ImmutableDictionary<string, string> values)
            {
                this.values = values;
            }

            public override bool TryGetValue(string key, out string value)
            {
                if (values.TryGetValue(key, out var v))
                {
                    value = v;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
