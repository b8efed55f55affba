using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.CodeBuild
{
    /// <summary>
    /// IAC1013: a CodeBuild project that turns off encryption of what it writes to S3. CloudFormation:
    /// <c>AWS::CodeBuild::Project.Artifacts.EncryptionDisabled</c>, the same in each <c>SecondaryArtifacts</c> item, and
    /// <c>LogsConfig.S3Logs.EncryptionDisabled</c>; a missing value means encrypted, so only a written true (in any
    /// branch) is flagged, once per artifacts block or S3 logs block. Artifacts whose <c>Type</c> is known and not
    /// <c>S3</c> (the setting is valid only for S3 artifacts) and S3 logs whose <c>Status</c> is <c>DISABLED</c> (no log
    /// is written) are skipped.
    /// </summary>
    public sealed class IAC1013_CodeBuildArtifactsEncryptionDisabled : Rule
    {
        public const string Project = "AWS::CodeBuild::Project";
        private const string Property = "EncryptionDisabled";
        private const string ArtifactsText = "build artifacts";
        private const string ArtifactsAdvice = "remove EncryptionDisabled or set it to false (in CDK, Encryption = true on the S3 artifacts)";
        private const string LogsText = "S3 build logs";
        private const string LogsAdvice = "remove EncryptionDisabled or set it to false (in CDK, leave S3LoggingOptions.Encrypted unset: before Amazon.CDK.Lib 2.253.0 Encrypted = true turns encryption off)";

        public IAC1013_CodeBuildArtifactsEncryptionDisabled()
            : base(RuleCatalog.CodeBuildArtifactsEncryptionDisabled, Project)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "CodeBuild project '" + resource.Name + "'";
            foreach (var leaf in Leaves(resource.Properties.Get("Artifacts")))
            {
                if (leaf.Value is MapValue artifacts && IsS3Artifacts(artifacts)
                    && Check(resource, findings, subject, artifacts, leaf.Path, "Artifacts", ArtifactsText, ArtifactsAdvice))
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
                        if (item.Value is MapValue artifacts && IsS3Artifacts(artifacts)
                            && Check(resource, findings, subject, artifacts, item.Path, "SecondaryArtifacts[" + i + "]", ArtifactsText, ArtifactsAdvice))
                        {
                            break;
                        }
                    }
                }

                // The first list that the branches allow is enough: every branch's items were looked at above.
            }

            CheckS3Logs(resource, findings, subject);
        }

        /// <summary>LogsConfig.S3Logs.EncryptionDisabled: the first branch that turns it off, once per project.</summary>
        private void CheckS3Logs(ResourceView resource, IList<Finding> findings, string subject)
        {
            foreach (var logsLeaf in Leaves(resource.Properties.Get("LogsConfig")))
            {
                if (!(logsLeaf.Value is MapValue logs))
                {
                    continue;
                }

                foreach (var s3Leaf in Leaves(logs.Get("S3Logs"), logsLeaf.Path))
                {
                    if (s3Leaf.Value is MapValue s3 && !IsDisabled(s3)
                        && Check(resource, findings, subject, s3, s3Leaf.Path, "LogsConfig.S3Logs", LogsText, LogsAdvice))
                    {
                        return;
                    }
                }
            }
        }

        private static IEnumerable<Leaf> Leaves(Value? value, BranchPath? path = null)
            => value == null ? Array.Empty<Leaf>() : value.Leaves(path);

        private static bool IsS3Artifacts(MapValue artifacts)
        {
            var type = artifacts.Get("Type").AsString();
            return type == null || string.Equals(type, "S3", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>S3 logs whose Status is known to be DISABLED: nothing is written, so nothing is left unencrypted.</summary>
        private static bool IsDisabled(MapValue s3Logs)
            => string.Equals(s3Logs.Get("Status").AsString(), "DISABLED", StringComparison.OrdinalIgnoreCase);

        /// <summary>Flags the first branch where <paramref name="block"/> turns encryption off; true when flagged.</summary>
        private bool Check(ResourceView resource, IList<Finding> findings, string subject, MapValue block, BranchPath? path, string where, string what, string advice)
        {
            var value = block.Get(Property);
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
                    ? new SetPropertyFix(Property, "false", ScalarKind.Boolean, block.Location, leaf.Value, false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, subject, what,
                    FindingText.Suffix(leaf.Branch, where + "." + Property + " is true", FindingText.From(leaf.Value)), advice));
                return true;
            }

            return false;
        }
    }
}
