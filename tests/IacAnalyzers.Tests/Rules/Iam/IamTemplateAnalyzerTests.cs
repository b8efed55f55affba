using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.CloudFormation;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>
    /// The IAM rules through the template analyzer, as the compiler runs it: intrinsics resolved by the template
    /// front-end (Sub of known parts, Fn::If branches, parameter defaults) and peers' suppressions.
    /// </summary>
    public class IamTemplateAnalyzerTests
    {
        [Fact]
        public async Task Sub_with_the_partition_resolves_to_administrator_access()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("role.yaml", ruleUnderTest: null, markup: """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  DeployRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [ { Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole } ]
                      ManagedPolicyArns:
                        - {|IAC1206:!Sub "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"|}
                        - { "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess" }
                """);
            Assert.Contains("'AdministratorAccess'", diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fn_if_flags_the_open_branch_and_names_it()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("if.yaml", ruleUnderTest: null, markup: """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Env: { Type: String, Default: dev }
                Conditions:
                  IsDev: !Equals [ !Ref Env, dev ]
                Resources:
                  Policy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: !If [ IsDev, {|IAC1201:"*"|}, s3:GetObject ]
                            Resource: arn:aws:s3:::b/*
                  BucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: b
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: !If [ IsDev, {|IAC1205:"*"|}, { AWS: arn:aws:iam::123456789012:root } ]
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::b/*
                """);
            Assert.All(diagnostics, d => Assert.Contains("IsDev", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_parameter_default_decides_and_the_message_says_so()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("param.yaml", ruleUnderTest: null, markup: """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Invoker: { Type: String, Default: "*" }
                  Other: { Type: String }
                Resources:
                  Public:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: f
                      Action: lambda:InvokeFunction
                      Principal: {|IAC1205:!Ref Invoker|}
                  Unknown:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: f
                      Action: lambda:InvokeFunction
                      Principal: !Ref Other
                """);
            Assert.Contains("Invoker", diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Peer_suppressions_are_honoured_through_the_equivalents()
        {
            await TemplateVerifier.VerifyTemplateAsync("suppressed.yaml", ruleUnderTest: null, markup: """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Admin:
                    Type: AWS::IAM::Role
                    Metadata:
                      cfn_nag:
                        rules_to_suppress:
                          - id: F3
                            reason: break-glass role
                          - id: W43
                            reason: break-glass role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [ { Effect: Allow, Principal: { AWS: arn:aws:iam::123456789012:root }, Action: sts:AssumeRole } ]
                      ManagedPolicyArns: [ arn:aws:iam::aws:policy/AdministratorAccess ]
                      Policies:
                        - PolicyName: all
                          PolicyDocument:
                            Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ]
                  Unsuppressed:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement: [ { Effect: Allow, Action: {|IAC1201:"*"|}, Resource: "*" } ]
                """);
        }

        [Fact]
        public async Task Json_template_reports_at_exact_spans()
        {
            await TemplateVerifier.VerifyTemplateAsync("stack.template.json", ruleUnderTest: null, markup: """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Queue": { "Type": "AWS::SQS::Queue" },
                    "QueuePolicy": {
                      "Type": "AWS::SQS::QueuePolicy",
                      "Properties": {
                        "Queues": [ { "Ref": "Queue" } ],
                        "PolicyDocument": {
                          "Statement": [
                            { "Effect": "Allow", "Principal": { "AWS": {|IAC1205:"*"|} }, "Action": {|IAC1202:"sqs:*"|}, "Resource": { "Fn::GetAtt": [ "Queue", "Arn" ] } }
                          ]
                        }
                      }
                    }
                  }
                }
                """);
        }
    }
}
