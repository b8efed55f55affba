using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    public class TemplateAnalyzerTests
    {
        [Fact]
        public async Task Yaml_finding_is_at_the_value_and_names_the_parameter_default()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("infra/db.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  DbMultiAz:
                    Type: String
                    Default: "false"
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: {|IAC2001:!Ref DbMultiAz|}
                """);
            Assert.Equal(
                "RDS DB instance 'Db' runs in a single Availability Zone (from the Default of parameter 'DbMultiAz'): set MultiAZ to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(new FileLinePositionSpan("infra/db.yaml", new(10, 15), new(10, 29)), diagnostics.Single().Location.GetLineSpan());
        }

        [Fact]
        public async Task Json_missing_property_is_reported_at_the_logical_id()
        {
            await TemplateVerifier.VerifyTemplateAsync("cdk.out/App.template.json", """
                {
                  "Resources": {
                    {|IAC2001:"Db"|}: { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql" } },
                    "Aurora": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "aurora-mysql" } }
                  }
                }
                """);
        }

        [Fact]
        public async Task Fn_If_flags_only_the_bad_branch()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: !If [IsProd, true, {|IAC2001:false|}]
                """);
            Assert.Contains("(when condition 'IsProd' is false)", diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Parameter_without_default_is_not_flagged()
        {
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Parameters:
                  MultiAz: { Type: String, AllowedValues: ["true", "false"] }
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: !Ref MultiAz
                """);
        }

        [Fact]
        public async Task Syntax_error_is_IAC0001_at_the_error_and_other_files_go_on()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplatesAsync(new[]
            {
                ("bad.yaml", """
                    AWSTemplateFormatVersion: "2010-09-09"
                    Resources:
                      Db:
                        Type: AWS::RDS::DBInstance
                        Properties: {|IAC0001:|}[unclosed
                      Other: 1
                    """),
                ("good.yaml", "Resources:\n  {|IAC2001:Db|}:\n    Type: AWS::RDS::DBInstance\n"),
            });
            var unreadable = diagnostics.Single(d => d.Id == "IAC0001");
            Assert.Equal("bad.yaml", unreadable.Location.GetLineSpan().Path);
            Assert.Equal(4, unreadable.Location.GetLineSpan().StartLinePosition.Line);
            Assert.StartsWith("Template 'bad.yaml' cannot be read: ", unreadable.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(diagnostics, d => d.Id == "IAC2001" && d.Location.GetLineSpan().Path == "good.yaml");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
        }

        [Theory]
        [InlineData("settings.txt")]
        [InlineData("Program.cs")]
        public async Task Files_that_are_not_yaml_or_json_are_not_read(string path)
        {
            // No markup: nothing may be reported.
            await TemplateVerifier.VerifyTemplateAsync(path, "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n");
        }

        [Fact]
        public async Task Template_extension_is_read()
        {
            await TemplateVerifier.VerifyTemplateAsync("stack.template", "Resources:\n  {|IAC2001:Db|}:\n    Type: AWS::RDS::DBInstance\n");
        }
    }
}
