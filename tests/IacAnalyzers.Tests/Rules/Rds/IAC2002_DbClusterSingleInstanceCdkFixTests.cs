using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Tests.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2002 fix on the L2 <c>DatabaseCluster</c>: a reader like the writer is added to the props' initializer
    /// (<see cref="CSharpAddReaderFixProvider"/>), or the deprecated <c>Instances = 1</c> becomes 2. The fixed code must
    /// compile and be free of IAC2002.
    /// </summary>
    public class IAC2002_DbClusterSingleInstanceCdkFixTests
    {
        private const string Id = "IAC2002";

        private static string Stack(string body) => """
            public class DataStack : Stack
            {
                public DataStack(Construct scope, IVpc vpc, bool prod) : base(scope, "Data")
                {
                    var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 });

            """ + body + """

                }

                private static DatabaseClusterProps MakeProps(IVpc vpc, IClusterEngine engine) => new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") };
            }
            """;

        [Fact]
        public async Task Provisioned_writer_gets_a_provisioned_reader_with_the_same_props()
        {
            await VerifyFixAsync(
                Stack("""
                        new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE), PubliclyAccessible = false }),
                        });
                """),
                Stack("""
                        new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE), PubliclyAccessible = false }),
                            Readers = new[] { ClusterInstance.Provisioned("reader", new ProvisionedClusterInstanceProps { InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE), PubliclyAccessible = false }) },
                        });
                """));
        }

        [Fact]
        public async Task Writer_without_props_and_without_a_trailing_comma_gets_a_bare_reader_on_its_own_line()
        {
            await VerifyFixAsync(
                Stack("""
                        new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer"), // the writer
                            Vpc = vpc // last
                        });
                """),
                Stack("""
                        new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer"), // the writer
                            Vpc = vpc, // last
                            Readers = new[] { ClusterInstance.Provisioned("reader") }
                        });
                """));
        }

        [Fact]
        public async Task Serverless_writer_gets_a_serverless_reader_and_a_taken_name_gets_a_free_variant()
        {
            await VerifyFixAsync(
                Stack("""
                        new DatabaseCluster(this, "Reports", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("reader") });
                """),
                Stack("""
                        new DatabaseCluster(this, "Reports", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("reader"), Readers = new[] { ClusterInstance.ServerlessV2("reader2") } });
                """));
            Assert.Equal(
                new[] { "Add a reader 'reader2' (ClusterInstance.ServerlessV2)" },
                await FixTitlesAsync(Stack("""
                        new DatabaseCluster(this, "Reports", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("reader") });
                """)));
        }

        [Fact]
        public async Task Deprecated_instances_count_of_one_becomes_two()
        {
            await VerifyFixAsync(
                Stack("""
                #pragma warning disable CS0618
                        new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            Instances = 1,
                        });
                """),
                Stack("""
                #pragma warning disable CS0618
                        new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            Instances = 2,
                        });
                """));
        }

        [Fact]
        public async Task Fix_all_adds_a_reader_to_each_cluster()
        {
            // One cluster per stack: with two L2 clusters in one constructor only the first is flagged today (an analyzer matter).
            await VerifyFixAsync(
                Stack("""
                        new DatabaseCluster(this, "A", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer"), });
                """) + Stack("""
                        new DatabaseCluster(this, "B", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("writer") });
                """).Replace("DataStack", "ReportStack"),
                Stack("""
                        new DatabaseCluster(this, "A", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer"), Readers = new[] { ClusterInstance.Provisioned("reader") }, });
                """) + Stack("""
                        new DatabaseCluster(this, "B", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("writer"), Readers = new[] { ClusterInstance.ServerlessV2("reader") } });
                """).Replace("DataStack", "ReportStack"),
                fixAll: true);
        }

        [Fact]
        public async Task No_fix_when_the_props_are_a_local_a_method_result_or_a_conditional()
        {
            await VerifyNoFixAsync(Stacks(
                """
                        var props = new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") };
                        new DatabaseCluster(this, "Local", props);
                        props.StorageEncrypted = true;
                """,
                """
                        new DatabaseCluster(this, "Method", MakeProps(vpc, engine));
                """,
                """
                        new DatabaseCluster(this, "ConditionalWriterProps", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer", prod ? new ProvisionedClusterInstanceProps { PubliclyAccessible = false } : new ProvisionedClusterInstanceProps()),
                        });
                """));

            // Props chosen by a conditional are not flagged today (the writer is one of two), so there is nothing to fix.
            Assert.Empty(await FixTitlesAsync(Stack("""
                        new DatabaseCluster(this, "Conditional", prod
                            ? new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") }
                            : new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("main") });
                """)));
        }

        [Fact]
        public async Task No_fix_when_the_writer_props_cannot_be_repeated()
        {
            await VerifyNoFixAsync(Stacks(
                """
                        var writerProps = new ProvisionedClusterInstanceProps { PubliclyAccessible = false };
                        new DatabaseCluster(this, "LocalProps", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", writerProps) });
                """,
                """
                        new DatabaseCluster(this, "Identifier", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceIdentifier = "orders-writer" }) });
                """,
                """
                        new DatabaseCluster(this, "Parameter", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { PubliclyAccessible = prod }) });
                """,
                """
                        var id = prod ? "writer" : "reader";
                        new DatabaseCluster(this, "UnknownWriterId", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned(id) });
                """));
        }

        [Fact]
        public async Task No_fix_for_a_documentdb_cluster()
        {
            // DocumentDB's DatabaseCluster has no Writer/Readers; this fix is for the RDS one only.
            await VerifyNoFixAsync(Stacks("""
                        new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Docs", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps
                        {
                            Vpc = vpc,
                            MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "app" },
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Instances = 1,
                        });
                """));
        }

        /// <summary>One stack class per body (today only the first of two L2 clusters in one constructor is flagged).</summary>
        private static string Stacks(params string[] bodies)
            => string.Concat(bodies.Select((body, i) => Stack(body).Replace("DataStack", "DataStack" + i)));

        // ---- host: the CDK analyzer + this provider in an AdhocWorkspace ---------------------------------------

        private static async Task VerifyFixAsync(string before, string after, bool fixAll = false)
        {
            var provider = new CSharpAddReaderFixProvider();
            var document = CreateDocument(CdkVerifier.Usings + before);
            var diagnostics = await DiagnoseAsync(document);
            Assert.NotEmpty(diagnostics);
            if (fixAll)
            {
                Assert.True(diagnostics.Length > 1, string.Join("\n", diagnostics));
                var actions = await ActionsAsync(provider, document, diagnostics[0]);
                Assert.NotEmpty(actions);
                var context = new FixAllContext(document, provider, FixAllScope.Document, actions[0].EquivalenceKey!, new[] { Id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
                var action = await provider.GetFixAllProvider().GetFixAsync(context);
                Assert.NotNull(action);
                document = await ApplyAsync(document, action!);
            }
            else
            {
                foreach (var diagnostic in diagnostics)
                {
                    Assert.Single(await ActionsAsync(provider, document, diagnostic));
                }

                document = await ApplyAsync(document, (await ActionsAsync(provider, document, diagnostics[0]))[0]);
            }

            Assert.Equal(CdkVerifier.Usings + after, (await document.GetTextAsync()).ToString());

            // Compiles (DiagnoseAsync asserts it) and no longer has IAC2002.
            Assert.Empty(await DiagnoseAsync(document));
        }

        /// <summary>Asserts each body of <see cref="Stacks"/> is flagged (<paramref name="source"/> has one class per body) and gets no fix.</summary>
        private static async Task VerifyNoFixAsync(string source)
        {
            var provider = new CSharpAddReaderFixProvider();
            var document = CreateDocument(CdkVerifier.Usings + source);
            var diagnostics = await DiagnoseAsync(document);
            Assert.True(source.Split("public class ").Length - 1 == diagnostics.Length, "Each body should be flagged once:\n" + string.Join("\n", diagnostics));
            foreach (var diagnostic in diagnostics)
            {
                var actions = await ActionsAsync(provider, document, diagnostic);
                Assert.True(actions.Count == 0, "Unexpected fix '" + actions.FirstOrDefault()?.Title + "' for " + diagnostic);
            }
        }

        private static async Task<IReadOnlyList<string>> FixTitlesAsync(string source)
        {
            var provider = new CSharpAddReaderFixProvider();
            var document = CreateDocument(CdkVerifier.Usings + source);
            var titles = new List<string>();
            foreach (var diagnostic in await DiagnoseAsync(document))
            {
                titles.AddRange((await ActionsAsync(provider, document, diagnostic)).Select(a => a.Title));
            }

            return titles;
        }

        private static Document CreateDocument(string source)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "CdkAddReaderFixTest",
                "CdkAddReaderFixTest",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                metadataReferences: TestReferences.All));
            var documentId = DocumentId.CreateNewId(projectId);
            return solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/src/Test0.cs").GetDocument(documentId)!;
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(Document document)
        {
            var compilation = await document.Project.GetCompilationAsync();
            var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
            return diagnostics.Where(d => d.Id == Id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            return actions;
        }

        private static async Task<Document> ApplyAsync(Document document, CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
            {
                this.diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
        }
    }
}
