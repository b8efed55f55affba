namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.EC2.BastionHostLinux</c> → the <c>AWS::EC2::Instance</c> it creates, for its block devices.
    /// Amazon.CDK.Lib 2.160.0, <c>BastionHostLinuxProps.BlockDevices</c>: "Specifies how block devices are exposed to the
    /// instance. ... Default: - Uses the block device mapping of the AMI"; aws-ec2/lib/bastion-host.js passes
    /// <c>blockDevices: props.blockDevices</c> to the <c>Instance</c> it creates, which writes them as
    /// <c>BlockDeviceMappings</c> as <see cref="InstanceAdapter"/> reads them. The bastion's <c>Node.DefaultChild</c> is
    /// that L2 <c>Instance</c>, not a <c>CfnInstance</c>, so no escape hatch writes to this view.
    /// </summary>
    public sealed class BastionHostLinuxAdapter : ConstructAdapter
    {
        public BastionHostLinuxAdapter()
            : base("Amazon.CDK.AWS.EC2.BastionHostLinux", "AWS::EC2::Instance")
        {
            Map("BlockDevices", "BlockDeviceMappings").Convert(BlockDeviceMappings.Convert);
        }

        /// <inheritdoc/>
        public override string? DefaultChildType => null;
    }
}
