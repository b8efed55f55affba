using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Sqs;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Sqs
{
    public class IAC1009_SqsQueueEncryptionDisabledTests
    {
        private static readonly IAC1009_SqsQueueEncryptionDisabled Rule = new IAC1009_SqsQueueEncryptionDisabled();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Explicit_opt_out_is_flagged_at_the_value_with_the_full_message()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: [|false|]
                """));
            Assert.Equal(
                "SQS queue 'Jobs' has server-side encryption turned off (SqsManagedSseEnabled is false and no KmsMasterKeyId is set): " +
                "SQS encrypts new queues with SSE-SQS by default, and this queue opts out, so its messages are stored unencrypted; " +
                "set SqsManagedSseEnabled to true (in CDK, QueueEncryption.SQS_MANAGED) or use a KMS key",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal(("SqsManagedSseEnabled", "true"), (fix.Property, fix.Value));
            Assert.NotNull(fix.Existing);
        }

        [Fact]
        public async Task Queues_relying_on_the_default_or_a_KMS_key_are_clean()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Default:
                    Type: AWS::SQS::Queue
                  Fifo:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                  Managed:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: true
                  Kms:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: false
                      KmsMasterKeyId: alias/aws/sqs
                  UnknownKey:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: false
                      KmsMasterKeyId: !Ref Key
                  UnknownFlag:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: !Ref Sse
                """);
        }

        [Fact]
        public async Task Json_opt_out_is_flagged()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": { "Jobs": { "Type": "AWS::SQS::Queue", "Properties": { "SqsManagedSseEnabled": [|"false"|] } } } }
                """, "queues.json");
        }

        [Fact]
        public void Opt_out_in_one_branch_is_flagged_without_an_in_place_fix()
        {
            var view = v.Resource(IAC1009_SqsQueueEncryptionDisabled.Queue, "Jobs",
                v.M(("SqsManagedSseEnabled", v.If("Debug", v.B(false, at: 30), v.B(true, at: 40), at: 25))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(30, finding.Location.Start);
            Assert.Null(finding.Fix);
        }

        [Fact]
        public async Task Opt_out_from_a_parameter_default_is_flagged_and_a_key_in_one_branch_withholds_the_fix()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Sse:
                    Type: String
                    Default: "false"
                Conditions:
                  UseKms: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: [|!Ref Sse|]
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: [|false|]
                      KmsMasterKeyId: !If [UseKms, alias/aws/sqs, !Ref AWS::NoValue]
                """);
            Assert.All(findings, f => Assert.Null(f.Fix));
        }

        [Fact]
        public void It_is_a_warning_not_an_error()
        {
            Assert.Equal(RuleLevel.BuildWarning, Rule.Info.Level);
        }

        [Fact]
        public Task Opt_out_is_replaced_by_true() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                      SqsManagedSseEnabled: [|false|]  # was turned off for a test
                """, """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                      SqsManagedSseEnabled: true  # was turned off for a test
                """);
    }
}
