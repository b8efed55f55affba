using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Ec2;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    public class IAC1002_EbsVolumeNotEncryptedTests
    {
        private static readonly IAC1002_EbsVolumeNotEncrypted Rule = new IAC1002_EbsVolumeNotEncrypted();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Volume_without_Encrypted_is_flagged_at_its_logical_id_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  [|Data|]:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Size: 100
                """);
            var finding = Assert.Single(findings);
            Assert.Equal(
                "EBS volume 'Data' is not encrypted (Encrypted is not set and defaults to false): set Encrypted to true; " +
                "this replaces the volume (move its data through an encrypted snapshot copy)",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal(("Encrypted", "true", ScalarKind.Boolean), (fix.Property, fix.Value, fix.ValueKind));
        }

        [Fact]
        public async Task Volume_with_Encrypted_false_is_flagged_at_the_value()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Data:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: [|false|]
                """);
        }

        [Fact]
        public async Task Encrypted_volume_is_clean()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Data:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: true
                      KmsKeyId: alias/aws/ebs
                  Quoted:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: 'true'
                """);
        }

        [Fact]
        public async Task Volume_from_a_snapshot_is_not_checked()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Restored:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      SnapshotId: snap-0123456789abcdef0
                  FromUnknownSnapshot:
                    Type: AWS::EC2::Volume
                    Properties:
                      SnapshotId: !Ref Snapshot
                      Encrypted: false
                """);
        }

        [Fact]
        public async Task Encrypted_from_a_parameter_without_default_is_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                Resources:
                  Data:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: !Ref Encrypt
                """);
        }

        [Fact]
        public async Task Json_volume_is_flagged_and_encrypted_json_volume_is_clean()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    [|"Data"|]: { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": "eu-west-1a" } },
                    "Off": { "Type": "AWS::EC2::Volume", "Properties": { "Encrypted": [|"false"|] } },
                    "Good": { "Type": "AWS::EC2::Volume", "Properties": { "Encrypted": true } }
                  }
                }
                """, "volumes.json");
        }

        [Fact]
        public async Task Encrypted_false_from_a_parameter_default_and_a_Fn_If_branch_are_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "false"
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Data:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: [|!Ref Encrypt|]
                  Logs:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: !If [IsProd, true, [|false|]]
                  Scratch:
                    Type: AWS::EC2::Volume
                    Properties:
                      Encrypted: !If [IsProd, true, [|!Ref AWS::NoValue|]]
                """);
            Assert.Contains(findings, f => f.FormatMessage().Contains("(from the Default of parameter 'Encrypt')", System.StringComparison.Ordinal));
            Assert.All(findings, f => Assert.Null(f.Fix));
        }

        [Fact]
        public void One_of_flags_the_unencrypted_branch()
        {
            var view = v.Resource(IAC1002_EbsVolumeNotEncrypted.Volume, "Data",
                v.M(("Encrypted", v.If("Encrypt", v.B(true, at: 30), v.B(false, at: 40), at: 25))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(40, finding.Location.Start);
            Assert.Contains("(when condition 'Encrypt' is false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_Encrypted_is_added_and_false_is_replaced() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  [|Data|]:
                    Type: AWS::EC2::Volume
                    Properties: { AvailabilityZone: eu-west-1a, Size: 100 }
                  Logs:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: [|'false'|]
                """, """
                Resources:
                  Data:
                    Type: AWS::EC2::Volume
                    Properties: { AvailabilityZone: eu-west-1a, Size: 100, Encrypted: true }
                  Logs:
                    Type: AWS::EC2::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: true
                """);

        // ---- AWS::WorkspacesInstances::Volume: an EBS volume for a WorkSpaces Instance, judged like AWS::EC2::Volume ----

        [Fact]
        public async Task WorkSpaces_Instances_volume_without_Encrypted_is_flagged_with_its_own_subject()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  [|UserData|]:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      SizeInGB: 100
                      VolumeType: gp3
                """);
            var finding = Assert.Single(findings);
            Assert.Equal(
                "WorkSpaces Instances EBS volume 'UserData' is not encrypted (Encrypted is not set, and EBS creates a new volume unencrypted): " +
                "set Encrypted to true; this replaces the volume (move its data through an encrypted snapshot copy)",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal(("Encrypted", "true", ScalarKind.Boolean), (fix.Property, fix.Value, fix.ValueKind));
        }

        [Fact]
        public async Task WorkSpaces_Instances_volume_flagged_false_and_one_of_clean_encrypted_snapshot_and_unknown()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                  Snapshot:
                    Type: String
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Off:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: [|false|]
                  OneOf:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: !If [IsProd, true, [|false|]]
                  Encrypted:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: true
                      KmsKeyId: alias/workspaces
                  Unknown:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      Encrypted: !Ref Encrypt
                  Restored:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      SnapshotId: !Ref Snapshot
                """);
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("WorkSpaces Instances EBS volume 'OneOf' is not encrypted (when condition 'IsProd' is false)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Json_WorkSpaces_Instances_volume_is_flagged_and_encrypted_one_is_clean()
        {
            await VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    [|"UserData"|]: { "Type": "AWS::WorkspacesInstances::Volume", "Properties": { "AvailabilityZone": "eu-west-1a", "SizeInGB": 50 } },
                    "Off": { "Type": "AWS::WorkspacesInstances::Volume", "Properties": { "AvailabilityZone": "eu-west-1a", "Encrypted": [|false|] } },
                    "Good": { "Type": "AWS::WorkspacesInstances::Volume", "Properties": { "AvailabilityZone": "eu-west-1a", "Encrypted": true } },
                    "Restored": { "Type": "AWS::WorkspacesInstances::Volume", "Properties": { "AvailabilityZone": "eu-west-1a", "SnapshotId": "snap-0123456789abcdef0" } }
                  }
                }
                """, "workspaces-volumes.json");
        }

        [Fact]
        public Task WorkSpaces_Instances_volume_fix_adds_Encrypted() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  [|UserData|]:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      SizeInGB: 100
                """, """
                Resources:
                  UserData:
                    Type: AWS::WorkspacesInstances::Volume
                    Properties:
                      AvailabilityZone: eu-west-1a
                      SizeInGB: 100
                      Encrypted: true
                """);
    }
}
