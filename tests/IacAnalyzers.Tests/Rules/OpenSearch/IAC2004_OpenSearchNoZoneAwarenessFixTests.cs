using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>IAC2004 fixes: ZoneAwarenessEnabled set to true in the cluster configuration when the node count is even.</summary>
    public class IAC2004_OpenSearchNoZoneAwarenessFixTests
    {
        [Fact]
        public async Task Yaml_missing_zone_awareness_is_added_to_the_cluster_config_and_odd_counts_are_left_alone()
        {
            var test = new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("search.yaml", """
                            Resources:
                              Logs:
                                Type: AWS::OpenSearchService::Domain
                                Properties:
                                  EncryptionAtRestOptions:
                                    Enabled: true
                                  ClusterConfig:
                                    InstanceType: r6g.large.search
                                    InstanceCount: {|IAC2004:4|}
                              Odd:
                                Type: AWS::OpenSearchService::Domain
                                Properties:
                                  EncryptionAtRestOptions:
                                    Enabled: true
                                  ClusterConfig:
                                    InstanceCount: {|IAC2004:3|}
                            """),
                    },
                },
                FixedState =
                {
                    // Markup in a fixed state marks what remains (the official default ignores fixable ids there).
                    MarkupHandling = MarkupMode.Allow,
                    AdditionalFiles =
                    {
                        ("search.yaml", """
                            Resources:
                              Logs:
                                Type: AWS::OpenSearchService::Domain
                                Properties:
                                  EncryptionAtRestOptions:
                                    Enabled: true
                                  ClusterConfig:
                                    InstanceType: r6g.large.search
                                    InstanceCount: 4
                                    ZoneAwarenessEnabled: true
                              Odd:
                                Type: AWS::OpenSearchService::Domain
                                Properties:
                                  EncryptionAtRestOptions:
                                    Enabled: true
                                  ClusterConfig:
                                    InstanceCount: {|IAC2004:3|}
                            """),
                    },
                },
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task Json_false_is_replaced()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("search.json", """
                            {"Resources": {"Logs": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}, "ClusterConfig": {"InstanceCount": 2, "ZoneAwarenessEnabled": {|IAC2004:false|}}}}}}
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("search.json", """
                            {"Resources": {"Logs": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}, "ClusterConfig": {"InstanceCount": 2, "ZoneAwarenessEnabled": true}}}}}
                            """),
                    },
                },
            }.RunAsync();
        }
    }
}
