using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>Template fixes through the shared verifier, with IAC2001 (before/after, fix-all, YAML and JSON).</summary>
    public class TemplateFixVerifierTests
    {
        private static VerifyFix.Test Test(string path, string before, string after)
        {
            var test = new VerifyFix.Test
            {
                TestState = { AdditionalFiles = { (path, before) } },
                FixedState = { AdditionalFiles = { (path, after) } },
            };

            // Only the rule under test: other rules have their own fix tests.
            test.DisabledDiagnostics.AddRange(RuleCatalog.All.Select(r => r.Id).Where(id => id != "IAC2001" && !id.StartsWith("IAC0", System.StringComparison.Ordinal)));
            return test;
        }

        [Fact]
        public async Task Yaml_with_comments_and_odd_indentation_is_fixed_in_place()
        {
            await Test(
                "infra/db.yaml",
                """
                # Reporting database
                Resources:
                     Db:     # the primary
                        Type: AWS::RDS::DBInstance
                        Properties:
                           Engine: postgres  # pinned by ops
                           MultiAZ: {|IAC2001:"false"|}   # TODO
                     Replica:
                        Type: AWS::RDS::DBInstance
                        Properties:
                           Engine: postgres
                           # no MultiAZ yet
                """.Replace("Replica:", "{|IAC2001:Replica|}:"),
                """
                # Reporting database
                Resources:
                     Db:     # the primary
                        Type: AWS::RDS::DBInstance
                        Properties:
                           Engine: postgres  # pinned by ops
                           MultiAZ: true   # TODO
                     Replica:
                        Type: AWS::RDS::DBInstance
                        Properties:
                           Engine: postgres
                           MultiAZ: true
                           # no MultiAZ yet
                """).RunAsync();
        }

        [Fact]
        public async Task Json_keeps_its_layout_and_gets_a_properties_block()
        {
            // A hand-written template: synthesized ones (cdk.out) never offer a fix (SynthesizedTemplateTests).
            await Test(
                "infra/App.template.json",
                """
                {
                  "Resources": {
                    {|IAC2001:"Db"|}: {
                      "Type": "AWS::RDS::DBInstance",
                      "DeletionPolicy": "Snapshot"
                    },
                    "Other": { "Type": "AWS::RDS::DBInstance", "Properties": { "MultiAZ": {|IAC2001:false|} } }
                  }
                }
                """,
                """
                {
                  "Resources": {
                    "Db": {
                      "Type": "AWS::RDS::DBInstance",
                      "DeletionPolicy": "Snapshot",
                      "Properties": {
                        "MultiAZ": true
                      }
                    },
                    "Other": { "Type": "AWS::RDS::DBInstance", "Properties": { "MultiAZ": true } }
                  }
                }
                """).RunAsync();
        }

        [Fact]
        public async Task Flow_style_yaml_stays_flow()
        {
            await Test(
                "db.yaml",
                "Resources:\n  {|IAC2001:Db|}: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql } }\n",
                "Resources:\n  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: mysql, MultiAZ: true } }\n").RunAsync();
        }

        [Fact]
        public async Task Values_from_parameters_and_branches_are_flagged_without_a_fix()
        {
            var test = Test(
                "db.yaml",
                """
                Parameters:
                  MultiAz: { Type: String, Default: "false" }
                Resources:
                  A:
                    Type: AWS::RDS::DBInstance
                    Properties: { MultiAZ: {|IAC2001:!Ref MultiAz|} }
                  B:
                    Type: AWS::RDS::DBInstance
                    Properties: { MultiAZ: !If [IsProd, true, {|IAC2001:false|}] }
                """,
                """
                Parameters:
                  MultiAz: { Type: String, Default: "false" }
                Resources:
                  A:
                    Type: AWS::RDS::DBInstance
                    Properties: { MultiAZ: {|IAC2001:!Ref MultiAz|} }
                  B:
                    Type: AWS::RDS::DBInstance
                    Properties: { MultiAZ: !If [IsProd, true, {|IAC2001:false|}] }
                """);
            await test.RunAsync();
        }
    }
}
