using IacAnalyzers.Model;
using IacAnalyzers.Rules.Efs;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.Efs
{
    public class IAC1004_EfsFileSystemNotEncryptedTests
    {
        private static readonly IAC1004_EfsFileSystemNotEncrypted Rule = new IAC1004_EfsFileSystemNotEncrypted();

        [Fact]
        public void File_system_without_Encrypted_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(Verify(Rule, """
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
        public void Encrypted_false_is_flagged_and_true_is_clean()
        {
            Verify(Rule, """
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
        public void Json_file_systems_are_checked()
        {
            Verify(Rule, """
                { "Resources": {
                    [|"Shared"|]: { "Type": "AWS::EFS::FileSystem" },
                    "On": { "Type": "AWS::EFS::FileSystem", "Properties": { "Encrypted": "true" } } } }
                """, "efs.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = View(IAC1004_EfsFileSystemNotEncrypted.FileSystem, "Shared",
                Map(10, ("Encrypted", If("Prod", Bool(true, 30), Bool(false, 40), 25))));
            Assert.Equal(40, Assert.Single(Run(Rule, view)).Location.Start);
        }
    }
}
