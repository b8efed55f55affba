using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC2003 on the CDK C# surface: L1 <c>CfnReplicationGroup</c> (Amazon.CDK.Lib 2.160.0 has no L2 replication group).</summary>
    public class IAC2003_ElastiCacheSingleAzCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "bool prod, bool multiAz", usings: "using Amazon.CDK.AWS.ElastiCache;", name: "Cache"),
                "IAC2003");

        [Fact]
        public async Task L1_group_without_multi_az_is_flagged_at_the_creation_with_what_is_missing()
        {
            var diagnostics = await Verify("""
                        [|new CfnReplicationGroup(this, "Sessions", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "sessions",
                            Engine = "valkey",
                            CacheNodeType = "cache.r7g.large",
                            AtRestEncryptionEnabled = true,
                        })|];
                """);

            Assert.Equal(
                "ElastiCache replication group 'Sessions' does not fail over to another Availability Zone (MultiAzEnabled is not set and " +
                "defaults to false; automatic failover is off: AutomaticFailoverEnabled defaults to false; it has a single node: " +
                "NumCacheClusters defaults to 1): enable MultiAzEnabled and AutomaticFailoverEnabled with at least one replica per shard [Reliability · REL11-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_multi_az_false_is_flagged_at_the_value_and_true_or_unknown_is_clean()
        {
            await Verify("""
                        new CfnReplicationGroup(this, "Off", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = [|false|],
                        });
                        new CfnReplicationGroup(this, "On", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = true,
                        });
                        new CfnReplicationGroup(this, "Unknown", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = multiAz,
                        });
                """);
        }

        [Fact]
        public async Task L1_conditional_flags_the_single_az_branch()
        {
            var diagnostics = await Verify("""
                        new CfnReplicationGroup(this, "Branch", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = prod ? true : [|false|],
                        });
                """);

            Assert.Contains("(when `prod` is false; MultiAzEnabled is false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
