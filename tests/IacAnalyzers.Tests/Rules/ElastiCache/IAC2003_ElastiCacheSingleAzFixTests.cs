using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC2003 fixes: MultiAZEnabled set to true where automatic failover and a replica are already in place.</summary>
    public class IAC2003_ElastiCacheSingleAzFixTests
    {
        [Fact]
        public Task Yaml_false_is_replaced_and_a_missing_flag_is_added()
        {
            var before = """
                Resources:
                  Sessions:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      AtRestEncryptionEnabled: true
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      MultiAZEnabled: [|false|]
                  [|Shards|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: shards
                      AtRestEncryptionEnabled: true
                      NumNodeGroups: 3
                      ReplicasPerNodeGroup: 1
                      AutomaticFailoverEnabled: true
                """;
            var added = "\n      MultiAZEnabled: true";
            return VerifyFixAsync("IAC2003", before, Edited(before, ("[|false|]", "true"), ("[|Shards|]", "Shards")) + added, "cache.yaml");
        }

        [Fact]
        public Task L1_csharp_multi_az_false_is_replaced()
        {
            var before = """
                public class CacheStack : Stack
                {
                    public CacheStack(Construct scope) : base(scope, "Cache")
                    {
                        new Amazon.CDK.AWS.ElastiCache.CfnReplicationGroup(this, "Sessions", new Amazon.CDK.AWS.ElastiCache.CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = [|false|],
                        });
                    }
                }
                """;
            return CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|false|]", "true")), id: "IAC2003");
        }
    }
}
