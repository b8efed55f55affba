using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Kinesis;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Kinesis
{
    public class IAC1007_KinesisStreamNotEncryptedTests
    {
        private static readonly IAC1007_KinesisStreamNotEncrypted Rule = new IAC1007_KinesisStreamNotEncrypted();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Stream_without_StreamEncryption_is_flagged_with_the_full_message_and_no_fix()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
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
        public async Task Written_or_unknown_StreamEncryption_is_clean()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Null_StreamEncryption_is_flagged_at_the_value()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Clicks:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      StreamEncryption: [|null|]
                """);
        }

        [Fact]
        public async Task Json_streams_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": {
                    [|"Clicks"|]: { "Type": "AWS::Kinesis::Stream", "Properties": { "ShardCount": 1 } },
                    "Good": { "Type": "AWS::Kinesis::Stream", "Properties": { "StreamEncryption": { "EncryptionType": "KMS", "KeyId": "alias/aws/kinesis" } } } } }
                """, "streams.json");
        }

        [Fact]
        public async Task Fn_If_removing_StreamEncryption_is_flagged_in_that_branch()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
            var encryption = v.If("Encrypt", v.M(("EncryptionType", v.S("KMS", at: 32))), v.Null(at: 40), at: 25);
            var view = v.Resource(IAC1007_KinesisStreamNotEncrypted.Stream, "Clicks", v.M(("StreamEncryption", encryption)));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(40, finding.Location.Start);
            Assert.Contains("(when condition 'Encrypt' is false; StreamEncryption is null)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }
    }
}
