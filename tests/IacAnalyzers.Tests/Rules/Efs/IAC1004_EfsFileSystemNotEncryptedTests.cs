using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Efs;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Efs
{
    public class IAC1004_EfsFileSystemNotEncryptedTests
    {
        private static readonly IAC1004_EfsFileSystemNotEncrypted Rule = new IAC1004_EfsFileSystemNotEncrypted();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task File_system_without_Encrypted_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
                Resources:
                  [|Shared|]:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      PerformanceMode: generalPurpose
                """));
            Assert.Equal(
                "EFS file system 'Shared' is not encrypted at rest (Encrypted is not set and defaults to false): set Encrypted to true; " +
                "this replaces the file system (copy its data to the new one)",
                finding.FormatMessage());
            Assert.Equal("Encrypted", Assert.IsType<SetPropertyFix>(finding.Fix).Property);
        }

        [Fact]
        public async Task Encrypted_false_is_flagged_and_true_is_clean()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Off:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: [|false|]
                  On:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                      KmsKeyId: !Ref Key
                  Unknown:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: !Ref Encrypt
                """);
        }

        [Fact]
        public async Task Json_file_systems_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": {
                    [|"Shared"|]: { "Type": "AWS::EFS::FileSystem" },
                    "On": { "Type": "AWS::EFS::FileSystem", "Properties": { "Encrypted": "true" } } } }
                """, "efs.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = v.Resource(IAC1004_EfsFileSystemNotEncrypted.FileSystem, "Shared",
                v.M(("Encrypted", v.If("Prod", v.B(true, at: 30), v.B(false, at: 40), at: 25))));
            Assert.Equal(40, Assert.Single(ViewBuilder.Run(Rule, view)).Location.Start);
        }
    }
}
