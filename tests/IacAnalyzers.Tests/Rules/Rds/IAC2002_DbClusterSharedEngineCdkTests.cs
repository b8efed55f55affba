using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// Two clusters sharing one engine local: the engine (an immutable IClusterEngine) stays known for the second
    /// creation although it was passed to the first (found by the IAC2002 fix work: only the first was flagged).
    /// </summary>
    public class IAC2002_DbClusterSharedEngineCdkTests
    {
        [Fact]
        public async Task L2_two_single_writer_clusters_in_one_constructor_are_both_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class DataStack : Stack
                {
                    public DataStack(Construct scope, IVpc vpc) : base(scope, "Data")
                    {
                        var engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 });
                        [|new DatabaseCluster(this, "A", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") })|];
                        [|new DatabaseCluster(this, "B", new DatabaseClusterProps { Engine = engine, Vpc = vpc, StorageEncrypted = true, Writer = ClusterInstance.Provisioned("writer") })|];
                    }
                }
                """, "IAC2002");
        }
    }
}
