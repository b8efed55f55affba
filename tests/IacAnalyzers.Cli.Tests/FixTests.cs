using System.IO;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    public class FixTests
    {
        private const string Before = @"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  # the reporting database
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false   # keep this comment
";

        [Fact]
        public void Fix_applies_the_template_fixes_in_place_and_keeps_the_layout()
        {
            using var s = new Scratch();
            s.Write("db.yaml", Before);
            var (exit, output, _) = CliRunner.Run(s.Root, "fix");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Fixed 2 findings in 1 file.", output);
            var after = s.Read("db.yaml");
            Assert.Equal(@"AWSTemplateFormatVersion: '2010-09-09'
Resources:
  # the reporting database
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true   # keep this comment
      MultiAZ: true
".Replace("\r\n", "\n", System.StringComparison.Ordinal), after);
            Assert.Equal(ExitCodes.Ok, CliRunner.Run(s.Root, "check", "--fail-on", "warning").Exit);
        }

        [Fact]
        public void Dry_run_prints_a_diff_and_changes_nothing()
        {
            using var s = new Scratch();
            s.Write("db.yaml", Before);
            var (exit, output, _) = CliRunner.Run(s.Root, "fix", "--dry-run");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("--- a/db.yaml", output);
            Assert.Contains("-      StorageEncrypted: false   # keep this comment", output);
            Assert.Contains("+      StorageEncrypted: true   # keep this comment", output);
            Assert.Contains("+      MultiAZ: true", output);
            Assert.Contains("Would fix 2 findings in 1 file.", output);
            Assert.Equal(Before, s.Read("db.yaml"));
        }

        [Fact]
        public void Fix_over_copies_of_the_samples_leaves_only_findings_without_a_fix()
        {
            using var s = new Scratch();
            s.CopySampleTemplates();
            var before = CliRunner.Run(s.Root, "check", "--format", "json").Out;
            CliRunner.Run(s.Root, "fix");
            var after = CliRunner.Run(s.Root, "check", "--format", "json").Out;
            using var b = System.Text.Json.JsonDocument.Parse(before);
            using var a = System.Text.Json.JsonDocument.Parse(after);
            int Fixable(System.Text.Json.JsonDocument d) => System.Linq.Enumerable.Count(d.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("fix").ValueKind == System.Text.Json.JsonValueKind.String);
            Assert.True(Fixable(b) > 0);
            Assert.Equal(0, Fixable(a));
            Assert.Equal(File.ReadAllText(Path.Combine(CliRunner.Samples, "CdkApp", "templates", "good.template.yaml")), s.Read("templates/good.template.yaml"));
        }
    }
}
