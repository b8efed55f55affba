using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Tests.Cdk;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>
    /// IAC2003 and a replication group whose automatic failover is on and whose nodes are placed in two zones: a
    /// replica in the other zone is promoted when the primary's zone fails, so an unset MultiAZEnabled is not a finding.
    /// </summary>
    public class IAC2003_ZonePlacementTests
    {
        private static readonly string[] OtherIds = RuleCatalog.All.Select(r => r.Id).Where(id => id != "IAC2003").ToArray();

        [Fact]
        public async Task Yaml_failover_with_nodes_in_two_zones_is_clean_and_one_zone_or_no_failover_is_flagged()
        {
            await Test(("cache.yaml", """
                Resources:
                  PassTwoZones:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      PreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]
                  {|IAC2003:FailSameZone|}:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      PreferredCacheClusterAZs: [ us-east-1a, us-east-1a ]
                  {|IAC2003:FailNoFailover|}:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      PreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]
                  FailExplicitlyOff:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      MultiAZEnabled: {|IAC2003:false|}
                      PreferredCacheClusterAZs: [ us-east-1a, us-east-1b ]
                  {|IAC2003:FailUnknownZones|}:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      PreferredCacheClusterAZs: [ !Select [ 0, !GetAZs "" ], !Select [ 0, !GetAZs "" ] ]
                """)).RunAsync();
        }

        [Fact]
        public async Task Json_shards_each_spanning_two_zones_are_clean_and_a_shard_in_one_zone_is_flagged()
        {
            await Test(("cache.json", """
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
                    {|IAC2003:"FailOneShardInOneZone"|}: {
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
                """)).RunAsync();
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

        private static VerifyTemplate.Test Test((string Name, string Text) file)
        {
            var test = new VerifyTemplate.Test { TestState = { AdditionalFiles = { file } } };
            test.DisabledDiagnostics.AddRange(OtherIds);
            return test;
        }
    }
}
