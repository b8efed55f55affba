using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>IAC2004 on the CDK C# surface: L1 <c>CfnDomain</c>.</summary>
    public class IAC2004_OpenSearchNoZoneAwarenessCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "bool prod, int nodes", setup: "var encrypted = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = true };", usings: "using Amazon.CDK.AWS.OpenSearchService;", name: "Search"),
                "IAC2004");

        [Fact]
        public async Task L1_several_nodes_without_zone_awareness_are_flagged_at_the_count()
        {
            var diagnostics = await Verify("""
                        new CfnDomain(this, "Logs", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceType = "r6g.large.search", InstanceCount = [|4|] },
                        });
                """);

            Assert.Equal(
                "OpenSearch domain 'Logs' has 4 data nodes in a single Availability Zone (ZoneAwarenessEnabled is not set and defaults to false): " +
                "set ZoneAwarenessEnabled to true in ClusterConfig so nodes and replicas spread across zones [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_zone_awareness_false_is_flagged_and_single_node_zone_aware_or_unknown_are_clean()
        {
            await Verify("""
                        new CfnDomain(this, "Off", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceCount = 2, ZoneAwarenessEnabled = [|false|] },
                        });
                        new CfnDomain(this, "One", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceCount = 1 },
                        });
                        new CfnDomain(this, "Aware", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceCount = 4, ZoneAwarenessEnabled = true },
                        });
                        new CfnDomain(this, "Unknown", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceCount = nodes },
                        });
                """);
        }

        [Fact]
        public async Task L1_conditional_count_flags_the_multi_node_branch()
        {
            var diagnostics = await Verify("""
                        new CfnDomain(this, "Branch", new CfnDomainProps
                        {
                            EncryptionAtRestOptions = encrypted,
                            ClusterConfig = new CfnDomain.ClusterConfigProperty { InstanceCount = prod ? [|6|] : 1 },
                        });
                """);

            Assert.Contains("(when `prod` is true; ZoneAwarenessEnabled is not set and defaults to false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
