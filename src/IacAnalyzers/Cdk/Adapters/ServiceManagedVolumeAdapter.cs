using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.ECS.ServiceManagedVolume</c> → the <c>VolumeConfigurations</c> entry it becomes on an
    /// <c>AWS::ECS::Service</c> once a service adds it (<c>service.AddVolume(volume)</c>): a view of type
    /// <c>AWS::ECS::Service</c> named after the volume construct, holding only
    /// <c>VolumeConfigurations: [{ ManagedEBSVolume: ... }]</c>. Amazon.CDK.Lib 2.160.0,
    /// <c>ServiceManagedEBSVolumeConfiguration.Encrypted</c>: "Indicates whether the volume should be encrypted. Default: -
    /// Default Amazon EBS encryption." The construct writes <c>Encrypted</c> only when it is given, so a missing value
    /// stays missing (ECS then encrypts). The construct has no CloudFormation child of that type (no default child).
    /// </summary>
    public sealed class ServiceManagedVolumeAdapter : ConstructAdapter
    {
        public ServiceManagedVolumeAdapter()
            : base("Amazon.CDK.AWS.ECS.ServiceManagedVolume", "AWS::ECS::Service")
        {
            Map("ManagedEBSVolume", "VolumeConfigurations").Convert(volume => new ListValue(
                new Value[] { new MapValue(new[] { new MapEntry("ManagedEBSVolume", volume.Location, volume) }, volume.Location) },
                volume.Location));
        }

        /// <inheritdoc/>
        public override string? DefaultChildType => null;

        /// <summary>The volume's <c>Name</c> goes into its configuration entry, as the service writes it.</summary>
        protected override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            if (!(input.Props is MapValue props) || !(props.GetEntry("Name") is MapEntry name))
            {
                return;
            }

            for (var i = 0; i < properties.Count; i++)
            {
                if (properties[i].Value is ListValue list && list.Items.Count == 1 && list.Items[0] is MapValue entry)
                {
                    var entries = new List<MapEntry>(entry.Entries) { new MapEntry("Name", name.KeyLocation, name.Value) };
                    properties[i] = new MapEntry(properties[i].Key, properties[i].KeyLocation,
                        new ListValue(new Value[] { new MapValue(entries, entry.Location, entry.Provenance) }, list.Location, list.Provenance));
                }
            }
        }

        /// <summary>The fix writes <c>Encrypted = true</c> in the <c>ServiceManagedEBSVolumeConfiguration</c>.</summary>
        public override CSharpSetter? SetterFor(string cloudFormationProperty, string cloudFormationValue)
            => cloudFormationProperty == "Encrypted" && cloudFormationValue == "true" ? new CSharpSetter("Encrypted", "true") : null;
    }
}
