using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Tests.Cdk;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2001 and the engines AWS cannot run Multi-AZ (SQL Server Express): no finding, since its fix would fail at
    /// deploy. Web, Standard, Enterprise and the other engines keep theirs. Both front-ends.
    /// </summary>
    public class IAC2001_EnginesWithoutMultiAzTests
    {
        private static readonly string[] OtherIds = RuleCatalog.All.Select(r => r.Id).Where(id => id != "IAC2001").ToArray();

        [Fact]
        public async Task Yaml_sql_server_express_is_clean_and_web_standard_db2_stay_flagged()
        {
            await Test(("db.yaml", """
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
                  {|IAC2001:FailWeb|}:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: sqlserver-web
                  {|IAC2001:FailStandard|}:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: sqlserver-se
                  FailDb2:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: db2-se
                      MultiAZ: {|IAC2001:false|}
                """)).RunAsync();
        }

        [Fact]
        public async Task Json_express_in_one_branch_only_is_still_flagged()
        {
            await Test(("db.json", """
                {
                  "Conditions": { "Small": { "Fn::Equals": [ "a", "b" ] } },
                  "Resources": {
                    "PassExpress": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "sqlserver-ex" } },
                    {|IAC2001:"FailMixed"|}: { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": { "Fn::If": [ "Small", "sqlserver-ex", "sqlserver-se" ] } } }
                  }
                }
                """)).RunAsync();
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

        private static VerifyTemplate.Test Test((string Name, string Text) file)
        {
            var test = new VerifyTemplate.Test { TestState = { AdditionalFiles = { file } } };
            test.DisabledDiagnostics.AddRange(OtherIds);
            return test;
        }
    }
}
