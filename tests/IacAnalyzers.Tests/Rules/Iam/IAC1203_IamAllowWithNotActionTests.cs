using System.Threading.Tasks;
using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1203_IamAllowWithNotActionTests
    {
        private const string Id = "IAC1203";

        [Fact]
        public async Task Yaml_allow_with_not_action_is_flagged_at_the_not_action_key()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  Power:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Sid: AllButIam
                            Effect: Allow
                            [|NotAction|]: [ iam:*, organizations:* ]
                            Resource: "*"
                """, "notaction.yaml", Id);
            Assert.Equal(
                "'Power' allows every action except those in NotAction in statement 'AllButIam' of PolicyDocument: use Action with the actions the workload needs",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Json_allow_with_not_action_in_a_topic_policy_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "TopicPolicy": {
                      "Type": "AWS::SNS::TopicPolicy",
                      "Properties": {
                        "Topics": ["t"],
                        "PolicyDocument": {
                          "Statement": [
                            { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, [|"NotAction"|]: "sns:DeleteTopic", "Resource": "*" }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "topic.json", Id);
        }

        [Fact]
        public async Task Deny_with_not_action_is_not_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  MfaGuard:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Deny
                            NotAction: [ iam:ChangePassword, sts:GetSessionToken ]
                            Resource: "*"
                            Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }
                """, "deny.yaml", Id);
        }
    }
}
