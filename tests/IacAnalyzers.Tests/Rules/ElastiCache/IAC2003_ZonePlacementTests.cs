using IacAnalyzers.Tests.Verifier;
using System.Threading.Tasks;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>
    /// IAC2003 and a replication group whose automatic failover is on and whose nodes are placed in two zones: a
    /// replica in the other zone is promoted when the primary's zone fails, so an unset MultiAZEnabled is not a finding.
    /// </summary>
    public class IAC2003_ZonePlacementTests
    {
        [Fact]
        public async Task Yaml_failover_with_nodes_in_two_zones_is_clean_and_one_zone_or_no_failover_is_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                """ + Resources("AWS::ElastiCache::ReplicationGroup", "ReplicationGroupDescription: sessions\nNumCacheClusters: 2",
                ("PassTwoZones", "AutomaticFailoverEnabled: true\nPreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]"),
                ("[|FailSameZone|]", "AutomaticFailoverEnabled: true\nPreferredCacheClusterAZs: [ us-east-1a, us-east-1a ]"),
                ("[|FailNoFailover|]", "PreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]"),
                ("FailExplicitlyOff", "AutomaticFailoverEnabled: true\nMultiAZEnabled: [|false|]\nPreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]"),
                ("[|FailUnknownZones|]", "AutomaticFailoverEnabled: true\nPreferredCacheClusterAZs: [ !Select [ 0, !GetAZs \"\" ], !Select [ 0, !GetAZs \"\" ] ]")), "cache.yaml", "IAC2003");
        }

        [Fact]
        public async Task Json_shards_each_spanning_two_zones_are_clean_and_a_shard_in_one_zone_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "PassShards": {
                      "Type": "AWS::ElastiCache::ReplicationGroup",
                      "Properties": {
                        "ReplicationGroupDescription": "sessions",
                        "AutomaticFailoverEnabled": true,
                        "NodeGroupConfiguration": [
                          { "ReplicaCount": 1, "PrimaryAvailabilityZone": "us-east-1a", "ReplicaAvailabilityZones": [ "us-east-1b" ] },
                          { "ReplicaCount": 1, "PrimaryAvailabilityZone": "us-east-1b", "ReplicaAvailabilityZones": [ "us-east-1c" ] }
                        ]
                      }
                    },
                    [|"FailOneShardInOneZone"|]: {
                      "Type": "AWS::ElastiCache::ReplicationGroup",
                      "Properties": {
                        "ReplicationGroupDescription": "sessions",
                        "AutomaticFailoverEnabled": true,
                        "NodeGroupConfiguration": [
                          { "ReplicaCount": 1, "PrimaryAvailabilityZone": "us-east-1a", "ReplicaAvailabilityZones": [ "us-east-1b" ] },
                          { "ReplicaCount": 1, "PrimaryAvailabilityZone": "us-east-1a", "ReplicaAvailabilityZones": [ "us-east-1a" ] }
                        ]
                      }
                    }
                  }
                }
                """, "cache.json", "IAC2003");
        }

        [Fact]
        public async Task L1_failover_with_nodes_in_two_zones_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.ElastiCache;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnReplicationGroup(this, "Sessions", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "sessions", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true,
                            PreferredCacheClusterAZs = new[] { "us-east-1a", "us-east-1b" },
                        });
                        [|new CfnReplicationGroup(this, "OneZone", new CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "sessions", AtRestEncryptionEnabled = true,
                            NumCacheClusters = 2, AutomaticFailoverEnabled = true,
                            PreferredCacheClusterAZs = new[] { "us-east-1a" },
                        })|];
                    }
                }
                """, "IAC2003");
        }
    }
}
