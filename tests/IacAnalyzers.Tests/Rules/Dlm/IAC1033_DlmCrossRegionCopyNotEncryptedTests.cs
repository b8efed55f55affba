using System;
using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Dlm;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Dlm
{
    public class IAC1033_DlmCrossRegionCopyNotEncryptedTests
    {
        private static readonly IAC1033_DlmCrossRegionCopyNotEncrypted Rule = new IAC1033_DlmCrossRegionCopyNotEncrypted();

        private const string Policy = "AWS::DLM::LifecyclePolicy";

        /// <summary>A schedule with one copy rule to us-west-2; a row's own lines indented by 10 continue that rule.</summary>
        private const string DailyCopyRule = "PolicyDetails:\n  Schedules:\n    - Name: Daily\n      CrossRegionCopyRules:\n        - Target: us-west-2";

        [Fact]
        public async Task Schedule_copy_rule_with_Encrypted_false_is_flagged_at_the_value_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Backups:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      ExecutionRoleArn: arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole
                      State: ENABLED
                      PolicyDetails:
                        PolicyType: EBS_SNAPSHOT_MANAGEMENT
                        ResourceTypes: [VOLUME]
                        TargetTags:
                          - Key: backup
                            Value: daily
                        Schedules:
                          - Name: Daily
                            CreateRule: { Interval: 24, IntervalUnit: HOURS, Times: ["03:00"] }
                            RetainRule: { Count: 7 }
                            CrossRegionCopyRules:
                              - Target: us-west-2
                                Encrypted: [|false|]
                                RetainRule: { Interval: 7, IntervalUnit: DAYS }
                              - Target: eu-west-1
                                Encrypted: true
                                CmkArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
                """);
            var finding = Assert.Single(findings);
            Assert.Equal(
                "Cross-Region copy rule to 'us-west-2' of schedule 'Daily' of DLM lifecycle policy 'Backups' does not encrypt its copies " +
                "(Encrypted is false): copies of unencrypted snapshots stay unencrypted in the target Region; set Encrypted to true " +
                "(copies of encrypted snapshots are encrypted either way, so this changes nothing for them)",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal(("Encrypted", "true", ScalarKind.Boolean), (fix.Property, fix.Value, fix.ValueKind));
        }

        [Fact]
        public async Task AMI_policy_copy_rule_with_TargetRegion_and_event_based_copy_action_are_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Images:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        PolicyType: IMAGE_MANAGEMENT
                        ResourceTypes: [INSTANCE]
                        Schedules:
                          - CrossRegionCopyRules:
                              - TargetRegion: us-east-2
                                Encrypted: [|'false'|]
                  Shared:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        PolicyType: EVENT_BASED_POLICY
                        EventSource:
                          Type: MANAGED_CWE
                          Parameters: { EventType: shareSnapshot, SnapshotOwner: ["111122223333"] }
                        Actions:
                          - Name: CopyShared
                            CrossRegionCopy:
                              - Target: us-east-1
                                EncryptionConfiguration:
                                  Encrypted: [|false|]
                              - Target: us-west-1
                                EncryptionConfiguration:
                                  Encrypted: true
                """);
            Assert.Equal(2, findings.Count);
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("Cross-Region copy rule to 'us-east-2' of a schedule of DLM lifecycle policy 'Images' does not encrypt its copies", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("Cross-Region copy to 'us-east-1' of action 'CopyShared' of DLM lifecycle policy 'Shared' does not encrypt its copies", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Missing_removed_unknown_and_default_policy_copies_are_not_flagged()
        {
            // Encrypted is required: without it (or with AWS::NoValue) CloudFormation rejects the policy, so there is no
            // unencrypted copy to report. Default policies have no encryption setting: copies keep the source's state.
            await VerifyRuleAsync(Rule, """
                Parameters:
                  EncryptCopies:
                    Type: String
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Removed:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        Schedules:
                          - CrossRegionCopyRules:
                              - Target: us-west-2
                                Encrypted: !If [IsProd, true, !Ref AWS::NoValue]
                  Unknown:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        Schedules:
                          - CrossRegionCopyRules:
                              - Target: us-west-2
                                Encrypted: !Ref EncryptCopies
                        Actions:
                          - Name: Copy
                            CrossRegionCopy:
                              - Target: us-east-1
                                EncryptionConfiguration:
                                  Encrypted: !Ref EncryptCopies
                  Default:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      DefaultPolicy: VOLUME
                      CrossRegionCopyTargets:
                        - TargetRegion: us-west-2
                  NoCopies:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        Schedules:
                          - Name: Daily
                            RetainRule: { Count: 7 }
                """ + Resources(Policy, DailyCopyRule, ("Missing", "  Actions:\n    - Name: Copy\n      CrossRegionCopy:\n        - Target: us-east-1")));
        }

        [Fact]
        public async Task Fn_If_branch_and_parameter_default_false_are_flagged_without_a_fix()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  EncryptCopies:
                    Type: String
                    Default: "false"
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  RulesOneOf:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        Schedules:
                          - Name: Daily
                            CrossRegionCopyRules: !If
                              - IsProd
                              - - Target: us-west-2
                                  Encrypted: true
                              - - Target: us-west-2
                                  Encrypted: [|false|]
                """ + Resources(Policy, DailyCopyRule,
                ("OneOf", "          Encrypted: !If [IsProd, true, [|false|]]"),
                ("FromParameter", "          Encrypted: [|!Ref EncryptCopies|]")));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(when condition 'IsProd' is false)", StringComparison.Ordinal) && f.FormatMessage().Contains("'OneOf'", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(from the Default of parameter 'EncryptCopies')", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("'RulesOneOf'", StringComparison.Ordinal) && f.FormatMessage().Contains("when condition 'IsProd' is false", StringComparison.Ordinal));
            Assert.All(findings, f => Assert.Null(f.Fix));
        }

        [Fact]
        public async Task Json_copy_rule_and_copy_action_are_flagged_and_encrypted_ones_are_clean()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Backups": {
                      "Type": "AWS::DLM::LifecyclePolicy",
                      "Properties": {
                        "PolicyDetails": {
                          "PolicyType": "EBS_SNAPSHOT_MANAGEMENT",
                          "Schedules": [
                            { "Name": "Daily", "CrossRegionCopyRules": [
                              { "Target": "us-west-2", "Encrypted": [|false|] },
                              { "Target": "eu-west-1", "Encrypted": true }
                            ] }
                          ]
                        }
                      }
                    },
                    "Shared": {
                      "Type": "AWS::DLM::LifecyclePolicy",
                      "Properties": {
                        "PolicyDetails": {
                          "PolicyType": "EVENT_BASED_POLICY",
                          "Actions": [
                            { "Name": "Copy", "CrossRegionCopy": [
                              { "Target": "us-east-1", "EncryptionConfiguration": { "Encrypted": [|"false"|] } },
                              { "Target": "us-west-1", "EncryptionConfiguration": { "Encrypted": true } }
                            ] }
                          ]
                        }
                      }
                    }
                  }
                }
                """, "dlm.json");
        }

        [Fact]
        public Task False_is_replaced_by_true_in_a_copy_rule_and_a_copy_action()
        {
            const string before = """
                Resources:
                  Backups:
                    Type: AWS::DLM::LifecyclePolicy
                    Properties:
                      PolicyDetails:
                        Schedules:
                          - Name: Daily
                            CrossRegionCopyRules:
                              - { Target: us-west-2, Encrypted: [|false|] }
                        Actions:
                          - Name: Copy
                            CrossRegionCopy:
                              - Target: us-east-1
                                EncryptionConfiguration:
                                  Encrypted: [|false|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|false|] }", "true }"), ("[|false|]", "true")));
        }
    }
}
