using System.Threading.Tasks;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    /// <summary>IAC2004 fixes: ZoneAwarenessEnabled set to true in the cluster configuration when the node count is even.</summary>
    public class IAC2004_OpenSearchNoZoneAwarenessFixTests
    {
        [Fact]
        public Task Yaml_missing_zone_awareness_is_added_to_the_cluster_config_and_odd_counts_are_left_alone()
        {
            var before = """
                Resources:
                  Logs:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        Enabled: true
                      ClusterConfig:
                        InstanceType: r6g.large.search
                        InstanceCount: [|4|]
                  Odd:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        Enabled: true
                      ClusterConfig:
                        InstanceCount: [|3|]
                """;
            return VerifyFixAsync("IAC2004", before, Edited(before, ("InstanceCount: [|4|]", "InstanceCount: 4\nZoneAwarenessEnabled: true")), "search.yaml");
        }

        [Fact]
        public Task Json_false_is_replaced()
        {
            var before = """
                {"Resources": {"Logs": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}, "ClusterConfig": {"InstanceCount": 2, "ZoneAwarenessEnabled": [|false|]}}}}}
                """;
            return VerifyFixAsync("IAC2004", before, Edited(before, ("[|false|]", "true")), "search.json");
        }
    }
}
