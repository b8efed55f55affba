using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>
    /// IAC1003 on Auto Scaling capacity added to container clusters: ECS <c>Cluster.AddCapacity</c> and EKS
    /// <c>Cluster.AddAutoScalingGroupCapacity</c> (and ECS <c>ClusterProps.Capacity</c>) pass their options' <c>BlockDevices</c> to the group they create.
    /// </summary>
    public class IAC1003_ClusterCapacityBlockDevicesCdkTests
    {
        [Fact]
        public async Task L2_ecs_add_capacity_block_devices_are_checked()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Asg = Amazon.CDK.AWS.AutoScaling;
                using Amazon.CDK.AWS.ECS;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, AddCapacityOptions given, bool prod) : base(scope, "App")
                    {
                        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc });
                        cluster.AddCapacity("Plain", new AddCapacityOptions
                        {
                            InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                            BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = [|Asg.BlockDeviceVolume.Ebs(30)|] } },
                        });
                        cluster.AddCapacity("Maybe", new AddCapacityOptions
                        {
                            InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                            BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = Asg.BlockDeviceVolume.Ebs(30, new Asg.EbsDeviceOptions { Encrypted = prod ? true : [|false|] }) } },
                        });
                        cluster.AddCapacity("Encrypted", new AddCapacityOptions
                        {
                            InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                            BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = Asg.BlockDeviceVolume.Ebs(30, new Asg.EbsDeviceOptions { Encrypted = true }) } },
                        });
                        cluster.AddCapacity("AmiDefault", new AddCapacityOptions { InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM) });
                        cluster.AddCapacity("Given", given);
                        new Cluster(this, "WithCapacity", new ClusterProps
                        {
                            Vpc = vpc,
                            Capacity = new AddCapacityOptions
                            {
                                InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                                BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = [|Asg.BlockDeviceVolume.Ebs(30)|] } },
                            },
                        });
                        new Cluster(this, "WithGoodCapacity", new ClusterProps
                        {
                            Vpc = vpc,
                            Capacity = new AddCapacityOptions
                            {
                                InstanceType = InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                                BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = Asg.BlockDeviceVolume.Ebs(30, new Asg.EbsDeviceOptions { Encrypted = true }) } },
                            },
                        });
                    }
                }
                """, "IAC1003");
            Assert.StartsWith("Block device '/dev/xvda' of launch configuration 'Plain'", diagnostics.First().GetMessage(), System.StringComparison.Ordinal);
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("Block device '/dev/xvda' of launch configuration 'WithCapacity/DefaultAutoScalingGroup'", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_eks_auto_scaling_group_capacity_block_devices_are_checked()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Asg = Amazon.CDK.AWS.AutoScaling;
                using Amazon.CDK.AWS.EKS;
                using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, Cluster cluster) : base(scope, "App")
                    {
                        cluster.AddAutoScalingGroupCapacity("Nodes", new AutoScalingGroupCapacityOptions
                        {
                            InstanceType = InstanceType.Of(InstanceClass.M5, InstanceSize.LARGE),
                            BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = Asg.BlockDeviceVolume.Ebs(50, new Asg.EbsDeviceOptions { Encrypted = [|false|] }) } },
                        });
                        cluster.AddAutoScalingGroupCapacity("Good", new AutoScalingGroupCapacityOptions
                        {
                            InstanceType = InstanceType.Of(InstanceClass.M5, InstanceSize.LARGE),
                            BlockDevices = new[] { new Asg.BlockDevice { DeviceName = "/dev/xvda", Volume = Asg.BlockDeviceVolume.Ebs(50, new Asg.EbsDeviceOptions { Encrypted = true }) } },
                        });
                    }
                }
                """, "IAC1003");
        }
    }
}
