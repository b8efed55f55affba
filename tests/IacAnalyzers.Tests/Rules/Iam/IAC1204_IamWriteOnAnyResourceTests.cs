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

        // What Step Functions task constructs write into the state machine's role (aws-cdk-lib 2.160.0, synthesized offline from
        // C#: EcsRunTask RUN_JOB, AthenaStartQueryExecution without and with an output bucket, AthenaStopQueryExecution,
        // EmrCreateCluster, MediaConvertCreateJob RUN_JOB; and the clean ones). The C# twins: Cdk/StepFunctionsTaskPolicyTests.
        [Fact]
        public async Task Yaml_step_functions_task_statements_on_star_are_judged_as_synthesized()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  SmEcsRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmEcsRoleDefaultPolicy
                      Roles: [ !Ref SmEcsRole ]
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Action: ecs:RunTask
                            Effect: Allow
                            Resource: !Sub "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/TasksTaskDef:*"
                          - Action: [ ecs:StopTask, ecs:DescribeTasks ]
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: iam:PassRole
                            Effect: Allow
                            Resource: !GetAtt TaskDefTaskRole.Arn
                          - Action: [ events:PutTargets, events:PutRule, events:DescribeRule ]
                            Effect: Allow
                            Resource: !Sub "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForECSTaskRule"
                  SmAthenaRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmAthenaRoleDefaultPolicy
                      Roles: [ !Ref SmAthenaRole ]
                      PolicyDocument:
                        Statement:
                          - Action: [ athena:getDataCatalog, athena:startQueryExecution, athena:getQueryExecution ]
                            Effect: Allow
                            Resource: !Sub "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/primary"
                          - Action: [ s3:CreateBucket, s3:ListBucket, s3:GetBucketLocation, s3:GetObject ]
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: [ s3:AbortMultipartUpload, s3:ListBucketMultipartUploads, s3:ListMultipartUploadParts, s3:PutObject ]
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: lakeformation:GetDataAccess
                            Effect: Allow
                            Resource: "*"
                  SmAthenaOutputRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmAthenaOutputRoleDefaultPolicy
                      Roles: [ !Ref SmAthenaOutputRole ]
                      PolicyDocument:
                        Statement:
                          - Action: [ s3:CreateBucket, s3:ListBucket, s3:GetBucketLocation, s3:GetObject ]
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: [ s3:AbortMultipartUpload, s3:ListBucketMultipartUploads, s3:ListMultipartUploadParts, s3:PutObject ]
                            Effect: Allow
                            Resource: !Sub "arn:${AWS::Partition}:s3:::results/q/*"
                  SmAthenaOtherRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmAthenaOtherRoleDefaultPolicy
                      Roles: [ !Ref SmAthenaOtherRole ]
                      PolicyDocument:
                        Statement:
                          - Action: athena:stopQueryExecution
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: athena:getQueryExecution
                            Effect: Allow
                            Resource: "*"
                          - Action: athena:getQueryResults
                            Effect: Allow
                            Resource: "*"
                          - Action: s3:GetObject
                            Effect: Allow
                            Resource: "*"
                  SmEmrRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmEmrRoleDefaultPolicy
                      Roles: [ !Ref SmEmrRole ]
                      PolicyDocument:
                        Statement:
                          - Action: [ elasticmapreduce:RunJobFlow, elasticmapreduce:DescribeCluster, elasticmapreduce:TerminateJobFlows, elasticmapreduce:AddTags ]
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: iam:PassRole
                            Effect: Allow
                            Resource: [ !GetAtt EmrServiceRole.Arn, !GetAtt EmrInstanceRole.Arn ]
                          - Action: emr-containers:CreateVirtualCluster
                            Effect: Allow
                            Resource: "*"
                  SmMediaConvertRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmMediaConvertRoleDefaultPolicy
                      Roles: [ !Ref SmMediaConvertRole ]
                      PolicyDocument:
                        Statement:
                          - Action: iam:PassRole
                            Condition: { StringLike: { "iam:PassedToService": mediaconvert.amazonaws.com } }
                            Effect: Allow
                            Resource: arn:aws:iam::123456789012:role/mc
                          - Action: mediaconvert:CreateJob
                            Effect: Allow
                            Resource: [|"*"|]
                          - Action: [ mediaconvert:GetJob, mediaconvert:CancelJob ]
                            Effect: Allow
                            Resource: [|"*"|]
                  SmCleanRoleDefaultPolicy:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: SmCleanRoleDefaultPolicy
                      Roles: [ !Ref SmCleanRole ]
                      PolicyDocument:
                        Statement:
                          - Action: states:InvokeHTTPEndpoint
                            Condition: { StringLike: { "states:HTTPEndpoint": "https://example.com*" } }
                            Effect: Allow
                            Resource: "*"
                          - Action: sagemaker:ListTags
                            Effect: Allow
                            Resource: "*"
                """, "tasks.yaml", Id);
            Assert.Contains(
                "'SmEcsRoleDefaultPolicy' allows ecs:StopTask on every resource (Resource '*') in statement 2 of PolicyDocument: these actions support resource-level permissions, so name the ARNs the workload needs",
                findings.Select(f => f.FormatMessage()));
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("'SmMediaConvertRoleDefaultPolicy' allows mediaconvert:CancelJob on every resource", System.StringComparison.Ordinal));
        }

        // The role SageMakerCreateModel / SageMakerCreateTrainingJob create without a Role prop, and what a VPC and an output
        // location without a bucket add to it (aws-cdk-lib 2.160.0, synthesized offline from C#).
        [Fact]
        public async Task Json_sagemaker_task_roles_are_judged_as_synthesized()
        {
            var findings = await VerifyRuleAsync("""
                {
                  "Resources": {
                    "ModelVpcSagemakerRole": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "AssumeRolePolicyDocument": { "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" } } ], "Version": "2012-10-17" },
                        "Policies": [ { "PolicyName": "CreateModel", "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                          { "Action": [ "cloudwatch:PutMetricData", "logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents", "logs:DescribeLogStreams", "ecr:GetAuthorizationToken" ], "Effect": "Allow", "Resource": [|"*"|] }
                        ] } } ]
                      }
                    },
                    "ModelVpcSagemakerRoleDefaultPolicy": {
                      "Type": "AWS::IAM::Policy",
                      "Properties": {
                        "PolicyName": "ModelVpcSagemakerRoleDefaultPolicy",
                        "Roles": [ { "Ref": "ModelVpcSagemakerRole" } ],
                        "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                          { "Action": [ "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups" ], "Effect": "Allow", "Resource": [|"*"|] }
                        ] }
                      }
                    },
                    "TrainSagemakerRole": {
                      "Type": "AWS::IAM::Role",
                      "Properties": {
                        "AssumeRolePolicyDocument": { "Statement": [ { "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" } } ], "Version": "2012-10-17" },
                        "Policies": [ { "PolicyName": "CreateTrainingJob", "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                          { "Action": [ "cloudwatch:PutMetricData", "logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup", "logs:DescribeLogStreams", "ecr:GetAuthorizationToken", "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups" ], "Effect": "Allow", "Resource": [|"*"|] }
                        ] } } ]
                      }
                    },
                    "TrainSagemakerRoleDefaultPolicy": {
                      "Type": "AWS::IAM::Policy",
                      "Properties": {
                        "PolicyName": "TrainSagemakerRoleDefaultPolicy",
                        "Roles": [ { "Ref": "TrainSagemakerRole" } ],
                        "PolicyDocument": { "Version": "2012-10-17", "Statement": [
                          { "Action": [ "s3:GetObject", "s3:ListBucket" ], "Effect": "Allow", "Resource": "*" },
                          { "Action": "s3:PutObject", "Effect": "Allow", "Resource": [|"*"|] }
                        ] }
                      }
                    }
                  }
                }
                """, "sagemaker.json", Id);
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("'TrainSagemakerRole' allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:PutLogEvents and 5 more", System.StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("'ModelVpcSagemakerRole' allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:CreateLogGroup and 1 more write or permissions-management actions on every resource (Resource '*') in statement 1 of Policies[0] 'CreateModel'", System.StringComparison.Ordinal));
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
