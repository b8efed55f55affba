using IacAnalyzers.Tests.Verifier;
using System.Threading.Tasks;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2001 and the engines AWS cannot run Multi-AZ (SQL Server Express): no finding, since its fix would fail at
    /// deploy. Web, Standard, Enterprise and the other engines keep theirs. Both front-ends.
    /// </summary>
    public class IAC2001_EnginesWithoutMultiAzTests
    {
        [Fact]
        public async Task Yaml_sql_server_express_is_clean_and_web_standard_db2_stay_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  PassExpress:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: sqlserver-ex
                      DBInstanceClass: db.t3.small
                  PassExpressUpperCase:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: SQLSERVER-EX
                  [|FailWeb|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: sqlserver-web
                  [|FailStandard|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: sqlserver-se
                  FailDb2:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: db2-se
                      MultiAZ: [|false|]
                """, "db.yaml", "IAC2001");
        }

        [Fact]
        public async Task Json_express_in_one_branch_only_is_still_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Conditions": { "Small": { "Fn::Equals": [ "a", "b" ] } },
                  "Resources": {
                    "PassExpress": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "sqlserver-ex" } },
                    [|"FailMixed"|]: { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": { "Fn::If": [ "Small", "sqlserver-ex", "sqlserver-se" ] } } }
                  }
                }
                """, "db.json", "IAC2001");
        }

        [Fact]
        public async Task L2_sql_server_express_engine_is_clean_and_web_is_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Express", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.SqlServerEx(new SqlServerExInstanceEngineProps { Version = SqlServerEngineVersion.VER_16 }),
                            Vpc = vpc,
                        });
                        [|new DatabaseInstance(this, "Web", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.SqlServerWeb(new SqlServerWebInstanceEngineProps { Version = SqlServerEngineVersion.VER_16 }),
                            Vpc = vpc,
                        })|];
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_sql_server_express_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Express", new CfnDBInstanceProps { Engine = "sqlserver-ex", DbInstanceClass = "db.t3.small" });
                        new CfnDBInstance(this, "Enterprise", new CfnDBInstanceProps { Engine = "sqlserver-ee", MultiAz = [|false|] });
                    }
                }
                """);
        }
    }
}
