using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Dax
{
    /// <summary>IAC1011 on the CDK C# surface: L1 <c>CfnCluster</c> only (aws-cdk-lib 2.160.0 has no DAX L2 construct).</summary>
    public class IAC1011_DaxClusterNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_cluster_without_encryption_is_flagged_and_encrypted_or_unknown_clusters_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.DAX;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool sse) : base(scope, "App")
                    {
                        [|new CfnCluster(this, "Bare", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn" })|];
                        new CfnCluster(this, "Off", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn", SseSpecification = new CfnCluster.SSESpecificationProperty { SseEnabled = [|false|] } });
                        new CfnCluster(this, "On", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn", SseSpecification = new CfnCluster.SSESpecificationProperty { SseEnabled = true } });
                        new CfnCluster(this, "Unknown", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn", SseSpecification = new CfnCluster.SSESpecificationProperty { SseEnabled = sse } });
                    }
                }
                """, "IAC1011");
        }

        [Fact]
        public async Task L1_false_is_fixed_to_true()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.DAX;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnCluster(this, "Off", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn", SseSpecification = new CfnCluster.SSESpecificationProperty { SseEnabled = [|false|] } });
                    }
                }
                """, """
                using Amazon.CDK.AWS.DAX;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnCluster(this, "Off", new CfnClusterProps { NodeType = "dax.r5.large", ReplicationFactor = 3, IamRoleArn = "arn", SseSpecification = new CfnCluster.SSESpecificationProperty { SseEnabled = true } });
                    }
                }
                """, id: "IAC1011");
        }
    }
}
