using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.WorkSpaces
{
    /// <summary>
    /// IAC1020 on the CDK C# surface. Amazon.CDK.Lib 2.160.0 has no L2 construct for WorkSpaces (only
    /// <c>CfnWorkspace</c>), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC1020_WorkSpacesVolumeNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_unencrypted_volumes_are_flagged_and_encrypted_or_unknown_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.WorkSpaces;

                public class DesktopStack : Stack
                {
                    public DesktopStack(Construct scope, bool encrypt) : base(scope, "Desktops")
                    {
                        [|[|new CfnWorkspace(this, "Plain", new CfnWorkspaceProps { BundleId = "wsb-12345678", DirectoryId = "d-1234567890", UserName = "alice" })|]|];
                        new CfnWorkspace(this, "UserOff", new CfnWorkspaceProps
                        {
                            BundleId = "wsb-12345678", DirectoryId = "d-1234567890", UserName = "bob",
                            RootVolumeEncryptionEnabled = true, UserVolumeEncryptionEnabled = [|false|], VolumeEncryptionKey = "alias/aws/workspaces",
                        });
                        new CfnWorkspace(this, "On", new CfnWorkspaceProps
                        {
                            BundleId = "wsb-12345678", DirectoryId = "d-1234567890", UserName = "carol",
                            RootVolumeEncryptionEnabled = true, UserVolumeEncryptionEnabled = true, VolumeEncryptionKey = "alias/aws/workspaces",
                        });
                        new CfnWorkspace(this, "Unknown", new CfnWorkspaceProps
                        {
                            BundleId = "wsb-12345678", DirectoryId = "d-1234567890", UserName = "dave",
                            RootVolumeEncryptionEnabled = encrypt, UserVolumeEncryptionEnabled = encrypt,
                        });
                    }
                }
                """, "IAC1020");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("WorkSpace 'UserOff' user volume is not encrypted at rest", System.StringComparison.Ordinal));
            Assert.Equal(2, diagnostics.Count(d => d.GetMessage().StartsWith("WorkSpace 'Plain' ", System.StringComparison.Ordinal)));
        }
    }
}
