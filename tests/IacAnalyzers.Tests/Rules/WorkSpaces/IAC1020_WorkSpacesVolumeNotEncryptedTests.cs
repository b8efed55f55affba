using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.WorkSpaces
{
    /// <summary>IAC1020 in templates: WorkSpaces root and user volumes without encryption (each volume one finding).</summary>
    public class IAC1020_WorkSpacesVolumeNotEncryptedTests
    {
        [Fact]
        public async Task Yaml_each_unencrypted_volume_is_one_finding()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("workspaces.yaml", """
                            Conditions:
                              IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                            Resources:
                              [|[|Plain|]|]:
                                Type: AWS::WorkSpaces::Workspace
                                Properties:
                                  BundleId: wsb-12345678
                                  DirectoryId: d-1234567890
                                  UserName: alice
                              [|RootOnly|]:
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
                            """),
                    },
                },
                RuleUnderTest = "IAC1020",
            };
            await test.RunAsync();

            var messages = test.ReportedDiagnostics.Select(d => d.GetMessage()).ToArray();
            Assert.Contains(
                "WorkSpace 'RootOnly' user volume is not encrypted at rest (UserVolumeEncryptionEnabled is not set and defaults to false): " +
                "set RootVolumeEncryptionEnabled and UserVolumeEncryptionEnabled to true with a KMS key in VolumeEncryptionKey; " +
                "encryption is chosen when the WorkSpace is created, so it takes effect only on a new WorkSpace [Security · SEC08-BP02]",
                messages);
            Assert.Contains(messages, m => m.StartsWith("WorkSpace 'Plain' root volume is not encrypted at rest (RootVolumeEncryptionEnabled is not set", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("WorkSpace 'Explicit' user volume is not encrypted at rest (when condition 'IsProd' is false)", System.StringComparison.Ordinal));
            Assert.True(test.ReportedDiagnostics.All(d => !d.Properties.ContainsKey("iac.fix.property")), "IAC1020 offers no fix");
        }

        [Fact]
        public async Task Json_workspaces_are_checked()
        {
            await new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("workspaces.json", """
                            { "Resources": {
                                "Off": { "Type": "AWS::WorkSpaces::Workspace",
                                  "Properties": { "BundleId": "wsb-12345678", "DirectoryId": "d-1234567890", "UserName": "alice",
                                    "RootVolumeEncryptionEnabled": [|false|], "UserVolumeEncryptionEnabled": [|"false"|] } },
                                "On": { "Type": "AWS::WorkSpaces::Workspace",
                                  "Properties": { "BundleId": "wsb-12345678", "DirectoryId": "d-1234567890", "UserName": "bob",
                                    "RootVolumeEncryptionEnabled": true, "UserVolumeEncryptionEnabled": true, "VolumeEncryptionKey": "alias/aws/workspaces" } } } }
                            """),
                    },
                },
                RuleUnderTest = "IAC1020",
            }.RunAsync();
        }
    }
}
