using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Firehose;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Firehose
{
    /// <summary>IAC1012 on templates (YAML and JSON).</summary>
    public class IAC1012_FirehoseDeliveryStreamNotEncryptedTests
    {
        private static readonly IAC1012_FirehoseDeliveryStreamNotEncrypted Rule = new IAC1012_FirehoseDeliveryStreamNotEncrypted();

        [Fact]
        public Task Yaml_direct_put_stream_without_encryption_is_flagged_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  {|#0:Clicks|}:
                    Type: AWS::KinesisFirehose::DeliveryStream
                    Properties:
                      S3DestinationConfiguration:
                        BucketARN: arn:aws:s3:::clicks
                        RoleARN: arn:aws:iam::111122223333:role/firehose
                """, "firehose.yaml", Reported(Rule,
                "Firehose delivery stream 'Clicks' is not encrypted (DeliveryStreamType defaults to DirectPut and " +
                "DeliveryStreamEncryptionConfigurationInput is not set): set DeliveryStreamEncryptionConfigurationInput " +
                "with KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_explicit_direct_put_and_a_removed_branch_are_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
                """, "firehose.yaml");
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("Firehose delivery stream 'Direct' is not encrypted (a DirectPut stream and", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_encrypted_streams_other_sources_and_unknown_types_are_clean() =>
            VerifyRuleAsync(Rule, """
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
                """, "firehose.yaml");

        [Fact]
        public Task Json_direct_put_stream_without_encryption_is_flagged_and_an_encrypted_one_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    [|"Clicks"|]: { "Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": { "DeliveryStreamType": "DirectPut" } },
                    "Owned": { "Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": { "DeliveryStreamEncryptionConfigurationInput": { "KeyType": "AWS_OWNED_CMK" } } }
                  }
                }
                """, "firehose.json");
    }
}
