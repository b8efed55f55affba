using System;
using System.IO;
using System.Linq;
using IacAnalyzers.Catalog;
using IacAnalyzers.Samples;
using NJsonSchema;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// The samples (samples/CdkApp: a good and a bad stack, good and bad templates) copied into a consumer project that
    /// takes IacAnalyzers from the packed .nupkg, templates included by the package's own globs, built once.
    /// Expected findings come from the samples' comments (// IACnnnn, # IACnnnn, JSON Metadata.Comment) whose rule is
    /// in the catalog, so these tests grow as rules land.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class SamplesBuildTests
    {
        private readonly PackageFixture _fixture;

        public SamplesBuildTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        private ConsumerBuild Build => _fixture.BuildOnce("samples", () =>
            _fixture.NewConsumer("samples")
                .WriteProject("Exe", "<RootNamespace>CdkApp</RootNamespace>")
                .CopySourcesFrom(Path.Combine(_fixture.RepositoryRoot, "samples", "CdkApp")));

        [Fact]
        public void Samples_compile_and_every_analyzer_loads()
        {
            var build = Build;
            var log = build.RequireSarif();
            Assert.DoesNotContain(log.Findings, f => f.Level == "error" && !f.RuleId.StartsWith("IAC", StringComparison.Ordinal));
            foreach (var id in Program.LoadFailureIds)
            {
                Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"{id} in the build output:\n{build.Output}");
                Assert.DoesNotContain(log.Findings, f => f.RuleId == id);
            }
        }

        [Fact]
        public void Findings_are_exactly_those_the_samples_declare_for_rules_in_the_catalog()
        {
            var build = Build;
            var log = build.RequireSarif();
            var gaps = KnownGaps.Load(Path.Combine(_fixture.RepositoryRoot, "samples", "known-gaps.txt"));
            var check = ExpectationCheck.Compare(
                SampleExpectations.SampleFiles(build.Project.Directory),
                log.Findings,
                e => RuleCatalog.Find(e.Id) != null,
                e => gaps.Contains(e, build.Project.Directory));

            Assert.True(check.Passed, Program.DescribeCheck(check, build.Project.Directory) + "\n" + Program.Report(log, build.Project.Directory));
            // Every front-end shows up: C#, YAML and JSON.
            Assert.Contains(check.Matched, e => e.FilePath.EndsWith(".cs", StringComparison.Ordinal));
            Assert.Contains(check.Matched, e => e.FilePath.EndsWith(".yaml", StringComparison.Ordinal));
            Assert.Contains(check.Matched, e => e.FilePath.EndsWith(".json", StringComparison.Ordinal));
        }

        [Fact]
        public void Build_fails_exactly_when_a_finding_has_error_severity()
        {
            var build = Build;
            var anyError = build.RequireSarif().Findings.Any(f => f.Level == "error");
            Assert.True(anyError == (build.ExitCode != 0), $"error-severity findings: {anyError}, exit code {build.ExitCode}\n{build.Output}");
        }

        [Fact]
        public async System.Threading.Tasks.Task Sarif_log_is_valid_SARIF_2_1_0()
        {
            var build = Build;
            var log = build.RequireSarif();
            Assert.Equal("2.1.0", log.Version);
            var schema = await JsonSchema.FromFileAsync(_fixture.SarifSchemaPath());
            var errors = schema.Validate(File.ReadAllText(build.SarifPath!));
            Assert.True(errors.Count == 0, "SARIF schema violations:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} ({e.Property})")));
        }

        [Fact]
        public void Sarif_rules_carry_pillar_and_best_practice_tags_from_the_catalog()
        {
            var log = Build.RequireSarif();
            foreach (var rule in RuleCatalog.All)
            {
                Assert.True(log.Rules.TryGetValue(rule.Id, out var sarifRule), $"{rule.Id} is not among the SARIF log's rules");
                Assert.Equal(rule.Category, sarifRule!.Category);
                Assert.Contains("Pillar:" + rule.Pillar, sarifRule.Tags);
                if (rule.BestPractice.Length > 0)
                {
                    Assert.Contains("BestPractice:" + rule.BestPractice, sarifRule.Tags);
                }

                Assert.Equal(rule.HelpLink, sarifRule.HelpUri);
            }
        }

        [Fact]
        public void Sample_templates_are_found_by_the_package_globs_alone()
        {
            var build = Build;
            Assert.DoesNotContain("AdditionalFiles", File.ReadAllText(build.Project.ProjectFile), StringComparison.Ordinal);
            Assert.Contains(build.Findings(), f => f.FilePath!.EndsWith(Path.Combine("templates", "bad.template.yaml"), StringComparison.Ordinal));
            Assert.Contains(build.Findings(), f => f.FilePath!.EndsWith(Path.Combine("templates", "bad.template.json"), StringComparison.Ordinal));
        }
    }
}
