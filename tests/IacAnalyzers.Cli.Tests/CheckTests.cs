using System.IO;
using System.Linq;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    public class CheckTests
    {
        private const string OpenSsh = @"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
";

        private const string SingleAz = @"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
";

        [Fact]
        public void Samples_print_the_pillar_risk_report_and_fail_on_errors()
        {
            var (exit, output, _) = CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples");
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("Security: ", output);
            Assert.Contains("Reliability: ", output);
            Assert.Matches(@"Security: \d+ high risks?, \d+ medium risks?", output);
            Assert.Contains("SEC08-BP02 Enforce encryption at rest", output);
            Assert.Contains("REL10-BP01 Deploy the workload to multiple locations", output);
            Assert.Contains("samples/CdkApp/templates/bad.template.yaml(", output);
            Assert.DoesNotContain("good.template", output);
            Assert.False(output.Contains('\u001b', System.StringComparison.Ordinal));
        }

        [Fact]
        public void Output_is_the_same_on_every_run()
        {
            var first = CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "json");
            var second = CliRunner.Run(CliRunner.RepositoryRoot, "check", "samples", "--format", "json");
            Assert.Equal(first.Out, second.Out);
        }

        [Fact]
        public void Exit_codes_follow_fail_on()
        {
            using var s = new Scratch();
            s.Write("infra/db.yaml", SingleAz);
            Assert.Equal(ExitCodes.Ok, CliRunner.Run(s.Root, "check").Exit);
            Assert.Equal(ExitCodes.Findings, CliRunner.Run(s.Root, "check", "--fail-on", "warning").Exit);
            Assert.Equal(ExitCodes.Findings, CliRunner.Run(s.Root, "check", "--fail-on=note").Exit);
            s.Write("infra/sg.yaml", OpenSsh);
            Assert.Equal(ExitCodes.Findings, CliRunner.Run(s.Root, "check").Exit);
            Assert.Equal(ExitCodes.Ok, CliRunner.Run(s.Root, "check", "--fail-on", "never").Exit);
        }

        [Fact]
        public void Usage_errors_and_missing_paths_exit_2_and_say_why()
        {
            using var s = new Scratch();
            var unknown = CliRunner.Run(s.Root, "check", "--bogus");
            Assert.Equal(ExitCodes.Usage, unknown.Exit);
            Assert.Contains("unknown option '--bogus'", unknown.Err);
            var format = CliRunner.Run(s.Root, "check", "--format", "xml");
            Assert.Equal(ExitCodes.Usage, format.Exit);
            Assert.Contains("unknown format 'xml'", format.Err);
            var missing = CliRunner.Run(s.Root, "check", "nowhere");
            Assert.Equal(ExitCodes.Usage, missing.Exit);
            Assert.Contains("no such file or folder: nowhere", missing.Err);
            Assert.Equal(ExitCodes.Usage, CliRunner.Run(s.Root, "frobnicate").Exit);
            Assert.Equal(ExitCodes.Usage, CliRunner.Run(s.Root, "check", "--fail-on", "sometimes").Exit);
        }

        [Fact]
        public void Build_output_and_dependency_folders_are_skipped_and_excludes_apply()
        {
            using var s = new Scratch();
            s.Write("infra/sg.yaml", OpenSsh);
            foreach (var folder in new[] { "bin", "obj", "node_modules", ".git", "cdk.out/asset.1234", "src/bin" })
            {
                s.Write(folder + "/sg.yaml", OpenSsh);
            }

            s.Write("cdk.out/App.template.json", "{\"Resources\":{\"Sg\":{\"Type\":\"AWS::EC2::SecurityGroup\",\"Properties\":{\"GroupDescription\":\"x\",\"SecurityGroupIngress\":[{\"IpProtocol\":\"tcp\",\"FromPort\":22,\"ToPort\":22,\"CidrIp\":\"0.0.0.0/0\"}]}}}}");
            s.Write("legacy/old/sg.yaml", OpenSsh);
            s.Write("generated/x.template.yaml", OpenSsh);
            var (_, output, _) = CliRunner.Run(s.Root, "check", "--exclude", "legacy", "--exclude", "generated/**/*.yaml", "--format", "github");
            var files = output.Split('\n').Where(l => l.StartsWith("::", System.StringComparison.Ordinal)).Select(l => l.Split("file=")[1].Split(',')[0]).Distinct().OrderBy(x => x).ToList();
            Assert.Equal(new[] { "cdk.out/App.template.json", "infra/sg.yaml" }, files);
        }

        [Fact]
        public void A_link_out_of_the_root_is_not_followed()
        {
            using var outside = new Scratch();
            outside.Write("secret/sg.yaml", OpenSsh);
            using var s = new Scratch();
            s.Write("infra/db.yaml", SingleAz);
            File.CreateSymbolicLink(Path.Combine(s.Root, "infra", "linked"), Path.Combine(outside.Root, "secret"));
            File.CreateSymbolicLink(Path.Combine(s.Root, "infra", "sg.yaml"), Path.Combine(outside.Root, "secret", "sg.yaml"));
            Directory.CreateSymbolicLink(Path.Combine(s.Root, "infra", "loop"), Path.Combine(s.Root, "infra"));
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--format", "json");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.DoesNotContain("IAC1101", output);
            Assert.Contains("\"file\": \"infra/db.yaml\"", output);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "\"ruleId\": \"IAC2001\""));
        }

        [Fact]
        public void Colours_only_when_asked_or_on_a_terminal()
        {
            using var s = new Scratch();
            s.Write("sg.yaml", OpenSsh);
            Assert.Contains("\u001b[31merror", CliRunner.Run(s.Root, "check", "--color").Out, System.StringComparison.Ordinal);
            var plain = CliRunner.Run(s.Root, "check").Out;
            Assert.False(plain.Contains('\u001b', System.StringComparison.Ordinal), plain);
        }

        [Fact]
        public void Rules_and_explain_print_the_catalog()
        {
            var rules = CliRunner.Run(CliRunner.RepositoryRoot, "rules");
            Assert.Equal(0, rules.Exit);
            foreach (var rule in Catalog.RuleCatalog.All)
            {
                Assert.Contains(rule.Id + " ", rules.Out);
            }

            var explain = CliRunner.Run(CliRunner.RepositoryRoot, "explain", "iac1101");
            Assert.Equal(0, explain.Exit);
            Assert.Contains("# IAC1101: SSH is open to the internet", explain.Out);
            Assert.Contains("## Why it matters", explain.Out);
            Assert.Equal(ExitCodes.Usage, CliRunner.Run(CliRunner.RepositoryRoot, "explain", "IAC9999").Exit);
        }
    
        [Fact]
        public void Every_best_practice_of_the_catalog_has_a_title_for_the_risk_report()
        {
            foreach (var rule in Catalog.RuleCatalog.All.Where(r => r.BestPractice.Length > 0))
            {
                Assert.True(Catalog.BestPractices.Title(rule.BestPractice) != null, rule.Id + ": no title for " + rule.BestPractice + " in Catalog/BestPractices.cs");
            }
        }
    }
}
