using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    public class ConfigAndHostileTests
    {
        private const string SingleAzDb = @"Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      StorageEncrypted: true
";

        [Fact]
        public void Editorconfig_sections_and_globalconfig_severities_apply_as_in_a_build()
        {
            using var s = new Scratch();
            s.Write(".editorconfig", "root = true\n[*.yaml]\niac_analyzers.pillar.reliability.severity = error\n[legacy/**]\niac_analyzers.IAC2001.severity = none\n");
            s.Write("app/db.yaml", SingleAzDb);
            s.Write("legacy/db.yaml", SingleAzDb);
            var (exit, output, _) = CliRunner.Run(s.Root, "check");
            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains("app/db.yaml(2,3): error IAC2001", output);
            Assert.DoesNotContain("legacy/db.yaml", output);

            // A global dotnet_diagnostic entry applies after ours, as the compiler applies it.
            s.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.IAC2001.severity = none\n");
            var quiet = CliRunner.Run(s.Root, "check");
            Assert.Equal(ExitCodes.Ok, quiet.Exit);
            Assert.DoesNotContain("IAC2001", quiet.Out);
        }

        [Fact]
        public void Hostile_files_get_IAC0001_and_the_run_completes()
        {
            using var s = new Scratch();
            s.Write("broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: [unclosed\n");
            // An alias bomb: ten levels of ten references each.
            var bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (var i = 1; i < 10; i++)
            {
                bomb.Append("a").Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
            }

            bomb.Append("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: *a9\n");
            s.Write("bomb.yaml", bomb.ToString());
            s.Write("deep.json", "{\"Resources\":{\"X\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":" + new string('[', 5000) + new string(']', 5000) + "}}}");
            File.WriteAllBytes(Path.Combine(s.Root, "binary.yaml"), new byte[] { 0, 1, 2, 0xFF, 0xFE, 0 });
            File.WriteAllBytes(Path.Combine(s.Root, "latin1.yaml"), Encoding.Latin1.GetBytes("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBName: caf\u00e9\n      StorageEncrypted: true\n"));
            s.Write("empty.yaml", string.Empty);
            s.Write("ok.yaml", SingleAzDb);

            var (exit, output, err) = CliRunner.Run(s.Root, "check", "--format", "json");
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Equal(string.Empty, err);
            using var doc = System.Text.Json.JsonDocument.Parse(output);
            var findings = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => (File: f.GetProperty("file").GetString(), Rule: f.GetProperty("ruleId").GetString())).ToList();
            Assert.Contains(("broken.yaml", "IAC0001"), findings);
            Assert.Contains(("bomb.yaml", "IAC0001"), findings);
            Assert.Contains(("deep.json", "IAC0001"), findings);
            Assert.Contains(("ok.yaml", "IAC2001"), findings);
            Assert.Contains(("latin1.yaml", "IAC2001"), findings);
            Assert.DoesNotContain(findings, f => f.File == "binary.yaml" || f.File == "empty.yaml");
        }

        [Fact]
        public void An_unreadable_file_gets_IAC0001_the_others_are_checked_and_the_exit_code_is_2()
        {
            using var s = new Scratch();
            var locked = s.Write("locked.yaml", SingleAzDb);
            s.Write("ok.yaml", SingleAzDb);
            // Tests run as root here, where permissions do not stop a read: the file system's answer is simulated.
            var output = new StringWriter();
            var error = new StringWriter();
            var env = new CliEnvironment(output, error, s.Root)
            {
                GetVariable = _ => null,
                ReadFile = path => path == locked ? throw new System.UnauthorizedAccessException("Access to the path is denied.") : null,
            };
            var exit = CliApp.Run(new[] { "check", "--format", "text" }, env);
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains("could not read locked.yaml: Access to the path is denied.", error.ToString());
            Assert.Contains("locked.yaml(1,1): warning IAC0001: Template 'locked.yaml' cannot be read: Access to the path is denied.", output.ToString());
            Assert.Contains("ok.yaml(2,3): warning IAC2001", output.ToString());
        }
    }
}
