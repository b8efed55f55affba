using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2
{
    /// <summary>
    /// IAC1003: an EBS block device without encryption, wherever a template declares the block devices of EC2 instances
    /// it launches. Reads <c>BlockDeviceMappings[].Ebs.Encrypted</c> (default false) of <c>AWS::EC2::Instance</c>,
    /// <c>AWS::AutoScaling::LaunchConfiguration</c> and <c>AWS::ImageBuilder::ImageRecipe</c>, and the same mappings
    /// nested in <c>AWS::EC2::LaunchTemplate</c> (<c>LaunchTemplateData</c>), <c>AWS::EC2::SpotFleet</c>
    /// (<c>SpotFleetRequestConfigData.LaunchSpecifications[]</c>), <c>AWS::EC2::EC2Fleet</c>
    /// (<c>LaunchTemplateConfigs[].Overrides[]</c>, fleets of type <c>instant</c> only: AWS supports the mappings there
    /// for no other type; a missing <c>Encrypted</c> there only for a device the launch template, found in the same
    /// template or app, does not map, as the override keeps the template's value otherwise) and
    /// <c>AWS::ImageBuilder::ContainerRecipe</c> (<c>InstanceConfiguration</c>), <c>AWS::WorkspacesInstances::WorkspaceInstance</c>
    /// (<c>ManagedInstance</c>) and <c>AWS::BedrockAgentCore::CapacityProvider</c> (the ephemeral volumes of its launch
    /// parameters; also its <c>RootVolume</c>, read as one EBS device, and its persistent <c>Volumes[].EbsConfiguration</c>,
    /// flagged only when <c>Encrypted</c> is written false: AWS encrypts those by default). Mappings without
    /// <c>Ebs</c> (instance store, <c>NoDevice</c>) and EBS devices created from a snapshot (<c>SnapshotId</c>) are not
    /// checked. Resources without any mapping are not checked either: their volumes come from the image, whose
    /// encryption the template does not show.
    /// </summary>
    public sealed class IAC1003_Ec2BlockDeviceNotEncrypted : RequireTrueRule
    {
        public const string Instance = "AWS::EC2::Instance";
        public const string LaunchTemplate = "AWS::EC2::LaunchTemplate";
        public const string LaunchConfiguration = "AWS::AutoScaling::LaunchConfiguration";
        public const string SpotFleet = "AWS::EC2::SpotFleet";
        public const string Ec2Fleet = "AWS::EC2::EC2Fleet";
        public const string ImageRecipe = "AWS::ImageBuilder::ImageRecipe";
        public const string ContainerRecipe = "AWS::ImageBuilder::ContainerRecipe";
        public const string WorkspaceInstance = "AWS::WorkspacesInstances::WorkspaceInstance";
        public const string CapacityProvider = "AWS::BedrockAgentCore::CapacityProvider";

        /// <summary>A path segment meaning "each item of the list here".</summary>
        private const string EachItem = "[]";

        /// <summary>
        /// Per type: how the message names the owner of the devices ({0} the resource name) and the path to its mapping
        /// lists (for an EC2 Fleet, to its launch template configs: each names the launch template its overrides change).
        /// </summary>
        private static readonly Dictionary<string, (string Owner, string[] Path)> Shapes = new Dictionary<string, (string, string[])>(StringComparer.OrdinalIgnoreCase)
        {
            [Instance] = ("EC2 instance '{0}'", new[] { "BlockDeviceMappings" }),
            [LaunchConfiguration] = ("launch configuration '{0}'", new[] { "BlockDeviceMappings" }),
            [LaunchTemplate] = ("launch template '{0}'", new[] { "LaunchTemplateData", "BlockDeviceMappings" }),
            [SpotFleet] = ("a launch specification of Spot Fleet '{0}'", new[] { "SpotFleetRequestConfigData", "LaunchSpecifications", EachItem, "BlockDeviceMappings" }),
            [Ec2Fleet] = ("a launch template override of EC2 Fleet '{0}'", new[] { "LaunchTemplateConfigs", EachItem }),
            [ImageRecipe] = ("Image Builder image recipe '{0}'", new[] { "BlockDeviceMappings" }),
            [ContainerRecipe] = ("the build instance of Image Builder container recipe '{0}'", new[] { "InstanceConfiguration", "BlockDeviceMappings" }),
            [WorkspaceInstance] = ("WorkSpaces Instances workspace instance '{0}'", new[] { "ManagedInstance", "BlockDeviceMappings" }),
            [CapacityProvider] = ("the instances of AgentCore capacity provider '{0}'", new[] { "ComputeConfiguration", "Ec2Configuration", "LaunchTemplateSource", "LaunchParameters", "EphemeralVolumes" }),
        };

        public IAC1003_Ec2BlockDeviceNotEncrypted()
            : base(RuleCatalog.Ec2BlockDeviceNotEncrypted, Instance, LaunchTemplate, LaunchConfiguration, SpotFleet, Ec2Fleet, ImageRecipe, ContainerRecipe, WorkspaceInstance, CapacityProvider)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (!Shapes.TryGetValue(resource.Type, out var shape))
            {
                return;
            }

            var fleet = resource.IsType(Ec2Fleet);
            if (fleet && !MayBeInstant(resource.Properties.Get("Type")))
            {
                return;
            }

            var owner = string.Format(CultureInfo.InvariantCulture, shape.Owner, resource.Name);
            foreach (var (value, branch) in Reach(resource.Properties, null, shape.Path))
            {
                if (!fleet)
                {
                    Check(resource, findings, owner, value, branch, null);
                    continue;
                }

                // An override mapping changes only what it writes of the launch template's mapping of the same device
                // name: a missing Encrypted keeps the template's (IAC1003 checks it on the template), so only a device
                // the template does not map gets the default, false.
                foreach (var (config, configBranch) in Maps(value, branch))
                {
                    var inherited = new LaunchTemplateDevices(resource.Context, config.Get("LaunchTemplateSpecification"));
                    foreach (var (mappings, overrideBranch) in Reach(config, configBranch, "Overrides", EachItem, "BlockDeviceMappings"))
                    {
                        Check(resource, findings, owner, mappings, overrideBranch, inherited);
                    }
                }
            }

            if (resource.IsType(CapacityProvider))
            {
                CheckCapacityProviderVolumes(resource, findings);
            }
        }

        /// <summary>
        /// The AgentCore capacity provider's own EBS settings beside its ephemeral volumes (read as mappings above):
        /// <c>RootVolume</c> (its <c>Encrypted</c> is optional with no default of its own, as an EC2 block device's: a
        /// declared root volume without it is flagged at the <c>RootVolume</c> key) and each persistent volume's
        /// <c>EbsConfiguration</c> (its <c>Encrypted</c> "defaults to true": only a written false is flagged). Volumes
        /// from a snapshot take the snapshot's encryption and are not checked.
        /// </summary>
        private void CheckCapacityProviderVolumes(ResourceView resource, IList<Finding> findings)
        {
            var name = "AgentCore capacity provider '" + resource.Name + "'";
            foreach (var (ec2, ec2Branch) in Reach(resource.Properties, null, "ComputeConfiguration", "Ec2Configuration"))
            {
                foreach (var (config, configBranch) in Maps(ec2, ec2Branch))
                {
                    var rootEntry = config.GetEntry("RootVolume");
                    if (rootEntry != null)
                    {
                        foreach (var (root, rootBranch) in Maps(rootEntry.Value, configBranch))
                        {
                            RequireTrue(resource, findings, "The root volume of " + name, root, rootBranch,
                                "Encrypted", rootEntry.KeyLocation, MissingText(resource, "RootVolume"));
                        }
                    }

                    foreach (var (volume, volumeBranch) in Items(config.Get("Volumes"), configBranch))
                    {
                        foreach (var (item, itemBranch) in Maps(volume, volumeBranch))
                        {
                            foreach (var (ebs, ebsBranch) in Maps(item.Get("EbsConfiguration"), itemBranch))
                            {
                                if (ebs.GetEntry("Encrypted") == null || IsWritten(ebs, "SnapshotId"))
                                {
                                    continue;
                                }

                                var volumeName = ebs.Get("Name").AsString();
                                var subject = "Persistent volume " + (volumeName == null ? string.Empty : "'" + volumeName + "' ") + "of " + name;
                                RequireTrue(resource, findings, subject, ebs, ebsBranch,
                                    "Encrypted", ebs.Location, "EbsConfiguration.Encrypted defaults to true", flagRemoved: false);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The values at <paramref name="path"/> under <paramref name="start"/>, crossing one-of branches and, at
        /// <see cref="EachItem"/>, list items. One level per path segment (the path is the rule's, not the input's).
        /// </summary>
        private static List<(Value Value, BranchPath? Branch)> Reach(Value start, BranchPath? startBranch, params string[] path)
        {
            var current = new List<(Value Value, BranchPath? Branch)> { (start, startBranch) };
            foreach (var segment in path)
            {
                var next = new List<(Value Value, BranchPath? Branch)>();
                foreach (var (value, branch) in current)
                {
                    if (segment == EachItem)
                    {
                        next.AddRange(Items(value, branch));
                        continue;
                    }

                    foreach (var (map, mapBranch) in Maps(value, branch))
                    {
                        if (map.Get(segment) is Value child)
                        {
                            next.Add((child, mapBranch));
                        }
                    }
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// How a finding explains a missing <c>Encrypted</c> under <paramref name="parent"/>: the EC2 API documents false as
        /// the default of its block devices; the WorkSpaces Instances and AgentCore APIs state none, and EBS creates a new
        /// volume unencrypted unless encryption is asked for (or on by default in the account).
        /// </summary>
        private static string MissingText(ResourceView resource, string parent)
            => resource.IsType(WorkspaceInstance) || resource.IsType(CapacityProvider)
                ? parent + ".Encrypted is not set, and EBS creates a new volume unencrypted"
                : parent + ".Encrypted is not set and defaults to false";

        /// <summary>
        /// False when the EC2 Fleet's <c>Type</c> is known not to be <c>instant</c> in every branch (absent: <c>maintain</c>,
        /// the CloudFormation default): AWS supports block device mappings in overrides only for instant fleets.
        /// </summary>
        private static bool MayBeInstant(Value? type)
            => type.AnyLeaf(v => v is UnknownValue || string.Equals(v.AsString(), "instant", StringComparison.OrdinalIgnoreCase));

        /// <param name="inherited">For EC2 Fleet overrides, the devices of the launch template they override; else null.</param>
        private void Check(ResourceView resource, IList<Finding> findings, string owner, Value? mappings, BranchPath? branch, LaunchTemplateDevices? inherited)
        {
            foreach (var (item, listBranch) in Items(mappings, branch))
            {
                foreach (var (mapping, itemBranch) in Maps(item, listBranch))
                {
                    var ebsEntry = mapping.GetEntry("Ebs");
                    if (ebsEntry == null)
                    {
                        continue;
                    }

                    var device = mapping.Get("DeviceName").AsString();
                    var subject = "Block device " + (device == null ? string.Empty : "'" + device + "' ") + "of " + owner;
                    var keepsTemplateValue = inherited != null && !inherited.Lacks(device);
                    foreach (var (ebs, ebsBranch) in Maps(ebsEntry.Value, itemBranch))
                    {
                        if (IsWritten(ebs, "SnapshotId") || (keepsTemplateValue && ebs.GetEntry("Encrypted") == null))
                        {
                            continue;
                        }

                        RequireTrue(resource, findings, subject, ebs, ebsBranch,
                            "Encrypted", ebsEntry.KeyLocation, MissingText(resource, "Ebs"), flagRemoved: !keepsTemplateValue);
                    }
                }
            }
        }

        /// <summary>
        /// The device names of the launch template an EC2 Fleet launch template config names, when that template is in the
        /// same template or app (by <c>LaunchTemplateId</c> reference, or by a literal <c>LaunchTemplateName</c>) and
        /// every one of its mappings names its device; otherwise unknown.
        /// </summary>
        private sealed class LaunchTemplateDevices
        {
            private readonly HashSet<string>? devices;

            public LaunchTemplateDevices(IResourceContext context, Value? specification)
            {
                devices = Read(context, specification as MapValue);
            }

            /// <summary>True when the template is known and maps no device named <paramref name="device"/>.</summary>
            public bool Lacks(string? device) => device != null && devices != null && !devices.Contains(device);

            private static HashSet<string>? Read(IResourceContext context, MapValue? specification)
            {
                var template = specification == null ? null : Find(context, specification);
                if (template == null)
                {
                    return null;
                }

                var names = new HashSet<string>(StringComparer.Ordinal);
                var data = template.Properties.Get("LaunchTemplateData");
                if (data == null)
                {
                    return names;
                }

                if (!(data is MapValue map))
                {
                    return null;
                }

                var mappings = map.Get("BlockDeviceMappings");
                if (mappings == null)
                {
                    return names;
                }

                if (!(mappings is ListValue list))
                {
                    return null;
                }

                foreach (var item in list.Items)
                {
                    if (!(item is MapValue mapping) || !(mapping.Get("DeviceName").AsString() is string name))
                    {
                        return null;
                    }

                    names.Add(name);
                }

                return names;
            }

            private static ResourceView? Find(IResourceContext context, MapValue specification)
            {
                var byReference = context.ResolveReference(specification.Get("LaunchTemplateId"))
                    ?? context.ResolveReference(specification.Get("LaunchTemplateName"));
                if (byReference != null)
                {
                    return byReference.IsType(LaunchTemplate) ? byReference : null;
                }

                if (!(specification.Get("LaunchTemplateName").AsString() is string name))
                {
                    return null;
                }

                foreach (var candidate in context.Resources)
                {
                    if (candidate.IsType(LaunchTemplate) && string.Equals(candidate.Properties.Get("LaunchTemplateName").AsString(), name, StringComparison.Ordinal))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }
    }
}
