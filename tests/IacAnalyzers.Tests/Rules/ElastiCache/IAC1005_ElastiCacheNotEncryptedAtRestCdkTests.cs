using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC1005 on the CDK C# surface: L1 <c>CfnReplicationGroup</c> (Amazon.CDK.Lib has no ElastiCache L2).</summary>
    public class IAC1005_ElastiCacheNotEncryptedAtRestCdkTests
    {
        [Fact]
        public async Task L1_replication_groups()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ElastiCache;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool secure) : base(scope, "App")
                    {
                        [|new CfnReplicationGroup(this, "Sessions", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "sessions",
                            Engine = "redis",
                            NumCacheClusters = 2,
                            MultiAzEnabled = true,
                            AutomaticFailoverEnabled = true,
                        })|];
                        new CfnReplicationGroup(this, "Off", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "off", NumCacheClusters = 2, MultiAzEnabled = true, AutomaticFailoverEnabled = true,
                            AtRestEncryptionEnabled = [|false|],
                        });
                        new CfnReplicationGroup(this, "On", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "on", NumCacheClusters = 2, MultiAzEnabled = true, AutomaticFailoverEnabled = true,
                            AtRestEncryptionEnabled = true,
                        });
                        new CfnReplicationGroup(this, "Unknown", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "unknown", NumCacheClusters = 2, MultiAzEnabled = true, AutomaticFailoverEnabled = true,
                            AtRestEncryptionEnabled = secure,
                        });
                    }
                }
                """, "IAC1005");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("ElastiCache replication group 'Sessions' is not encrypted at rest", System.StringComparison.Ordinal));
        }
    }
}
