using System.Threading.Tasks;
using IacAnalyzers.Rules.Redshift;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Redshift
{
    /// <summary>
    /// IAC2010 in templates and C#: RA3 multi-node Redshift clusters without MultiAZ. Amazon.CDK.Lib 2.160.0 has no Redshift
    /// L2 in <c>aws-cdk-lib</c>, so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2010_RedshiftClusterSingleAzTests
    {
        private static readonly IAC2010_RedshiftClusterSingleAz Rule = new IAC2010_RedshiftClusterSingleAz();

        [Fact]
        public Task Yaml_ra3_multi_node_without_MultiAZ_is_flagged_and_others_are_not_checked() =>
            VerifyRuleAsync(Rule, """
                Resources:
                """ + Resources("AWS::Redshift::Cluster", "DBName: dev\nMasterUsername: admin",
                ("{|#0:Warehouse|}", "ClusterType: multi-node\nNodeType: ra3.xlplus\nNumberOfNodes: 2"),
                ("Off", "ClusterType: multi-node\nNodeType: ra3.4xlarge\nNumberOfNodes: 2\nMultiAZ: [|false|]"),
                ("MultiAz", "ClusterType: multi-node\nNodeType: ra3.4xlarge\nNumberOfNodes: 2\nMultiAZ: true"),
                ("SingleNode", "ClusterType: single-node\nNodeType: ra3.xlplus"),
                ("Dc2", "ClusterType: multi-node\nNodeType: dc2.large\nNumberOfNodes: 2"),
                ("UnknownNodeType", "ClusterType: multi-node\nNodeType: !Ref NodeType\nNumberOfNodes: 2")), "redshift.yaml", Reported(Rule,
                "Redshift cluster 'Warehouse' runs in a single Availability Zone (MultiAZ is not set and defaults to false): set MultiAZ to true so the " +
                "cluster keeps running from a second zone when one fails (it provisions the same compute in the second zone) [Reliability · REL10-BP01]").WithLocation(0));

        [Fact]
        public Task Json_fix_sets_MultiAZ_unless_encryption_is_off()
        {
            var before = """
                { "Resources": {
                    "Warehouse": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "MultiAZ": [|false|] } },
                    "Plain": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "multi-node", "NodeType": "ra3.xlplus", "NumberOfNodes": 2, "DBName": "dev", "MasterUsername": "admin", "Encrypted": false, "MultiAZ": [|false|] } } } }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("\"MultiAZ\": [|false|] } },", "\"MultiAZ\": true } },")), "redshift.json");
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
            var before = """
                using Amazon.CDK.AWS.Redshift;

                public class WarehouseStack : Stack
                {
                    public WarehouseStack(Construct scope) : base(scope, "Warehouse")
                    {
                        new CfnCluster(this, "Warehouse", new CfnClusterProps { ClusterType = "multi-node", NodeType = "ra3.xlplus", NumberOfNodes = 2, DbName = "dev", MasterUsername = "admin", MultiAz = [|false|] });
                    }
                }
                """;
            await CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|false|]", "true")), id: "IAC2010");
        }
    }
}
