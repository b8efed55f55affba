using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Drs;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Drs
{
    /// <summary>IAC1030 on templates (YAML and JSON) and its template fix. Amazon.CDK.Lib 2.160.0 has no DRS construct, so there is no C# test.</summary>
    public class IAC1030_DrsReplicationEbsEncryptionNoneTests
    {
        private static readonly IAC1030_DrsReplicationEbsEncryptionNone Rule = new IAC1030_DrsReplicationEbsEncryptionNone();

        [Fact]
        public Task Yaml_none_is_flagged_at_the_value_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  Replication:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      StagingAreaSubnetId: subnet-0123456789abcdef0
                      ReplicationServersSecurityGroupsIDs: [sg-0123456789abcdef0]
                      BandwidthThrottling: 0
                      StagingAreaTags: { team: dr }
                      PitPolicy: [{ Interval: 10, RetentionDuration: 60, Units: MINUTE, Enabled: true }]
                      EbsEncryption: {|#0:NONE|}
                """, "drs.yaml", Reported(Rule,
                "DRS replication configuration template 'Replication' replicates disks to unencrypted EBS volumes: set EbsEncryption " +
                "to DEFAULT (the account's default EBS key) or CUSTOM with an EbsEncryptionKeyArn; changing it may start a full " +
                "resync of the source servers [Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_a_branch_and_a_parameter_default_are_flagged_and_default_custom_and_unknown_are_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Mode:
                    Type: String
                  Cheap:
                    Type: String
                    Default: NONE
                Conditions:
                  Test: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Branch:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      EbsEncryption: !If [Test, [|NONE|], DEFAULT]
                  FromParameter:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      EbsEncryption: [|!Ref Cheap|]
                  Default:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      EbsEncryption: DEFAULT
                  Custom:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      EbsEncryption: CUSTOM
                      EbsEncryptionKeyArn: arn:aws:kms:eu-west-1:111111111111:key/abcd
                  Unknown:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      EbsEncryption: !Ref Mode
                """, "drs.yaml");
            Assert.Contains(findings, f => f.FormatMessage().Contains("(when condition 'Test' is true)", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("from the Default of parameter 'Cheap'", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_none_is_flagged_and_default_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Replication": { "Type": "AWS::DRS::ReplicationConfigurationTemplate", "Properties": { "EbsEncryption": [|"NONE"|] } },
                    "Clean": { "Type": "AWS::DRS::ReplicationConfigurationTemplate", "Properties": { "EbsEncryption": "DEFAULT" } }
                  }
                }
                """, "drs.json");

        [Fact]
        public Task Yaml_none_is_replaced_by_default()
        {
            var before = """
                Resources:
                  Replication:
                    Type: AWS::DRS::ReplicationConfigurationTemplate
                    Properties:
                      StagingAreaSubnetId: subnet-0123456789abcdef0
                      EbsEncryption: [|NONE|]
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|NONE|]", "DEFAULT")), "drs.yaml");
        }
    }
}
