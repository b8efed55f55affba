using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2002 on the CDK C# surface: L2 <c>DatabaseCluster</c> (writer/readers, deprecated <c>Instances</c>) and DocumentDB
    /// <c>DatabaseCluster</c> (<c>Instances</c> default 1). The L2 adapters emit the cluster with its member instances.
    /// </summary>
    public class IAC2002_DbClusterSingleInstanceCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "IVpc vpc, bool prod, IClusterInstance[] someReaders", setup: "var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 });", name: "Data"),
                "IAC2002");

        [Fact]
        public async Task L2_cluster_with_a_writer_and_no_readers_is_flagged_at_the_creation()
        {
            var diagnostics = await Verify("""
                        [|new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer"),
                        })|];
                """);

            Assert.Equal(
                "Aurora DB cluster 'Orders' has a single DB instance ('Orders/writer'): add a second instance (a reader) so the cluster can fail over to another Availability Zone [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_cluster_with_a_reader_or_unknown_readers_is_clean()
        {
            await Verify("""
                        new DatabaseCluster(this, "Orders", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader", new ProvisionedClusterInstanceProps { PromotionTier = 1 }) },
                        });
                        new DatabaseCluster(this, "Reports", new DatabaseClusterProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            StorageEncrypted = true,
                            Writer = ClusterInstance.ServerlessV2("writer"),
                            Readers = someReaders,
                        });
                """);
        }

        [Fact]
        public async Task L2_deprecated_instances_count_of_one_is_flagged_and_the_default_of_two_is_clean()
        {
            await Verify("""
                #pragma warning disable CS0618
                        [|new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            Instances = 1,
                        })|];
                        new DatabaseCluster(this, "LegacyDefault", new DatabaseClusterProps
                        {
                            Engine = engine,
                            StorageEncrypted = true,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                        });
                #pragma warning restore CS0618
                """);
        }

        [Fact]
        public async Task L2_documentdb_cluster_defaults_to_one_instance_and_is_flagged()
        {
            await Verify("""
                        [|new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Docs", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps
                        {
                            Vpc = vpc,
                            MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "app" },
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                        })|];
                        new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Docs3", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps
                        {
                            Vpc = vpc,
                            MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "app" },
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Instances = 3,
                        });
                """);
        }
    }
}
