using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2
{
    /// <summary>
    /// IAC1003: an EBS block device of an EC2 instance, launch template or launch configuration without encryption.
    /// Reads <c>BlockDeviceMappings[].Ebs.Encrypted</c> (default false) of <c>AWS::EC2::Instance</c>,
    /// <c>AWS::EC2::LaunchTemplate</c> (under <c>LaunchTemplateData</c>) and
    /// <c>AWS::AutoScaling::LaunchConfiguration</c>. Mappings without <c>Ebs</c> (instance store, <c>NoDevice</c>)
    /// and EBS devices created from a snapshot (<c>SnapshotId</c>) are not checked. Resources without any mapping
    /// are not checked either: their volumes come from the image, whose encryption the template does not show.
    /// </summary>
    public sealed class IAC1003_Ec2BlockDeviceNotEncrypted : RequireTrueRule
    {
        public const string Instance = "AWS::EC2::Instance";
        public const string LaunchTemplate = "AWS::EC2::LaunchTemplate";
        public const string LaunchConfiguration = "AWS::AutoScaling::LaunchConfiguration";

        public IAC1003_Ec2BlockDeviceNotEncrypted()
            : base(RuleCatalog.Ec2BlockDeviceNotEncrypted, Instance, LaunchTemplate, LaunchConfiguration)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            string owner;
            if (resource.IsType(Instance))
            {
                owner = "EC2 instance '" + resource.Name + "'";
                Check(resource, findings, owner, resource.Properties.Get("BlockDeviceMappings"), null);
            }
            else if (resource.IsType(LaunchConfiguration))
            {
                owner = "launch configuration '" + resource.Name + "'";
                Check(resource, findings, owner, resource.Properties.Get("BlockDeviceMappings"), null);
            }
            else
            {
                owner = "launch template '" + resource.Name + "'";
                foreach (var (data, branch) in Maps(resource.Properties.Get("LaunchTemplateData")))
                {
                    Check(resource, findings, owner, data.Get("BlockDeviceMappings"), branch);
                }
            }
        }

        private void Check(ResourceView resource, IList<Finding> findings, string owner, Value? mappings, BranchPath? branch)
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
                    foreach (var (ebs, ebsBranch) in Maps(ebsEntry.Value, itemBranch))
                    {
                        if (IsWritten(ebs, "SnapshotId"))
                        {
                            continue;
                        }

                        RequireTrue(resource, findings, subject, ebs, ebsBranch,
                            "Encrypted", ebsEntry.KeyLocation, "Ebs.Encrypted is not set and defaults to false");
                    }
                }
            }
        }
    }
}
