using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.Cdk.Adapters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>The L1 convention, the analyzer's registration, and the adapter mechanism.</summary>
    public class CdkFrontEndTests
    {
        [Theory]
        [InlineData("RDS", "CfnDBInstance", "AWS::RDS::DBInstance")]
        [InlineData("RDS", "CfnDBCluster", "AWS::RDS::DBCluster")]
        [InlineData("EC2", "CfnSecurityGroupIngress", "AWS::EC2::SecurityGroupIngress")]
        [InlineData("EC2", "CfnVolume", "AWS::EC2::Volume")]
        [InlineData("ElastiCache", "CfnReplicationGroup", "AWS::ElastiCache::ReplicationGroup")]
        [InlineData("OpenSearchService", "CfnDomain", "AWS::OpenSearchService::Domain")]
        [InlineData("Elasticsearch", "CfnDomain", "AWS::Elasticsearch::Domain")]
        [InlineData("KMS", "CfnKey", "AWS::KMS::Key")]
        [InlineData("IAM", "CfnManagedPolicy", "AWS::IAM::ManagedPolicy")]
        [InlineData("SAM", "CfnFunction", "AWS::Serverless::Function")]
        [InlineData("KinesisAnalytics", "CfnApplicationV2", "AWS::KinesisAnalyticsV2::Application")]
        [InlineData("KinesisAnalytics", "CfnApplication", "AWS::KinesisAnalytics::Application")]
        [InlineData("Sagemaker", "CfnModel", "AWS::SageMaker::Model")]
        [InlineData("Apigatewayv2", "CfnApi", "AWS::ApiGatewayV2::Api")]
        public void L1_class_names_map_to_CloudFormation_types(string serviceNamespace, string className, string expected)
            => Assert.Equal(expected, L1Mapping.FromNames(serviceNamespace, className));

        [Fact]
        public void L1_convention_applies_to_real_CDK_symbols_only()
        {
            var compilation = CdkVerifier.Compile(new[]
            {
                CdkVerifier.Usings + "public class MyDb : CfnDBInstance { public MyDb(Construct s) : base(s, \"Db\") { } }",
            });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            string? Map(string metadataName) => L1Mapping.CloudFormationType(compilation.GetTypeByMetadataName(metadataName)!, symbols);

            Assert.Equal("AWS::RDS::DBInstance", Map("Amazon.CDK.AWS.RDS.CfnDBInstance"));
            Assert.Equal("AWS::EC2::SecurityGroup", Map("Amazon.CDK.AWS.EC2.CfnSecurityGroup"));
            Assert.Equal("AWS::OpenSearchService::Domain", Map("Amazon.CDK.AWS.OpenSearchService.CfnDomain"));
            Assert.Equal("AWS::RDS::DBInstance", Map("MyDb"));
            Assert.Null(Map("Amazon.CDK.AWS.RDS.CfnDBInstanceProps"));
            Assert.Null(Map("Amazon.CDK.AWS.EC2.CfnSecurityGroup+IngressProperty"));
            Assert.Null(Map("Amazon.CDK.AWS.RDS.DatabaseInstance"));
            Assert.Null(Map("Amazon.CDK.CfnParameter"));
        }

        [Fact]
        public void Every_L1_class_in_the_CDK_assembly_maps_and_derives_from_CfnResource()
        {
            var compilation = CdkVerifier.Compile(new[] { "class Empty { }" });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var aws = compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Amazon")
                .GetNamespaceMembers().Single(n => n.Name == "CDK").GetNamespaceMembers().Single(n => n.Name == "AWS");
            var resources = aws.GetNamespaceMembers()
                .SelectMany(ns => ns.GetTypeMembers())
                .Where(t => t.TypeKind == TypeKind.Class && CdkSymbols.DerivesFrom(t, symbols.CfnResource))
                .ToArray();
            Assert.True(resources.Length > 1000, "Expected the CDK's L1 classes, found " + resources.Length);
            foreach (var type in resources)
            {
                var mapped = L1Mapping.CloudFormationType(type, symbols);
                Assert.NotNull(mapped);
                Assert.Matches("^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$", mapped);
            }
        }

        [Fact]
        public async Task Without_Amazon_CDK_Lib_the_analyzer_registers_nothing()
        {
            var compilation = CdkVerifier.Compile(new[] { "public class C { public object M() => new System.Text.StringBuilder(); }" }, TestReferences.Runtime);
            var telemetry = await Telemetry(compilation);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        }

        [Fact]
        public async Task Types_named_like_the_CDK_s_in_a_project_without_Amazon_CDK_Lib_are_not_the_CDK()
        {
            // The CDK is the referenced Amazon.CDK.Lib (and Constructs), found in the list of references: source that
            // declares look-alike types is not a CDK app, and the check reads no type table of any reference.
            var compilation = CdkVerifier.Compile(
                new[]
                {
                    """
                    namespace Constructs { public class Construct { } }
                    namespace Amazon.CDK
                    {
                        public class CfnResource : Constructs.Construct { }
                        public class CfnBucket : CfnResource { public bool? Encrypted { get; set; } }
                    }

                    public class C { public object M() => new Amazon.CDK.CfnBucket(); }
                    """,
                },
                TestReferences.Runtime);
            Assert.Null(CdkSymbols.TryCreate(compilation));
            var telemetry = await Telemetry(compilation);
            Assert.Equal(0, telemetry.OperationBlockStartActionsCount);
        }

        [Fact]
        public void The_CDK_types_come_from_the_referenced_assemblies()
        {
            var compilation = CdkVerifier.Compile(new[] { "public class C { }" });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            Assert.Equal(CdkSymbols.CdkAssemblyName, symbols.CfnResource.ContainingAssembly.Identity.Name);
            Assert.Equal(CdkSymbols.ConstructsAssemblyName, symbols.Construct.ContainingAssembly.Identity.Name);
            Assert.Equal(CdkSymbols.CdkAssemblyName, symbols.Stack!.ContainingAssembly.Identity.Name);
            Assert.Equal(CdkSymbols.CdkAssemblyName, symbols.Resolvable!.ContainingAssembly.Identity.Name);

            // The framework's collection interfaces, from the assembly that declares object.
            var core = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
            foreach (var type in new[] { symbols.Dictionary, symbols.GenericDictionary, symbols.ReadOnlyDictionary, symbols.Enumerable })
            {
                Assert.NotNull(type);
                Assert.Equal(core, type!.ContainingAssembly, SymbolEqualityComparer.Default);
            }
        }

        [Fact]
        public async Task With_Amazon_CDK_Lib_the_analyzer_registers_operation_actions()
        {
            var compilation = CdkVerifier.Compile(new[] { "public class C { }" });
            var telemetry = await Telemetry(compilation);

            // Per-body state: one operation block start action, which registers the operation actions for each body.
            Assert.True(telemetry.OperationBlockStartActionsCount >= 1);
        }

        [Fact]
        public void Adapters_are_discovered_and_declare_their_triggers()
        {
            var adapter = Assert.Single(AdapterRegistry.All.OfType<DatabaseInstanceAdapter>());
            Assert.Equal(new[] { "Amazon.CDK.AWS.RDS.DatabaseInstance" }, adapter.ConstructTypes);
            Assert.Equal(new[] { "AWS::RDS::DBInstance" }, adapter.ResourceTypes);
            Assert.All(AdapterRegistry.All, a => Assert.NotEmpty(a.ResourceTypes));
        }

        [Fact]
        public void Every_adapter_trigger_exists_in_the_pinned_CDK()
        {
            var compilation = CdkVerifier.Compile(new[] { "class Empty { }" });
            foreach (var adapter in AdapterRegistry.All)
            {
                foreach (var type in adapter.ConstructTypes.Concat(adapter.Methods.Select(m => m.TypeMetadataName)))
                {
                    Assert.True(compilation.GetTypeByMetadataName(type) != null, adapter + ": no type " + type);
                }

                foreach (var method in adapter.Methods)
                {
                    Assert.True(
                        compilation.GetTypeByMetadataName(method.TypeMetadataName)!.GetMembers(method.Method).Length > 0,
                        adapter + ": no method " + method.TypeMetadataName + "." + method.Method);
                }
            }
        }

        [Fact]
        public async Task A_trigger_missing_from_the_referenced_CDK_is_skipped()
        {
            var compilation = CdkVerifier.Compile(new[] { CdkVerifier.Usings + "public class C { }" });
            var registry = AdapterRegistry.Create(compilation, new CdkAdapter[] { new MissingTypeAdapter(), new DatabaseInstanceAdapter() });
            Assert.Single(registry.ConstructTypes);
            Assert.False(registry.HasMethod("NoSuchMethod"));
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation);
            Assert.Empty(diagnostics);
        }

        [Fact]
        public void Trigger_types_are_looked_up_only_when_the_code_names_them()
        {
            // Looking up every adapter's type at the start made the compiler read the type tables of CDK namespaces the
            // app never uses: a type is looked up when a created type or a called method has its simple name.
            var compilation = CdkVerifier.Compile(new[] { CdkVerifier.Usings + """
                public class Plain { }
                public class DatabaseInstance { }
                """ });
            var registry = AdapterRegistry.Create(compilation);
            Assert.Equal(0, registry.LookUps);

            Assert.Null(registry.ForConstruct(compilation.GetTypeByMetadataName("Plain")!));
            Assert.Equal(0, registry.LookUps);

            // A user type with an adapter type's simple name: looked up, and not taken for the CDK's.
            Assert.Null(registry.ForConstruct(compilation.GetTypeByMetadataName("DatabaseInstance")!));
            Assert.Equal(1, registry.LookUps);

            var cdk = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.RDS.DatabaseInstance")!;
            Assert.Contains(registry.ForConstruct(cdk)!, a => a is DatabaseInstanceAdapter);
            Assert.Equal(1, registry.LookUps);

            Assert.False(registry.HasMethod("ToString"));
            Assert.Equal(1, registry.LookUps);
        }

        [Fact]
        public void Props_given_by_a_conditional_merge_per_property()
        {
            var merged = CdkValues.MergeBranches(new Model.OneOfValue(
                new[]
                {
                    new Model.Branch(Model.Condition.CSharp("a"), true, Map(("MultiAz", Bool(true)))),
                    new Model.Branch(Model.Condition.CSharp("a"), false, Map(("MultiAz", Bool(false)), ("Engine", Str("mysql")))),
                },
                Loc()));
            var map = Assert.IsType<Model.MapValue>(merged);
            var multiAz = Assert.IsType<Model.OneOfValue>(map.Get("MultiAZ"));
            Assert.Equal("false", Assert.IsType<Model.ScalarValue>(multiAz.Branches[1].Value).Text);
            var engine = Assert.IsType<Model.OneOfValue>(map.Get("Engine"));
            Assert.IsType<Model.UnknownValue>(engine.Branches[0].Value);
        }

        private static Model.SourceLocation Loc() => new Model.SourceLocation("x.cs", 0, 1, 0, 0, 0, 1);

        private static Model.ScalarValue Bool(bool b) => new Model.ScalarValue(b ? "true" : "false", Model.ScalarKind.Boolean, Loc());

        private static Model.ScalarValue Str(string s) => new Model.ScalarValue(s, Model.ScalarKind.String, Loc());

        private static Model.MapValue Map(params (string Key, Model.Value Value)[] entries)
            => new Model.MapValue(entries.Select(e => new Model.MapEntry(e.Key, Loc(), e.Value)).ToArray(), Loc());

        private static async Task<AnalyzerTelemetryInfo> Telemetry(Compilation compilation)
        {
            var analyzer = new CdkAnalyzer();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        }

        /// <summary>An adapter for a type no CDK version has: must be skipped without harm.</summary>
        private sealed class MissingTypeAdapter : ConstructAdapter
        {
            public MissingTypeAdapter()
                : base("Amazon.CDK.AWS.Nope.NoSuchConstruct", "AWS::RDS::DBInstance")
            {
                OnCall("Amazon.CDK.AWS.Nope.NoSuchConstruct", "NoSuchMethod");
                Map("MultiAz", "MultiAZ").Default(false, "none");
            }
        }
    }
}
