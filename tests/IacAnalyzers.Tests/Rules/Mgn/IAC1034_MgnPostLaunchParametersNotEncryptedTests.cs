using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Mgn;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Mgn
{
    /// <summary>
    /// IAC1034 on templates (YAML and JSON) and its template fix. Amazon.CDK.Lib 2.160.0 has no MGN construct (not even
    /// an L1 <c>CfnLaunchConfigurationTemplate</c>), so there is no C# test.
    /// </summary>
    public class IAC1034_MgnPostLaunchParametersNotEncryptedTests
    {
        private static readonly IAC1034_MgnPostLaunchParametersNotEncrypted Rule = new IAC1034_MgnPostLaunchParametersNotEncrypted();

        [Fact]
        public Task Yaml_string_parameters_without_the_switch_are_flagged_at_the_resource_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  {|#0:Migration|}:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      LaunchDisposition: STARTED
                      PostLaunchActions:
                        Deployment: TEST_AND_CUTOVER
                        SsmDocuments:
                          - ActionName: JoinDomain
                            SsmDocumentName: Corp-JoinDomain
                            Parameters:
                              domainJoinPassword:
                                - { ParameterName: mgn-join-password, ParameterType: STRING }
                """, "mgn.yaml", Reported(Rule,
                "MGN launch configuration template 'Migration' keeps post-launch action parameters as plain String parameters in " +
                "Systems Manager Parameter Store, which are not encrypted (post-launch action 'JoinDomain' passes STRING " +
                "parameters and EnableParametersEncryption is not set): set EnableParametersEncryption to true so MGN encrypts " +
                "them with AWS KMS (ParametersEncryptionKey picks a customer managed key) [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_false_a_removed_switch_and_a_parameter_default_are_flagged_at_the_value()
        {
            var messages = (await VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "false"
                Conditions:
                  Plain: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  Off:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: [|false|]
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: STRING }] } }
                  Removed:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: !If [Plain, [|!Ref AWS::NoValue|], true]
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: String }] } }
                  FromDefault:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: [|!Ref Encrypt|]
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: STRING }] } }
                """, "mgn.yaml")).Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.Contains("'Off' keeps post-launch action parameters", StringComparison.Ordinal)
                && m.Contains("(EnableParametersEncryption is false)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("(when condition 'Plain' is true; AWS::NoValue leaves EnableParametersEncryption unset)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("from the Default of parameter 'Encrypt'", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_a_string_type_in_one_branch_is_flagged_in_that_branch_only() =>
            VerifyRuleAsync(Rule, """
                Conditions:
                  Lab: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  {|#0:Migration|}:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      PostLaunchActions:
                        SsmDocuments:
                          - ActionName: JoinDomain
                            SsmDocumentName: Corp-JoinDomain
                            Parameters:
                              password:
                                - ParameterName: mgn-join-password
                                  ParameterType: !If [Lab, STRING, SECURE_STRING]
                """, "mgn.yaml", Reported(Rule,
                "MGN launch configuration template 'Migration' keeps post-launch action parameters as plain String parameters in " +
                "Systems Manager Parameter Store, which are not encrypted (when condition 'Lab' is true; post-launch action " +
                "'JoinDomain' passes STRING parameters and EnableParametersEncryption is not set): set EnableParametersEncryption " +
                "to true so MGN encrypts them with AWS KMS (ParametersEncryptionKey picks a customer managed key) " +
                "[Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public Task Yaml_encrypted_secure_strings_only_no_parameters_and_unknowns_are_clean() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                  Kind:
                    Type: String
                  Actions:
                    Type: String
                Resources:
                  Encrypted:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: true
                      ParametersEncryptionKey: arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: STRING }] } }
                  SecureOnly:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Join, SsmDocumentName: Join, Parameters: { password: [{ ParameterName: join-password, ParameterType: SECURE_STRING }] } }
                  NoParameters:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: false
                      PostLaunchActions:
                        Deployment: TEST_AND_CUTOVER
                        SsmDocuments:
                          - { ActionName: Inventory, SsmDocumentName: AWS-GatherSoftwareInventory }
                  ExternalOnly:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tag, SsmDocumentName: Tag, ExternalParameters: { instance: { DynamicPath: "$.instanceId" } } }
                  NoActions:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      LaunchDisposition: STOPPED
                      CopyTags: true
                  UnknownSwitch:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: !Ref Encrypt
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: STRING }] } }
                  UnknownType:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: !Ref Kind }] } }
                  UnknownActions:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      PostLaunchActions: !Ref Actions
                """, "mgn.yaml");

        [Fact]
        public Task Json_string_parameters_are_flagged_and_the_encrypted_template_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    [|"Plain"|]: {
                      "Type": "AWS::MGN::LaunchConfigurationTemplate",
                      "Properties": {
                        "PostLaunchActions": {
                          "SsmDocuments": [
                            { "ActionName": "Tune", "SsmDocumentName": "Tune", "Parameters": { "level": [ { "ParameterName": "tune-level", "ParameterType": "STRING" } ] } }
                          ]
                        }
                      }
                    },
                    "Off": {
                      "Type": "AWS::MGN::LaunchConfigurationTemplate",
                      "Properties": {
                        "EnableParametersEncryption": [|false|],
                        "PostLaunchActions": {
                          "SsmDocuments": [
                            { "ActionName": "Tune", "SsmDocumentName": "Tune", "Parameters": { "level": [ { "ParameterName": "tune-level", "ParameterType": "STRING" } ] } }
                          ]
                        }
                      }
                    },
                    "Encrypted": {
                      "Type": "AWS::MGN::LaunchConfigurationTemplate",
                      "Properties": {
                        "EnableParametersEncryption": true,
                        "PostLaunchActions": {
                          "SsmDocuments": [
                            { "ActionName": "Tune", "SsmDocumentName": "Tune", "Parameters": { "level": [ { "ParameterName": "tune-level", "ParameterType": "STRING" } ] } }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "mgn.json");

        [Fact]
        public Task Yaml_fix_sets_false_to_true()
        {
            var before = """
                Resources:
                  Migration:
                    Type: AWS::MGN::LaunchConfigurationTemplate
                    Properties:
                      EnableParametersEncryption: [|false|]
                      PostLaunchActions:
                        SsmDocuments:
                          - { ActionName: Tune, SsmDocumentName: Tune, Parameters: { level: [{ ParameterName: tune-level, ParameterType: STRING }] } }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|false|]", "true")), "mgn.yaml");
        }

        [Fact]
        public Task Json_fix_adds_the_missing_switch() =>
            VerifyFixAsync(Rule.Info.Id, """
                {
                  "Resources": {
                    [|"Migration"|]: {
                      "Type": "AWS::MGN::LaunchConfigurationTemplate",
                      "Properties": {
                        "PostLaunchActions": {
                          "SsmDocuments": [
                            { "ActionName": "Tune", "SsmDocumentName": "Tune", "Parameters": { "level": [ { "ParameterName": "tune-level", "ParameterType": "STRING" } ] } }
                          ]
                        }
                      }
                    }
                  }
                }
                """, """
                {
                  "Resources": {
                    "Migration": {
                      "Type": "AWS::MGN::LaunchConfigurationTemplate",
                      "Properties": {
                        "PostLaunchActions": {
                          "SsmDocuments": [
                            { "ActionName": "Tune", "SsmDocumentName": "Tune", "Parameters": { "level": [ { "ParameterName": "tune-level", "ParameterType": "STRING" } ] } }
                          ]
                        },
                        "EnableParametersEncryption": true
                      }
                    }
                  }
                }
                """, "mgn.json");
    }
}
