using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Firehose
{
    /// <summary>IAC1012 on templates (YAML and JSON additional files), on the official test framework.</summary>
    public class IAC1012_FirehoseDeliveryStreamNotEncryptedTests
    {
        private static async Task<string[]> VerifyAsync(string name, string template)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (name, template) } },
                RuleUnderTest = "IAC1012",
            };
            await test.RunAsync();
            return test.ReportedDiagnostics.Where(d => d.Id == "IAC1012").Select(d => d.GetMessage()).ToArray();
        }

        [Fact]
        public async Task Yaml_direct_put_stream_without_encryption_is_flagged_with_the_full_message()
        {
            var messages = await VerifyAsync("firehose.yaml", """
                Resources:
                  [|Clicks|]:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      S3DestinationConfiguration:
                        BucketARN: arn:aws:s3:::clicks
                        RoleARN: arn:aws:iam::111122223333:role/firehose
                """);
            Assert.Equal(
                "Firehose delivery stream 'Clicks' is not encrypted (DeliveryStreamType defaults to DirectPut and " +
                "DeliveryStreamEncryptionConfigurationInput is not set): set DeliveryStreamEncryptionConfigurationInput " +
                "with KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK [Security · SEC08-BP02]",
                Assert.Single(messages));
        }

        [Fact]
        public async Task Yaml_explicit_direct_put_and_a_removed_branch_are_flagged()
        {
            var messages = await VerifyAsync("firehose.yaml", """
                Conditions:
                  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  [|Direct|]:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamType: DirectPut
                  Either:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamEncryptionConfigurationInput: !If [Encrypt, { KeyType: AWS_OWNED_CMK }, [|!Ref AWS::NoValue|]]
                """);
            Assert.Contains(messages, m => m.StartsWith("Firehose delivery stream 'Direct' is not encrypted (a DirectPut stream and", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Yaml_encrypted_streams_other_sources_and_unknown_types_are_clean()
        {
            await VerifyAsync("firehose.yaml", """
                Parameters:
                  SourceType:
                    Type: String
                Resources:
                  Owned:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamEncryptionConfigurationInput:
                        KeyType: AWS_OWNED_CMK
                  Customer:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamType: DirectPut
                      DeliveryStreamEncryptionConfigurationInput:
                        KeyType: CUSTOMER_MANAGED_CMK
                        KeyARN: !GetAtt Key.Arn
                  FromStream:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamType: KinesisStreamAsSource
                      KinesisStreamSourceConfiguration:
                        KinesisStreamARN: !GetAtt Source.Arn
                        RoleARN: arn:aws:iam::111122223333:role/firehose
                  FromMsk:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamType: MSKAsSource
                  UnknownType:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      DeliveryStreamType: !Ref SourceType
                """);
        }

        [Fact]
        public async Task Json_direct_put_stream_without_encryption_is_flagged_and_an_encrypted_one_is_clean()
        {
            await VerifyAsync("firehose.json", """
                {
                  "Resources": {
                    [|"Clicks"|]: { "Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": { "DeliveryStreamType": "DirectPut" } },
                    "Owned": { "Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": { "DeliveryStreamEncryptionConfigurationInput": { "KeyType": "AWS_OWNED_CMK" } } }
                  }
                }
                """);
        }
    }
}
