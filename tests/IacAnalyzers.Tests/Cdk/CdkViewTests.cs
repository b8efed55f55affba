using System.Linq;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Rds;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>The views the C# front-end builds (ViewBuilder.FromCSharp), read directly: what the rules see.</summary>
    public class CdkViewTests
    {
        [Fact]
        public void L1_props_then_the_constructs_own_initializer_then_later_writes_make_the_view()
        {
            var view = Assert.Single(ViewBuilder.FromCSharp("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var db = new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = false, StorageEncrypted = false }) { StorageEncrypted = true, DbName = "orders" };
                        db.MultiAz = true;
                    }
                }
                """));
            Assert.Equal("AWS::RDS::DBInstance", view.Type);
            Assert.Equal("Db", view.Name);
            Assert.Equal("true", Assert.IsType<ScalarValue>(view.Properties.Get("MultiAz")).Text);
            Assert.Equal("true", Assert.IsType<ScalarValue>(view.Properties.Get("StorageEncrypted")).Text);
            Assert.Equal("orders", Assert.IsType<ScalarValue>(view.Properties.Get("DbName")).Text);
            Assert.Equal("postgres", Assert.IsType<ScalarValue>(view.Properties.Get("Engine")).Text);
        }

        [Fact]
        public void A_template_and_the_same_CSharp_get_the_same_verdict_at_the_written_value()
        {
            const string Source = """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = false });
                        new CfnDBInstance(this, "Ok", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                    }
                }
                """;
            var rule = new IAC2001_RdsInstanceSingleAz();
            var fromYaml = Assert.Single(ViewBuilder.Run(rule, ViewBuilder.FromTemplate("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MultiAZ: false\n  Ok:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MultiAZ: true\n")));
            var views = ViewBuilder.FromCSharp(Source);
            Assert.Equal(new[] { "Db", "Ok" }, views.Select(v => v.Name));
            var fromCSharp = Assert.Single(ViewBuilder.Run(rule, views));
            Assert.Same(fromYaml.Rule, fromCSharp.Rule);
            Assert.Equal("false", (CdkVerifier.Usings + Source).Substring(fromCSharp.Location.Start, fromCSharp.Location.Length));
        }
    }
}
