using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2002 (and IAC1001's snapshot exemption) on the L2 <c>DatabaseClusterFromSnapshot</c>, which is not a
    /// <c>DatabaseCluster</c> subclass but creates its writer and readers the same way.
    /// </summary>
    public class IAC2002_DbClusterFromSnapshotCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body, string ruleId = "IAC2002")
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "IVpc vpc", setup: "var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 });", name: "Data"),
                ruleId);

        [Fact]
        public async Task L2_restored_cluster_with_only_a_writer_is_flagged_and_with_a_reader_is_clean()
        {
            var diagnostics = await Verify("""
                        [|new DatabaseClusterFromSnapshot(this, "Restored", new DatabaseClusterFromSnapshotProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            SnapshotIdentifier = "prod-snap",
                            Writer = ClusterInstance.Provisioned("writer"),
                        })|];
                        new DatabaseClusterFromSnapshot(this, "RestoredHa", new DatabaseClusterFromSnapshotProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            SnapshotIdentifier = "prod-snap",
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                        });
                """);
            Assert.StartsWith("Aurora DB cluster 'Restored' has a single DB instance ('Restored/writer')", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_restored_cluster_inherits_encryption_so_IAC1001_is_clean()
        {
            await Verify("""
                        new DatabaseClusterFromSnapshot(this, "Restored", new DatabaseClusterFromSnapshotProps
                        {
                            Engine = engine,
                            Vpc = vpc,
                            SnapshotIdentifier = "prod-snap",
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                        });
                """, "IAC1001");
        }
    
        [Fact]
        public async Task L2_restored_cluster_gets_no_add_reader_fix()
        {
            await CdkVerifier.VerifyNoFixAsync(
                CdkVerifier.InStack("""
                        [|new DatabaseClusterFromSnapshot(this, "Restored", new DatabaseClusterFromSnapshotProps { Engine = engine, Vpc = vpc, SnapshotIdentifier = "s", Writer = ClusterInstance.Provisioned("writer") })|];
                """, "IVpc vpc", "var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 });", name: "Data"),
                "IAC2002");
        }
    }
}
