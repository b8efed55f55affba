using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>
    /// IAC2004 on the deprecated <c>Amazon.CDK.AWS.Elasticsearch</c> module: L2 <c>Domain</c> (<c>Capacity.DataNodes</c>
    /// default 1, <c>ZoneAwareness</c> default off, written as <c>ElasticsearchClusterConfig</c>) and L1 <c>CfnDomain</c>.
    /// </summary>
    public class IAC2004_ElasticsearchDomainCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "bool prod, int nodes", setup: "var atRest = new EncryptionAtRestOptions { Enabled = true };", usings: "using Amazon.CDK.AWS.Elasticsearch;", name: "Search"),
                "IAC2004");

        [Fact]
        public async Task L2_domain_with_several_data_nodes_and_no_zone_awareness_is_flagged()
        {
            var diagnostics = await Verify("""
                        [|new Domain(this, "Logs", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                        })|];
                """);

            Assert.Equal(
                "Elasticsearch domain 'Logs' has 4 data nodes in a single Availability Zone (from the CDK default (ZoneAwarenessConfig.Enabled: false)): " +
                "set ZoneAwarenessEnabled to true in ElasticsearchClusterConfig so nodes and replicas spread across zones [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_zone_awareness_false_and_a_conditional_count_are_flagged()
        {
            await Verify("""
                        new Domain(this, "Off", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 2 },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = [|false|] },
                        });
                        [|new Domain(this, "Grows", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = prod ? 6 : 1 },
                        })|];
                """);
        }

        [Fact]
        public async Task L2_default_single_node_zone_aware_and_unknown_domains_are_clean()
        {
            await Verify("""
                        new Domain(this, "Dev", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = atRest });
                        new Domain(this, "Prod", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 6, MasterNodes = 3 },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = 3 },
                        });
                        new Domain(this, "Sized", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = atRest, Capacity = new CapacityConfig { DataNodes = nodes } });
                        new Domain(this, "Maybe", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = prod },
                        });
                """);
        }

        [Fact]
        public async Task L1_several_nodes_without_zone_awareness_are_flagged_and_zone_aware_is_clean()
        {
            var diagnostics = await Verify("""
                        new CfnDomain(this, "Logs", new CfnDomainProps
                        {
                            ElasticsearchClusterConfig = new CfnDomain.ElasticsearchClusterConfigProperty { InstanceType = "r5.large.elasticsearch", InstanceCount = [|4|] },
                        });
                        new CfnDomain(this, "Aware", new CfnDomainProps
                        {
                            ElasticsearchClusterConfig = new CfnDomain.ElasticsearchClusterConfigProperty { InstanceCount = 4, ZoneAwarenessEnabled = true },
                        });
                """);
            Assert.Contains("in ElasticsearchClusterConfig", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }
    
        [Fact]
        public async Task L2_availability_zone_count_alone_enables_zone_awareness_as_synth_does()
        {
            await Verify("""
                        new Domain(this, "Counted", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = new ZoneAwarenessConfig { AvailabilityZoneCount = 2 },
                        });
                        new Domain(this, "Empty", new DomainProps
                        {
                            Version = ElasticsearchVersion.V7_10,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = [|new ZoneAwarenessConfig { }|],
                        });
                """);
        }
    }
}
