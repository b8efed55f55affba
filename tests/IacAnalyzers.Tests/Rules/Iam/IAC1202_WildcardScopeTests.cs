using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Iam;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>
    /// Where IAC1202 draws its line (prefix wildcards on named resources as CDK grants write them, the SSM agent's
    /// channels) and how IAC1202 and IAC1204 share a statement: one finding per risk. Both front-ends.
    /// </summary>
    public class IAC1202_WildcardScopeTests
    {
        [Fact]
        public async Task Json_bucket_GrantReadWrite_as_cdk_synth_writes_it_is_clean()
        {
            // The statement `bucket.GrantReadWrite(role)` synthesizes with aws-cdk-lib 2.160.0 (and a key grant's).
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "FnServiceRoleDefaultPolicy": {
                      "Type": "AWS::IAM::Policy",
                      "Properties": {
                        "PolicyName": "FnServiceRoleDefaultPolicy",
                        "Roles": [ { "Ref": "FnServiceRole" } ],
                        "PolicyDocument": {
                          "Version": "2012-10-17",
                          "Statement": [
                            {
                              "Effect": "Allow",
                              "Action": [ "s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*", "s3:List*", "s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging" ],
                              "Resource": [
                                { "Fn::GetAtt": [ "Data", "Arn" ] },
                                { "Fn::Join": [ "", [ { "Fn::GetAtt": [ "Data", "Arn" ] }, "/*" ] ] }
                              ]
                            },
                            {
                              "Effect": "Allow",
                              "Action": [ "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*" ],
                              "Resource": { "Fn::GetAtt": [ "Key", "Arn" ] }
                            }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "cdk.out/App.template.json", "IAC1202", "IAC1204");
        }

        [Fact]
        public async Task Yaml_prefix_wildcards_on_named_arns_are_clean_and_on_every_resource_they_are_flagged()
        {
            await VerifyRuleAsync("""
                Resources:
                  Writer:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ s3:DeleteObject*, s3:Abort* ]
                            Resource: [ arn:aws:s3:::data, arn:aws:s3:::data/* ]
                          - Effect: Allow
                            Action: kms:GenerateDataKey*
                            Resource: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
                          - Effect: Allow
                            Action: [ {|IAC1202:s3:DeleteObject*|}, {|IAC1202:kms:ReEncrypt*|} ]
                            Resource: "*"
                          - Effect: Allow
                            Action: {|IAC1202:s3:DeleteObject*|}
                            Resource: arn:aws:s3:::*/*
                          - Effect: Allow
                            Action: {|IAC1202:kms:GenerateDataKey*|}
                            Resource: arn:aws:kms:*:123456789012:key/*
                """, "policy.yaml", "IAC1202", "IAC1204");
        }

        [Fact]
        public async Task Yaml_prefix_wildcard_reaching_permissions_management_is_flagged_on_named_resources()
        {
            // s3:PutObject* (what older CDK grants wrote) includes s3:PutObjectAcl: it can make objects public.
            // s3:Delete* includes s3:DeleteBucketPolicy. A named bucket does not bound that.
            await VerifyRuleAsync("""
                Resources:
                  Writer:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: writer
                      Roles: [ app ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ {|IAC1202:s3:PutObject*|}, {|IAC1202:s3:Delete*|}, {|IAC1202:s3:*|} ]
                            Resource: [ arn:aws:s3:::data, arn:aws:s3:::data/* ]
                """, "policy.yaml", "IAC1202", "IAC1204");
        }

        [Fact]
        public async Task Json_session_manager_channels_are_clean_and_other_service_wildcards_stay_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "InstanceRole": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "AssumeRolePolicyDocument": { "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" } ] },
                        "Policies": [ {
                          "PolicyName": "ssm",
                          "PolicyDocument": {
                            "Statement": [
                              { "Effect": "Allow", "Action": [ "ssmmessages:*", "ec2messages:*" ], "Resource": "*" },
                              { "Effect": "Allow", "Action": [ {|IAC1202:"ssm:*"|}, {|IAC1202:"route53domains:*"|} ], "Resource": "*" }
                            ]
                          }
                        } ]
                      }
                    }
                  }
                }
                """, "ssm.json", "IAC1202", "IAC1204");
        }

        [Fact]
        public async Task Yaml_one_statement_gets_one_finding_per_risk()
        {
            // s3:* on "*" is IAC1202's finding; IAC1204 reports only what IAC1202 does not (sqs:SendMessage could be scoped).
            var findings = await VerifyRuleAsync("""
                Resources:
                  OnlyWildcard:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: a
                      Roles: [ app ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ {|IAC1202:s3:*|}, {|IAC1202:dynamodb:*Item|} ]
                            Resource: "*"
                  WildcardAndExplicitWrite:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: b
                      Roles: [ app ]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [ {|IAC1202:s3:*|}, sqs:SendMessage ]
                            Resource: {|IAC1204:"*"|}
                """, "policy.yaml", "IAC1202", "IAC1204");
            Assert.Equal(new object[] { "WildcardAndExplicitWrite", "sqs:SendMessage", "statement 1 of PolicyDocument", string.Empty }, Assert.Single(findings, f => f.Rule.Id == "IAC1204").MessageArgs);
        }

        [Fact]
        public void The_agent_channel_services_have_no_scopable_or_permissions_management_action()
        {
            foreach (var service in WildcardScope.AgentChannels)
            {
                var actions = IamKnowledge.Expand(service + ":*");
                Assert.NotEmpty(actions);
                Assert.DoesNotContain(actions, a => a.SupportsResourceLevelPermissions || a.Level == AccessLevel.PermissionsManagement);
            }
        }

        [Theory]
        [InlineData("arn:aws:s3:::data/*", true)]
        [InlineData("arn:aws:s3:::data", true)]
        [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/index/*", true)]
        [InlineData("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app:*", true)]
        [InlineData("arn:aws:kms:us-east-1:123456789012:key/1234", true)]
        [InlineData("arn:aws:s3:::*", false)]
        [InlineData("arn:aws:s3:::*/*", false)]
        [InlineData("arn:aws:kms:*:123456789012:key/*", false)]
        [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/*", false)]
        [InlineData("arn:aws:*:us-east-1:123456789012:thing/x", false)]
        [InlineData("*", false)]
        public void An_arn_names_a_resource_when_its_name_has_no_wildcard(string arn, bool named)
            => Assert.Equal(named, WildcardScope.IsNamedArn(arn));

        [Fact]
        public async Task L2_prefix_wildcards_on_a_bucket_arn_are_clean_and_on_star_flagged_once()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var bucket = new Bucket(this, "Data");
                        var role = new Role(this, "Fn", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        bucket.GrantReadWrite(role);
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "s3:DeleteObject*", "s3:Abort*" },
                            Resources = new[] { bucket.BucketArn, bucket.ArnForObjects("*") },
                        }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "ssmmessages:*", "ec2messages:*" },
                            Resources = new[] { "*" },
                        }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { [|"s3:DeleteObject*"|] },
                            Resources = new[] { "*" },
                        }));
                    }
                }
                """, "IAC1202");
        }

        [Fact]
        public async Task L1_prefix_wildcard_on_a_named_key_is_clean_and_service_wide_is_flagged_without_IAC1204()
        {
            await CdkVerifier.VerifyRuleAsync("""
                class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnPolicy(this, "Keys", new CfnPolicyProps
                        {
                            PolicyName = "keys",
                            Roles = new[] { "app" },
                            PolicyDocument = new PolicyDocument(new PolicyDocumentProps
                            {
                                Statements = new[]
                                {
                                    new PolicyStatement(new PolicyStatementProps { Actions = new[] { "kms:GenerateDataKey*", "kms:ReEncrypt*" }, Resources = new[] { "arn:aws:kms:us-east-1:123456789012:key/1234" } }),
                                    new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAC1202:"kms:*"|} }, Resources = new[] { "*" } }),
                                },
                            }),
                        });
                    }
                }
                """, "IAC1202");
        }
    }
}
