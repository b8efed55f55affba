using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// The same meaning written in other C# shapes gets the same verdict: null members, array initializers without
    /// <c>new[]</c>, switch expressions, <c>ToArray()</c>, both branches equal, lists from static readonly fields, tuple
    /// deconstruction, <c>foreach</c> over a known collection, <c>??</c> and <c>??=</c>, <c>PolicyDocument.FromJson</c>,
    /// records and <c>with</c>.
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
            [Fact]
        public async Task Tuple_deconstruction_gives_each_local_its_element()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var (multiAz, engine) = (false, "postgres");
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = engine, MultiAz = [|multiAz|] });
                        (bool safe, string other) = (true, "mysql");
                        new CfnDBInstance(this, "Safe", new CfnDBInstanceProps { Engine = other, MultiAz = safe });
                        var a = false;
                        var b = true;
                        (a, b) = (b, a);
                        new CfnDBInstance(this, "SwappedOn", new CfnDBInstanceProps { Engine = "postgres", MultiAz = a });
                        new CfnDBInstance(this, "SwappedOff", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|b|] });
                        var (fromCall, _) = Settings();
                        new CfnDBInstance(this, "Unknown", new CfnDBInstanceProps { Engine = "postgres", MultiAz = fromCall });
                    }

                    private static (bool, int) Settings() => (System.Environment.GetEnvironmentVariable("HA") == "1", 1);
                }
                """);
            Assert.Contains("the local `multiAz`", diagnostics[0].GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Foreach_over_a_known_array_judges_each_element()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class NetStack : Stack
                {
                    public NetStack(Construct scope, IVpc vpc, int[] fromConfig) : base(scope, "Net")
                    {
                        var sg = new SecurityGroup(this, "Admin", new SecurityGroupProps { Vpc = vpc });
                        foreach (var port in new[] { 22, 3389 })
                        {
                            sg.AddIngressRule({|IAC1101:{|IAC1102:Peer.AnyIpv4()|}|}, Port.Tcp(port));
                        }

                        var web = new SecurityGroup(this, "Web", new SecurityGroupProps { Vpc = vpc });
                        var webPorts = new List<int> { 80, 443 };
                        foreach (var port in webPorts)
                        {
                            web.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(port));
                        }

                        foreach (var port in fromConfig)
                        {
                            web.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(port));
                        }
                    }
                }
                """, "IAC1101");
            Assert.Contains(diagnostics, d => d.Id == "IAC1101" && d.GetMessage().Contains("when `port` is 22", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Coalesce_and_coalesce_assignment_read_like_a_reader_would()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool? fromCaller) : base(scope, "App")
                    {
                        var props = new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10) };
                        props.Encrypted ??= [|false|];
                        new Volume(this, "Unset", props);

                        var kept = new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = true };
                        kept.Encrypted ??= false;
                        new Volume(this, "Kept", kept);

                        bool? encrypted = null;
                        encrypted ??= false;
                        new Volume(this, "Local", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = [|encrypted|] });

                        bool? none = null;
                        new Volume(this, "Coalesce", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = none ?? [|false|] });
                        new Volume(this, "CoalesceOn", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = none ?? true });
                        new Volume(this, "Unknown", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(10), Encrypted = fromCaller ?? false });
                    }
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task PolicyDocument_FromJson_is_read_like_PolicyStatement_FromJson()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new ManagedPolicy(this, "Admin", new ManagedPolicyProps
                        {
                            Document = PolicyDocument.FromJson(new Dictionary<string, object>
                            {
                                ["Version"] = "2012-10-17",
                                ["Statement"] = new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = [|"*"|], ["Resource"] = "*" } },
                            }),
                        });
                        new CfnManagedPolicy(this, "L1", new CfnManagedPolicyProps
                        {
                            PolicyDocument = PolicyDocument.FromJson(new { Statement = new[] { new { Effect = "Allow", Action = [|"*"|], Resource = "*" } } }),
                        });
                        new Role(this, "Fn", new RoleProps
                        {
                            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
                            InlinePolicies = new Dictionary<string, PolicyDocument>
                            {
                                ["read"] = PolicyDocument.FromJson(new { Statement = new[] { new { Effect = "Allow", Action = "s3:GetObject", Resource = "*" } } }),
                                ["parsed"] = PolicyDocument.FromJson(System.Text.Json.JsonSerializer.Deserialize<object>("{}")!),
                            },
                        });
                    }
                }
                """, "IAC1201");
        }
            [Fact]
        public async Task Record_with_expressions_copy_and_replace_members()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                record DbSettings(bool MultiAz, string Engine = "postgres");

                record VolumeSettings
                {
                    public bool Encrypted { get; init; } = true;
                    public bool Fast { get; init; }
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var prod = new DbSettings(true);
                        var dev = prod with { MultiAz = false };
                        new CfnDBInstance(this, "Dev", new CfnDBInstanceProps { Engine = dev.Engine, MultiAz = [|dev.MultiAz|] });
                        new CfnDBInstance(this, "Prod", new CfnDBInstanceProps { Engine = prod.Engine, MultiAz = prod.MultiAz });
                        var single = new { MultiAz = true } with { MultiAz = false };
                        new CfnDBInstance(this, "Anonymous", new CfnDBInstanceProps { Engine = "mysql", MultiAz = [|single.MultiAz|] });
                        var fromEnv = prod with { MultiAz = System.Environment.GetEnvironmentVariable("HA") == "1" };
                        new CfnDBInstance(this, "Unknown", new CfnDBInstanceProps { Engine = "postgres", MultiAz = fromEnv.MultiAz });

                        var defaults = new VolumeSettings();
                        var plain = defaults with { Encrypted = false };
                        new CfnVolume(this, "Plain", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = {|IAC1002:plain.Encrypted|} });
                        new CfnVolume(this, "Initializer", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = defaults.Encrypted });
                        new CfnVolume(this, "TypeDefault", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = {|IAC1002:defaults.Fast|} });
                    }
                }
                """);
            Assert.Contains("the member `dev.MultiAz`", diagnostics.First(d => d.Id == "IAC2001").GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
