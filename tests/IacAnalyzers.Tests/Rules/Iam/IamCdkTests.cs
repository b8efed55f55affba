using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>The IAM rules on C# CDK code, L2 and L1, through the CDK front-end's IAM adapters.</summary>
    public class IamCdkTests
    {
        [Fact]
        public async Task L2_statement_with_star_action_added_to_a_role_is_flagged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { [|"*"|] },
                            Resources = new[] { "*" },
                        }));
                    }
                }
                """, "IAC1201");
            Assert.Equal(
                "'role' allows every action (Action '*') in the statement of PolicyDocument on every resource (Resource '*'): list only the actions the workload needs [Security · SEC03-BP02]",
                diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task L2_service_wildcard_and_scopable_write_on_star_are_flagged_and_reads_are_not()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        var statement = new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { {|IAC1202:"s3:*"|}, "ec2:Describe*", "iam:PassRole" },
                            Resources = new[] { {|IAC1204:"*"|} },
                        });
                        role.AddToPrincipalPolicy(statement);
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "ec2:Describe*", "s3:GetObject*", "xray:PutTraceSegments" },
                            Resources = new[] { "*" },
                        }));
                    }
                }
                """, "IAC1202");
        }

        [Fact]
        public async Task L2_deny_and_not_actions_with_allow()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var user = new User(this, "Ops");
                        user.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.DENY,
                            Actions = new[] { "*" },
                            Resources = new[] { "*" },
                        }));
                        user.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            [|NotActions|] = new[] { "iam:*" },
                            Resources = new[] { "arn:aws:s3:::b" },
                        }));
                    }
                }
                """, "IAC1203");
        }

        [Fact]
        public async Task L2_any_principal_in_a_bucket_policy_and_a_role_trust_is_flagged_unless_conditioned()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var bucket = new Bucket(this, "Site");
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Principals = new IPrincipal[] { [|new AnyPrincipal()|] },
                            Actions = new[] { "s3:GetObject" },
                            Resources = new[] { bucket.ArnForObjects("*") },
                        }));
                        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Principals = new IPrincipal[] { new StarPrincipal() },
                            Actions = new[] { "s3:GetObject" },
                            Resources = new[] { bucket.ArnForObjects("*") },
                            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = "o-abc" } },
                        }));
                        new Role(this, "Open", new RoleProps { AssumedBy = [|new AnyPrincipal()|] });
                        new Role(this, "Closed", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") });
                    }
                }
                """, "IAC1205");
        }

        [Fact]
        public async Task L2_administrator_access_managed_policy_is_flagged_in_props_and_calls()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Deploy", new RoleProps
                        {
                            AssumedBy = new ServicePrincipal("codebuild.amazonaws.com"),
                            ManagedPolicies = new[] { [|ManagedPolicy.FromAwsManagedPolicyName("AdministratorAccess")|], ManagedPolicy.FromAwsManagedPolicyName("ReadOnlyAccess") },
                        });
                        role.AddManagedPolicy([|ManagedPolicy.FromAwsManagedPolicyName("PowerUserAccess")|]);
                        new Group(this, "Admins", new GroupProps { ManagedPolicies = new[] { ManagedPolicy.FromManagedPolicyArn(this, "Iam", [|"arn:aws:iam::aws:policy/IAMFullAccess"|]) } });
                    }
                }
                """, "IAC1206");
        }

        [Fact]
        public async Task L2_policy_props_and_unknown_values_are_read_without_guessing()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, string[] actions) : base(scope, "App")
                    {
                        new ManagedPolicy(this, "Managed", new ManagedPolicyProps
                        {
                            Statements = new[]
                            {
                                new PolicyStatement(new PolicyStatementProps { Actions = new[] { [|"*"|] }, Resources = new[] { "arn:aws:s3:::b" } }),
                                new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = new[] { "*" } }),
                            },
                        });
                    }
                }
                """, "IAC1201");
        }

        [Fact]
        public async Task L1_documents_as_policy_document_objects_and_dictionaries_are_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnManagedPolicy(this, "Admin", new CfnManagedPolicyProps
                        {
                            PolicyDocument = new PolicyDocument(new PolicyDocumentProps
                            {
                                Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAC1201:"*"|} }, Resources = new[] { "*" } }) },
                            }),
                        });
                        new CfnPolicy(this, "Writer", new CfnPolicyProps
                        {
                            PolicyName = "writer",
                            Roles = new[] { "app" },
                            PolicyDocument = new Dictionary<string, object>
                            {
                                ["Statement"] = new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = "s3:PutObject", ["Resource"] = {|IAC1204:"*"|} } },
                            },
                        });
                        new CfnRole(this, "Deploy", new CfnRoleProps
                        {
                            AssumeRolePolicyDocument = new Dictionary<string, object>
                            {
                                ["Statement"] = new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Principal"] = new Dictionary<string, object> { ["AWS"] = {|IAC1205:"*"|} }, ["Action"] = "sts:AssumeRole" } },
                            },
                            ManagedPolicyArns = new[] { {|IAC1206:"arn:aws:iam::aws:policy/AdministratorAccess"|} },
                        });
                    }
                }
                """, "IAC1201");
        }

        [Fact]
        public async Task Grants_are_clean_and_a_conditional_flags_its_open_branch()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, bool debug) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        var bucket = new Bucket(this, "Data");
                        bucket.GrantReadWrite(role);
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = debug ? new[] { [|"*"|] } : new[] { "s3:GetObject" },
                            Resources = new[] { bucket.ArnForObjects("*") },
                        }));
                    }
                }
                """, "IAC1201");
            Assert.Contains("debug", diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Statements_filled_by_calls_on_a_local_are_read()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        var writer = new PolicyStatement();
                        writer.AddActions("dynamodb:PutItem", {|IAC1202:"sqs:*"|});
                        {|IAC1204:writer.AddAllResources()|};
                        role.AddToPolicy(writer);

                        var reader = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ec2:Describe*" } });
                        reader.AddAllResources();
                        role.AddToPolicy(reader);

                        var bucket = new Bucket(this, "Site");
                        var open = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" } });
                        {|IAC1205:open.AddAnyPrincipal()|};
                        open.AddResources(bucket.ArnForObjects("*"));
                        bucket.AddToResourcePolicy(open);

                        var scoped = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" } });
                        scoped.AddAnyPrincipal();
                        scoped.AddCondition("StringEquals", new Dictionary<string, object> { ["aws:PrincipalOrgID"] = "o-abc" });
                        bucket.AddToResourcePolicy(scoped);
                    }
                }
                """, "IAC1201");
        }

        // A list local completed by calls (seen in a public C# CDK app: `permissions.AddRange(...)` under an `if`): an
        // unconditional Add/AddRange is read into the list; a conditional one, or any other call that may change it
        // (Remove, Clear, Insert, ...), makes the list unknown, as a conditional write to the local does.
        [Fact]
        public async Task Lists_completed_by_calls_on_a_local_are_read_or_unknown()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope, bool debug, string[] extra) : base(scope, "App")
                    {
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });

                        var added = new List<string> { "s3:GetObject" };
                        added.Add("s3:PutObject");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = added.ToArray(), Resources = new[] { {|IAC1204:"*"|} } }));

                        var ranged = new List<string>();
                        ranged.AddRange(new[] { "ec2:Describe*", {|IAC1201:"*"|} });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ranged.ToArray(), Resources = new[] { "*" } }));

                        var read = new List<string> { "s3:GetObject" };
                        if (read.Contains("s3:GetObject") && read.Count == 1) { }
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = read.ToArray(), Resources = new[] { "*" } }));

                        var cleared = new List<string> { "*" };
                        cleared.Clear();
                        cleared.Add("s3:GetObject");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = cleared.ToArray(), Resources = new[] { "*" } }));

                        var removed = new List<string> { "*", "s3:GetObject" };
                        removed.Remove("*");
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = removed.ToArray(), Resources = new[] { "*" } }));

                        var maybe = new List<string> { "*" };
                        if (debug)
                        {
                            maybe.RemoveAt(0);
                        }

                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = maybe.ToArray(), Resources = new[] { "*" } }));

                        var document = new Dictionary<string, object> { ["Version"] = "2012-10-17" };
                        document.Add("Statement", new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = [|"*"|], ["Resource"] = "*" } });
                        new CfnPolicy(this, "Doc", new CfnPolicyProps { PolicyName = "doc", Roles = new[] { "r" }, PolicyDocument = document });

                        var logs = new List<string> { "logs:CreateLogGroup", "logs:PutLogEvents" };
                        if (debug)
                        {
                            logs.AddRange(new[] { {|IAC1201:"*"|} });
                        }

                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = logs.ToArray(), Resources = new[] { {|IAC1204:"*"|} } }));

                        var guarded = new List<string> { "s3:GetObject" };
                        if (debug)
                        {
                            guarded.Add("*");
                            return;
                        }

                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = guarded.ToArray(), Resources = new[] { "*" } }));

                        var unread = new List<string> { "s3:GetObject" };
                        unread.AddRange(extra);
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = unread.ToArray(), Resources = new[] { "*" } }));
                    }
                }
                """, "IAC1201");
        }

        [Fact]
        public async Task L2_role_inline_policies_are_read()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Role(this, "Fn", new RoleProps
                        {
                            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
                            InlinePolicies = new Dictionary<string, PolicyDocument>
                            {
                                ["logs"] = new PolicyDocument(new PolicyDocumentProps
                                {
                                    Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { "logs:CreateLogStream", "logs:PutLogEvents" }, Resources = new[] { [|"*"|] } }) },
                                }),
                            },
                        });
                    }
                }
                """, "IAC1204");
            Assert.Contains("statement 1 of Policies[0] 'logs'", diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }
    }
}
