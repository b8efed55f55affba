using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.Redshift
{
    /// <summary>
    /// IAC2010 in templates and C#: RA3 multi-node Redshift clusters without MultiAZ. Amazon.CDK.Lib 2.160.0 has no Redshift
    /// L2 in <c>aws-cdk-lib</c>, so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2010_RedshiftClusterSingleAzTests
    {
        [Fact]
        public async Task Yaml_ra3_multi_node_without_MultiAZ_is_flagged_and_others_are_not_checked()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("redshift.yaml", """
                            Resources:
                              [|Warehouse|]:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: multi-node
                                  NodeType: ra3.xlplus
                                  NumberOfNodes: 2
                                  DBName: dev
                                  MasterUsername: admin
                              Off:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: multi-node
                                  NodeType: ra3.4xlarge
                                  NumberOfNodes: 2
                                  DBName: dev
                                  MasterUsername: admin
                                  MultiAZ: [|false|]
                              MultiAz:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: multi-node
                                  NodeType: ra3.4xlarge
                                  NumberOfNodes: 2
                                  DBName: dev
                                  MasterUsername: admin
                                  MultiAZ: true
                              SingleNode:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: single-node
                                  NodeType: ra3.xlplus
                                  DBName: dev
                                  MasterUsername: admin
                              Dc2:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: multi-node
                                  NodeType: dc2.large
                                  NumberOfNodes: 2
                                  DBName: dev
                                  MasterUsername: admin
                              UnknownNodeType:
                                Type: AWS::Redshift::Cluster
                                Properties:
                                  ClusterType: multi-node
                                  NodeType: !Ref NodeType
                                  NumberOfNodes: 2
                                  DBName: dev
                                  MasterUsername: admin
                            """),
                    },
                },
                RuleUnderTest = "IAC2010",
            };
            await test.RunAsync();
            Assert.Contains(
                "Redshift cluster 'Warehouse' runs in a single Availability Zone (MultiAZ is not set and defaults to false): set MultiAZ to true so the " +
                "cluster keeps running from a second zone when one fails (it provisions the same compute in the second zone) [Reliability · REL10-BP01]",
                test.ReportedDiagnostics.Select(d => d.GetMessage()));
        }

        [Fact]
        public async Task Json_fix_sets_MultiAZ_unless_encryption_is_off()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("redshift.json", """
                            { "Resources": {
                                "Warehouse": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "MultiAZ": {|IAC2010:false|} } },
                                "Plain": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "Encrypted": false, "MultiAZ": {|IAC2010:false|} } } } }
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("redshift.json", """
                            { "Resources": {
                                "Warehouse": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "MultiAZ": true } },
                                "Plain": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "Encrypted": false, "MultiAZ": {|IAC2010:false|} } } } }
                            """),
                    },
                    MarkupHandling = MarkupMode.Allow,
                },
                RuleUnderTest = "IAC2010",
            }.RunAsync();
        }

        [Fact]
        public async Task L1_ra3_cluster_without_MultiAz_is_flagged_and_fixed()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Redshift;

                public class WarehouseStack : Stack
                {
                    public WarehouseStack(Construct scope, string nodeType) : base(scope, "Warehouse")
                    {
                        [|new CfnCluster(this, "Warehouse", new CfnClusterProps { ClusterType = "multi-node", NodeType = "ra3.xlplus", NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin" })|];
                        new CfnCluster(this, "MultiAz", new CfnClusterProps { ClusterType = "multi-node", NodeType = "ra3.xlplus", NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin", MultiAz = true });
                        new CfnCluster(this, "Single", new CfnClusterProps { ClusterType = "single-node", NodeType = "ra3.xlplus", DbName = "dev", MasterUsername = "admin" });
                        new CfnCluster(this, "Unknown", new CfnClusterProps { ClusterType = "multi-node", NodeType = nodeType, NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin" });
                    }
                }
                """, "IAC2010");
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.Redshift;

                public class WarehouseStack : Stack
                {
                    public WarehouseStack(Construct scope) : base(scope, "Warehouse")
                    {
                        new CfnCluster(this, "Warehouse", new CfnClusterProps { ClusterType = "multi-node", NodeType = "ra3.xlplus", NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin", MultiAz = [|false|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.Redshift;

                public class WarehouseStack : Stack
                {
                    public WarehouseStack(Construct scope) : base(scope, "Warehouse")
                    {
                        new CfnCluster(this, "Warehouse", new CfnClusterProps { ClusterType = "multi-node", NodeType = "ra3.xlplus", NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin", MultiAz = true });
                    }
                }
                """, id: "IAC2010");
        }
    }
}
