using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NJsonSchema;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>
    /// <c>sarif enrich</c> over a real compiler ErrorLog: Fixtures/CdkApp.compiler.sarif is the log of a build of
    /// samples/CdkApp (tools/IacAnalyzers.Samples), trimmed to our rules plus one code-quality rule and result, with
    /// the machine's repository path replaced by REPO_ROOT. When the samples' findings change, the fingerprint test fails:
    /// refresh the fixture from a new <c>artifacts/samples/CdkApp.sarif</c> (our rules and results, with the recorded
    /// CA1822 rule and result kept, <c>ruleIndex</c> renumbered).
    /// </summary>
    public class SarifEnrichTests
    {
        private static string CompilerLog(Scratch s)
        {
            var text = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "tests", "IacAnalyzers.Cli.Tests", "Fixtures", "CdkApp.compiler.sarif"));
            var rootUri = new Uri(CliRunner.RepositoryRoot.TrimEnd('/') + "/").AbsoluteUri;
            return s.Write("logs/CdkApp.sarif", text.Replace("file:///REPO_ROOT/", rootUri, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Enrich_makes_one_code_scanning_log_with_only_our_results()
        {
            using var s = new Scratch();
            var log = CompilerLog(s);
            var output = Path.Combine(s.Root, "out.sarif");
            var (exit, _, err) = CliRunner.Run(CliRunner.RepositoryRoot, "sarif", "enrich", log, log, "--output", output, "--category", "cdk");
            Assert.True(exit == ExitCodes.Ok, err);
            var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.RepositoryRoot, "schemas", "sarif-schema-2.1.0.json"));
            var text = File.ReadAllText(output);
            Assert.Empty(schema.Validate(text));
            using var doc = JsonDocument.Parse(text);
            var run = doc.RootElement.GetProperty("runs")[0];
            Assert.Equal("iac-analyzers", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
            Assert.Equal("cdk/", run.GetProperty("automationDetails").GetProperty("id").GetString());
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.All(rules, id => Assert.StartsWith("IAC", id));
            var results = run.GetProperty("results").EnumerateArray().ToList();
            // The log twice (two projects sharing files): each of its results of ours once.
            using var input = JsonDocument.Parse(File.ReadAllText(log));
            var ours = input.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Count(r => r.GetProperty("ruleId").GetString()!.StartsWith("IAC", StringComparison.Ordinal));
            Assert.True(ours > 30, "the fixture holds the sample app's findings");
            Assert.Equal(ours, results.Count);
            Assert.All(results, r =>
            {
                var artifact = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
                Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
                Assert.StartsWith("samples/CdkApp/", artifact.GetProperty("uri").GetString());
                Assert.True(r.TryGetProperty("partialFingerprints", out _));
            });
            Assert.Contains(results, r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "samples/CdkApp/BadStack.cs");
        }

        [Fact]
        public void Template_results_get_the_fingerprints_check_gives_them()
        {
            using var s = new Scratch();
            var log = CompilerLog(s);
            CliRunner.Run(CliRunner.RepositoryRoot, "sarif", "merge", log, "--output", Path.Combine(s.Root, "enriched.sarif"));
            CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "sarif=" + Path.Combine(s.Root, "check.sarif"));
            string[] Prints(string file, bool templatesOnly)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(s.Root, file)));
                return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Where(r => !templatesOnly || r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!.Contains("/templates/", StringComparison.Ordinal))
                    .Select(r => r.GetProperty("partialFingerprints").GetProperty(Fingerprints.SarifKey).GetString()!)
                    .OrderBy(x => x, StringComparer.Ordinal).ToArray();
            }

            var fromBuild = Prints("enriched.sarif", templatesOnly: true);
            Assert.NotEmpty(fromBuild);
            Assert.Equal(Prints("check.sarif", templatesOnly: false), fromBuild);
        }

        [Fact]
        public void Keep_other_keeps_the_compilers_other_results_and_their_rules()
        {
            using var s = new Scratch();
            var log = CompilerLog(s);
            var (_, output, _) = CliRunner.Run(CliRunner.RepositoryRoot, "sarif", "enrich", log, "--keep-other");
            using var doc = JsonDocument.Parse(output);
            var run = doc.RootElement.GetProperty("runs")[0];
            Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), r => r.GetProperty("id").GetString() == "CA1822");
            var other = Assert.Single(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "CA1822");
            Assert.Equal("samples/CdkApp/Program.cs", other.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [Fact]
        public void A_file_that_is_not_a_sarif_log_is_named_and_exits_2()
        {
            using var s = new Scratch();
            var bad = s.Write("bad.sarif", "{ \"version\": \"1.0.0\" }");
            var (exit, _, err) = CliRunner.Run(s.Root, "sarif", "enrich", bad);
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains("bad.sarif: not a SARIF 2.1.0 log", err);
        }
    }
}
