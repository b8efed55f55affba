using System.Linq;
using System.Threading;
using IacAnalyzers.Cdk;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>The resolver on its own: C# expressions → neutral values, with locations and provenance.</summary>
    public class ValueResolutionTests
    {
        // ---- labels -----------------------------------------------------------------------------------------

        [Theory]
        [InlineData("isProd", "isProd")]
        [InlineData("isProd  &&\r\n\t   env == \"prod\"", "isProd && env == \"prod\"")]
        [InlineData("a &&\n b", "a && b")]
        // 60 characters: kept whole.
        [InlineData("abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefgh", "abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefgh")]
        // 61: cut to 59 and an ellipsis.
        [InlineData("abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefghi", "abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefg…")]
        // Blanks that collapse bring a long text under the limit.
        [InlineData("abcdefghij &&\n                                                                      abcdefghij", "abcdefghij && abcdefghij")]
        // More after the 60th character, past a line break: shortened.
        [InlineData("abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefgh\n\n && x", "abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefg…")]
        // Line breaks count as one space each.
        [InlineData("abcdefghi\n&&\nabcdefghi\n&&\nabcdefghi\n&&\nabcdefghi\n&&\nabcdefgh", "abcdefghi && abcdefghi && abcdefghi && abcdefghi && abcdefgh")]
        public void Label_puts_a_condition_on_one_line_and_shortens_it(string text, string expected)
        {
            // A node of its own (its tree is made from the node and has no text yet: Label asks the node for its text)...
            var node = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(text);
            Assert.False(node.SyntaxTree.TryGetText(out _));
            Assert.Equal(expected, ValueResolver.Label(node));
            Assert.Equal(ReferenceLabel(node.ToString()), ValueResolver.Label(node));

            // ... and the same expression inside a parsed file, not at its start (Label reads the node's span of the
            // file's text): the same label.
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C\n{\n    bool M() => /* before */ " + text + " /* after */;\n}\n");
            Assert.True(tree.TryGetText(out _));
            var inFile = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
            Assert.Equal(expected, ValueResolver.Label(inFile));
        }

        /// <summary>The label as first written (split on blanks, joined with one space, cut at 60): the one-pass form must agree.</summary>
        private static string ReferenceLabel(string source)
        {
            var text = string.Join(" ", source.Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 60 ? text : text.Substring(0, 59) + "…";
        }

        // ---- harness ----------------------------------------------------------------------------------------

        /// <summary>The props of the construct created with id "Target", resolved.</summary>
        private static (Value Value, string Source) Props(string body, string members = "")
        {
            var source = CdkVerifier.Usings + """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd, string env, IVpc vpc, Settings settings) : base(scope, "App")
                    {
                """ + body + """

                    }
                """ + members + """

                }

                public class Settings
                {
                    public bool MultiAz;
                    public virtual CfnDBInstanceProps Props() => new CfnDBInstanceProps();
                }

                public static class Config
                {
                    public const bool MultiAzConst = false;
                    public const string Prefix = "app";
                    public static readonly bool MultiAzReadonly = false;
                    public static readonly string Name = Prefix + "-db";
                    public static bool Mutable = false;
                    public static string Region => "eu-west-1";
                }
                """;
            var compilation = CdkVerifier.Compile(new[] { source });
            var tree = compilation.SyntaxTrees.First();
            var model = compilation.GetSemanticModel(tree);
            var symbols = CdkSymbols.TryCreate(compilation)!;
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (model.GetOperation(node) is IObjectCreationOperation creation && symbols.IsConstruct(creation.Type)
                    && creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "id")?.Value.ConstantValue.Value as string == "Target")
                {
                    var props = creation.Arguments.Single(a => a.Parameter?.Name == "props");
                    return (new ValueResolver(symbols, CancellationToken.None).Resolve(props.Value), source);
                }
            }

            throw new Xunit.Sdk.XunitException("No construct with id \"Target\".");
        }

        /// <summary>The value of the local named <c>target</c>'s initializer.</summary>
        private static (Value Value, string Source) Expression(string body)
        {
            var source = CdkVerifier.Usings + """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                """ + body + """

                    }
                }
                """;
            var compilation = CdkVerifier.Compile(new[] { source });
            var tree = compilation.SyntaxTrees.First();
            var model = compilation.GetSemanticModel(tree);
            var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(d => d.Identifier.ValueText == "target");
            var operation = model.GetOperation(declarator.Initializer!.Value)!;
            return (new ValueResolver(CdkSymbols.TryCreate(compilation)!, CancellationToken.None).Resolve(operation), source);
        }

        private static string At(string source, SourceLocation location) => source.Substring(location.Start, location.Length);

        private static ScalarValue Scalar(Value? value) => Assert.IsType<ScalarValue>(value);

        private static Value Get(Value value, string key) => Assert.IsType<MapValue>(value).Get(key) ?? throw new Xunit.Sdk.XunitException("No entry " + key);

        // ---- initializers -------------------------------------------------------------------------------------

        [Fact]
        public void Object_initializer_members_are_map_entries_located_where_written()
        {
            var (props, source) = Props("""new CfnDBInstance(this, "Target", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, AllocatedStorage = "20" });""");
            var map = Assert.IsType<MapValue>(props);
            Assert.StartsWith("new CfnDBInstanceProps {", At(source, map.Location), System.StringComparison.Ordinal);
            Assert.Equal("true", Scalar(map.Get("MultiAZ")).Text);
            Assert.Equal(ScalarKind.Boolean, Scalar(map.Get("multiaz")).Kind);
            Assert.Equal("true", At(source, map.Get("MultiAz")!.Location));
            Assert.Equal("MultiAz", At(source, map.GetEntry("MultiAz")!.KeyLocation));
            Assert.Null(map.Get("MultiAz")!.Provenance);
        }

        [Fact]
        public void Target_typed_new_and_named_arguments_resolve()
        {
            var (props, source) = Props("""
                CfnDBInstanceProps p = new() { MultiAz = false };
                new CfnDBInstance(props: p, id: "Target", scope: this);
                """);
            Assert.Equal("false", Scalar(Get(props, "MultiAz")).Text);
            Assert.Equal("new() { MultiAz = false }", At(source, props.Location));
        }

        [Fact]
        public void Props_local_changed_later_applies_writes_in_order_and_is_located_at_the_use()
        {
            var (props, source) = Props("""
                var p = new CfnDBInstanceProps { MultiAz = false, Engine = "mysql" };
                p.MultiAz = true;
                p.Engine = "postgres";
                p.MultiAz = false;
                new CfnDBInstance(this, "Target", p);
                p.MultiAz = true;
                """);
            Assert.Equal("false", Scalar(Get(props, "MultiAz")).Text);
            Assert.Equal("postgres", Scalar(Get(props, "Engine")).Text);
            Assert.Equal("p", At(source, props.Location));
            Assert.Equal("false", At(source, Get(props, "MultiAz").Location));
        }

        [Fact]
        public void A_conditional_write_makes_the_member_unknown()
        {
            var (props, _) = Props("""
                var p = new CfnDBInstanceProps { MultiAz = false };
                if (isProd) p.MultiAz = true;
                new CfnDBInstance(this, "Target", p);
                """);
            Assert.IsType<UnknownValue>(Get(props, "MultiAz"));
        }

        [Fact]
        public void Props_passed_to_another_method_before_use_are_unknown()
        {
            var (props, _) = Props(
                """
                var p = new CfnDBInstanceProps { MultiAz = false };
                Tune(p);
                new CfnDBInstance(this, "Target", p);
                """,
                "private static void Tune(CfnDBInstanceProps p) => p.MultiAz = true;");
            Assert.IsType<UnknownValue>(props);
        }

        [Fact]
        public void A_local_assigned_once_is_read_and_named()
        {
            var (props, source) = Props("""
                var multiAz = false;
                new CfnDBInstance(this, "Target", new CfnDBInstanceProps { MultiAz = multiAz });
                """);
            var value = Scalar(Get(props, "MultiAz"));
            Assert.Equal("false", value.Text);
            Assert.Equal("multiAz", At(source, value.Location));
            Assert.Equal("the local `multiAz`", value.Provenance?.Text);
            Assert.Equal(ValueOrigin.NamedConstant, value.Origin);
        }

        [Fact]
        public void A_local_reassigned_in_a_branch_is_unknown_and_an_unconditional_reassignment_wins()
        {
            var (props, _) = Props("""
                var a = false;
                if (isProd) a = true;
                var b = true;
                b = false;
                new CfnDBInstance(this, "Target", new CfnDBInstanceProps { MultiAz = a, Engine = b ? "x" : "y" });
                """);
            Assert.IsType<UnknownValue>(Get(props, "MultiAz"));
            Assert.Equal("y", Scalar(Get(props, "Engine")).Text);
        }

        // ---- constants, fields, strings -----------------------------------------------------------------------

        [Fact]
        public void Const_and_static_readonly_fields_resolve_with_provenance()
        {
            var (props, source) = Props("""
                new CfnDBInstance(this, "Target", new CfnDBInstanceProps
                {
                    MultiAz = Config.MultiAzConst,
                    StorageEncrypted = Config.MultiAzReadonly,
                    DbName = Config.Name,
                    DeletionProtection = Config.Mutable,
                    Engine = Config.Region,
                });
                """);
            Assert.Equal("the constant `Config.MultiAzConst`", Scalar(Get(props, "MultiAz")).Provenance?.Text);
            Assert.Equal("Config.MultiAzConst", At(source, Get(props, "MultiAz").Location));
            Assert.Equal("false", Scalar(Get(props, "StorageEncrypted")).Text);
            Assert.Equal("the field `Config.MultiAzReadonly`", Get(props, "StorageEncrypted").Provenance?.Text);
            Assert.Equal("app-db", Scalar(Get(props, "DbName")).Text);
            Assert.IsType<UnknownValue>(Get(props, "DeletionProtection"));
            Assert.Equal("eu-west-1", Scalar(Get(props, "Engine")).Text);
        }

        [Fact]
        public async System.Threading.Tasks.Task Static_readonly_field_in_another_file_resolves()
        {
            var source = CdkVerifier.Usings + """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Target", new CfnDBInstanceProps { MultiAz = Shared.MultiAz });
                    }
                }
                """;
            var other = "public static class Shared { public static readonly bool MultiAz = true; }";
            var compilation = CdkVerifier.Compile(new[] { source, other });
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation);
            Assert.DoesNotContain(diagnostics, d => d.Id == "IAC2001" || d.Id == "AD0001" || d.Id == "IAC0002");
        }

        [Fact]
        public void String_concatenation_and_interpolation_of_known_parts_resolve()
        {
            var (props, _) = Props("""
                var stage = "prod";
                new CfnDBInstance(this, "Target", new CfnDBInstanceProps { DbName = Config.Prefix + "-" + stage, Engine = $"{Config.Name}-{stage}", DbInstanceIdentifier = env + "-db" });
                """);
            Assert.Equal("app-prod", Scalar(Get(props, "DbName")).Text);
            Assert.Equal("app-db-prod", Scalar(Get(props, "Engine")).Text);
            Assert.IsType<UnknownValue>(Get(props, "DbInstanceIdentifier"));
        }

        // ---- conditionals, helpers, unknowns --------------------------------------------------------------------

        [Fact]
        public void A_conditional_is_a_one_of_labelled_with_the_condition()
        {
            var (props, source) = Props("""new CfnDBInstance(this, "Target", new CfnDBInstanceProps { MultiAz = isProd ? true : false });""");
            var oneOf = Assert.IsType<OneOfValue>(Get(props, "MultiAz"));
            Assert.Equal(new[] { "when `isProd` is true", "when `isProd` is false" }, oneOf.Branches.Select(b => b.Label));
            Assert.Equal("false", At(source, oneOf.Branches[1].Value.Location));
        }

        [Fact]
        public void A_conditional_on_a_constant_takes_its_branch()
        {
            var (props, _) = Props("""new CfnDBInstance(this, "Target", new CfnDBInstanceProps { MultiAz = Config.MultiAzConst ? true : false });""");
            Assert.Equal("false", Scalar(Get(props, "MultiAz")).Text);
        }

        [Fact]
        public void Props_from_a_helper_method_resolve_with_arguments_bound()
        {
            var (props, source) = Props(
                """new CfnDBInstance(this, "Target", MakeProps(false, "mysql"));""",
                """
                private static CfnDBInstanceProps MakeProps(bool multiAz, string engine)
                {
                    var props = new CfnDBInstanceProps { MultiAz = multiAz, Engine = engine };
                    return props;
                }
                """);
            var multiAz = Scalar(Get(props, "MultiAz"));
            Assert.Equal("false", multiAz.Text);
            Assert.Equal("false", At(source, multiAz.Location));
            Assert.Equal("the argument for `multiAz` of `MakeProps`", multiAz.Provenance?.Text);
            Assert.Equal("mysql", Scalar(Get(props, "Engine")).Text);
        }

        [Fact]
        public void Method_results_parameters_instance_members_and_virtual_helpers_are_unknown()
        {
            var (props, _) = Props("""
                new CfnDBInstance(this, "Target", new CfnDBInstanceProps
                {
                    MultiAz = settings.MultiAz,
                    StorageEncrypted = isProd,
                    Engine = System.Environment.GetEnvironmentVariable("ENGINE"),
                    DbName = vpc.VpcId,
                });
                """);
            Assert.IsType<UnknownValue>(Get(props, "MultiAz"));
            Assert.IsType<UnknownValue>(Get(props, "StorageEncrypted"));
            Assert.IsType<UnknownValue>(Get(props, "Engine"));
            Assert.IsType<UnknownValue>(Get(props, "DbName"));

            var (fromVirtual, _) = Props("""new CfnDBInstance(this, "Target", settings.Props());""");
            Assert.IsType<UnknownValue>(fromVirtual);
        }

        // ---- collections and CDK values ------------------------------------------------------------------------

        [Fact]
        public void Arrays_collections_and_collection_expressions_are_lists()
        {
            Assert.Equal(new[] { "a", "b" }, Assert.IsType<ListValue>(Expression("""var target = new[] { "a", "b" };""").Value).Items.Select(i => Scalar(i).Text));
            Assert.Equal(new[] { "a" }, Assert.IsType<ListValue>(Expression("""var target = new List<string> { "a" };""").Value).Items.Select(i => Scalar(i).Text));
            Assert.Equal(new[] { "x", "y" }, Assert.IsType<ListValue>(Expression("""string[] target = ["x", "y"];""").Value).Items.Select(i => Scalar(i).Text));
        }

        [Fact]
        public void Dictionary_initializers_are_maps()
        {
            var (value, _) = Expression("""
                var target = new Dictionary<string, object>
                {
                    { "Version", "2012-10-17" },
                    { "Statement", new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = "*" } } },
                };
                """);
            Assert.Equal("2012-10-17", Scalar(Get(value, "Version")).Text);
            var statement = Assert.IsType<ListValue>(Get(value, "Statement")).Items.Single();
            Assert.Equal("*", Scalar(Get(statement, "Action")).Text);
        }

        [Fact]
        public void Enum_members_are_their_names_and_static_CDK_members_are_small_maps()
        {
            Assert.Equal("DESTROY", Scalar(Expression("var target = RemovalPolicy.DESTROY;").Value).Text);
            var port = Expression("var target = Port.Tcp(22);").Value;
            Assert.True(CdkValues.IsMember(port, "Port", "Tcp"));
            Assert.Equal("22", Scalar(CdkValues.Argument(port, "port")).Text);
            Assert.True(CdkValues.IsMember(Expression("var target = Peer.AnyIpv4();").Value, "Peer", "AnyIpv4"));
            Assert.Equal("0.0.0.0/0", Scalar(CdkValues.Argument(Expression("""var target = Peer.Ipv4("0.0.0.0/0");""").Value, "cidrIp")).Text);
            Assert.True(CdkValues.IsMember(Expression("var target = DatabaseInstanceEngine.MYSQL;").Value, "DatabaseInstanceEngine", "MYSQL"));
        }

        [Fact]
        public void CDK_tokens_are_unknown()
        {
            Assert.IsType<UnknownValue>(Expression("var target = Aws.REGION;").Value);
            Assert.IsType<UnknownValue>(Expression("""var target = Fn.Join("-", new[] { "a", "b" });""").Value);
        }

        [Fact]
        public void L1_nested_property_types_become_nested_maps_and_lists()
        {
            var (value, _) = Expression("""
                var target = new CfnInstanceProps
                {
                    BlockDeviceMappings = new[]
                    {
                        new CfnInstance.BlockDeviceMappingProperty { DeviceName = "/dev/xvda", Ebs = new CfnInstance.EbsProperty { Encrypted = false, VolumeSize = 20 } },
                    },
                    SecurityGroupIds = new[] { "sg-1" },
                };
                """);
            var mapping = Assert.IsType<ListValue>(Get(value, "BlockDeviceMappings")).Items.Single();
            var ebs = Get(mapping, "Ebs");
            Assert.Equal("false", Scalar(Get(ebs, "Encrypted")).Text);
            Assert.Equal(ScalarKind.Number, Scalar(Get(ebs, "VolumeSize")).Kind);
            Assert.DoesNotContain(Assert.IsType<MapValue>(ebs).Entries, e => CdkValues.IsSyntheticKey(e.Key));
        }

        [Fact]
        public void Security_group_ingress_property_type_is_a_plain_map()
        {
            var (value, _) = Expression("""
                var target = new CfnSecurityGroup.IngressProperty { CidrIp = "0.0.0.0/0", FromPort = 22, ToPort = 22, IpProtocol = "tcp" };
                """);
            Assert.Equal("0.0.0.0/0", Scalar(Get(value, "CidrIp")).Text);
            Assert.Equal(22, Scalar(Get(value, "FromPort")).AsInteger());
        }

        [Fact]
        public void A_CDK_class_with_a_constructor_keeps_its_arguments()
        {
            var (value, _) = Expression("""
                var target = new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:*" }, Resources = new[] { "*" } });
                """);
            Assert.Equal("PolicyStatement", CdkValues.TypeName(value));
            var props = CdkValues.Argument(value, "props");
            Assert.Equal("s3:*", Scalar(Assert.IsType<ListValue>(Get(props!, "Actions")).Items.Single()).Text);
        }
    }
}
