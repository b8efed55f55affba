using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>
    /// IAC2005 on the CDK C# surface. Amazon.CDK.Lib 2.160.0 has no L2 construct for ElastiCache (only
    /// <c>CfnCacheCluster</c>), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2005_ElastiCacheMemcachedSingleAzCdkTests
    {
        [Fact]
        public async Task L1_memcached_without_cross_az_is_flagged_and_the_rest_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ElastiCache;

                public class CacheStack : Stack
                {
                    public CacheStack(Construct scope, string mode, bool prod) : base(scope, "Cache")
                    {
                        [|new CfnCacheCluster(this, "Sessions", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 3 })|];
                        new CfnCacheCluster(this, "Explicit", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, AzMode = [|"single-az"|] });
                        new CfnCacheCluster(this, "Either", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, AzMode = prod ? "cross-az" : [|"single-az"|] });
                        new CfnCacheCluster(this, "Spread", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 3, AzMode = "cross-az" });
                        new CfnCacheCluster(this, "Zones", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, PreferredAvailabilityZones = new[] { "us-east-1a", "us-east-1b" } });
                        new CfnCacheCluster(this, "Unknown", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, AzMode = mode });
                        new CfnCacheCluster(this, "OneNode", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 1 });
                        new CfnCacheCluster(this, "Redis", new CfnCacheClusterProps { Engine = "redis", CacheNodeType = "cache.t4g.small", NumCacheNodes = 1 });
                    }
                }
                """, "IAC2005");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith(
                "ElastiCache Memcached cluster 'Sessions' places its 3 nodes in a single Availability Zone (AzMode is not set and defaults to single-az)", System.StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("(when `prod` is false; AzMode is single-az)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L1_fix_adds_or_replaces_AzMode()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.ElastiCache;

                public class CacheStack : Stack
                {
                    public CacheStack(Construct scope) : base(scope, "Cache")
                    {
                        [|new CfnCacheCluster(this, "Sessions", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 3 })|];
                        new CfnCacheCluster(this, "Explicit", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, AzMode = [|"single-az"|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.ElastiCache;

                public class CacheStack : Stack
                {
                    public CacheStack(Construct scope) : base(scope, "Cache")
                    {
                        new CfnCacheCluster(this, "Sessions", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 3, AzMode = "cross-az" });
                        new CfnCacheCluster(this, "Explicit", new CfnCacheClusterProps { Engine = "memcached", CacheNodeType = "cache.t4g.small", NumCacheNodes = 2, AzMode = "cross-az" });
                    }
                }
                """, id: "IAC2005");
        }
    }
}
