using IacAnalyzers.Model;
using IacAnalyzers.Rules.Kinesis;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.Kinesis
{
    public class IAC1007_KinesisStreamNotEncryptedTests
    {
        private static readonly IAC1007_KinesisStreamNotEncrypted Rule = new IAC1007_KinesisStreamNotEncrypted();

        [Fact]
        public void Stream_without_StreamEncryption_is_flagged_with_the_full_message_and_no_fix()
        {
            var finding = Assert.Single(Verify(Rule, """
                Resources:
                  [|Clicks|]:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      ShardCount: 1
                """));
            Assert.Equal(
                "Kinesis stream 'Clicks' is not encrypted (StreamEncryption is not set, so records are stored unencrypted): " +
                "set StreamEncryption with EncryptionType KMS (KeyId alias/aws/kinesis uses the AWS managed key)",
                finding.FormatMessage());
            Assert.Null(finding.Fix);
        }

        [Fact]
        public void Written_or_unknown_StreamEncryption_is_clean()
        {
            Verify(Rule, """
                Resources:
                  Encrypted:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      StreamEncryption:
                        EncryptionType: KMS
                        KeyId: alias/aws/kinesis
                  Unknown:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      StreamEncryption: !ImportValue shared-stream-encryption
                """);
        }

        [Fact]
        public void Null_StreamEncryption_is_flagged_at_the_value()
        {
            Verify(Rule, """
                Resources:
                  Clicks:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      StreamEncryption: [|null|]
                """);
        }

        [Fact]
        public void Json_streams_are_checked()
        {
            Verify(Rule, """
                { "Resources": {
                    [|"Clicks"|]: { "Type": "AWS::Kinesis::Stream", "Properties": { "ShardCount": 1 } },
                    "Good": { "Type": "AWS::Kinesis::Stream", "Properties": { "StreamEncryption": { "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis" } } } } }
                """, "streams.json");
        }

        [Fact]
        public void Fn_If_removing_StreamEncryption_is_flagged_in_that_branch()
        {
            var findings = Verify(Rule, """
                Conditions:
                  Encrypt: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Clicks:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      StreamEncryption: !If [Encrypt, { EncryptionType: KMS, KeyId: alias/aws/kinesis }, [|!Ref AWS::NoValue|]]
                """);
            Assert.Contains("AWS::NoValue leaves StreamEncryption unset", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void One_of_with_a_null_branch_names_it()
        {
            var encryption = If("Encrypt", Map(30, ("EncryptionType", Str("KMS", 32))), new ScalarValue("", ScalarKind.Null, At(40)), 25);
            var view = View(IAC1007_KinesisStreamNotEncrypted.Stream, "Clicks", Map(10, ("StreamEncryption", encryption)));
            var finding = Assert.Single(Run(Rule, view));
            Assert.Equal(40, finding.Location.Start);
            Assert.Contains("(when condition 'Encrypt' is false; StreamEncryption is null)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }
    }
}
