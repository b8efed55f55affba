using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using NJsonSchema;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    public class SarifTests
    {
        private static async Task<JsonDocument> ValidSarif(string path)
        {
            var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepositoryRoot, "schemas", "sarif-schema-2.1.0.json"));
            var text = File.ReadAllText(path);
            var errors = schema.Validate(text);
            Assert.True(errors.Count == 0, "SARIF schema violations:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} ({e.Property})")));
            return JsonDocument.Parse(text);
        }

        [Fact]
        public async Task Sarif_over_the_samples_validates_and_carries_what_code_scanning_reads()
        {
            using var s = new Scratch();
            var sarif = Path.Combine(s.Root, "out.sarif");
            var (exit, output, _) = CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "text,sarif=" + sarif, "--category", "templates");
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("Security: ", output);
            using var doc = await ValidSarif(sarif);
            var run = doc.RootElement.GetProperty("runs")[0];
            Assert.Equal("iac-analyzers", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
            Assert.Equal("templates/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
            Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
            foreach (var rule in rules)
            {
                var id = rule.GetProperty("id").GetString()!;
                var info = RuleCatalog.Find(id)!;
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()));
                Assert.StartsWith("# " + id + ":", rule.GetProperty("help").GetProperty("markdown").GetString());
                Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString());
                var props = rule.GetProperty("properties");
                var tags = props.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
                Assert.Contains(props.GetProperty("precision").GetString(), new[] { "high", "medium" });
                if (info.Pillar == Pillar.Security)
                {
                    Assert.Contains("security", tags);
                    Assert.Contains(info.BestPractice, tags);
                    var severity = double.Parse(props.GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.InRange(severity, 0.1, 10.0);
                }
                else
                {
                    Assert.DoesNotContain("security", tags);
                    Assert.False(props.TryGetProperty("security-severity", out _));
                }
            }

            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.NotEmpty(results);
            foreach (var result in results)
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
                Assert.StartsWith("samples/CdkApp/templates/bad.template.", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
                var region = location.GetProperty("region");
                Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                Assert.True(region.GetProperty("endColumn").GetInt32() >= 1);
                Assert.Equal(32, result.GetProperty("partialFingerprints").GetProperty(Fingerprints.SarifKey).GetString()!.Length);
            }

            // One fingerprint per result.
            Assert.Equal(results.Count, results.Select(r => r.GetProperty("partialFingerprints").GetProperty(Fingerprints.SarifKey).GetString()).Distinct().Count());
        }

        [Fact]
        public async Task Suppressed_findings_are_emitted_as_suppressed_with_the_reason()
        {
            using var s = new Scratch();
            s.Write("db.yaml", @"Resources:
  Reporting:
    Type: AWS::RDS::DBInstance
    Metadata:
      IacAnalyzers:
        Suppress:
          - Id: IAC2001
            Reason: Reporting replica, rebuilt nightly
    Properties:
      StorageEncrypted: true
  Legacy:
    Type: AWS::RDS::DBInstance
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: F26
            reason: legacy, encrypted by the migration
    Properties:
      MultiAZ: true
");
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--format", "text,sarif=out.sarif", "--show-suppressed");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Well-Architected risks: none found", output);
            Assert.Contains("suppressed by IacAnalyzers IAC2001: Reporting replica, rebuilt nightly", output);
            using var doc = await ValidSarif(Path.Combine(s.Root, "out.sarif"));
            var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var reporting = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "IAC2001");
            var suppression = reporting.GetProperty("suppressions")[0];
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
            Assert.Equal("Reporting replica, rebuilt nightly", suppression.GetProperty("justification").GetString());
            var legacy = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "IAC1001");
            Assert.Equal("legacy, encrypted by the migration", legacy.GetProperty("suppressions")[0].GetProperty("justification").GetString());
            Assert.Equal("cfn_nag", legacy.GetProperty("suppressions")[0].GetProperty("properties").GetProperty("source").GetString());
        }

        [Fact]
        public void Github_annotations_json_and_markdown_over_the_samples()
        {
            using var s = new Scratch();
            var (_, github, _) = CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "github,json=" + Path.Combine(s.Root, "r.json") + ",markdown=" + Path.Combine(s.Root, "r.md"));
            var lines = github.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Matches(@"^::(error|warning|notice) file=samples/CdkApp/templates/bad\.template\.(yaml|json),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=IAC\d{4} [^:,]+::.+$", l));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(s.Root, "r.json")));
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("version").GetInt32());
            var findings = root.GetProperty("findings").EnumerateArray().ToList();
            Assert.Equal(lines.Length, findings.Count);
            Assert.All(findings, f => Assert.Equal(32, f.GetProperty("fingerprint").GetString()!.Length));
            var pillars = root.GetProperty("summary").GetProperty("pillars").EnumerateArray().Select(p => p.GetProperty("pillar").GetString()).ToList();
            Assert.Equal(new[] { "Security", "Reliability" }, pillars);
            Assert.Equal(findings.Count(f => f.GetProperty("level").GetString() == "error"), root.GetProperty("summary").GetProperty("highRisks").GetInt32());

            var md = File.ReadAllText(Path.Combine(s.Root, "r.md"));
            Assert.Contains("## IacAnalyzers: Well-Architected risks", md);
            Assert.Contains("| **Security** |", md);
            Assert.Contains("SEC08-BP02 Enforce encryption at rest", md);
            Assert.Contains("[IAC1101](https://", md);
        }

        [Fact]
        public void Markdown_appends_to_the_step_summary_file()
        {
            using var s = new Scratch();
            var summary = s.Write("summary.md", "earlier step\n");
            CliRunner.Run(CliRunner.RepositoryRoot, new System.Collections.Generic.Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, "check", "samples", "--format", "markdown=" + summary);
            var text = File.ReadAllText(summary);
            Assert.StartsWith("earlier step\n## IacAnalyzers", text);
        }
    }
}
