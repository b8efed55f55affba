using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;

namespace IacAnalyzers.Tests.Rules.Dlm
{
    /// <summary>
    /// IAC1033 on the CDK C# surface: L1 <c>CfnLifecyclePolicy</c> only (aws-cdk-lib 2.160.0 has no DLM L2 construct).
    /// </summary>
    public class IAC1033_DlmCrossRegionCopyNotEncryptedCdkTests
    {
        private const string Usings = "using Amazon.CDK.AWS.DLM;";

        [Fact]
        public async Task L1_copy_rule_false_is_flagged_and_true_missing_and_unknown_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack("""
                        new CfnLifecyclePolicy(this, "Backups", new CfnLifecyclePolicyProps
                        {
                            Description = "daily snapshots",
                            State = "ENABLED",
                            ExecutionRoleArn = "arn:aws:iam::123456789012:role/AWSDataLifecycleManagerDefaultRole",
                            PolicyDetails = new CfnLifecyclePolicy.PolicyDetailsProperty
                            {
                                PolicyType = "EBS_SNAPSHOT_MANAGEMENT",
                                ResourceTypes = new[] { "VOLUME" },
                                Schedules = new[]
                                {
                                    new CfnLifecyclePolicy.ScheduleProperty
                                    {
                                        Name = "Daily",
                                        CrossRegionCopyRules = new[]
                                        {
                                            new CfnLifecyclePolicy.CrossRegionCopyRuleProperty { Target = "us-west-2", Encrypted = [|false|] },
                                            new CfnLifecyclePolicy.CrossRegionCopyRuleProperty { Target = "eu-west-1", Encrypted = true },
                                            new CfnLifecyclePolicy.CrossRegionCopyRuleProperty { Target = "eu-central-1", Encrypted = encryptCopies },
                                            new CfnLifecyclePolicy.CrossRegionCopyRuleProperty { Target = "ap-south-1" },
                                        },
                                    },
                                },
                            },
                        });
                """, "bool encryptCopies", usings: Usings), "IAC1033");
            Assert.Equal(
                "Cross-Region copy rule to 'us-west-2' of schedule 'Daily' of DLM lifecycle policy 'Backups' does not encrypt its copies " +
                "(Encrypted is false): copies of unencrypted snapshots stay unencrypted in the target Region; set Encrypted to true " +
                "(copies of encrypted snapshots are encrypted either way, so this changes nothing for them) [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_event_based_copy_action_false_is_flagged_in_one_branch()
        {
            await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack("""
                        new CfnLifecyclePolicy(this, "Shared", new CfnLifecyclePolicyProps
                        {
                            PolicyDetails = new CfnLifecyclePolicy.PolicyDetailsProperty
                            {
                                PolicyType = "EVENT_BASED_POLICY",
                                Actions = new[]
                                {
                                    new CfnLifecyclePolicy.ActionProperty
                                    {
                                        Name = "CopyShared",
                                        CrossRegionCopy = new[]
                                        {
                                            new CfnLifecyclePolicy.CrossRegionCopyActionProperty
                                            {
                                                Target = "us-east-1",
                                                EncryptionConfiguration = new CfnLifecyclePolicy.EncryptionConfigurationProperty { Encrypted = isProd ? true : [|false|] },
                                            },
                                        },
                                    },
                                },
                            },
                        });
                """, "bool isProd", usings: Usings), "IAC1033");
        }

        [Fact]
        public Task L1_false_is_fixed_to_true()
        {
            var before = CdkVerifier.InStack("""
                        new CfnLifecyclePolicy(this, "Backups", new CfnLifecyclePolicyProps
                        {
                            PolicyDetails = new CfnLifecyclePolicy.PolicyDetailsProperty
                            {
                                Schedules = new[]
                                {
                                    new CfnLifecyclePolicy.ScheduleProperty
                                    {
                                        CrossRegionCopyRules = new[] { new CfnLifecyclePolicy.CrossRegionCopyRuleProperty { Target = "us-west-2", Encrypted = [|false|] } },
                                    },
                                },
                            },
                        });
                """, usings: Usings);
            return CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|false|]", "true")), id: "IAC1033");
        }
    }
}
