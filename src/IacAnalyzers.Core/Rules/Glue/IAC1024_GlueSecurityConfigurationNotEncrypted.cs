using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Glue
{
    /// <summary>
    /// IAC1024: <c>AWS::Glue::SecurityConfiguration</c> whose <c>EncryptionConfiguration</c> leaves S3 output
    /// (<c>S3Encryptions[].S3EncryptionMode</c>), CloudWatch Logs (<c>CloudWatchEncryption.CloudWatchEncryptionMode</c>) or
    /// job bookmarks (<c>JobBookmarksEncryption.JobBookmarksEncryptionMode</c>) DISABLED: written so (any case), not given
    /// (the Glue default), removed by <c>AWS::NoValue</c>, in any branch. One finding per resource, at the first written
    /// DISABLED value (else at the <c>EncryptionConfiguration</c> key), naming every part. Unknown values are not flagged;
    /// an unreadable <c>EncryptionConfiguration</c> (or one part of it) is not judged.
    /// </summary>
    public sealed class IAC1024_GlueSecurityConfigurationNotEncrypted : Rule
    {
        public const string SecurityConfiguration = "AWS::Glue::SecurityConfiguration";

        private const string Disabled = "DISABLED";

        public IAC1024_GlueSecurityConfigurationNotEncrypted()
            : base(RuleCatalog.GlueSecurityConfigurationNotEncrypted, SecurityConfiguration)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "Glue security configuration '" + resource.Name + "'";
            var configEntry = resource.Properties.GetEntry("EncryptionConfiguration");
            if (configEntry == null)
            {
                if (resource.PropertiesWritten)
                {
                    findings.Add(Create(resource, resource.Location, null, subject,
                        " (EncryptionConfiguration is not set: S3, CloudWatch Logs and job bookmark encryption are all DISABLED)"));
                }

                return;
            }

            var gaps = new List<string>();
            SourceLocation? at = null;
            foreach (var config in configEntry.Value.Leaves())
            {
                if (config.Value is NoValue)
                {
                    gaps.Add(FindingText.Where(config.Path, "AWS::NoValue removes EncryptionConfiguration, so every mode is DISABLED"));
                    continue;
                }

                if (!(config.Value is MapValue map))
                {
                    continue;
                }

                CheckS3(map, config.Path, gaps, ref at);
                CheckMode(map, config.Path, "CloudWatchEncryption", "CloudWatchEncryptionMode", gaps, ref at);
                CheckMode(map, config.Path, "JobBookmarksEncryption", "JobBookmarksEncryptionMode", gaps, ref at);
            }

            if (gaps.Count > 0)
            {
                findings.Add(Create(resource, at ?? configEntry.KeyLocation, null, subject, FindingText.Suffix(gaps)));
            }
        }

        /// <summary><c>S3Encryptions</c>: missing or empty, or an item whose mode is DISABLED, missing or removed.</summary>
        private static void CheckS3(MapValue config, BranchPath? branch, List<string> gaps, ref SourceLocation? at)
        {
            var value = config.Get("S3Encryptions");
            if (value == null)
            {
                gaps.Add(FindingText.Where(branch, "S3Encryptions is not set, so S3 encryption is DISABLED"));
                return;
            }

            foreach (var list in value.Leaves(branch))
            {
                if (list.Value is NoValue)
                {
                    gaps.Add(FindingText.Where(list.Path, "AWS::NoValue removes S3Encryptions, so S3 encryption is DISABLED"));
                    continue;
                }

                if (!(list.Value is ListValue items))
                {
                    continue;
                }

                if (items.Items.Count == 0)
                {
                    gaps.Add(FindingText.Where(list.Path, "S3Encryptions is empty, so S3 encryption is DISABLED"));
                    continue;
                }

                for (var i = 0; i < items.Items.Count; i++)
                {
                    foreach (var item in items.Items[i].Leaves(list.Path))
                    {
                        if (item.Value is MapValue s3)
                        {
                            Mode(s3, item.Path, "S3Encryptions[" + i + "]", "S3EncryptionMode", gaps, ref at);
                        }
                    }
                }
            }
        }

        /// <summary>A map part (<c>CloudWatchEncryption</c>, <c>JobBookmarksEncryption</c>): missing, removed, or its mode DISABLED.</summary>
        private static void CheckMode(MapValue config, BranchPath? branch, string part, string mode, List<string> gaps, ref SourceLocation? at)
        {
            var value = config.Get(part);
            if (value == null)
            {
                gaps.Add(FindingText.Where(branch, part + " is not set, so " + mode + " is DISABLED"));
                return;
            }

            foreach (var leaf in value.Leaves(branch))
            {
                if (leaf.Value is NoValue)
                {
                    gaps.Add(FindingText.Where(leaf.Path, "AWS::NoValue removes " + part + ", so " + mode + " is DISABLED"));
                }
                else if (leaf.Value is MapValue map)
                {
                    Mode(map, leaf.Path, part, mode, gaps, ref at);
                }
            }
        }

        private static void Mode(MapValue map, BranchPath? branch, string part, string mode, List<string> gaps, ref SourceLocation? at)
        {
            var value = map.Get(mode);
            if (value == null)
            {
                gaps.Add(FindingText.Where(branch, part + "." + mode + " is not set, so DISABLED"));
                return;
            }

            foreach (var leaf in value.Leaves(branch))
            {
                if (leaf.Value is NoValue)
                {
                    gaps.Add(FindingText.Where(leaf.Path, "AWS::NoValue leaves " + part + "." + mode + " unset, so DISABLED"));
                }
                else if (leaf.Value.AsString() is string text && string.Equals(text.Trim(), Disabled, StringComparison.OrdinalIgnoreCase))
                {
                    var from = FindingText.From(leaf.Value);
                    gaps.Add(FindingText.Where(leaf.Path, part + "." + mode + " is DISABLED" + (from == null ? string.Empty : ", " + from)));
                    at ??= leaf.Value.Location;
                }
            }
        }
    }
}
