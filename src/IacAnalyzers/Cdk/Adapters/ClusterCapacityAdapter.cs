using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// Capacity added to a container cluster as an Auto Scaling group: <c>ecsCluster.AddCapacity(id, options)</c> and
    /// <c>eksCluster.AddAutoScalingGroupCapacity(id, options)</c> → the launch configuration of the group they create
    /// (<c>AWS::AutoScaling::LaunchConfiguration</c>), for its block devices, as <see cref="AutoScalingGroupAdapter"/>
    /// reads a group created directly. aws-cdk-lib 2.160.0: aws-ecs/lib/cluster.js <c>addCapacity</c> creates
    /// <c>new AutoScalingGroup(this, id, { vpc, machineImage, updateType, ...options })</c> and aws-eks/lib/cluster.js
    /// <c>addAutoScalingGroupCapacity</c> <c>new AutoScalingGroup(this, id, { ...options, vpc, machineImage, ... })</c>,
    /// so <c>options.BlockDevices</c> (<c>CommonAutoScalingGroupProps.BlockDevices</c>, "Default: - Uses the block device
    /// mapping of the AMI") reaches the group unchanged. <c>new Cluster(scope, id, new ClusterProps { Capacity = options })</c>
    /// (ECS, "The ec2 capacity to add to the cluster") is <c>addCapacity("DefaultAutoScalingGroup", props.capacity)</c>. No <c>BlockDevices</c> → no view (the AMI decides); options the
    /// analyzer cannot read → no view (never a finding).
    /// </summary>
    public sealed class ClusterCapacityAdapter : CdkAdapter
    {
        public ClusterCapacityAdapter()
            : base("AWS::AutoScaling::LaunchConfiguration")
        {
            OnCall("Amazon.CDK.AWS.ECS.Cluster", "AddCapacity");
            OnCall("Amazon.CDK.AWS.EKS.Cluster", "AddAutoScalingGroupCapacity");
            OnCreation("Amazon.CDK.AWS.ECS.Cluster");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var isCall = input.Operation is Microsoft.CodeAnalysis.Operations.IInvocationOperation;
            var capacity = isCall ? input.Argument("options") : (input.Props as MapValue)?.Get("Capacity");
            if (!(capacity is MapValue options) || !(options.GetEntry("BlockDevices") is MapEntry devices))
            {
                return;
            }

            var entries = new List<MapEntry>
            {
                new MapEntry("BlockDeviceMappings", devices.KeyLocation, CdkConvert.Leaves(devices.Value, BlockDeviceMappings.Convert)),
            };
            var name = isCall ? (input.Argument("id") as ScalarValue)?.Text ?? input.Name : input.Name + "/DefaultAutoScalingGroup";
            output.Add(new ResourceView("AWS::AutoScaling::LaunchConfiguration", name, input.Location, new MapValue(entries, options.Location), Surfaces.Cdk, input.Context, propertiesWritten: true));
        }
    }
}
