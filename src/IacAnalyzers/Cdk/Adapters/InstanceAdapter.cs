namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.EC2.Instance_</c> → <c>AWS::EC2::Instance</c>, for its block devices. Amazon.CDK.Lib 2.160.0,
    /// <c>InstanceProps.BlockDevices</c>: "Specifies how block devices are exposed to the instance. ... Default: - Uses
    /// the block device mapping of the AMI" (so no mapping is produced when it is not written: the image decides).
    /// </summary>
    public sealed class InstanceAdapter : ConstructAdapter
    {
        public InstanceAdapter()
            : base("Amazon.CDK.AWS.EC2.Instance_", "AWS::EC2::Instance")
        {
            Map("BlockDevices", "BlockDeviceMappings").Convert(BlockDeviceMappings.Convert);
        }
    }
}
