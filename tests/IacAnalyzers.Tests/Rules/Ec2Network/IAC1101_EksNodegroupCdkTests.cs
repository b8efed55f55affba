using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>IAC1101/IAC1102 for EKS managed node groups in C#: L2 Nodegroup / AddNodegroupCapacity and L1 CfnNodegroup.</summary>
    public class IAC1101_EksNodegroupCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body)
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "Cluster cluster, ISecurityGroup admins, string keyName", usings: "using Amazon.CDK.AWS.EKS;", name: "Eks"),
                "IAC1101");

        [Fact]
        public async Task L2_node_group_with_a_key_and_no_source_groups_is_flagged_at_the_key()
        {
            var diagnostics = await Verify("""
                        new Nodegroup(this, "Workers", new NodegroupProps
                        {
                            Cluster = cluster,
                            RemoteAccess = new NodegroupRemoteAccess { SshKeyName = [|"ops-key"|] },
                        });
                        cluster.AddNodegroupCapacity("More", new NodegroupOptions
                        {
                            RemoteAccess = new NodegroupRemoteAccess { SshKeyName = [|keyName|] },
                        });
                        cluster.AddNodegroupCapacity("Win", new NodegroupOptions
                        {
                            AmiType = NodegroupAmiType.WINDOWS_CORE_2022_X86_64,
                            RemoteAccess = new NodegroupRemoteAccess { SshKeyName = {|IAC1102:"ops-key"|} },
                        });
                """);

            Assert.StartsWith("EKS node group 'Workers' opens SSH (TCP port 22) to the internet", diagnostics.First().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_node_groups_with_source_groups_or_no_remote_access_are_clean()
        {
            await Verify("""
                        new Nodegroup(this, "Workers", new NodegroupProps
                        {
                            Cluster = cluster,
                            RemoteAccess = new NodegroupRemoteAccess { SshKeyName = "ops-key", SourceSecurityGroups = new[] { admins } },
                        });
                        cluster.AddNodegroupCapacity("Plain", new NodegroupOptions { MinSize = 2 });
                """);
        }

        [Fact]
        public async Task L1_node_group_with_a_key_and_no_source_groups_is_flagged()
        {
            await Verify("""
                        new CfnNodegroup(this, "L1Workers", new CfnNodegroupProps
                        {
                            ClusterName = "prod",
                            NodeRole = "arn:aws:iam::123456789012:role/nodes",
                            Subnets = new[] { "subnet-1" },
                            RemoteAccess = new CfnNodegroup.RemoteAccessProperty { Ec2SshKey = [|"ops-key"|] },
                        });
                """);
        }
    }
}
