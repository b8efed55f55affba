using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Cross-resource facts on the CDK surface: the constructs of one method body are each other's resource context,
    /// and <c>construct.Ref</c> / <c>construct.AttrX</c> / L2 attributes are references rules can follow.
    /// </summary>
    public class CdkContextTests
    {
        [Fact]
        public async Task L1_Aurora_cluster_with_one_instance_referring_to_it_by_Ref_is_flagged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var cluster = [|new CfnDBCluster(this, "Cluster", new CfnDBClusterProps { Engine = "aurora-postgresql", StorageEncrypted = true })|];
                        new CfnDBInstance(this, "Writer", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = cluster.Ref, DbInstanceClass = "db.r6g.large" });
                    }
                }
                """,
                "IAC2002");
            Assert.Contains("'Cluster' has a single DB instance ('Writer')", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L1_Aurora_cluster_with_a_writer_and_a_reader_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var cluster = new CfnDBCluster(this, "Cluster", new CfnDBClusterProps { Engine = "aurora-postgresql", StorageEncrypted = true });
                        Amazon.CDK.Tags.Of(cluster).Add("team", "db");
                        new CfnDBInstance(this, "Writer", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = cluster.Ref });
                        new CfnDBInstance(this, "Reader", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = cluster.Ref });
                    }
                }
                """,
                "IAC2002");
        }

        [Fact]
        public async Task L1_cluster_whose_instances_live_in_another_method_is_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync(
                """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var cluster = new CfnDBCluster(this, "Cluster", new CfnDBClusterProps { Engine = "aurora-postgresql", StorageEncrypted = true });
                        AddInstances(cluster);
                    }

                    private void AddInstances(CfnDBCluster cluster)
                    {
                        new CfnDBInstance(this, "Writer", new CfnDBInstanceProps { Engine = "aurora-postgresql", DbClusterIdentifier = cluster.Ref });
                    }
                }
                """,
                "IAC2002");
        }

        [Fact]
        public async Task Constructs_changed_through_an_escape_hatch_or_an_override_are_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var l2 = new DatabaseInstance(this, "Hatch", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc });
                        var cfn = (CfnDBInstance)l2.Node.DefaultChild;
                        cfn.MultiAz = true;

                        var l1 = new CfnDBInstance(this, "Override", new CfnDBInstanceProps { Engine = "postgres" });
                        l1.AddPropertyOverride("MultiAZ", true);

                        var plain = [|new DatabaseInstance(this, "Plain", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc })|];
                        plain.Node.AddDependency(l1);
                    }
                }
                """);
        }
    }
}
