using System.Threading.Tasks;
using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1204_IamWriteOnAnyResourceTests
    {
        private const string Id = "IAC1204";

        [Fact]
        public async Task Yaml_scopable_write_on_star_is_flagged_at_the_resource_and_named()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  Writer:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: writer
                      Groups: [ ops ]
                      PolicyDocument:
                        Statement:
                          - Sid: Upload
                            Effect: Allow
                            Action: [ s3:PutObject, ec2:DescribeInstances, xray:PutTraceSegments ]
                            Resource: [|"*"|]
                """, "writer.yaml", Id);
            Assert.Equal(
                "'Writer' allows s3:PutObject on every resource (Resource '*') in statement 'Upload' of PolicyDocument: these actions support resource-level permissions, so name the ARNs the workload needs",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Yaml_pass_role_is_counted_and_a_write_wildcard_is_left_to_IAC1202()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  Deployer:
                    Type: AWS::IAM::User
                    Properties:
                      Policies:
                        - PolicyName: deploy
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: [ iam:PassRole, lambda:Update* ]
                                Resource: [ arn:aws:s3:::x, [|"*"|] ]
                """, "deployer.yaml", Id);
            var message = findings.Single().FormatMessage();
            Assert.StartsWith("'Deployer' allows iam:PassRole on every resource", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("lambda:", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Json_scopable_write_on_star_in_a_role_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "Role": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "AssumeRolePolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" } ] },
                        "Policies": [ { "PolicyName": "p", "PolicyDocument": { "Statement": [
                          { "Effect": "Allow", "Action": ["dynamodb:PutItem", "dynamodb:GetItem"], "Resource": [|"*"|] }
                        ] } } ]
                      }
                    }
                  }
                }
                """, "role.json", Id);
        }

        [Fact]
        public async Task Reads_unscopable_writes_conditions_arns_unknowns_and_resource_policies_are_not_flagged()
        {
            await VerifyRuleAsync("""
                Parameters:
                  Arn: { Type: String }
                Resources:
                  Reader:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ ec2:Describe*, s3:ListAllMyBuckets, s3:Get*, xray:PutTraceSegments, ecr:GetAuthorizationToken ]
                            Resource: "*"
                          - Effect: Allow
                            Action: ec2:TerminateInstances
                            Resource: "*"
                            Condition: { StringEquals: { "aws:ResourceTag/team": "blue" } }
                          - Effect: Allow
                            Action: s3:PutObject
                            Resource: arn:aws:s3:::bucket/*
                          - Effect: Allow
                            Action: s3:PutObject
                            Resource: !Ref Arn
                          - Effect: Allow
                            Action: [ futureservice:Write, !Ref Arn ]
                            Resource: "*"
                          - Effect: Deny
                            Action: s3:DeleteBucket
                            Resource: "*"
                  Queue:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [ q ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { Service: sns.amazonaws.com }
                            Action: sqs:SendMessage
                            Resource: "*"
                """, "clean.yaml", Id);
        }

        // What BastionHostLinux (Amazon.CDK.Lib 2.160.0) synthesizes into its role: the SSM agent's actions work only on "*".
        [Fact]
        public async Task Yaml_session_manager_agent_statement_is_clean()
        {
            await VerifyRuleAsync("""
                Resources:
                  BastionPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: bastion
                      Roles: [ bastion ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ ssmmessages:*, ssm:UpdateInstanceInformation, ec2messages:* ]
                            Resource: "*"
                          - Effect: Allow
                            Action: [ ssm:UpdateInstanceAssociationStatus, ssm:UpdateAssociationStatus, ssm:PutComplianceItems, ssm:PutInventory ]
                            Resource: "*"
                """, "bastion.yaml", Id, "IAC1202");
        }

        [Fact]
        public async Task Json_session_manager_agent_statement_with_another_write_is_flagged_naming_only_that_write()
        {
            var findings = await VerifyRuleAsync("""
                {
                  "Resources": {
                    "BastionPolicy": {
                      "Type": "AWS::IAM::Policy",
                      "Properties": {
                        "PolicyName": "bastion",
                        "Roles": [ "bastion" ],
                        "PolicyDocument": { "Statement": [
                          { "Effect": "Allow", "Action": [ "ssmmessages:*", "ssm:UpdateInstanceInformation", "ec2messages:*", "s3:PutObject", "s3:GetObject" ], "Resource": [|"*"|] }
                        ] }
                      }
                    }
                  }
                }
                """, "bastion.json", Id, "IAC1202");
            var message = findings.Single().FormatMessage();
            Assert.StartsWith("'BastionPolicy' allows s3:PutObject on every resource", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("ssm:", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Ssm_writes_that_are_not_the_agents_stay_flagged()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  Ops:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ ssm:UpdateInstanceInformation, ssm:SendCommand ]
                            Resource: [|"*"|]
                """, "ops.yaml", Id);
            Assert.Contains("ssm:SendCommand", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
            Assert.DoesNotContain("UpdateInstanceInformation", findings.Single().FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Star_action_on_star_resource_is_left_to_IAC1201()
        {
            await VerifyRuleAsync("""
                Resources:
                  Admin:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: {|IAC1201:"*"|}
                            Resource: "*"
                """, "admin.yaml", Id, "IAC1201");
        }
    }
}
