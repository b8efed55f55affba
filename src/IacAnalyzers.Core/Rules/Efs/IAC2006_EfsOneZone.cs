using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Efs
{
    /// <summary>
    /// IAC2006: an EFS One Zone file system. CloudFormation: <c>AWS::EFS::FileSystem.AvailabilityZoneName</c> — "For One
    /// Zone file systems, specify the AWS Availability Zone in which to create the file system"; without it the file
    /// system is Regional. So any written zone name (its value may be unknown: any zone makes a One Zone file system)
    /// is flagged; an <c>Fn::If</c> branch with <c>!Ref AWS::NoValue</c> or an empty string is Regional there. The CDK
    /// <c>FileSystem</c> adapter turns <c>OneZone = true</c> into a zone name. No fix (replacement).
    /// </summary>
    public sealed class IAC2006_EfsOneZone : Rule
    {
        private const string Zone = "AvailabilityZoneName";

        public IAC2006_EfsOneZone()
            : base(RuleCatalog.EfsOneZone, IAC1004_EfsFileSystemNotEncrypted.FileSystem)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var zone = resource.Properties.Get(Zone);
            if (zone == null)
            {
                return;
            }

            foreach (var leaf in zone.Leaves())
            {
                if (leaf.Value is NoValue || (leaf.Value is ScalarValue s && (s.Kind == ScalarKind.Null || s.Text.Trim().Length == 0)))
                {
                    continue;
                }

                var what = leaf.Value.AsString() is string name && leaf.Value.Provenance == null
                    ? Zone + " is " + name
                    : leaf.Value.Provenance != null ? Zone + " is set, " + FindingText.From(leaf.Value) : Zone + " is set";
                findings.Add(Create(resource, leaf.Value.Location, null, "EFS file system '" + resource.Name + "'", FindingText.Suffix(leaf.Branch, what)));
                return;
            }
        }
    }
}
