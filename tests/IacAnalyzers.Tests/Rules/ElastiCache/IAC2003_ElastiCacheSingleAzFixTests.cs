using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    /// <summary>IAC2003 fixes: MultiAZEnabled set to true where automatic failover and a replica are already in place.</summary>
    public class IAC2003_ElastiCacheSingleAzFixTests
    {
        [Fact]
        public async Task Yaml_false_is_replaced_and_a_missing_flag_is_added()
        {
            var test = new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("cache.yaml", """
                            Resources:
                              Sessions:
                                Type: AWS::ElastiCache::ReplicationGroup
                                Properties:
                                  ReplicationGroupDescription: sessions
                                  AtRestEncryptionEnabled: true
                                  NumCacheClusters: 2
                                  AutomaticFailoverEnabled: true
                                  MultiAZEnabled: {|IAC2003:false|}
                              {|IAC2003:Shards|}:
                                Type: AWS::ElastiCache::ReplicationGroup
                                Properties:
                                  ReplicationGroupDescription: shards
                                  AtRestEncryptionEnabled: true
                                  NumNodeGroups: 3
                                  ReplicasPerNodeGroup: 1
                                  AutomaticFailoverEnabled: true
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
                                Type: AWS::ElastiCache::ReplicationGroup
                                Properties:
                                  ReplicationGroupDescription: sessions
                                  AtRestEncryptionEnabled: true
                                  NumCacheClusters: 2
                                  AutomaticFailoverEnabled: true
                                  MultiAZEnabled: true
                              Shards:
                                Type: AWS::ElastiCache::ReplicationGroup
                                Properties:
                                  ReplicationGroupDescription: shards
                                  AtRestEncryptionEnabled: true
                                  NumNodeGroups: 3
                                  ReplicasPerNodeGroup: 1
                                  AutomaticFailoverEnabled: true
                                  MultiAZEnabled: true
                            """),
                    },
                },
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task L1_csharp_multi_az_false_is_replaced()
        {
            await CdkVerifier.VerifyFixAsync(
                """
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
                """,
                """
                public class CacheStack : Stack
                {
                    public CacheStack(Construct scope) : base(scope, "Cache")
                    {
                        new Amazon.CDK.AWS.ElastiCache.CfnReplicationGroup(this, "Sessions", new Amazon.CDK.AWS.ElastiCache.CfnReplicationGroupProps
                        {
                            ReplicationGroupDescription = "x", NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = true,
                        });
                    }
                }
                """,
                id: "IAC2003");
        }
    }
}
