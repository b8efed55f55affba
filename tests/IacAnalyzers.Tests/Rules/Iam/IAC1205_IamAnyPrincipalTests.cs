using System.Threading.Tasks;
using System.Linq;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1205_IamAnyPrincipalTests
    {
        private const string Id = "IAC1205";

        [Fact]
        public async Task Yaml_bucket_policy_open_to_everyone_is_flagged_with_full_message()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  SiteBucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: site
                      PolicyDocument:
                        Statement:
                          - Sid: PublicRead
                            Effect: Allow
                            Principal: [|"*"|]
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::site/*
                """, "bucket.yaml", Id);
            Assert.Equal(
                "'SiteBucketPolicy' allows any principal (Principal '*') in statement 'PublicRead' of PolicyDocument without a Condition: name the accounts, roles or services that need access, or add a Condition",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Yaml_aws_star_in_queue_topic_key_and_trust_policies_is_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  QueuePolicy:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [ q ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: [|"*"|] }
                            Action: sqs:SendMessage
                            Resource: "*"
                  TopicPolicy:
                    Type: AWS::SNS::TopicPolicy
                    Properties:
                      Topics: [ t ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal:
                              AWS:
                                - arn:aws:iam::123456789012:root
                                - [|"*"|]
                            Action: sns:Publish
                            Resource: "*"
                  Key:
                    Type: AWS::KMS::Key
                    Properties:
                      KeyPolicy:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: [|'*'|] }
                            Action: kms:Decrypt
                            Resource: "*"
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: [|"*"|] }
                            Action: sts:AssumeRole
                """, "principals.yaml", Id);
        }

        [Fact]
        public async Task Json_not_principal_with_allow_and_public_lambda_permission_are_flagged()
        {
            var findings = await VerifyRuleAsync("""
                {
                  "Resources": {
                    "BucketPolicy": {
                      "Type": "AWS::S3::BucketPolicy",
                      "Properties": {
                        "Bucket": "b",
                        "PolicyDocument": { "Statement": [
                          { "Effect": "Allow", [|"NotPrincipal"|]: { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }
                        ] }
                      }
                    },
                    "Invoke": {
                      "Type": "AWS::Lambda::Permission",
                      "Properties": { "FunctionName": "f", "Action": "lambda:InvokeFunction", "Principal": [|"*"|] }
                    }
                  }
                }
                """, "public.json", Id);
            Assert.Equal(
                "'Invoke' allows any principal (Principal '*') in the Lambda permission without SourceArn, SourceAccount or PrincipalOrgID: name the accounts, roles or services that need access, or add a Condition",
                findings.Single(f => f.Resource.Name == "Invoke").FormatMessage());
        }

        [Fact]
        public async Task Conditions_named_principals_services_deny_and_scoped_lambda_permissions_are_not_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  BucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: b
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: "*"
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::b/*
                            Condition: { StringEquals: { "aws:PrincipalOrgID": o-abc123 } }
                          - Effect: Deny
                            Principal: "*"
                            Action: s3:*
                            Resource: arn:aws:s3:::b/*
                            Condition: { Bool: { "aws:SecureTransport": "false" } }
                          - Effect: Deny
                            Principal: { AWS: "*" }
                            Action: s3:DeleteBucket
                            Resource: arn:aws:s3:::b
                          - Effect: Allow
                            Principal: { Service: cloudfront.amazonaws.com }
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::b/*
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: { AWS: arn:aws:iam::123456789012:root }
                            Action: sts:AssumeRole
                  FromBucket:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: f
                      Action: lambda:InvokeFunction
                      Principal: "*"
                      SourceArn: arn:aws:s3:::b
                  FromService:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: f
                      Action: lambda:InvokeFunction
                      Principal: s3.amazonaws.com
                """, "clean.yaml", Id);
        }

        [Fact]
        public async Task Identity_policies_are_not_read_for_principals()
        {
            await VerifyRuleAsync("""
                Resources:
                  P:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: "*"
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::b/*
                """, "identity.yaml", Id);
        }
    }
}
