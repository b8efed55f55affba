using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>IAC1006 on the CDK C# surface: L1 <c>CfnDomain</c>, L2 <c>Domain</c> (its adapter also gives the cluster shape IAC2004 reads).</summary>
    public class IAC1006_OpenSearchDomainNotEncryptedAtRestCdkTests
    {
        [Fact]
        public async Task L2_domain_without_encryption_is_flagged_at_the_creation()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new Domain(this, "Search", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13 })|];
                    }
                }
                """, "IAC1006");
            Assert.Equal(
                "OpenSearch domain 'Search' is not encrypted at rest (EncryptionAtRestOptions is not set, so encryption at rest is off): set EncryptionAtRestOptions.Enabled to true [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_options_enabled_keyed_disabled_and_defaulted()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IKey key, bool prod) : base(scope, "App")
                    {
                        new Domain(this, "On", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        new Domain(this, "Keyed", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { KmsKey = key } });
                        new Domain(this, "Off", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = [|false|] } });
                        new Domain(this, "Empty", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = [|new EncryptionAtRestOptions { }|] });
                        new Domain(this, "Either", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = prod ? true : [|false|] } });
                        new Domain(this, "Unknown", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = prod } });
                    }
                }
                """, "IAC1006");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("(from the CDK default (EncryptionAtRestOptions.Enabled: encryption at rest is disabled))", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_unsigned_basic_auth_enables_encryption_at_rest_as_synth_does()
        {
            // DomainProps.UseUnsignedBasicAuth: "Setting this to true will also ... enable ... encryption at rest"; domain.js
            // encryptionAtRestEnabled = encryptionAtRest?.enabled ?? (encryptionAtRest?.kmsKey != null || unsignedBasicAuthEnabled).
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool prod) : base(scope, "App")
                    {
                        new Domain(this, "Basic", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, UseUnsignedBasicAuth = true });
                        new Domain(this, "BasicEmpty", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, UseUnsignedBasicAuth = true, EncryptionAtRest = new EncryptionAtRestOptions { } });
                        new Domain(this, "BasicMaybe", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, UseUnsignedBasicAuth = prod });
                        [|new Domain(this, "BasicOff", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, UseUnsignedBasicAuth = false })|];
                    }
                }
                """, "IAC1006");
        }

        [Fact]
        public async Task L1_domain_false_is_flagged_and_fixed()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDomain(this, "Search", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = [|false|] } });
                        [|new CfnDomain(this, "Bare", new CfnDomainProps { EngineVersion = "OpenSearch_2.13" })|];
                    }
                }
                """, "IAC1006");
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDomain(this, "Search", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = [|false|] } });
                    }
                }
                """, """
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDomain(this, "Search", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = true } });
                    }
                }
                """, id: "IAC1006");
        }

        [Fact]
        public async Task L2_domain_adapter_gives_node_count_and_zone_awareness_to_IAC2004()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var encrypted = new EncryptionAtRestOptions { Enabled = true };
                        new Domain(this, "Spread", new DomainProps
                        {
                            Version = EngineVersion.OPENSEARCH_2_13,
                            EncryptionAtRest = encrypted,
                            Capacity = new CapacityConfig { DataNodes = 4, MultiAzWithStandbyEnabled = false },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = 2 },
                        });
                        {|IAC2004:new Domain(this, "OneZone", new DomainProps
                        {
                            Version = EngineVersion.OPENSEARCH_2_13,
                            EncryptionAtRest = encrypted,
                            Capacity = new CapacityConfig { DataNodes = 4, MultiAzWithStandbyEnabled = false },
                        })|};
                        new Domain(this, "Single", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = encrypted });
                    }
                }
                """, "IAC1006");
        }
    }
}
