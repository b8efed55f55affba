using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Efs
{
    /// <summary>IAC1004 on the CDK C# surface: L1 <c>CfnFileSystem</c>, L2 <c>FileSystem</c> (encrypted by default in CDK v2).</summary>
    public class IAC1004_EfsFileSystemNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_without_Encrypted_is_flagged_and_L2_default_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EFS;
                using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new CfnFileSystem(this, "Raw", new CfnFileSystemProps { PerformanceMode = "generalPurpose" })|];
                        new CfnFileSystem(this, "RawOn", new CfnFileSystemProps { Encrypted = true });
                        new FileSystem(this, "Shared", new FileSystemProps { Vpc = vpc });
                    }
                }
                """, "IAC1004");
            Assert.StartsWith("EFS file system 'Raw' is not encrypted at rest (Encrypted is not set and defaults to false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_explicit_false_is_flagged_at_the_value_and_fixed()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EFS;
                using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, bool prod) : base(scope, "App")
                    {
                        new FileSystem(this, "Off", new FileSystemProps { Vpc = vpc, Encrypted = [|false|] });
                        new FileSystem(this, "Either", new FileSystemProps { Vpc = vpc, Encrypted = prod ? true : [|false|] });
                        new FileSystem(this, "Unknown", new FileSystemProps { Vpc = vpc, Encrypted = prod });
                    }
                }
                """, "IAC1004");
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.EFS;
                using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new FileSystem(this, "Off", new FileSystemProps { Vpc = vpc, Encrypted = [|false|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.EFS;
                using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new FileSystem(this, "Off", new FileSystemProps { Vpc = vpc, Encrypted = true });
                    }
                }
                """, id: "IAC1004");
        }
    }
}
