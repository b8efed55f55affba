using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>
    /// IAC1006 on the deprecated <c>Amazon.CDK.AWS.Elasticsearch</c> module (aws-cdk-lib 2.160.0 still ships it): L2
    /// <c>Domain</c> (<c>ElasticsearchDomainAdapter</c>) and L1 <c>CfnDomain</c>, both writing <c>AWS::Elasticsearch::Domain</c>.
    /// </summary>
    public class IAC1006_ElasticsearchDomainCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body, string parameters = "")
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, parameters, usings: "using Amazon.CDK.AWS.Elasticsearch;", name: "Search"),
                "IAC1006");

        [Fact]
        public async Task L2_domain_without_encryption_is_flagged_at_the_creation()
        {
            var diagnostics = await Verify("""
                        [|new Domain(this, "Legacy", new DomainProps { Version = ElasticsearchVersion.V7_10 })|];
                """);
            Assert.Equal(
                "Elasticsearch domain 'Legacy' is not encrypted at rest (EncryptionAtRestOptions is not set, so encryption at rest is off): set EncryptionAtRestOptions.Enabled to true [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_options_enabled_keyed_disabled_defaulted_one_of_and_unknown()
        {
            var diagnostics = await Verify("""
                        new Domain(this, "On", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        new Domain(this, "Keyed", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { KmsKey = key } });
                        new Domain(this, "Off", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = [|false|] } });
                        new Domain(this, "Empty", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = [|new EncryptionAtRestOptions { }|] });
                        new Domain(this, "Either", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = prod ? true : [|false|] } });
                        new Domain(this, "Unknown", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = prod } });
                        new Domain(this, "Opaque", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = options });
                """, "IKey key, bool prod, EncryptionAtRestOptions options");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Elasticsearch domain 'Empty'", System.StringComparison.Ordinal)
                && d.GetMessage().Contains("(from the CDK default (EncryptionAtRestOptions.Enabled: encryption at rest is disabled))", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_unsigned_basic_auth_enables_encryption_at_rest_as_synth_does()
        {
            // UseUnsignedBasicAuth: "Setting this to true will also ... enable ... encryption at rest"; cdk synth writes
            // EncryptionAtRestOptions.Enabled: true. False (or not written) changes nothing; an unknown flag is not flagged.
            await Verify("""
                        new Domain(this, "Basic", new DomainProps { Version = ElasticsearchVersion.V7_10, UseUnsignedBasicAuth = true });
                        new Domain(this, "BasicEmpty", new DomainProps { Version = ElasticsearchVersion.V7_10, UseUnsignedBasicAuth = true, EncryptionAtRest = new EncryptionAtRestOptions { } });
                        new Domain(this, "BasicMaybe", new DomainProps { Version = ElasticsearchVersion.V7_10, UseUnsignedBasicAuth = prod });
                        [|new Domain(this, "BasicOff", new DomainProps { Version = ElasticsearchVersion.V7_10, UseUnsignedBasicAuth = false })|];
                        new Domain(this, "BasicButDisabled", new DomainProps { Version = ElasticsearchVersion.V7_10, UseUnsignedBasicAuth = true, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = [|false|] } });
                """, "bool prod");
        }

        [Fact]
        public async Task L2_escape_hatch_on_the_elasticsearch_default_child_is_followed()
        {
            await Verify("""
                        var fixedUp = new Domain(this, "FixedUp", new DomainProps { Version = ElasticsearchVersion.V7_10 });
                        ((CfnDomain)fixedUp.Node.DefaultChild).AddPropertyOverride("EncryptionAtRestOptions.Enabled", true);
                        var broken = new Domain(this, "Broken", new DomainProps { Version = ElasticsearchVersion.V7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        ((CfnDomain)broken.Node.DefaultChild).AddPropertyOverride("EncryptionAtRestOptions.Enabled", [|false|]);
                """);
        }

        [Fact]
        public async Task L1_domain_false_and_bare_are_flagged_true_is_clean_and_false_is_fixed()
        {
            await Verify("""
                        new CfnDomain(this, "Off", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = [|false|] } });
                        [|new CfnDomain(this, "Bare", new CfnDomainProps { ElasticsearchVersion = "7.10" })|];
                        new CfnDomain(this, "On", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = true } });
                """);
            await CdkVerifier.VerifyFixAsync(
                CdkVerifier.InStack("""
                        new CfnDomain(this, "Off", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = [|false|] } });
                """, usings: "using Amazon.CDK.AWS.Elasticsearch;", name: "Search"),
                CdkVerifier.InStack("""
                        new CfnDomain(this, "Off", new CfnDomainProps { EncryptionAtRestOptions = new CfnDomain.EncryptionAtRestOptionsProperty { Enabled = true } });
                """, usings: "using Amazon.CDK.AWS.Elasticsearch;", name: "Search"),
                id: "IAC1006");
        }
    }
}
