using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.WorkSpaces
{
    /// <summary>
    /// IAC1020: a WorkSpace whose root or user volume is not encrypted. CloudFormation:
    /// <c>AWS::WorkSpaces::Workspace.RootVolumeEncryptionEnabled</c> and <c>UserVolumeEncryptionEnabled</c>, both
    /// false when not set. One risk (the WorkSpace's data at rest), one id; each volume that is not encrypted is its own
    /// finding, so the message names the property. No fix: the settings apply only to a new WorkSpace (see the catalog).
    /// </summary>
    public sealed class IAC1020_WorkSpacesVolumeNotEncrypted : RequireTrueRule
    {
        public const string Workspace = "AWS::WorkSpaces::Workspace";

        public IAC1020_WorkSpacesVolumeNotEncrypted()
            : base(RuleCatalog.WorkSpacesVolumeNotEncrypted, Workspace)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            Check(resource, findings, "root", "RootVolumeEncryptionEnabled");
            Check(resource, findings, "user", "UserVolumeEncryptionEnabled");
        }

        private void Check(ResourceView resource, IList<Finding> findings, string volume, string property)
            => RequireTrue(resource, findings, "WorkSpace '" + resource.Name + "' " + volume + " volume", resource.Properties, null, property,
                resource.Location, property + " is not set and defaults to false", offerFix: false);
    }
}
