using System.Linq;
using System.Threading.Tasks;
using System.Collections.Immutable;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Severity configuration for template findings, on the official analyzer test: the .editorconfig/.globalconfig files
    /// are its analyzer config files, so the options come from the compiler's own AnalyzerConfigSet.
    /// </summary>
    public class SeverityConfigurationTests
    {
        private const string Path = "/repo/infra/db.yaml";
        private const string LegacyPath = "/repo/infra/legacy/db.yaml";
        private const string Template = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n";

        /// <summary>
        /// The official analyzer test with <paramref name="configs"/> as analyzer config files: IAC2001 is reported at the
        /// MultiAZ value with <paramref name="expected"/> severity, or not at all (null).
        /// </summary>
        private static Task Verify(string path, DiagnosticSeverity? expected, params (string Path, string Text)[] configs)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test { TestState = { AdditionalFiles = { (path, Template) } }, RuleUnderTest = "IAC2001" };
            foreach (var config in configs)
            {
                test.TestState.AnalyzerConfigFiles.Add(config);
            }

            if (expected is DiagnosticSeverity severity)
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("IAC2001", severity).WithSpan(path, 5, 16, 5, 21));
            }

            return test.RunAsync();
        }

        [Fact]
        public void Compiler_keeps_dotnet_diagnostic_severity_keys_from_analyzers()
        {
            // The fact behind our own keys: the compiler parses dotnet_diagnostic.* into its own tree options and does
            // not hand them to analyzers, and it applies per-file tree options only to syntax trees.
            var config = AnalyzerConfig.Parse("root = true\n[*.yaml]\ndotnet_diagnostic.IAC2001.severity = error\niac_analyzers.IAC2001.severity = error\n", "/repo/.editorconfig");
            var result = AnalyzerConfigSet.Create(ImmutableArray.Create(config), out _).GetOptionsForSourcePath(Path);
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
            await Verify(Path, expected, ("/repo/.editorconfig", "root = true\n[*.yaml]\niac_analyzers.IAC2001.severity = " + configured + "\n"));
        }

        [Fact]
        public async Task None_drops_the_finding()
        {
            await Verify(Path, null, ("/repo/.editorconfig", "root = true\n[*.{yaml,yml}]\niac_analyzers.IAC2001.severity = none\n"));
        }

        [Fact]
        public async Task Folder_sections_apply_per_folder()
        {
            // EditorConfig semantics: of the sections that match, the later one wins.
            var config = ("/repo/.editorconfig", "root = true\n[*.yaml]\niac_analyzers.IAC2001.severity = error\n[infra/legacy/**]\niac_analyzers.IAC2001.severity = none\n");
            await Verify(Path, DiagnosticSeverity.Error, config);
            await Verify(LegacyPath, null, config);
        }

        [Fact]
        public async Task Nested_editorconfig_overrides_the_parent()
        {
            var parent = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.IAC2001.severity = error\n");
            var child = ("/repo/infra/legacy/.editorconfig", "[*]\niac_analyzers.IAC2001.severity = suggestion\n");
            await Verify(Path, DiagnosticSeverity.Error, parent, child);
            await Verify(LegacyPath, DiagnosticSeverity.Info, parent, child);
        }

        [Fact]
        public async Task Global_config_applies_to_every_template()
        {
            var global = ("/repo/.globalconfig", "is_global = true\niac_analyzers.IAC2001.severity = error\n");
            await Verify(LegacyPath, DiagnosticSeverity.Error, global);
        }

        [Fact]
        public async Task Pillar_key_applies_to_the_pillar_and_the_id_key_wins_over_it()
        {
            var pillar = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.reliability.severity = error\n");
            await Verify(Path, DiagnosticSeverity.Error, pillar);
            var otherPillar = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.security.severity = none\n");
            await Verify(Path, DiagnosticSeverity.Warning, otherPillar);
            var both = ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.reliability.severity = none\niac_analyzers.IAC2001.severity = error\n");
            await Verify(Path, DiagnosticSeverity.Error, both);
        }

        [Fact]
        public async Task Tool_diagnostics_follow_their_id_key_but_not_pillar_keys()
        {
            const string broken = "AWSTemplateFormatVersion: x\nResources: [\n";
            var unreadable = new DiagnosticResult("IAC0001", DiagnosticSeverity.Warning).WithSpan(Path, 3, 1, 3, 1);
            await new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (Path, broken) }, AnalyzerConfigFiles = { ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.pillar.tool.severity = none\n") }, ExpectedDiagnostics = { unreadable } },
                RuleUnderTest = "IAC2001",
            }.RunAsync();
            await new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (Path, broken) }, AnalyzerConfigFiles = { ("/repo/.editorconfig", "root = true\n[*]\niac_analyzers.IAC0001.severity = none\n") } },
                RuleUnderTest = "IAC2001",
            }.RunAsync();
        }

        [Fact]
        public void Keys_are_documented_names()
        {
            Assert.Equal("iac_analyzers.IAC2001.severity", SeverityConfiguration.IdKey("IAC2001"));
            Assert.Equal("iac_analyzers.pillar.reliability.severity", SeverityConfiguration.PillarKey(Catalog.Pillar.Reliability));
        }
    }
}
