using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// The same meaning written in other C# shapes gets the same verdict: null members, array initializers without
    /// <c>new[]</c>, switch expressions, <c>ToArray()</c>, both branches equal, lists from static readonly fields.
    /// </summary>
    public class ShapeEquivalenceTests
    {
        [Fact]
        public async Task Null_member_is_not_set_so_the_default_applies()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        bool? notSet = null;
                        [|new Volume(this, "Null", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = null })|];
                        [|new Volume(this, "NullLocal", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = notSet })|];
                        var props = new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = true };
                        props.Encrypted = null;
                        [|new Volume(this, "Unset", props)|];
                        new Volume(this, "On", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = true });
                    }
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task Null_on_an_L1_property_is_not_set()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnVolume(this, "Null", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = null })|];
                        new CfnVolume(this, "On", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = true });
                    }
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task Array_initializer_without_new_in_a_static_readonly_field_is_reported_at_the_use()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                static class Actions
                {
                    public static readonly string[] All = { "*" };
                    public static readonly string[] Read = { "s3:GetObject" };
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = [|Actions.All|], Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = Actions.Read, Resources = new[] { "*" } }));
                    }
                }
                """, "IAC1201");
            Assert.Contains("the field `Actions.All`", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Switch_expression_is_a_one_of_like_a_conditional()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string stage) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = stage switch { "prod" => true, _ => [|false|] } });
                        const string known = "prod";
                        new CfnDBInstance(this, "Known", new CfnDBInstanceProps { Engine = "postgres", MultiAz = known switch { "prod" => true, _ => false } });
                        new CfnDBInstance(this, "AllTrue", new CfnDBInstanceProps { Engine = "postgres", MultiAz = stage switch { "dev" => true, _ => true } });
                    }
                }
                """);
            Assert.Contains("when `stage` matches no other arm", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Equal_branches_give_one_finding_at_the_conditional()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|isProd ? false : false|] });
                        new CfnDBInstance(this, "Ok", new CfnDBInstanceProps { Engine = "postgres", MultiAz = isProd ? true : true });
                    }
                }
                """);
        }

        [Fact]
        public async Task List_ToArray_keeps_its_items()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using System.Linq;

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new List<string> { [|"*"|] }.ToArray(), Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAC1201:"*"|} }.ToList().ToArray(), Resources = new[] { "*" } }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new List<string> { "s3:GetObject" }.ToArray(), Resources = new[] { "*" } }));
                    }
                }
                """, "IAC1201");
        }
    }
}
