using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.ElastiCache;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC2005 in templates: Memcached cache clusters with several nodes in one Availability Zone.</summary>
    public class IAC2005_ElastiCacheMemcachedSingleAzTests
    {
        private static readonly IAC2005_ElastiCacheMemcachedSingleAz Rule = new IAC2005_ElastiCacheMemcachedSingleAz();

        [Fact]
        public async Task Yaml_missing_or_single_az_mode_is_flagged_and_cross_az_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Nodes:
                    Type: Number
                    Default: 3
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources("AWS::ElastiCache::CacheCluster", "CacheNodeType: cache.t4g.small",
                ("{|#0:Sessions|}", "Engine: memcached\nNumCacheNodes: 3"),
                ("Explicit", "Engine: memcached\nNumCacheNodes: 2\nAZMode: [|single-az|]"),
                ("Either", "Engine: memcached\nNumCacheNodes: 2\nAZMode: !If [IsProd, cross-az, [|single-az|]]"),
                ("[|FromParameter|]", "Engine: memcached\nNumCacheNodes: !Ref Nodes"),
                ("[|OneZoneListed|]", "Engine: memcached\nNumCacheNodes: 2\nPreferredAvailabilityZones: [us-east-1a, us-east-1a]"),
                ("Spread", "Engine: memcached\nNumCacheNodes: 3\nAZMode: cross-az"),
                ("SpreadByZones", "Engine: memcached\nNumCacheNodes: 2\nPreferredAvailabilityZones: [us-east-1a, us-east-1b]"),
                ("UnknownZones", "Engine: memcached\nNumCacheNodes: 2\nPreferredAvailabilityZones: !GetAZs \"\""),
                ("UnknownMode", "Engine: memcached\nNumCacheNodes: 2\nAZMode: !Ref Mode"),
                ("OneNode", "Engine: memcached\nNumCacheNodes: 1"),
                ("Redis", "Engine: redis\nNumCacheNodes: 1"),
                ("UnknownEngine", "Engine: !Ref Engine\nNumCacheNodes: 3")), "cache.yaml", Reported(Rule,
                "ElastiCache Memcached cluster 'Sessions' places its 3 nodes in a single Availability Zone (AZMode is not set and defaults to single-az): " +
                "set AZMode to cross-az so a zone failure takes only part of the cache [Reliability · REL10-BP01]").WithLocation(0));

            var messages = findings.Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.StartsWith("ElastiCache Memcached cluster 'Either' places its 2 nodes in a single Availability Zone (when condition 'IsProd' is false; AZMode is single-az)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("ElastiCache Memcached cluster 'FromParameter' places its 3 nodes in a single Availability Zone (NumCacheNodes is 3, from the Default of parameter 'Nodes'", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("PreferredAvailabilityZones names one zone", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_clusters_are_checked() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Sessions": { "Type": "AWS::ElastiCache::CacheCluster",
                      "Properties": { "Engine": "memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": "4", "AZMode": [|"single-az"|] } },
                    "Spread": { "Type": "AWS::ElastiCache::CacheCluster",
                      "Properties": { "Engine": "memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": 4, "AZMode": "cross-az" } },
                    [|"Missing"|]: { "Type": "AWS::ElastiCache::CacheCluster",
                      "Properties": { "Engine": "Memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": 2 } } } }
                """, "cache.json");

        [Fact]
        public Task Yaml_fix_sets_cross_az_unless_zones_are_pinned()
        {
            var before = "Resources:" + Resources("AWS::ElastiCache::CacheCluster", "Engine: memcached\nCacheNodeType: cache.t4g.small",
                ("[|Sessions|]", "NumCacheNodes: 3"),
                ("Explicit", "NumCacheNodes: 2\nAZMode: [|single-az|]"),
                ("[|Pinned|]", "NumCacheNodes: 2\nPreferredAvailabilityZone: us-east-1a"));
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before,
                ("[|Sessions|]", "Sessions"),
                ("NumCacheNodes: 3", "NumCacheNodes: 3\nAZMode: cross-az"),
                ("AZMode: [|single-az|]", "AZMode: cross-az")), "cache.yaml");
        }
    }
}
