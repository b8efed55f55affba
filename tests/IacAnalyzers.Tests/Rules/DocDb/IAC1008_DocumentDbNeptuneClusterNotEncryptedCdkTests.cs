using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.DocDb
{
    /// <summary>IAC1008 on the CDK C# surface: L1 DocDB/Neptune <c>CfnDBCluster</c>, L2 DocumentDB <c>DatabaseCluster</c> (encrypted by default).</summary>
    public class IAC1008_DocumentDbNeptuneClusterNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_clusters_without_StorageEncrypted_are_flagged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new Amazon.CDK.AWS.Neptune.CfnDBCluster(this, "Graph", new Amazon.CDK.AWS.Neptune.CfnDBClusterProps { DbClusterIdentifier = "graph" })|];
                        new Amazon.CDK.AWS.DocDB.CfnDBCluster(this, "Catalog", new Amazon.CDK.AWS.DocDB.CfnDBClusterProps { StorageEncrypted = [|false|] });
                        new Amazon.CDK.AWS.DocDB.CfnDBCluster(this, "Good", new Amazon.CDK.AWS.DocDB.CfnDBClusterProps { StorageEncrypted = true });
                    }
                }
                """, "IAC1008");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Neptune cluster 'Graph' is not encrypted at rest", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_DocumentDB_cluster_is_encrypted_by_default_and_false_is_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.DocDB;
                using DocDbCluster = Amazon.CDK.AWS.DocDB.DatabaseCluster;
                using DocDbClusterProps = Amazon.CDK.AWS.DocDB.DatabaseClusterProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DocDbCluster(this, "Default", new DocDbClusterProps
                        {
                            MasterUser = new Login { Username = "admin" },
                            InstanceType = InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Vpc = vpc,
                            Instances = 2,
                        });
                        new DocDbCluster(this, "Off", new DocDbClusterProps
                        {
                            MasterUser = new Login { Username = "admin" },
                            InstanceType = InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Vpc = vpc,
                            Instances = 2,
                            StorageEncrypted = [|false|],
                        });
                    }
                }
                """, "IAC1008");
        }

        [Fact]
        public async Task L2_DocumentDB_cluster_adapter_gives_its_instances_to_IAC2002()
        {
            // DatabaseClusterProps.Instances: "Number of DocDB compute instances. Default: 1".
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.DocDB;
                using DocDbCluster = Amazon.CDK.AWS.DocDB.DatabaseCluster;
                using DocDbClusterProps = Amazon.CDK.AWS.DocDB.DatabaseClusterProps;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        {|IAC2002:new DocDbCluster(this, "One", new DocDbClusterProps
                        {
                            MasterUser = new Login { Username = "admin" },
                            InstanceType = InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE),
                            Vpc = vpc,
                        })|};
                    }
                }
                """, "IAC1008");
        }
    }
}
