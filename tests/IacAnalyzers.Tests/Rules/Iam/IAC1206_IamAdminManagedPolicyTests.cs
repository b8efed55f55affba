using System.Threading.Tasks;
using System.Linq;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Iam;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    public class IAC1206_IamAdminManagedPolicyTests
    {
        private const string Id = "IAC1206";

        [Fact]
        public async Task Yaml_role_with_administrator_access_is_flagged_with_full_message()
        {
            var findings = await VerifyRuleAsync("""
                Resources:
                  DeployRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [ { Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole } ]
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/ReadOnlyAccess
                        - [|arn:aws:iam::aws:policy/AdministratorAccess|]
                """, "role.yaml", Id);
            Assert.Equal(
                "'DeployRole' attaches the AWS managed policy 'AdministratorAccess', which allows every action on every resource: attach a policy with only the permissions the workload needs",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Json_user_and_group_with_power_user_and_iam_full_access_are_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "Ops": { "Type": "AWS::IAM::Group", "Properties": { "ManagedPolicyArns": [ [|"arn:aws:iam::aws:policy/PowerUserAccess"|] ] } },
                    "Admin": { "Type": "AWS::IAM::User", "Properties": { "ManagedPolicyArns": [ [|"arn:aws-cn:iam::aws:policy/IAMFullAccess"|], "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" ] } }
                  }
                }
                """, "users.json", Id);
        }

        [Fact]
        public async Task Sam_function_policies_by_name_are_flagged()
        {
            await VerifyRuleAsync("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      Policies:
                        - AWSLambdaBasicExecutionRole
                        - [|AdministratorAccess|]
                  Fn2:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      Policies: [|AdministratorAccess|]
                """, "sam.yaml", Id);
        }

        [Fact]
        public async Task Other_policies_customer_policies_and_unknown_arns_are_not_flagged()
        {
            await VerifyRuleAsync("""
                Parameters:
                  PolicyArn: { Type: String }
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [ { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole } ]
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                        - arn:aws:iam::123456789012:policy/AdministratorAccess
                        - !Ref PolicyArn
                """, "clean.yaml", Id);
        }

        [Fact]
        public void A_resolved_partition_sub_is_flagged_and_the_message_names_its_provenance()
        {
            // What the template front-end yields for !Sub "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess".
            var v = new ViewBuilder();
            var arn = v.S("arn:aws:iam::aws:policy/AdministratorAccess", "Fn::Sub of known parts");
            var view = v.Resource("AWS::IAM::Role", "Role", v.M(("ManagedPolicyArns", v.L(arn))));
            var findings = new System.Collections.Generic.List<Finding>();
            new IAC1206_IamAdminManagedPolicy().Analyze(view, findings);
            var finding = Assert.Single(findings);
            Assert.Same(arn.Location, finding.Location);
            Assert.Contains("(from Fn::Sub of known parts)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }
    }
}
