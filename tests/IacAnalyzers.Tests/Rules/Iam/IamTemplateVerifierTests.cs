using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyTemplates = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>The IAM rules through the shared verifier: additional-file markup, message arguments, severities, configuration.</summary>
    public class IamTemplateVerifierTests
    {
        [Fact]
        public Task Every_iam_rule_reports_in_one_template_with_its_arguments() =>
            new VerifyTemplates.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("infra/iam.template.yaml", """
                            AWSTemplateFormatVersion: "2010-09-09"
                            Resources:
                              AppRole:
                                Type: AWS::IAM::Role
                                Properties:
                                  AssumeRolePolicyDocument:
                                    Statement:
                                      - Effect: Allow
                                        Principal: { AWS: {|#4:"*"|} }
                                        Action: sts:AssumeRole
                                  ManagedPolicyArns:
                                    - {|#5:!Sub "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"|}
                                  Policies:
                                    - PolicyName: app
                                      PolicyDocument:
                                        Statement:
                                          - Sid: All
                                            Effect: Allow
                                            Action: {|#0:"*"|}
                                            Resource: "*"
                                          - Sid: Data
                                            Effect: Allow
                                            Action: [ {|#1:s3:*|}, ec2:Describe*, iam:PassRole ]
                                            Resource: {|#3:"*"|}
                                          - Sid: Power
                                            Effect: Allow
                                            {|#2:NotAction|}: iam:*
                                            Resource: arn:aws:s3:::b
                            """),
                    },
                    ExpectedDiagnostics =
                    {
                        VerifyTemplates.Diagnostic("IAC1201").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                            .WithArguments("AppRole", "statement 'All' of Policies[0] 'app'", " on every resource (Resource '*')", ""),
                        VerifyTemplates.Diagnostic("IAC1202").WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
                            .WithArguments("AppRole", "s3:*", "statement 'Data' of Policies[0] 'app'", "every action of service 's3' (including 27 permissions-management and 57 write actions, e.g. s3:AssociateAccessGrantsIdentityCenter)", ""),
                        VerifyTemplates.Diagnostic("IAC1203").WithLocation(2).WithSeverity(DiagnosticSeverity.Warning)
                            .WithArguments("AppRole", "statement 'Power' of Policies[0] 'app'", ""),
                        VerifyTemplates.Diagnostic("IAC1204").WithLocation(3).WithSeverity(DiagnosticSeverity.Warning)
                            .WithArguments("AppRole", "iam:PassRole", "statement 'Data' of Policies[0] 'app'", ""), // s3:* is IAC1202's alone: one finding per risk
                        VerifyTemplates.Diagnostic("IAC1205").WithLocation(4).WithSeverity(DiagnosticSeverity.Error)
                            .WithArguments("AppRole", "Principal AWS '*'", "statement 1 of AssumeRolePolicyDocument without a Condition", ""),
                        VerifyTemplates.Diagnostic("IAC1206").WithLocation(5).WithSeverity(DiagnosticSeverity.Warning)
                            .WithArguments("AppRole", "AdministratorAccess", "allows every action on every resource", " (from Fn::Sub with ${AWS::Partition} as 'aws' from AWS::Partition, taken as 'aws')"),
                    },
                },
            }.RunAsync();

        [Fact]
        public Task Severity_from_configuration_applies_to_template_findings() =>
            new VerifyTemplates.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("infra/policy.yaml", """
                            AWSTemplateFormatVersion: "2010-09-09"
                            Resources:
                              Writer:
                                Type: AWS::IAM::ManagedPolicy
                                Properties:
                                  PolicyDocument:
                                    Statement:
                                      - Effect: Allow
                                        Action: [ {|#0:s3:Put*|}, dynamodb:PutItem ]
                                        Resource: "*"
                            """),
                    },
                    AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ndotnet_diagnostic.IAC1202.severity = error\ndotnet_diagnostic.IAC1204.severity = none\n") },
                    ExpectedDiagnostics =
                    {
                        VerifyTemplates.Diagnostic("IAC1202").WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                            .WithArguments("Writer", "s3:Put*", "statement 1 of PolicyDocument", "12 permissions-management and 23 write actions, e.g. s3:PutAccessGrantsInstanceResourcePolicy", ""),
                    },
                },
            }.RunAsync();
    }
}
