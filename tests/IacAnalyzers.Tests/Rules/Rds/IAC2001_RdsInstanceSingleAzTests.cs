using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;
using VerifyTemplateFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>IAC2001 in CloudFormation templates (YAML and JSON), through the template host and the verifier.</summary>
    public class IAC2001_RdsInstanceSingleAzTests
    {
        private static readonly string[] OtherIds = RuleCatalog.All.Select(r => r.Id).Where(id => id != "IAC2001").ToArray();

        [Fact]
        public async Task Yaml_instance_without_MultiAZ_is_flagged_at_its_logical_id_with_the_full_message()
        {
            var test = Test(("db.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  {|#0:Orders|}:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.m6g.large
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC2001").WithLocation(0).WithMessage(
                "RDS DB instance 'Orders' runs in a single Availability Zone (MultiAZ is not set and defaults to false): " +
                "set MultiAZ to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Yaml_MultiAZ_false_is_flagged_at_the_value_and_true_is_clean()
        {
            await Test(("db.yaml", """
                Resources:
                  FailSingle:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: {|IAC2001:false|}
                  FailString:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: {|IAC2001:"false"|}
                  PassMulti:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: true
                  PassMultiString:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: "true"
                """)).RunAsync();
        }

        [Fact]
        public async Task Yaml_aurora_members_are_not_flagged()
        {
            await Test(("db.yaml", """
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-postgresql
                  PassMember:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref Cluster
                      DBInstanceClass: db.r6g.large
                  PassAuroraEngine:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: aurora-mysql
                      DBInstanceClass: db.r6g.large
                  PassUnknownCluster:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !ImportValue shared-cluster
                """)).RunAsync();
        }

        [Fact]
        public async Task Yaml_MultiAZ_from_a_parameter_is_judged_by_its_default_and_unknown_without_one()
        {
            var test = Test(("db.yaml", """
                Parameters:
                  WithDefault:
                    Type: String
                    Default: "false"
                  WithoutDefault:
                    Type: String
                Resources:
                  FailFromDefault:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: {|#0:!Ref WithDefault|}
                  PassUnknown:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !Ref WithoutDefault
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC2001").WithLocation(0)
                .WithArguments("FailFromDefault", " (from the Default of parameter 'WithDefault')"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Yaml_Fn_If_flags_the_single_az_branch_and_names_the_condition()
        {
            var test = Test(("db.yaml", """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !If [IsProd, true, {|#0:false|}]
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC2001").WithLocation(0)
                .WithArguments("Db", " (when condition 'IsProd' is false)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Json_instances_are_flagged_at_the_same_places()
        {
            await Test(("db.template.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    {|IAC2001:"FailMissing"|}: {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres" }
                    },
                    "FailFalse": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres", "MultiAZ": {|IAC2001:false|} }
                    },
                    "PassTrue": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres", "MultiAZ": true }
                    }
                  }
                }
                """)).RunAsync();
        }

        [Fact]
        public async Task Yaml_missing_MultiAZ_is_fixed_by_adding_it_and_false_by_replacing_it()
        {
            var test = new VerifyTemplateFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("db.yaml", """
                            Resources:
                              {|IAC2001:Orders|}:
                                Type: AWS::RDS::DBInstance
                                Properties:
                                  Engine: postgres   # the engine
                              Reports:
                                Type: AWS::RDS::DBInstance
                                Properties:
                                  Engine: postgres
                                  MultiAZ: {|IAC2001:false|}
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("db.yaml", """
                            Resources:
                              Orders:
                                Type: AWS::RDS::DBInstance
                                Properties:
                                  Engine: postgres   # the engine
                                  MultiAZ: true
                              Reports:
                                Type: AWS::RDS::DBInstance
                                Properties:
                                  Engine: postgres
                                  MultiAZ: true
                            """),
                    },
                },
            };
            test.DisabledDiagnostics.AddRange(OtherIds);
            await test.RunAsync();
        }

        private static VerifyTemplate.Test Test((string Name, string Text) file)
        {
            var test = new VerifyTemplate.Test { TestState = { AdditionalFiles = { file } } };
            test.DisabledDiagnostics.AddRange(OtherIds);
            return test;
        }
    }
}
