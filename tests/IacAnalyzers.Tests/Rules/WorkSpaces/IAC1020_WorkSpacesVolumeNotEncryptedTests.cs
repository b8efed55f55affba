using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.WorkSpaces;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.WorkSpaces
{
    /// <summary>IAC1020 in templates: WorkSpaces root and user volumes without encryption (each volume one finding).</summary>
    public class IAC1020_WorkSpacesVolumeNotEncryptedTests
    {
        private static readonly IAC1020_WorkSpacesVolumeNotEncrypted Rule = new IAC1020_WorkSpacesVolumeNotEncrypted();

        [Fact]
        public async Task Yaml_each_unencrypted_volume_is_one_finding()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  [|[|Plain|]|]:
                    Type: AWS::WorkSpaces::Workspace
                    Properties:
                      BundleId: wsb-12345678
                      DirectoryId: d-1234567890
                      UserName: alice
                  {|#0:RootOnly|}:
                    Type: AWS::WorkSpaces::Workspace
                    Properties:
                      BundleId: wsb-12345678
                      DirectoryId: d-1234567890
                      UserName: bob
                      RootVolumeEncryptionEnabled: true
                      VolumeEncryptionKey: alias/aws/workspaces
                  Explicit:
                    Type: AWS::WorkSpaces::Workspace
                    Properties:
                      BundleId: wsb-12345678
                      DirectoryId: d-1234567890
                      UserName: carol
                      RootVolumeEncryptionEnabled: [|false|]
                      UserVolumeEncryptionEnabled: !If [IsProd, true, [|false|]]
                      VolumeEncryptionKey: alias/aws/workspaces
                  Encrypted:
                    Type: AWS::WorkSpaces::Workspace
                    Properties:
                      BundleId: wsb-12345678
                      DirectoryId: d-1234567890
                      UserName: dave
                      RootVolumeEncryptionEnabled: true
                      UserVolumeEncryptionEnabled: "true"
                      VolumeEncryptionKey: !GetAtt Key.Arn
                  Unknown:
                    Type: AWS::WorkSpaces::Workspace
                    Properties:
                      BundleId: wsb-12345678
                      DirectoryId: d-1234567890
                      UserName: erin
                      RootVolumeEncryptionEnabled: !Ref Encrypt
                      UserVolumeEncryptionEnabled: !Ref Encrypt
                """, "workspaces.yaml", Reported(Rule,
                "WorkSpace 'RootOnly' user volume is not encrypted at rest (UserVolumeEncryptionEnabled is not set and defaults to false): " +
                "set RootVolumeEncryptionEnabled and UserVolumeEncryptionEnabled to true with a KMS key in VolumeEncryptionKey; " +
                "encryption is chosen when the WorkSpace is created, so it takes effect only on a new WorkSpace [Security · SEC08-BP02]").WithLocation(0));

            var messages = findings.Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.StartsWith("WorkSpace 'Plain' root volume is not encrypted at rest (RootVolumeEncryptionEnabled is not set", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("WorkSpace 'Explicit' user volume is not encrypted at rest (when condition 'IsProd' is false)", StringComparison.Ordinal));
            Assert.All(findings, f => Assert.Null(f.Fix));
        }

        [Fact]
        public Task Json_workspaces_are_checked() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Off": { "Type": "AWS::WorkSpaces::Workspace",
                      "Properties": { "BundleId": "wsb-12345678", "DirectoryId": "d-1234567890", "UserName": "alice",
                        "RootVolumeEncryptionEnabled": [|false|], "UserVolumeEncryptionEnabled": [|"false"|] } },
                    "On": { "Type": "AWS::WorkSpaces::Workspace",
                      "Properties": { "BundleId": "wsb-12345678", "DirectoryId": "d-1234567890", "UserName": "bob",
                        "RootVolumeEncryptionEnabled": true, "UserVolumeEncryptionEnabled": true, "VolumeEncryptionKey": "alias/aws/workspaces" } } } }
                """, "workspaces.json");
    }
}
