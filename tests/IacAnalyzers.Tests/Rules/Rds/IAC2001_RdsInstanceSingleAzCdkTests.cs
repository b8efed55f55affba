using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>IAC2001 on the CDK C# surface: L1 <c>CfnDBInstance</c> and L2 <c>DatabaseInstance</c>.</summary>
    public class IAC2001_RdsInstanceSingleAzCdkTests
    {
        // ---- L1 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L1_instance_without_MultiAz_is_flagged_at_the_creation()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro" })|];
                    }
                }
                """);
            Assert.Equal(
                "RDS DB instance 'Db' runs in a single Availability Zone (MultiAz is not set and defaults to false): set MultiAz to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_instance_with_MultiAz_false_is_flagged_at_the_value()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|false|] });
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_instance_with_MultiAz_true_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_aurora_member_instance_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Writer", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = "c1" });
                        new CfnDBInstance(this, "Reader", new CfnDBInstanceProps { Engine = "aurora-mysql" });
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_MultiAz_from_a_method_result_is_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool multiAz) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "A", new CfnDBInstanceProps { Engine = "postgres", MultiAz = Decide() });
                        new CfnDBInstance(this, "B", new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                    }

                    private static bool Decide() => System.Environment.GetEnvironmentVariable("MULTI_AZ") == "1";
                }
                """);
        }

        [Fact]
        public async Task L1_props_from_a_parameter_are_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, CfnDBInstanceProps props) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", props);
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_conditional_flags_the_false_branch_and_names_it()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = isProd ? true : [|false|] });
                    }
                }
                """);
            Assert.Contains("(when `isProd` is false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L1_property_set_on_the_construct_after_creation_wins()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var ok = new CfnDBInstance(this, "Ok", new CfnDBInstanceProps { Engine = "postgres" });
                        ok.MultiAz = true;
                        var bad = new CfnDBInstance(this, "Bad", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                        bad.MultiAz = [|false|];
                    }
                }
                """);
        }

        [Fact]
        public async Task L1_property_set_in_the_constructs_own_initializer_is_read()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Ok") { MultiAz = true };
                        new CfnDBInstance(this, "Bad") { Engine = "postgres", MultiAz = [|false|] };
                        new CfnDBInstance(this, "PropsOverridden", new CfnDBInstanceProps { Engine = "postgres", MultiAz = false }) { MultiAz = true };
                        new CfnDBInstance(this, "InitializerOverridden", new CfnDBInstanceProps { MultiAz = true }) { MultiAz = [|false|] };
                        var later = new CfnDBInstance(this, "Later") { MultiAz = false };
                        later.MultiAz = true;
                        [|new CfnDBInstance(this, "Missing") { Engine = "postgres" }|];
                    }
                }
                """);
        }

        // ---- L2 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L2_instance_without_MultiAz_is_flagged_with_the_CDK_default()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                            Vpc = vpc,
                        })|];
                    }
                }
                """);
            Assert.Equal(
                "RDS DB instance 'Db' runs in a single Availability Zone (from the CDK default (DatabaseInstanceProps.MultiAz: false)): set MultiAz to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_instance_with_MultiAz_false_is_flagged_at_the_value()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = [|false|] });
                    }
                }
                """);
        }

        [Fact]
        public async Task L2_instance_with_MultiAz_true_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                    }
                }
                """);
        }

        [Fact]
        public async Task L2_MultiAz_from_a_parameter_is_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, bool multiAz) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = multiAz });
                    }
                }
                """);
        }

        [Fact]
        public async Task L2_props_from_a_method_result_are_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, Settings settings) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", settings.DatabaseProps());
                    }
                }

                public class Settings
                {
                    public virtual DatabaseInstanceProps DatabaseProps() => new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL };
                }
                """);
        }

        [Fact]
        public async Task L2_conditional_MultiAz_flags_the_false_branch()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, string env) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = env == "prod" ? true : [|false|] });
                    }
                }
                """);
            Assert.Contains("(when `env == \"prod\"` is false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }
    
        // ---- fixes ----------------------------------------------------------------------------------------

        [Fact]
        public async Task L2_missing_MultiAz_is_fixed_by_adding_it_to_the_initializer()
        {
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.MYSQL,
                            Vpc = vpc, // the app's VPC
                        })|];
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.MYSQL,
                            Vpc = vpc, // the app's VPC
                            MultiAz = true,
                        });
                    }
                }
                """, id: "IAC2001");
        }

        [Fact]
        public async Task L2_missing_MultiAz_without_trailing_comma_keeps_the_layout()
        {
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var props = new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.MYSQL,
                            Vpc = vpc
                        };
                        [|new DatabaseInstance(this, "Db", props)|];
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var props = new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.MYSQL,
                            Vpc = vpc,
                            MultiAz = true
                        };
                        new DatabaseInstance(this, "Db", props);
                    }
                }
                """, id: "IAC2001");
        }

        [Fact]
        public async Task L2_MultiAz_false_is_fixed_by_replacing_the_value()
        {
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        DatabaseInstanceProps props = new() { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = [|false|] };
                        new DatabaseInstance(this, "Db", props);
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        DatabaseInstanceProps props = new() { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true };
                        new DatabaseInstance(this, "Db", props);
                    }
                }
                """,
                // The value sits in a props local of the same constructor: the diagnostic is local to the member analysed,
                // and the official check that a fix is only offered for local diagnostics runs here.
                id: "IAC2001");
        }

        [Fact]
        public async Task L2_MultiAz_false_in_a_helper_method_or_a_field_is_reported_at_the_construct_and_fixed_in_place()
        {
            // A value written in another member (a field initializer, a helper method) is reported at the construct,
            // in the member analysed, with the value as its additional location: the diagnostic is local (the official
            // check runs), and the fix edits the value where it is written.
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    private static readonly DatabaseInstanceProps Shared = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, MultiAz = {|#1:false|} };

                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        {|#0:new DatabaseInstance(this, "Shared", Shared)|};
                        {|#2:new DatabaseInstance(this, "Helper", Props(vpc))|};
                    }

                    private static DatabaseInstanceProps Props(IVpc vpc) => new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = {|#3:false|} };
                }
                """,
                """
                public class AppStack : Stack
                {
                    private static readonly DatabaseInstanceProps Shared = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, MultiAz = true };

                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Shared", Shared);
                        new DatabaseInstance(this, "Helper", Props(vpc));
                    }

                    private static DatabaseInstanceProps Props(IVpc vpc) => new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true };
                }
                """,
                "IAC2001",
                CodeFixTestBehaviors.None,
                CdkVerifier.Finding("IAC2001").WithLocation(0).WithLocation(1),
                CdkVerifier.Finding("IAC2001").WithLocation(2).WithLocation(3));
        }

        [Fact]
        public async Task L1_missing_MultiAz_is_fixed_inline()
        {
            // The fix writes an object initializer on a construct created without props; the analyzer reads it, so the
            // fixed code is clean (the official verifier checks the fixed state's diagnostics).
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres" })|];
                        [|new CfnDBInstance(this, "Bare")|];
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                        new CfnDBInstance(this, "Bare") { MultiAz = true };
                    }
                }
                """, id: "IAC2001");
        }

        [Fact]
        public async Task L1_missing_MultiAz_is_added_to_the_constructs_own_initializer()
        {
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnDBInstance(this, "Db") { Engine = "postgres" }|];
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db") { Engine = "postgres", MultiAz = true };
                    }
                }
                """,
                id: "IAC2001");
        }

        [Fact]
        public async Task Fix_all_fixes_every_instance_of_the_document()
        {
            await CdkVerifier.VerifyFixAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "A", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc })|];
                        new DatabaseInstance(this, "B", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = [|false|] });
                        new CfnDBInstance(this, "C", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|false|] });
                    }
                }
                """,
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "A", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                        new DatabaseInstance(this, "B", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                        new CfnDBInstance(this, "C", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true });
                    }
                }
                """,
                id: "IAC2001");
        }

        [Fact]
        public async Task No_fix_when_the_props_local_is_completed_later_or_the_value_is_a_branch()
        {
            await CdkVerifier.VerifyNoFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, bool isProd) : base(scope, "App")
                    {
                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL };
                        props.Vpc = vpc;
                        [|new DatabaseInstance(this, "Later", props)|];
                        new DatabaseInstance(this, "Branch", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = isProd ? true : [|false|] });
                    }
                }
                """, id: "IAC2001");
        }

        [Fact]
        public async Task Fix_title_names_the_CSharp_member()
        {
            var source = """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc })|];
                    }
                }
                """;
            await CdkVerifier.VerifyFixAsync<IacAnalyzers.CodeFixes.CSharp.CSharpSetPropertyFixProvider>(
                source,
                Fixture.Edited(source, ("[|new DatabaseInstance", "new DatabaseInstance"), ("Vpc = vpc })|]", "Vpc = vpc, MultiAz = true })")),
                "IAC2001",
                verifyAction: (action, verifier) => verifier.Equal("Set MultiAz to true", action.Title));
        }
    }
}
