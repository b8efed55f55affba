namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.AutoScaling.AutoScalingGroup</c> → the launch configuration it creates
    /// (<c>AWS::AutoScaling::LaunchConfiguration</c>), for its block devices. <c>AutoScalingGroupProps.BlockDevices</c>
    /// uses the AutoScaling <c>BlockDevice</c>/<c>BlockDeviceVolume</c> types, whose
    /// <c>EbsDeviceOptions.Encrypted</c> is documented "Default: false" like EC2's. (With the
    /// <c>@aws-cdk/aws-autoscaling:generateLaunchTemplateInsteadOfLaunchConfig</c> flag the same mappings go to a
    /// launch template instead; the encryption verdict is the same.)
    /// </summary>
    public sealed class AutoScalingGroupAdapter : ConstructAdapter
    {
        public AutoScalingGroupAdapter()
            : base("Amazon.CDK.AWS.AutoScaling.AutoScalingGroup", "AWS::AutoScaling::LaunchConfiguration")
        {
            Map("BlockDevices", "BlockDeviceMappings").Convert(BlockDeviceMappings.Convert);
        }

        /// <summary>The group's default child is its <c>CfnAutoScalingGroup</c>, not the launch configuration this view is.</summary>
        public override string? DefaultChildType => "AWS::AutoScaling::AutoScalingGroup";
    }
}
