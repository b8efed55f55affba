using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.EC2.LaunchTemplate</c> → <c>AWS::EC2::LaunchTemplate</c>, for its block devices, which
    /// CloudFormation keeps under <c>LaunchTemplateData</c>. Amazon.CDK.Lib 2.160.0,
    /// <c>LaunchTemplateProps.BlockDevices</c>: "Default: - Uses the block device mapping of the AMI".
    /// </summary>
    public sealed class LaunchTemplateAdapter : ConstructAdapter
    {
        public LaunchTemplateAdapter()
            : base("Amazon.CDK.AWS.EC2.LaunchTemplate", "AWS::EC2::LaunchTemplate")
        {
            Map("BlockDevices", "BlockDeviceMappings").Convert(BlockDeviceMappings.Convert);
        }

        protected override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            for (var i = 0; i < properties.Count; i++)
            {
                if (properties[i].Key == "BlockDeviceMappings")
                {
                    var mappings = properties[i];
                    properties[i] = new MapEntry("LaunchTemplateData", mappings.KeyLocation, new MapValue(new[] { mappings }, mappings.Value.Location));
                }
            }
        }
    }
}
