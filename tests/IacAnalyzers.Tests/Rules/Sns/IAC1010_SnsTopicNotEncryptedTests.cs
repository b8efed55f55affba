using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Sns;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Sns
{
    /// <summary>IAC1010 on templates (YAML and JSON).</summary>
    public class IAC1010_SnsTopicNotEncryptedTests
    {
        private static readonly IAC1010_SnsTopicNotEncrypted Rule = new IAC1010_SnsTopicNotEncrypted();

        [Fact]
        public Task Yaml_topic_without_a_key_is_flagged_at_the_resource_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  {|#0:Alerts|}:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: alerts
                """, "topics.yaml", Reported(Rule,
                "SNS topic 'Alerts' is not encrypted at rest (KmsMasterKeyId is not set, so server-side encryption is off): " +
                "set KmsMasterKeyId to a KMS key (in CDK, MasterKey); topics that CloudWatch alarms, EventBridge or S3 publish " +
                "to need a customer-managed key whose policy lets that service use it [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_topic_without_properties_and_branches_without_a_key_are_flagged()
        {
            var messages = (await VerifyRuleAsync(Rule, """
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
                """, "topics.yaml")).Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.StartsWith("SNS topic 'Optional' is not encrypted at rest (when condition 'HasKey' is false; AWS::NoValue leaves KmsMasterKeyId unset)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("SNS topic 'Empty' is not encrypted at rest (KmsMasterKeyId is empty)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_topics_with_a_key_or_an_unknown_key_are_clean() =>
            VerifyRuleAsync(Rule, """
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
                """, "topics.yaml");

        [Fact]
        public Task Json_topic_without_a_key_is_flagged_and_one_with_a_key_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    [|"Alerts"|]: { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "alerts" } },
                    "Keyed": { "Type": "AWS::SNS::Topic", "Properties": { "KmsMasterKeyId": "alias/aws/sns" } }
                  }
                }
                """, "topics.json");
    }
}
