using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2002 fix on the L2 <c>DatabaseCluster</c>: a reader like the writer is added to the props' initializer
    /// (<see cref="CSharpAddReaderFixProvider"/>), or the deprecated <c>Instances = 1</c> becomes 2. On the official
    /// code-fix test (<see cref="CdkVerifier"/>): markup marks each IAC2002, the fixed code must compile and be free of it,
    /// one fix at a time and by Fix All.
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
                        [|new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE), PubliclyAccessible = false }),
                        })|];
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
                        [|new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer"), // the writer
                            Vpc = vpc // last
                        })|];
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
                        [|new DatabaseCluster(this, "Reports", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("reader") })|];
                """),
                Stack("""
                        new DatabaseCluster(this, "Reports", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("reader"), Readers = new[] { ClusterInstance.ServerlessV2("reader2") } });
                """),
                (action, verifier) => verifier.Equal("Add a reader 'reader2' (ClusterInstance.ServerlessV2)", action.Title));
        }

        [Fact]
        public async Task Deprecated_instances_count_of_one_becomes_two()
        {
            await VerifyFixAsync(
                Stack("""
                #pragma warning disable CS0618
                        [|new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            Instances = 1,
                        })|];
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
            // The official test applies the fixes one at a time and by Fix All (document, project, solution).
            // One cluster per stack: with two L2 clusters in one constructor only the first is flagged today (an analyzer matter).
            await VerifyFixAsync(
                Stack("""
                        [|new DatabaseCluster(this, "A", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer"), })|];
                """) + Stack("""
                        [|new DatabaseCluster(this, "B", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("writer") })|];
                """).Replace("DataStack", "ReportStack"),
                Stack("""
                        new DatabaseCluster(this, "A", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer"), Readers = new[] { ClusterInstance.Provisioned("reader") }, });
                """) + Stack("""
                        new DatabaseCluster(this, "B", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.ServerlessV2("writer"), Readers = new[] { ClusterInstance.ServerlessV2("reader") } });
                """).Replace("DataStack", "ReportStack"));
        }

        [Fact]
        public async Task No_fix_when_the_props_are_a_local_a_method_result_or_a_conditional()
        {
            await VerifyNoFixAsync(Stacks(
                """
                        var props = new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") };
                        [|new DatabaseCluster(this, "Local", props)|];
                        props.StorageEncrypted = true;
                """,
                """
                        [|new DatabaseCluster(this, "Method", MakeProps(vpc, engine))|];
                """,
                """
                        [|new DatabaseCluster(this, "ConditionalWriterProps", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer", prod ? new ProvisionedClusterInstanceProps { PubliclyAccessible = false } : new ProvisionedClusterInstanceProps()),
                        })|];
                """));

            // Props chosen by a conditional are not flagged today (the writer is one of two), so there is nothing to fix.
            await CdkVerifier.VerifyRuleAsync(Stack("""
                        new DatabaseCluster(this, "Conditional", prod
                            ? new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") }
                            : new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("main") });
                """), Id);
        }

        [Fact]
        public async Task No_fix_when_the_writer_props_cannot_be_repeated()
        {
            await VerifyNoFixAsync(Stacks(
                """
                        var writerProps = new ProvisionedClusterInstanceProps { PubliclyAccessible = false };
                        [|new DatabaseCluster(this, "LocalProps", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", writerProps) })|];
                """,
                """
                        [|new DatabaseCluster(this, "Identifier", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { InstanceIdentifier = "orders-writer" }) })|];
                """,
                """
                        [|new DatabaseCluster(this, "Parameter", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer", new ProvisionedClusterInstanceProps { PubliclyAccessible = prod }) })|];
                """,
                """
                        var id = prod ? "writer" : "reader";
                        [|new DatabaseCluster(this, "UnknownWriterId", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned(id) })|];
                """));
        }

        [Fact]
        public async Task No_fix_for_a_documentdb_cluster()
        {
            // DocumentDB's DatabaseCluster has no Writer/Readers; this fix is for the RDS one only.
            await VerifyNoFixAsync(Stacks("""
                        [|new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Docs", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps
                        {
                            Vpc = vpc,
                            MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "app" },
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Instances = 1,
                        })|];
                """));
        }

        /// <summary>One stack class per body (today only the first of two L2 clusters in one constructor is flagged).</summary>
        private static string Stacks(params string[] bodies)
            => string.Concat(bodies.Select((body, i) => Stack(body).Replace("DataStack", "DataStack" + i)));

        private static Task VerifyFixAsync(string before, string after, System.Action<CodeAction, IVerifier>? verifyAction = null)
            => CdkVerifier.VerifyFixAsync<CSharpAddReaderFixProvider>(before, after, Id, verifyAction: verifyAction);

        /// <summary>Each marked cluster is flagged and gets no fix.</summary>
        private static Task VerifyNoFixAsync(string source) => CdkVerifier.VerifyNoFixAsync<CSharpAddReaderFixProvider>(source, Id);
    }
}
