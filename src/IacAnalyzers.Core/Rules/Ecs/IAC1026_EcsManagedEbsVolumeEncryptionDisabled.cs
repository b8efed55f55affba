using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ecs
{
    /// <summary>
    /// IAC1026: an ECS service whose Amazon ECS-managed EBS volumes opt out of encryption:
    /// <c>AWS::ECS::Service.VolumeConfigurations[].ManagedEBSVolume.Encrypted</c> false in any branch. ECS encrypts these
    /// volumes when <c>Encrypted</c> is not given (the ECS API and CloudFormation reference: "If no value is specified,
    /// encryption is turned on by default"), so a missing value and <c>AWS::NoValue</c> are clean; unknown values are not
    /// flagged. One finding per volume configuration, at the value; the fix sets it to true.
    /// </summary>
    public sealed class IAC1026_EcsManagedEbsVolumeEncryptionDisabled : RequireTrueRule
    {
        public const string Service = "AWS::ECS::Service";

        private const string Encrypted = "Encrypted";

        public IAC1026_EcsManagedEbsVolumeEncryptionDisabled()
            : base(RuleCatalog.EcsManagedEbsVolumeEncryptionDisabled, Service)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            foreach (var (item, listBranch) in Items(resource.Properties.Get("VolumeConfigurations")))
            {
                foreach (var (configuration, itemBranch) in Maps(item, listBranch))
                {
                    var name = configuration.Get("Name").AsString();
                    var subject = "EBS volume " + (name == null ? string.Empty : "'" + name + "' ") + "that ECS service '" + resource.Name + "' manages";
                    foreach (var (ebs, ebsBranch) in Maps(configuration.Get("ManagedEBSVolume"), itemBranch))
                    {
                        var value = ebs.Get(Encrypted);
                        if (value == null)
                        {
                            continue;
                        }

                        foreach (var leaf in value.Leaves(ebsBranch))
                        {
                            if (!leaf.Value.IsFalse())
                            {
                                continue;
                            }

                            var fix = leaf.IsFixableInPlace()
                                ? new SetPropertyFix(Encrypted, "true", ScalarKind.Boolean, ebs.Location, leaf.ExistingForFix(), false)
                                : null;
                            findings.Add(Create(resource, leaf.Value.Location, fix, subject,
                                FindingText.Suffix(leaf.Branch, "ManagedEBSVolume.Encrypted is false", FindingText.From(leaf.Value))));
                            break;
                        }
                    }
                }
            }
        }
    }
}
