using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Rules.Iam.IamTemplateHarness;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1203_IamAllowWithNotActionTests
    {
        private const string Id = "IAC1203";

        [Fact]
        public void Yaml_allow_with_not_action_is_flagged_at_the_not_action_key()
        {
            var findings = Verify("""
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
        public void Json_allow_with_not_action_in_a_topic_policy_is_flagged()
        {
            Verify("""
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
        public void Deny_with_not_action_is_not_flagged()
        {
            Verify("""
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
