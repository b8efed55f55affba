using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Fsx;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Fsx
{
    /// <summary>
    /// IAC2009 in templates and C#. Amazon.CDK.Lib 2.160.0's only FSx L2 is <c>LustreFileSystem</c> (Lustre is single-AZ
    /// by design and not checked), so for Windows, ONTAP and OpenZFS the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2009_FsxSingleAzTests
    {
        private static readonly IAC2009_FsxSingleAz Rule = new IAC2009_FsxSingleAz();

        [Fact]
        public async Task Yaml_single_az_deployment_types_are_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  {|#0:WindowsDefault|}:
                    Type: AWS::FSx::FileSystem
                    Properties:
                      FileSystemType: WINDOWS
                      StorageCapacity: 32
                      SubnetIds: [subnet-1]
                      WindowsConfiguration:
                        ThroughputCapacity: 8
                  WindowsMulti:
                    Type: AWS::FSx::FileSystem
                    Properties:
                      FileSystemType: WINDOWS
                      StorageCapacity: 32
                      SubnetIds: [subnet-1, subnet-2]
                      WindowsConfiguration:
                        ThroughputCapacity: 8
                        DeploymentType: MULTI_AZ_1
                        PreferredSubnetId: subnet-1
                  OpenZfsHa:
                    Type: AWS::FSx::FileSystem
                    Properties:
                      FileSystemType: OPENZFS
                      StorageCapacity: 64
                      SubnetIds: [subnet-1]
                      OpenZFSConfiguration:
                        DeploymentType: [|SINGLE_AZ_HA_2|]
                        ThroughputCapacity: 160
                  Lustre:
                    Type: AWS::FSx::FileSystem
                    Properties:
                      FileSystemType: LUSTRE
                      StorageCapacity: 1200
                      SubnetIds: [subnet-1]
                      LustreConfiguration:
                        DeploymentType: PERSISTENT_2
                  UnknownType:
                    Type: AWS::FSx::FileSystem
                    Properties:
                      FileSystemType: !Ref Kind
                      StorageCapacity: 64
                      SubnetIds: [subnet-1]
                """ + Resources("AWS::FSx::FileSystem", "FileSystemType: ONTAP\nStorageCapacity: 1024\nSubnetIds: [subnet-1]\nOntapConfiguration:",
                ("Ontap", "  DeploymentType: !If [IsProd, MULTI_AZ_1, [|SINGLE_AZ_1|]]"),
                ("UnknownDeployment", "  DeploymentType: !Ref Deployment")), "fsx.yaml", Reported(Rule,
                "FSx for Windows File Server file system 'WindowsDefault' runs in a single Availability Zone (WindowsConfiguration.DeploymentType is not set " +
                "and defaults to SINGLE_AZ_1): use a Multi-AZ deployment type (MULTI_AZ_1) with a preferred subnet and subnets in two zones; this replaces " +
                "the file system [Reliability · REL10-BP01]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("FSx for NetApp ONTAP file system 'Ontap' runs in a single Availability Zone (when condition 'IsProd' is false; DeploymentType is SINGLE_AZ_1)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_single_az_windows_is_flagged() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Single": { "Type": "AWS::FSx::FileSystem", "Properties": { "FileSystemType": "WINDOWS", "SubnetIds": ["subnet-1"],
                      "WindowsConfiguration": { "ThroughputCapacity": 8, "DeploymentType": [|"SINGLE_AZ_2"|] } } },
                    "Multi": { "Type": "AWS::FSx::FileSystem", "Properties": { "FileSystemType": "WINDOWS", "SubnetIds": ["subnet-1", "subnet-2"],
                      "WindowsConfiguration": { "ThroughputCapacity": 8, "DeploymentType": "MULTI_AZ_1", "PreferredSubnetId": "subnet-1" } } } } }
                """, "fsx.json");

        [Fact]
        public async Task L1_single_az_is_flagged_and_multi_az_or_lustre_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.FSx;

                public class FilesStack : Stack
                {
                    public FilesStack(Construct scope) : base(scope, "Files")
                    {
                        new CfnFileSystem(this, "Ontap", new CfnFileSystemProps
                        {
                            FileSystemType = "ONTAP", SubnetIds = new[] { "subnet-1" },
                            OntapConfiguration = new CfnFileSystem.OntapConfigurationProperty { DeploymentType = [|"SINGLE_AZ_2"|] },
                        });
                        new CfnFileSystem(this, "OntapMulti", new CfnFileSystemProps
                        {
                            FileSystemType = "ONTAP", SubnetIds = new[] { "subnet-1", "subnet-2" },
                            OntapConfiguration = new CfnFileSystem.OntapConfigurationProperty { DeploymentType = "MULTI_AZ_2", PreferredSubnetId = "subnet-1" },
                        });
                        new CfnFileSystem(this, "Lustre", new CfnFileSystemProps
                        {
                            FileSystemType = "LUSTRE", SubnetIds = new[] { "subnet-1" },
                            LustreConfiguration = new CfnFileSystem.LustreConfigurationProperty { DeploymentType = "PERSISTENT_2" },
                        });
                    }
                }
                """, "IAC2009");
        }
    }
}
