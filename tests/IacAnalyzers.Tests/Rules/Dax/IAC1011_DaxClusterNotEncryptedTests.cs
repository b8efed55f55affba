using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.Dax
{
    /// <summary>IAC1011 on templates (YAML and JSON additional files) and its template fix, on the official test framework.</summary>
    public class IAC1011_DaxClusterNotEncryptedTests
    {
        private static async Task<string[]> VerifyAsync(string name, string template)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (name, template) } },
                RuleUnderTest = "IAC1011",
            };
            await test.RunAsync();
            return test.ReportedDiagnostics.Where(d => d.Id == "IAC1011").Select(d => d.GetMessage()).ToArray();
        }

        [Fact]
        public async Task Yaml_cluster_without_a_specification_is_flagged_at_the_resource_with_the_full_message()
        {
            var messages = await VerifyAsync("dax.yaml", """
                Resources:
                  [|Cache|]:
                    Type: AWS::DAX::Cluster
                    Properties:
                      NodeType: dax.r5.large
                      ReplicationFactor: 3
                      IAMRoleARN: arn:aws:iam::111122223333:role/dax
                """);
            Assert.Equal(
                "DAX cluster 'Cache' is not encrypted at rest (SSESpecification is not set, so server-side encryption is off): " +
                "set SSESpecification.SSEEnabled to true; encryption is chosen at creation, so this replaces the cluster " +
                "(its cache refills from DynamoDB) [Security · SEC08-BP02]",
                Assert.Single(messages));
        }

        [Fact]
        public async Task Yaml_false_missing_flag_and_removed_branch_are_flagged()
        {
            await VerifyAsync("dax.yaml", """
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
                """);
        }

        [Fact]
        public async Task Yaml_encrypted_and_unknown_clusters_are_clean()
        {
            await VerifyAsync("dax.yaml", """
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
                """);
        }

        [Fact]
        public async Task Json_false_is_flagged_and_true_is_clean()
        {
            await VerifyAsync("dax.json", """
                {
                  "Resources": {
                    "Off": { "Type": "AWS::DAX::Cluster", "Properties": { "SSESpecification": { "SSEEnabled": [|false|] } } },
                    "On": { "Type": "AWS::DAX::Cluster", "Properties": { "SSESpecification": { "SSEEnabled": true } } }
                  }
                }
                """);
        }

        [Fact]
        public async Task Yaml_false_is_replaced_by_true()
        {
            await new VerifyFix.Test
            {
                TestState = { AdditionalFiles = { ("dax.yaml", """
                    Resources:
                      Cache:
                        Type: AWS::DAX::Cluster
                        Properties:
                          NodeType: dax.r5.large
                          SSESpecification:
                            SSEEnabled: [|false|]
                    """) } },
                FixedState = { AdditionalFiles = { ("dax.yaml", """
                    Resources:
                      Cache:
                        Type: AWS::DAX::Cluster
                        Properties:
                          NodeType: dax.r5.large
                          SSESpecification:
                            SSEEnabled: true
                    """) } },
                RuleUnderTest = "IAC1011",
            }.RunAsync();
        }

        [Fact]
        public async Task Yaml_missing_specification_is_added()
        {
            await new VerifyFix.Test
            {
                TestState = { AdditionalFiles = { ("dax.yaml", """
                    Resources:
                      [|Cache|]:
                        Type: AWS::DAX::Cluster
                        Properties:
                          NodeType: dax.r5.large
                    """) } },
                FixedState = { AdditionalFiles = { ("dax.yaml", """
                    Resources:
                      Cache:
                        Type: AWS::DAX::Cluster
                        Properties:
                          NodeType: dax.r5.large
                          SSESpecification:
                            SSEEnabled: true
                    """) } },
                RuleUnderTest = "IAC1011",
            }.RunAsync();
        }
    }
}
