using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Efs;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Efs
{
    /// <summary>IAC2006 in templates and C#: EFS One Zone file systems (AvailabilityZoneName; L2 OneZone).</summary>
    public class IAC2006_EfsOneZoneTests
    {
        private static readonly IAC2006_EfsOneZone Rule = new IAC2006_EfsOneZone();

        [Fact]
        public async Task Yaml_zone_name_is_flagged_and_regional_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  OneZone:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                      AvailabilityZoneName: {|#0:us-east-1a|}
                  FromParameter:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                      AvailabilityZoneName: [|!Ref Zone|]
                  DevOnly:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                      AvailabilityZoneName: !If [IsProd, !Ref AWS::NoValue, [|us-east-1b|]]
                  Regional:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                  Empty:
                    Type: AWS::EFS::FileSystem
                    Properties:
                      Encrypted: true
                      AvailabilityZoneName: ""
                """, "efs.yaml", Reported(Rule,
                "EFS file system 'OneZone' stores its data in a single Availability Zone (AvailabilityZoneName is us-east-1a): remove AvailabilityZoneName " +
                "(in CDK, OneZone) for a Regional file system that stores data across zones; this replaces the file system (copy its data, e.g. with AWS " +
                "DataSync or EFS replication) [Reliability · REL10-BP01]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(when condition 'IsProd' is false; AvailabilityZoneName is us-east-1b)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_zone_name_is_flagged() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "OneZone": { "Type": "AWS::EFS::FileSystem", "Properties": { "Encrypted": true, "AvailabilityZoneName": [|"eu-west-1a"|] } },
                    "Regional": { "Type": "AWS::EFS::FileSystem", "Properties": { "Encrypted": true } } } }
                """, "efs.json");

        [Fact]
        public async Task L1_zone_name_is_flagged_and_regional_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EFS;

                public class FilesStack : Stack
                {
                    public FilesStack(Construct scope, string zone) : base(scope, "Files")
                    {
                        new CfnFileSystem(this, "OneZone", new CfnFileSystemProps { Encrypted = true, AvailabilityZoneName = [|"us-east-1a"|] });
                        new CfnFileSystem(this, "Parameter", new CfnFileSystemProps { Encrypted = true, AvailabilityZoneName = [|zone|] });
                        new CfnFileSystem(this, "Regional", new CfnFileSystemProps { Encrypted = true });
                    }
                }
                """, "IAC2006");
        }

        [Fact]
        public async Task L2_one_zone_true_is_flagged_and_false_or_unknown_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.EFS;
                using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;

                public class FilesStack : Stack
                {
                    public FilesStack(Construct scope, IVpc vpc, bool cheap) : base(scope, "Files")
                    {
                        new FileSystem(this, "OneZone", new FileSystemProps { Vpc = vpc, OneZone = [|true|] });
                        new FileSystem(this, "Either", new FileSystemProps { Vpc = vpc, OneZone = cheap ? [|true|] : false });
                        new FileSystem(this, "Regional", new FileSystemProps { Vpc = vpc, OneZone = false });
                        new FileSystem(this, "Default", new FileSystemProps { Vpc = vpc });
                        new FileSystem(this, "Unknown", new FileSystemProps { Vpc = vpc, OneZone = cheap });
                    }
                }
                """, "IAC2006");
        }
    }
}
