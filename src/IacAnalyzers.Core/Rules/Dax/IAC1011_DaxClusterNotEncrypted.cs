using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Dax
{
    /// <summary>
    /// IAC1011: a DAX cluster without server-side encryption. CloudFormation: <c>AWS::DAX::Cluster.SSESpecification.SSEEnabled</c>;
    /// a missing block or a missing <c>SSEEnabled</c> means off. When the whole block is missing, the fix sets the
    /// dotted path <c>SSESpecification.SSEEnabled</c> (writers create the intermediate map).
    /// </summary>
    public sealed class IAC1011_DaxClusterNotEncrypted : RequireTrueRule
    {
        public const string Cluster = "AWS::DAX::Cluster";
        private const string Specification = "SSESpecification";

        public IAC1011_DaxClusterNotEncrypted()
            : base(RuleCatalog.DaxClusterNotEncrypted, Cluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "DAX cluster '" + resource.Name + "'";
            var entry = resource.Properties.GetEntry(Specification);
            if (entry == null)
            {
                var fix = new SetPropertyFix(Specification + ".SSEEnabled", "true", ScalarKind.Boolean, resource.Properties.Location, null, !resource.PropertiesWritten);
                findings.Add(Create(resource, resource.Location, fix, subject, " (SSESpecification is not set, so server-side encryption is off)"));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                if (IsRemoved(leaf.Value))
                {
                    findings.Add(Create(resource, leaf.Value.Location, null, subject, FindingText.Suffix(leaf.Branch, "AWS::NoValue leaves SSESpecification unset")));
                    return;
                }
            }

            foreach (var (specification, branch) in Maps(entry.Value))
            {
                var before = findings.Count;
                RequireTrue(resource, findings, subject, specification, branch, "SSEEnabled", entry.KeyLocation,
                    "SSESpecification.SSEEnabled is not set and defaults to false");
                if (findings.Count > before)
                {
                    // One finding per property: the first branch whose specification leaves encryption off.
                    return;
                }
            }
        }
    }
}
