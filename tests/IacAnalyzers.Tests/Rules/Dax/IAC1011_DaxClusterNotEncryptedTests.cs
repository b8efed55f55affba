using System.Threading.Tasks;
using IacAnalyzers.Rules.Dax;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Dax
{
    /// <summary>IAC1011 on templates (YAML and JSON) and its template fix.</summary>
    public class IAC1011_DaxClusterNotEncryptedTests
    {
        private static readonly IAC1011_DaxClusterNotEncrypted Rule = new IAC1011_DaxClusterNotEncrypted();

        [Fact]
        public Task Yaml_cluster_without_a_specification_is_flagged_at_the_resource_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  {|#0:Cache|}:
                    Type: AWS::DAX::Cluster
                    Properties:
                      NodeType: dax.r5.large
                      ReplicationFactor: 3
                      IAMRoleARN: arn:aws:iam::111122223333:role/dax
                """, "dax.yaml", Reported(Rule,
                "DAX cluster 'Cache' is not encrypted at rest (SSESpecification is not set, so server-side encryption is off): " +
                "set SSESpecification.SSEEnabled to true; encryption is chosen at creation, so this replaces the cluster " +
                "(its cache refills from DynamoDB) [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public Task Yaml_false_missing_flag_and_removed_branch_are_flagged() =>
            VerifyRuleAsync(Rule, """
                Conditions:
                  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  Off:
                    Type: AWS::DAX::Cluster
                    Properties:
                      SSESpecification:
                        SSEEnabled: [|false|]
                  Empty:
                    Type: AWS::DAX::Cluster
                    Properties:
                      [|SSESpecification|]: {}
                  Either:
                    Type: AWS::DAX::Cluster
                    Properties:
                      SSESpecification: !If [Encrypt, { SSEEnabled: true }, [|!Ref AWS::NoValue|]]
                """, "dax.yaml");

        [Fact]
        public Task Yaml_encrypted_and_unknown_clusters_are_clean() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Sse:
                    Type: String
                Resources:
                  On:
                    Type: AWS::DAX::Cluster
                    Properties:
                      SSESpecification:
                        SSEEnabled: true
                  Unknown:
                    Type: AWS::DAX::Cluster
                    Properties:
                      SSESpecification:
                        SSEEnabled: !Ref Sse
                  UnknownBlock:
                    Type: AWS::DAX::Cluster
                    Properties:
                      SSESpecification: !Ref Sse
                """, "dax.yaml");

        [Fact]
        public Task Json_false_is_flagged_and_true_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Off": { "Type": "AWS::DAX::Cluster", "Properties": { "SSESpecification": { "SSEEnabled": [|false|] } } },
                    "On": { "Type": "AWS::DAX::Cluster", "Properties": { "SSESpecification": { "SSEEnabled": true } } }
                  }
                }
                """, "dax.json");

        [Fact]
        public Task Yaml_false_is_replaced_by_true()
        {
            var before = """
                Resources:
                  Cache:
                    Type: AWS::DAX::Cluster
                    Properties:
                      NodeType: dax.r5.large
                      SSESpecification:
                        SSEEnabled: [|false|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|false|]", "true")), "dax.yaml");
        }

        [Fact]
        public Task Yaml_missing_specification_is_added()
        {
            var before = """
                Resources:
                  [|Cache|]:
                    Type: AWS::DAX::Cluster
                    Properties:
                      NodeType: dax.r5.large
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before,
                ("[|Cache|]", "Cache"),
                ("NodeType: dax.r5.large", "NodeType: dax.r5.large\nSSESpecification:\n  SSEEnabled: true")), "dax.yaml");
        }
    }
}
