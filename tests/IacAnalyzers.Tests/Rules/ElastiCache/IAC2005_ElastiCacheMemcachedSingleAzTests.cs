using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC2005 in templates: Memcached cache clusters with several nodes in one Availability Zone.</summary>
    public class IAC2005_ElastiCacheMemcachedSingleAzTests
    {
        [Fact]
        public async Task Yaml_missing_or_single_az_mode_is_flagged_and_cross_az_is_clean()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("cache.yaml", """
                            Parameters:
                              Nodes:
                                Type: Number
                                Default: 3
                            Conditions:
                              IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                            Resources:
                              [|Sessions|]:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 3
                              Explicit:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  AZMode: [|single-az|]
                              Either:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  AZMode: !If [IsProd, cross-az, [|single-az|]]
                              [|FromParameter|]:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: !Ref Nodes
                              [|OneZoneListed|]:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  PreferredAvailabilityZones: [us-east-1a, us-east-1a]
                              Spread:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 3
                                  AZMode: cross-az
                              SpreadByZones:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  PreferredAvailabilityZones: [us-east-1a, us-east-1b]
                              UnknownZones:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  PreferredAvailabilityZones: !GetAZs ""
                              UnknownMode:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  AZMode: !Ref Mode
                              OneNode:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 1
                              Redis:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: redis
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 1
                              UnknownEngine:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: !Ref Engine
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 3
                            """),
                    },
                },
                RuleUnderTest = "IAC2005",
            };
            await test.RunAsync();

            var messages = test.ReportedDiagnostics.Select(d => d.GetMessage()).ToArray();
            Assert.Contains(
                "ElastiCache Memcached cluster 'Sessions' places its 3 nodes in a single Availability Zone (AZMode is not set and defaults to single-az): " +
                "set AZMode to cross-az so a zone failure takes only part of the cache [Reliability · REL10-BP01]",
                messages);
            Assert.Contains(messages, m => m.StartsWith("ElastiCache Memcached cluster 'Either' places its 2 nodes in a single Availability Zone (when condition 'IsProd' is false; AZMode is single-az)", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("ElastiCache Memcached cluster 'FromParameter' places its 3 nodes in a single Availability Zone (NumCacheNodes is 3, from the Default of parameter 'Nodes'", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("PreferredAvailabilityZones names one zone", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Json_clusters_are_checked()
        {
            await new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("cache.json", """
                            { "Resources": {
                                "Sessions": { "Type": "AWS::ElastiCache::CacheCluster",
                                  "Properties": { "Engine": "memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": "4", "AZMode": [|"single-az"|] } },
                                "Spread": { "Type": "AWS::ElastiCache::CacheCluster",
                                  "Properties": { "Engine": "memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": 4, "AZMode": "cross-az" } },
                                [|"Missing"|]: { "Type": "AWS::ElastiCache::CacheCluster",
                                  "Properties": { "Engine": "Memcached", "CacheNodeType": "cache.t4g.small", "NumCacheNodes": 2 } } } }
                            """),
                    },
                },
                RuleUnderTest = "IAC2005",
            }.RunAsync();
        }

        [Fact]
        public async Task Yaml_fix_sets_cross_az_unless_zones_are_pinned()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("cache.yaml", """
                            Resources:
                              {|IAC2005:Sessions|}:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 3
                              Explicit:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  AZMode: {|IAC2005:single-az|}
                              {|IAC2005:Pinned|}:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  PreferredAvailabilityZone: us-east-1a
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("cache.yaml", """
                            Resources:
                              Sessions:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 3
                                  AZMode: cross-az
                              Explicit:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  AZMode: cross-az
                              {|IAC2005:Pinned|}:
                                Type: AWS::ElastiCache::CacheCluster
                                Properties:
                                  Engine: memcached
                                  CacheNodeType: cache.t4g.small
                                  NumCacheNodes: 2
                                  PreferredAvailabilityZone: us-east-1a
                            """),
                    },
                    MarkupHandling = MarkupMode.Allow,
                },
            }.RunAsync();
        }
    }
}
