using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Sns
{
    /// <summary>IAC1010 on templates (YAML and JSON additional files), on the official test framework.</summary>
    public class IAC1010_SnsTopicNotEncryptedTests
    {
        private static async Task<string[]> VerifyAsync(string name, string template)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (name, template) } },
                RuleUnderTest = "IAC1010",
            };
            await test.RunAsync();
            return test.ReportedDiagnostics.Where(d => d.Id == "IAC1010").Select(d => d.GetMessage()).ToArray();
        }

        [Fact]
        public async Task Yaml_topic_without_a_key_is_flagged_at_the_resource_with_the_full_message()
        {
            var messages = await VerifyAsync("topics.yaml", """
                Resources:
                  [|Alerts|]:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: alerts
                """);
            Assert.Equal(
                "SNS topic 'Alerts' is not encrypted at rest (KmsMasterKeyId is not set, so server-side encryption is off): " +
                "set KmsMasterKeyId to a KMS key (in CDK, MasterKey); topics that CloudWatch alarms, EventBridge or S3 publish " +
                "to need a customer-managed key whose policy lets that service use it [Security · SEC08-BP02]",
                Assert.Single(messages));
        }

        [Fact]
        public async Task Yaml_topic_without_properties_and_branches_without_a_key_are_flagged()
        {
            var messages = await VerifyAsync("topics.yaml", """
                Conditions:
                  HasKey: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  [|Bare|]:
                    Type: AWS::SNS::Topic
                  Optional:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: !If [HasKey, alias/aws/sns, [|!Ref AWS::NoValue|]]
                  Empty:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: [|""|]
                """);
            Assert.Contains(messages, m => m.StartsWith("SNS topic 'Optional' is not encrypted at rest (when condition 'HasKey' is false; AWS::NoValue leaves KmsMasterKeyId unset)", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("SNS topic 'Empty' is not encrypted at rest (KmsMasterKeyId is empty)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Yaml_topics_with_a_key_or_an_unknown_key_are_clean()
        {
            await VerifyAsync("topics.yaml", """
                Parameters:
                  Key:
                    Type: String
                  OptionalKey:
                    Type: String
                    Default: ""
                Resources:
                  Managed:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: alias/aws/sns
                  Customer:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: !GetAtt TopicKey.Arn
                  FromParameter:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: !Ref Key
                  FromOptionalParameter:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId: !Ref OptionalKey
                  TopicKey:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy: {}
                """);
        }

        [Fact]
        public async Task Json_topic_without_a_key_is_flagged_and_one_with_a_key_is_clean()
        {
            await VerifyAsync("topics.json", """
                {
                  "Resources": {
                    [|"Alerts"|]: { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "alerts" } },
                    "Keyed": { "Type": "AWS::SNS::Topic", "Properties": { "KmsMasterKeyId": "alias/aws/sns" } }
                  }
                }
                """);
        }
    }
}
