using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>IAC2004 on the CDK C# surface: L2 <c>Domain</c> (<c>Capacity.DataNodes</c> default 1, <c>ZoneAwareness</c> default off).</summary>
    public class IAC2004_OpenSearchNoZoneAwarenessL2CdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "bool prod", setup: "var atRest = new EncryptionAtRestOptions { Enabled = true };", usings: "using Amazon.CDK.AWS.OpenSearchService;", name: "Search"),
                "IAC2004");

        [Fact]
        public async Task L2_domain_with_several_data_nodes_and_no_zone_awareness_is_flagged()
        {
            var diagnostics = await Verify("""
                        [|new Domain(this, "Logs", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                        })|];
                """);

            Assert.StartsWith("OpenSearch domain 'Logs' has 4 data nodes in a single Availability Zone (from the CDK default (ZoneAwarenessConfig.Enabled: false))", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_default_single_node_and_zone_aware_domains_are_clean()
        {
            await Verify("""
                        new Domain(this, "Dev", new DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, EncryptionAtRest = atRest });
                        new Domain(this, "Prod", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 6 },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = 3 },
                        });
                """);
        }
    
        [Fact]
        public async Task L2_availability_zone_count_alone_enables_zone_awareness_as_synth_does()
        {
            // domain.js: zoneAwarenessEnabled = zoneAwareness?.enabled ?? zoneAwareness?.availabilityZoneCount != null; cdk synth
            // of this construct writes ZoneAwarenessEnabled: true. An empty ZoneAwarenessConfig stays off (flagged
            // at that config, where the default applies).
            await Verify("""
                        new Domain(this, "Counted", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = new ZoneAwarenessConfig { AvailabilityZoneCount = 2 },
                        });
                        new Domain(this, "Empty", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = [|new ZoneAwarenessConfig { }|],
                        });
                        new Domain(this, "CountedButOff", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11,
                            EncryptionAtRest = atRest,
                            Capacity = new CapacityConfig { DataNodes = 4 },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = [|false|], AvailabilityZoneCount = 2 },
                        });
                """);
        }
    }
}
