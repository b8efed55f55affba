using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IacAnalyzers.Cdk;
using IacAnalyzers.Cdk.Adapters;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Rds;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
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
        public async System.Threading.Tasks.Task A_callers_local_write_index_is_built_once_per_compilation_and_shared_with_the_helper_that_reads_it()
        {
            // The helper's parameter is read at its caller (the constructor), through the caller's locals: the caller's
            // index, built while analysing the helper, is the one the caller's own analysis then reads.
            var compilation = CdkVerifier.Compile(new[]
            {
                CdkVerifier.Usings + """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var multiAz = false;
                        Db(multiAz);
                    }

                    private void Db(bool multiAz) => new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                }
                """,
            });
            // The compilation as the driver hands it: its GetSemanticModel gives one cached model per tree, so the
            // caller's operation tree the resolver reaches is the one the caller's own analysis gets.
            var capture = new CompilationCapture();
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(capture)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var analysed = capture.Compilation!;
            var tree = analysed.SyntaxTrees.Single();
            var model = analysed.GetSemanticModel(tree);
            var constructor = model.GetOperation(tree.GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>().Single())!;
            var helper = model.GetOperation(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single())!;
            var state = new CdkAnalyzer.CompilationState(CdkSymbols.TryCreate(analysed)!, AdapterRegistry.Create(analysed));

            var view = Assert.Single(state.ViewsOf(helper, CancellationToken.None));
            Assert.Equal("false", Assert.IsType<ScalarValue>(view.Properties.Get("MultiAz")).Text);
            Assert.True(state.Indexes.Has(constructor));
            var built = state.Indexes.Of(constructor);

            Assert.Empty(state.ViewsOf(constructor, CancellationToken.None));
            Assert.Same(built, state.Indexes.Of(constructor));

            // Another compilation's analysis starts with none.
            var other = new CdkAnalyzer.CompilationState(CdkSymbols.TryCreate(analysed)!, AdapterRegistry.Create(analysed));
            Assert.False(other.Indexes.Has(constructor));
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

#pragma warning disable RS1001, RS1012, RS1025, RS1026 // A test's capture of the driver's compilation, never shipped.
        private sealed class CompilationCapture : DiagnosticAnalyzer
        {
            public Compilation? Compilation { get; private set; }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => IacAnalyzers.Host.Descriptors.All;

            public override void Initialize(AnalysisContext context)
                => context.RegisterCompilationStartAction(c => Compilation = c.Compilation);
        }
#pragma warning restore RS1001, RS1012, RS1025, RS1026
    }
}
