using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.OpenSearch;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    public class IAC2004_OpenSearchNoZoneAwarenessTests
    {
        private static readonly IAC2004_OpenSearchNoZoneAwareness Rule = new IAC2004_OpenSearchNoZoneAwareness();

        [Fact]
        public async Task Several_data_nodes_without_zone_awareness_are_flagged_at_the_node_count()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  FailDomain:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EngineVersion: OpenSearch_2.13
                      ClusterConfig:
                        InstanceType: r6g.large.search
                        InstanceCount: [|4|]
                """);

            var finding = findings.Single();
            Assert.Equal(
                "OpenSearch domain 'FailDomain' has 4 data nodes in a single Availability Zone (ZoneAwarenessEnabled is not set and " +
                "defaults to false): set ZoneAwarenessEnabled to true in ClusterConfig so nodes and replicas spread across zones",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal("ZoneAwarenessEnabled", fix.Property);
            Assert.Null(fix.Existing);
        }

        [Fact]
        public async Task Zone_awareness_false_is_flagged_at_the_value_and_odd_counts_get_no_fix()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailEven:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: "2"
                        ZoneAwarenessEnabled: [|false|]
                  FailOdd:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: [|3|]
                """);

            Assert.NotNull(findings.Single(f => f.Resource.Name == "FailEven").Fix);
            Assert.Null(findings.Single(f => f.Resource.Name == "FailOdd").Fix);
        }

        [Fact]
        public async Task Legacy_elasticsearch_domains_are_checked_under_their_own_config_name()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailLegacy:
                    Type: AWS::Elasticsearch::Domain
                    Properties:
                      ElasticsearchVersion: "7.10"
                      ElasticsearchClusterConfig:
                        InstanceCount: [|6|]
                        ZoneAwarenessEnabled: "false"
                        ZoneAwarenessConfig:
                          AvailabilityZoneCount: 3
                  PassLegacy:
                    Type: AWS::Elasticsearch::Domain
                    Properties:
                      ElasticsearchClusterConfig:
                        InstanceCount: 6
                        ZoneAwarenessEnabled: true
                """.Replace("[|6|]", "6").Replace("ZoneAwarenessEnabled: \"false\"", "ZoneAwarenessEnabled: [|\"false\"|]"));

            Assert.StartsWith("Elasticsearch domain 'FailLegacy' has 6 data nodes", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
            Assert.Contains("in ElasticsearchClusterConfig", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_legacy_elasticsearch_domains_are_checked_and_unknown_counts_are_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(
                Rule,
                """
                {
                  "Parameters": { "Nodes": { "Type": "Number" } },
                  "Resources": {
                    "FailLegacy": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ElasticsearchClusterConfig": { "InstanceCount": [|4|] } } },
                    "PassAware": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ElasticsearchClusterConfig": { "InstanceCount": 4, "ZoneAwarenessEnabled": true } } },
                    "PassSingle": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ElasticsearchClusterConfig": { "InstanceCount": 1 } } },
                    "PassUnknown": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ElasticsearchClusterConfig": { "InstanceCount": { "Ref": "Nodes" } } } },
                    "PassWrongName": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ClusterConfig": { "InstanceCount": 4 } } }
                  }
                }
                """,
                "legacy.json");
        }

        [Fact]
        public async Task Single_node_zone_aware_standby_and_unknown_domains_are_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  Nodes:
                    Type: Number
                Resources:
                  PassNoConfig:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EngineVersion: OpenSearch_2.13
                  PassOneNode:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: 1
                  PassZoneAware:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: 4
                        ZoneAwarenessEnabled: true
                  PassStandby:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: 6
                        MultiAZWithStandbyEnabled: true
                  PassUnknownCount:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: !Ref Nodes
                  PassUnknownZone:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: 4
                        ZoneAwarenessEnabled: !Ref Nodes
                  FailStandbyOff:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: [|4|]
                        MultiAZWithStandbyEnabled: false
                """);
        }

        [Fact]
        public async Task Json_templates_are_checked_the_same_way()
        {
            await TemplateVerifier.VerifyRuleAsync(
                Rule,
                """
                {
                  "Resources": {
                    "FailDomain": {
                      "Type": "AWS::OpenSearchService::Domain",
                      "Properties": { "ClusterConfig": { "InstanceCount": [|2|], "InstanceType": "m6g.large.search" } }
                    }
                  }
                }
                """,
                "template.json");
        }

        [Fact]
        public void Fn_If_on_the_node_count_flags_the_multi_node_branch()
        {
            var v = new ViewBuilder();
            var four = v.N(4);
            v.Resource("AWS::OpenSearchService::Domain", "FailDomain", v.M(
                ("ClusterConfig", v.M(("InstanceCount", v.If("IsProd", four, v.N(1)))))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Same(four.Location, finding.Location);
            Assert.Null(finding.Fix);
            Assert.Equal(" (when condition 'IsProd' is true; ZoneAwarenessEnabled is not set and defaults to false)", finding.MessageArgs[2]);
        }
    }
}
