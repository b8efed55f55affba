using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    public class BaselineTests
    {
        private const string Template = @"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: false
";

        private const string SameAsJson = @"{
  ""AWSTemplateFormatVersion"": ""2010-09-09"",
  ""Resources"": {
    ""Db"": { ""Type"": ""AWS::RDS::DBInstance"", ""Properties"": { ""StorageEncrypted"": false } },
    ""Bastion"": {
      ""Type"": ""AWS::EC2::SecurityGroup"",
      ""Properties"": {
        ""GroupDescription"": ""bastion"",
        ""SecurityGroupIngress"": [ { ""IpProtocol"": ""tcp"", ""FromPort"": 22, ""ToPort"": 22, ""CidrIp"": ""0.0.0.0/0"" } ]
      }
    }
  }
}
";

        private static Scratch WithBaseline()
        {
            var s = new Scratch();
            s.Write("infra/app.yaml", Template);
            var created = CliRunner.Run(s.Root, "baseline", "create", "--output", "baseline.json");
            Assert.Equal(ExitCodes.Ok, created.Exit);
            Assert.Contains("Wrote 3 entries to baseline.json", created.Out);
            return s;
        }

        [Fact]
        public void Baseline_file_is_reviewable_with_a_reason_per_entry()
        {
            using var s = WithBaseline();
            using var doc = JsonDocument.Parse(s.Read("baseline.json"));
            var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(new[] { "IAC1101", "IAC1001", "IAC2001" }.OrderBy(x => x), entries.Select(e => e.GetProperty("rule").GetString()).OrderBy(x => x));
            Assert.All(entries, e =>
            {
                Assert.Equal("infra/app.yaml", e.GetProperty("file").GetString());
                Assert.Equal(string.Empty, e.GetProperty("reason").GetString());
                Assert.False(string.IsNullOrEmpty(e.GetProperty("resource").GetString()));
            });
            Assert.Equal(ExitCodes.Ok, CliRunner.Run(s.Root, "check", "--baseline", "baseline.json").Exit);
        }

        [Fact]
        public void A_finding_that_moves_lines_is_still_in_the_baseline()
        {
            using var s = WithBaseline();
            s.Write("infra/app.yaml", Template.Replace("Resources:\n", "Description: moved down\nMetadata:\n  Owner: team\nResources:\n", System.StringComparison.Ordinal));
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--baseline", "baseline.json");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("3 in the baseline", output);
            Assert.DoesNotContain("no longer found", output);
        }

        [Fact]
        public void A_reformatted_template_and_its_json_rewrite_match_the_baseline()
        {
            using var s = WithBaseline();
            s.Write("infra/app.yaml", Template.Replace("      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n",
                "      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }]\n", System.StringComparison.Ordinal));
            Assert.Equal(ExitCodes.Ok, CliRunner.Run(s.Root, "check", "--baseline", "baseline.json").Exit);

            File.Delete(Path.Combine(s.Root, "infra", "app.yaml"));
            s.Write("infra/app.json", SameAsJson);
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--baseline", "baseline.json");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.DoesNotContain("no longer found", output);
        }

        [Fact]
        public void A_new_finding_fails_the_run_and_is_marked_new()
        {
            using var s = WithBaseline();
            s.Write("infra/app.yaml", Template + @"  Other:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10
      AvailabilityZone: eu-west-1a
");
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--baseline", "baseline.json", "--format", "text,sarif=out.sarif");
            Assert.Equal(ExitCodes.Findings, exit);
            var newLines = output.Split('\n').Where(l => l.Contains("(new)", System.StringComparison.Ordinal)).ToList();
            Assert.Contains("IAC1002", Assert.Single(newLines));
            Assert.Contains("Security: 1 high risk, 0 medium risks", output);
            using var sarif = JsonDocument.Parse(s.Read("out.sarif"));
            var states = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("baselineState").GetString())).ToList();
            Assert.Contains(("IAC1002", "new"), states);
            Assert.Equal(3, states.Count(x => x.Item2 == "unchanged"));
        }

        [Fact]
        public void A_fixed_finding_leaves_a_stale_entry_that_is_reported()
        {
            using var s = WithBaseline();
            s.Write("infra/app.yaml", Template.Replace("StorageEncrypted: false", "StorageEncrypted: true", System.StringComparison.Ordinal));
            var (exit, output, _) = CliRunner.Run(s.Root, "check", "--baseline", "baseline.json", "--format", "text,json=r.json");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Baseline entry no longer found (remove it): IAC1001 infra/app.yaml Db", output);
            using var json = JsonDocument.Parse(s.Read("r.json"));
            Assert.Equal("IAC1001", Assert.Single(json.RootElement.GetProperty("staleBaselineEntries").EnumerateArray()).GetProperty("rule").GetString());
        }

        [Fact]
        public void Recreating_the_baseline_keeps_the_reasons_written()
        {
            using var s = WithBaseline();
            s.Write("baseline.json", s.Read("baseline.json").Replace("\"reason\": \"\"", "\"reason\": \"accepted until Q3\"", System.StringComparison.Ordinal));
            CliRunner.Run(s.Root, "baseline", "create", "--output", "baseline.json");
            Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(s.Read("baseline.json"), "accepted until Q3").Count);
        }

        [Fact]
        public void An_unreadable_baseline_is_a_usage_error()
        {
            using var s = new Scratch();
            s.Write("baseline.json", "{ not json");
            var (exit, _, err) = CliRunner.Run(s.Root, "check", "--baseline", "baseline.json");
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains("cannot read the baseline baseline.json", err);
        }
    }
}
