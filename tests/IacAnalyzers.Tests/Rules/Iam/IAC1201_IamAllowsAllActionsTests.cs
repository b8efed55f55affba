using System.Threading.Tasks;
using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1201_IamAllowsAllActionsTests
    {
        private const string Id = "IAC1201";

        [Fact]
        public async Task Yaml_star_action_on_star_resource_is_flagged_with_full_message()
        {
            var findings = await VerifyRuleAsync("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  AdminPolicy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Sid: Everything
                            Effect: Allow
                            Action: [|"*"|]
                            Resource: "*"
                """, "admin.yaml", Id);
            Assert.Equal(
                "'AdminPolicy' allows every action (Action '*') in statement 'Everything' of PolicyDocument on every resource (Resource '*'): list only the actions the workload needs",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Yaml_star_in_an_action_list_of_a_role_inline_policy_with_a_single_statement_is_flagged()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  AppRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { Service: lambda.amazonaws.com }
                            Action: sts:AssumeRole
                      Policies:
                        - PolicyName: app
                          PolicyDocument:
                            Statement:
                              Effect: Allow
                              Action:
                                - s3:GetObject
                                - [|'*'|]
                              Resource: arn:aws:s3:::my-bucket/*
                """, "role.yaml", Id);
            Assert.Equal(
                "'AppRole' allows every action (Action '*') in the statement of Policies[0] 'app': list only the actions the workload needs",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Json_star_action_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Policy": {
                      "Type": "AWS::IAM::Policy",
                      "Properties": {
                        "PolicyName": "p",
                        "Roles": ["r"],
                        "PolicyDocument": {
                          "Statement": [
                            { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
                            { "Effect": "Allow", "Action": [|"*:*"|], "Resource": "arn:aws:s3:::b" }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "policy.json", Id);
        }

        [Fact]
        public async Task Star_action_in_a_trust_policy_is_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { Service: ec2.amazonaws.com }
                            Action: [|"*"|]
                """, "trust.yaml", Id);
        }

        [Fact]
        public async Task Deny_statements_missing_effects_and_unknown_actions_are_not_flagged()
        {
            await VerifyRuleAsync("""
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Actions:
                    Type: CommaDelimitedList
                Resources:
                  Guard:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Deny
                            Action: "*"
                            Resource: "*"
                          - Action: "*"
                            Resource: "*"
                          - Effect: Allow
                            Action: !Ref Actions
                            Resource: "*"
                          - Effect: Allow
                            Action: [ s3:GetObject, ec2:Describe* ]
                            Resource: "*"
                """, "clean.yaml", Id);
        }

        [Fact]
        public async Task Star_action_in_a_bucket_policy_and_a_sam_function_policy_is_flagged()
        {
            await VerifyRuleAsync("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  BucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: my-bucket
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: arn:aws:iam::123456789012:root }
                            Action: [|"*"|]
                            Resource: arn:aws:s3:::my-bucket/*
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: nodejs20.x
                      Policies:
                        - AWSLambdaBasicExecutionRole
                        - S3ReadPolicy: { BucketName: my-bucket }
                        - Statement:
                            - Effect: Allow
                              Action: [|"*"|]
                              Resource: "*"
                """, "sam.yaml", Id);
        }
    }
}
