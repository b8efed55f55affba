using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.CodeBuild
{
    /// <summary>
    /// IAC1013: a CodeBuild project that turns off encryption of its S3 build artifacts. CloudFormation:
    /// <c>AWS::CodeBuild::Project.Artifacts.EncryptionDisabled</c> and the same in each <c>SecondaryArtifacts</c> item;
    /// a missing value means encrypted, so only a written true (in any branch) is flagged, once per artifacts block.
    /// Blocks whose <c>Type</c> is known and not <c>S3</c> are skipped (the setting is valid only for S3 artifacts).
    /// </summary>
    public sealed class IAC1013_CodeBuildArtifactsEncryptionDisabled : Rule
    {
        public const string Project = "AWS::CodeBuild::Project";
        private const string Property = "EncryptionDisabled";

        public IAC1013_CodeBuildArtifactsEncryptionDisabled()
            : base(RuleCatalog.CodeBuildArtifactsEncryptionDisabled, Project)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "CodeBuild project '" + resource.Name + "'";
            foreach (var leaf in Leaves(resource.Properties.Get("Artifacts")))
            {
                if (leaf.Value is MapValue artifacts && Check(resource, findings, subject, artifacts, leaf.Path, "Artifacts"))
                {
                    break;
                }
            }

            var secondary = resource.Properties.Get("SecondaryArtifacts");
            foreach (var listLeaf in Leaves(secondary))
            {
                if (!(listLeaf.Value is ListValue list))
                {
                    continue;
                }

                for (var i = 0; i < list.Items.Count; i++)
                {
                    foreach (var item in list.Items[i].Leaves(listLeaf.Path))
                    {
                        if (item.Value is MapValue artifacts
                            && Check(resource, findings, subject, artifacts, item.Path, "SecondaryArtifacts[" + i + "]"))
                        {
                            break;
                        }
                    }
                }

                // The first list that the branches allow is enough: every branch's items were looked at above.
            }
        }

        private static IEnumerable<Leaf> Leaves(Value? value) => value == null ? Array.Empty<Leaf>() : value.Leaves();

        /// <summary>Flags the first branch where <paramref name="artifacts"/> turns encryption off; true when flagged.</summary>
        private bool Check(ResourceView resource, IList<Finding> findings, string subject, MapValue artifacts, BranchPath? path, string where)
        {
            var type = artifacts.Get("Type").AsString();
            if (type != null && !string.Equals(type, "S3", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var value = artifacts.Get(Property);
            if (value == null)
            {
                return false;
            }

            foreach (var leaf in value.Leaves(path))
            {
                if (!leaf.Value.IsTrue())
                {
                    continue;
                }

                var fix = leaf.IsFixableInPlace() && leaf.Value.Origin == ValueOrigin.Written
                    ? new SetPropertyFix(Property, "false", ScalarKind.Boolean, artifacts.Location, leaf.Value, false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, subject,
                    FindingText.Suffix(leaf.Branch, where + "." + Property + " is true", FindingText.From(leaf.Value))));
                return true;
            }

            return false;
        }
    }
}
