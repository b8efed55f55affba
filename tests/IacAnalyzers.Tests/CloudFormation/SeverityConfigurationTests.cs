using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.CloudFormation;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Severity configuration for template findings. The options come from the real AnalyzerConfigSet, the same code
    /// the compiler uses to build <c>AnalyzerConfigOptionsProvider</c> from .editorconfig and .globalconfig files.
    /// </summary>
    public class SeverityConfigurationTests
    {
        private const string Path = "/repo/infra/db.yaml";
        private const string LegacyPath = "/repo/infra/legacy/db.yaml";
        private const string Template = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n";

        private static async Task<Diagnostic[]> Run(string path, params (string Path, string Text)[] configs)
            => (await TemplateHarness.RunFrontEndAsync(path, Template, new ConfigOptionsProvider(configs))).ToArray();

        [Fact]
        public void Compiler_keeps_dotnet_diagnostic_severity_keys_from_analyzers()
        {
            // The fact behind our own keys: the compiler parses dotnet_diagnostic.* into its own tree options and does
            // not hand them to analyzers, and it applies per-file tree options only to syntax trees.
            var options = new ConfigOptionsProvider(("/repo/.editorconfig", "root = true\n[*.yaml]\ndotnet_diagnostic.IAC2001.severity = error\niac_analyzers.IAC2001.severity = error\n"));
            var result = options.ResultFor(Path);
            Assert.False(result.AnalyzerOptions.ContainsKey("dotnet_diagnostic.iac2001.severity"));
            Assert.True(result.AnalyzerOptions.ContainsKey("iac_analyzers.iac2001.severity"));
            Assert.Equal(ReportDiagnostic.Error, result.TreeOptions["IAC2001"]);
        }

        [Theory]
        [InlineData("error", DiagnosticSeverity.Error)]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("suggestion", DiagnosticSeverity.Info)]
        [InlineData("silent", DiagnosticSeverity.Hidden)]
        [InlineData("default", DiagnosticSeverity.Warning)]
        public async Task Id_key_in_a_yaml_section_sets_the_severity(string configured, DiagnosticSeverity expected)
        {
            var d = Assert.Single(await Run(Path, ("/repo/.editorconfig", "root = true\n[*.yaml]\niac_analyzers.IAC2001.severity = " + configured + "\n")));
            Assert.Equal(expected, d.Severity);
        }

        [Fact]
        public async Task None_drops_the_finding()
        {
            Assert.Empty(await Run(Path, ("/repo/.editorconfig", "root = true\n[*.{yaml,yml}]\niac_analyzers.IAC2001.severity = none\n")));
        }

        [Fact]
        public async Task Folder_sections_apply_per_folder()
        {
            // EditorConfig semantics: of the sections that match, the later one wins.
            var config = ("/repo/.editorconfig", "root = true\n[*.yaml]\niac_analyzers.IAC2001.severity = error\n[infra/legacy/**]\niac_analyzers.IAC2001.severity = none\n");
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(await Run(Path, config)).Severity);
            Assert.Empty(await Run(LegacyPath, config));
        }

        [Fact]
        public async Task Nested_editorconfig_overrides_the_parent()
        {
            var parent = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.IAC2001.severity = error\n");
            var child = ("/repo/infra/legacy/.editorconfig", "[*]\niac_analyzers.IAC2001.severity = suggestion\n");
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(await Run(Path, parent, child)).Severity);
            Assert.Equal(DiagnosticSeverity.Info, Assert.Single(await Run(LegacyPath, parent, child)).Severity);
        }

        [Fact]
        public async Task Global_config_applies_to_every_template()
        {
            var global = ("/repo/.globalconfig", "is_global = true\niac_analyzers.IAC2001.severity = error\n");
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(await Run(LegacyPath, global)).Severity);
        }

        [Fact]
        public async Task Pillar_key_applies_to_the_pillar_and_the_id_key_wins_over_it()
        {
            var pillar = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.reliability.severity = error\n");
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(await Run(Path, pillar)).Severity);
            var otherPillar = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.security.severity = none\n");
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(await Run(Path, otherPillar)).Severity);
            var both = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.reliability.severity = none\niac_analyzers.IAC2001.severity = error\n");
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(await Run(Path, both)).Severity);
        }

        [Fact]
        public async Task Tool_diagnostics_follow_their_id_key_but_not_pillar_keys()
        {
            const string broken = "AWSTemplateFormatVersion: x\nResources: [\n";
            var pillar = new ConfigOptionsProvider(("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.tool.severity = none\n"));
            Assert.Single(await TemplateHarness.RunFrontEndAsync(Path, broken, pillar));
            var id = new ConfigOptionsProvider(("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.IAC0001.severity = none\n"));
            Assert.Empty(await TemplateHarness.RunFrontEndAsync(Path, broken, id));
        }

        [Fact]
        public void Keys_are_documented_names()
        {
            Assert.Equal("iac_analyzers.IAC2001.severity", SeverityConfiguration.IdKey("IAC2001"));
            Assert.Equal("iac_analyzers.pillar.reliability.severity", SeverityConfiguration.PillarKey(Catalog.Pillar.Reliability));
        }
    }
}
