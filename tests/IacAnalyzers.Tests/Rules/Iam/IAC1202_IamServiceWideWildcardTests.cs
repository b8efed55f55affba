using System.Threading.Tasks;
using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1202_IamServiceWideWildcardTests
    {
        private const string Id = "IAC1202";

        [Fact]
        public async Task Yaml_service_wide_wildcard_is_flagged_with_what_it_grants()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  DataPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: data
                      Roles: [ app ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [|s3:*|]
                            Resource: arn:aws:s3:::data/*
                """, "svc.yaml", Id);
            var message = findings.Single().FormatMessage();
            Assert.StartsWith("'DataPolicy' allows 's3:*' in statement 1 of PolicyDocument, which grants every action of service 's3' (including ", message, System.StringComparison.Ordinal);
            Assert.Contains(" permissions-management and ", message, System.StringComparison.Ordinal);
            Assert.Contains(" write actions, e.g. s3:", message, System.StringComparison.Ordinal);
            Assert.EndsWith("): list only the actions the workload needs", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Yaml_wildcard_that_expands_to_writes_is_flagged_and_reads_stay_clean()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  AppRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [ { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole } ]
                      Policies:
                        - PolicyName: app
                          PolicyDocument:
                            Statement:
                              - Sid: Objects
                                Effect: Allow
                                Action:
                                  - s3:GetObject*
                                  - s3:List*
                                  - [|s3:Put*|]
                                  - ec2:Describe*
                                  - [|dynamodb:*Item|]
                                Resource: "*"
                """, "role.yaml", Id);
            Assert.Contains("'s3:Put*' in statement 'Objects' of Policies[0] 'app', which grants ", findings[0].FormatMessage(), System.StringComparison.Ordinal);
            Assert.DoesNotContain("every action", findings[0].FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_service_wildcard_in_a_queue_policy_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "QueuePolicy": {
                      "Type": "AWS::SQS::QueuePolicy",
                      "Properties": {
                        "Queues": ["q"],
                        "PolicyDocument": {
                          "Statement": {
                            "Effect": "Allow",
                            "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
                            "Action": [|"sqs:*"|],
                            "Resource": "*"
                          }
                        }
                      }
                    }
                  }
                }
                """, "queue.json", Id);
        }

        [Fact]
        public async Task Unknown_service_is_flagged_only_when_service_wide()
        {
            await VerifyRuleAsync("""
                Resources:
                  P:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ [|futureservice:*|], futureservice:Put* ]
                            Resource: "*"
                """, "future.yaml", Id);
        }

        [Fact]
        public async Task Kms_key_policies_deny_statements_and_star_are_not_flagged_here()
        {
            await VerifyRuleAsync("""
                Resources:
                  Key:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root" }
                            Action: kms:*
                            Resource: "*"
                  Guard:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Deny
                            Action: [ s3:*, iam:* ]
                            Resource: "*"
                          - Effect: Allow
                            Action: "*"
                            Resource: arn:aws:s3:::b
                """, "clean.yaml", Id);
        }
    }
}
