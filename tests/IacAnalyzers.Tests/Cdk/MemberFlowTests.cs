using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Values followed through fields and properties written once (of this construct or of another object), with the
    /// constructor's parameters bound when the object is created in reach; anything ambiguous stays unknown.
    /// </summary>
    public class MemberFlowTests
    {
        /// <summary>
        /// A value written in another member than the one attaching it: reported at the attaching call (the member
        /// analysed, so the diagnostic is local) with the value as its additional location.
        /// </summary>
        private static readonly Microsoft.CodeAnalysis.Testing.DiagnosticResult AtTheCallWithTheValue = CdkVerifier.Finding("IAC1201").WithLocation(0).WithLocation(1);

        [Fact]
        public async Task Statement_built_in_a_holder_constructor_and_attached_elsewhere_is_judged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class Statements
                {
                    public PolicyStatement Admin { get; }
                    public PolicyStatement Read { get; }

                    public Statements()
                    {
                        Admin = new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|#1:"*"|} }, Resources = new[] { "*" } });
                        Read = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "*" } });
                    }
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var holder = new Statements();
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        {|#0:role.AddToPolicy(holder.Admin)|};
                        role.AddToPolicy(holder.Read);
                    }
                }
                """, "IAC1201", new[] { AtTheCallWithTheValue });
        }

        [Fact]
        public async Task Holder_constructor_parameters_are_bound_to_the_creation_arguments()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class Grants
                {
                    private readonly PolicyStatement statement;

                    public Grants(string action, string resource)
                    {
                        statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { action }, Resources = new[] { resource } });
                    }

                    public PolicyStatement Statement => statement;
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        var open = new Grants([|"*"|], "*");
                        var narrow = new Grants("s3:GetObject", "*");
                        role.AddToPolicy(open.Statement);
                        role.AddToPolicy(narrow.Statement);
                    }
                }
                """, "IAC1201");
        }

        [Fact]
        public async Task Field_of_this_construct_written_in_the_constructor_is_judged_where_it_is_attached()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    private readonly PolicyStatement adminStatement;
                    public PolicyStatement ReadStatement { get; private set; }

                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        adminStatement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|#1:"*"|} }, Resources = new[] { "*" } });
                        ReadStatement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "*" } });
                        Attach();
                    }

                    private void Attach()
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        {|#0:role.AddToPolicy(adminStatement)|};
                        role.AddToPolicy(this.ReadStatement);
                    }
                }
                """, "IAC1201", new[] { AtTheCallWithTheValue });
        }

        [Fact]
        public async Task Boolean_field_written_once_decides_a_construct_property()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    private readonly bool multiAz;
                    private readonly bool encrypted = true;

                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        multiAz = false;
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|], StorageEncrypted = encrypted });
                    }
                }
                """);
        }

        [Fact]
        public async Task Members_written_twice_conditionally_or_by_other_code_stay_unknown()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    private bool writtenTwice = false;
                    private readonly bool conditional;
                    public bool Settable { get; set; }
                    private bool writtenInMethod;
                    private readonly bool readBeforeWrite;

                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                        writtenTwice = true;
                        if (isProd)
                        {
                            conditional = false;
                        }

                        Settable = false;
                        Init();
                        new CfnDBInstance(this, "A", new CfnDBInstanceProps { Engine = "postgres", MultiAz = writtenTwice });
                        new CfnDBInstance(this, "B", new CfnDBInstanceProps { Engine = "postgres", MultiAz = conditional });
                        new CfnDBInstance(this, "C", new CfnDBInstanceProps { Engine = "postgres", MultiAz = Settable });
                        new CfnDBInstance(this, "D", new CfnDBInstanceProps { Engine = "postgres", MultiAz = writtenInMethod });
                        new CfnDBInstance(this, "E", new CfnDBInstanceProps { Engine = "postgres", MultiAz = readBeforeWrite });
                        readBeforeWrite = false;
                    }

                    private void Init() => writtenInMethod = false;
                }
                """);
        }

        [Fact]
        public async Task Constructor_parameter_without_a_known_creation_stays_unknown()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class Grants
                {
                    public Grants(string action) => Statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { action }, Resources = new[] { "*" } });

                    public PolicyStatement Statement { get; }
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope, Grants grants) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddToPolicy(grants.Statement);
                    }
                }
                """, "IAC1201");
        }

        [Fact]
        public async Task Block_bodied_getter_reads_like_an_expression_bodied_one()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class Settings
                {
                    public static bool MultiAz { get { return false; } }
                    public bool Encrypted { get { return false; } }
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|Settings.MultiAz|], StorageEncrypted = {|IAC1001:new Settings().Encrypted|} });
                    }
                }
                """);
        }
    

        [Fact]
        public async Task Member_of_a_local_props_object_written_once_is_its_value()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = {|IAC2001:false|} };
                        new DatabaseInstance(this, "Db", props);
                        new CfnDBInstance(this, "Copy", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = [|props.MultiAz|] });

                        var ha = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = true };
                        new CfnDBInstance(this, "HaCopy", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = ha.MultiAz });

                        var later = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        later.MultiAz = true;
                        new CfnDBInstance(this, "LaterCopy", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = later.MultiAz });
                    }
                }
                """);
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("the member `props.MultiAz`", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Member_of_a_local_props_object_never_written_is_not_set()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var props = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        [|new DatabaseInstance(this, "Db", props)|];
                        [|new CfnDBInstance(this, "Copy", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = props.MultiAz })|];
                    }
                }
                """);
        }

        [Fact]
        public async Task Member_of_a_local_props_object_written_twice_conditionally_or_after_escaping_stays_unknown()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, bool prod) : base(scope, "App")
                    {
                        var twice = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = false };
                        twice.MultiAz = false;
                        new CfnDBInstance(this, "Twice", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = twice.MultiAz });

                        var readFirst = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = false };
                        new CfnDBInstance(this, "ReadFirst", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = readFirst.MultiAz });
                        readFirst.MultiAz = true;

                        var maybe = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
                        if (prod)
                        {
                            maybe.MultiAz = false;
                        }

                        new CfnDBInstance(this, "Maybe", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = maybe.MultiAz });

                        var shared = new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = false };
                        Tweak(shared);
                        new CfnDBInstance(this, "Shared", new CfnDBInstanceProps { Engine = "postgres", DbInstanceClass = "db.t3.micro", MultiAz = shared.MultiAz });
                    }

                    private static void Tweak(DatabaseInstanceProps props) => props.MultiAz = true;
                }
                """);
        }
    }
}
