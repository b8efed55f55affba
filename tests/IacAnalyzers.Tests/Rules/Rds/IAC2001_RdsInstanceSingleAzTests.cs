using System.Threading.Tasks;
using IacAnalyzers.Rules.Rds;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>IAC2001 in CloudFormation templates (YAML and JSON), through the template host and the verifier.</summary>
    public class IAC2001_RdsInstanceSingleAzTests
    {
        private static readonly IAC2001_RdsInstanceSingleAz Rule = new IAC2001_RdsInstanceSingleAz();

        [Fact]
        public async Task Yaml_instance_without_MultiAZ_is_flagged_at_its_logical_id_with_the_full_message()
        {
            await VerifyRuleAsync(Rule, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  {|#0:Orders|}:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.m6g.large
                """, "db.yaml", Reported(Rule,
                "RDS DB instance 'Orders' runs in a single Availability Zone (MultiAZ is not set and defaults to false): " +
                "set MultiAZ to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]").WithLocation(0));
        }

        [Fact]
        public async Task Yaml_MultiAZ_false_is_flagged_at_the_value_and_true_is_clean()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  FailSingle:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: [|false|]
                  FailString:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      MultiAZ: [|"false"|]
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
                """, "db.yaml");
        }

        [Fact]
        public async Task Yaml_aurora_members_are_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
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
                """, "db.yaml");
        }

        [Fact]
        public async Task Yaml_MultiAZ_from_a_parameter_is_judged_by_its_default_and_unknown_without_one()
        {
            await VerifyRuleAsync(Rule, """
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
                """, "db.yaml", Reported(Rule).WithLocation(0)
                .WithArguments("FailFromDefault", " (from the Default of parameter 'WithDefault')"));
        }

        [Fact]
        public async Task Yaml_Fn_If_flags_the_single_az_branch_and_names_the_condition()
        {
            await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !If [IsProd, true, {|#0:false|}]
                """, "db.yaml", Reported(Rule).WithLocation(0)
                .WithArguments("Db", " (when condition 'IsProd' is false)"));
        }

        [Fact]
        public async Task Json_instances_are_flagged_at_the_same_places()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    [|"FailMissing"|]: {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres" }
                    },
                    "FailFalse": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres", "MultiAZ": [|false|] }
                    },
                    "PassTrue": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres", "MultiAZ": true }
                    }
                  }
                }
                """, "db.template.json");
        }

        [Fact]
        public Task Yaml_missing_MultiAZ_is_fixed_by_adding_it_and_false_by_replacing_it()
        {
            var before = """
                Resources:
                  [|Orders|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres   # the engine
                  Reports:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: [|false|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before,
                ("[|Orders|]", "Orders"),
                ("Engine: postgres   # the engine", "Engine: postgres   # the engine\nMultiAZ: true"),
                ("[|false|]", "true")), "db.yaml");
        }
    }
}
