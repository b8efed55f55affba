using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Glue
{
    /// <summary>
    /// IAC1031: an <c>AWS::Glue::MLTransform</c> whose user data (imported labels, trained transform) is not encrypted
    /// with KMS: <c>TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode</c> is <c>DISABLED</c>, or
    /// <c>TransformEncryption</c> / <c>MLUserDataEncryption</c> is not given or removed by <c>AWS::NoValue</c> (the Glue
    /// default is no encryption), in any branch. One finding per transform, at the first written DISABLED value, else at
    /// the <c>TransformEncryption</c> key, else at the resource, naming every gap. <c>TaskRunSecurityConfigurationName</c>
    /// is not judged here: the security configuration it names is judged by IAC1024. Unknown values are not flagged.
    /// </summary>
    public sealed class IAC1031_GlueMlTransformNotEncrypted : Rule
    {
        public const string MlTransform = "AWS::Glue::MLTransform";

        private const string Mode = "MLUserDataEncryptionMode";

        public IAC1031_GlueMlTransformNotEncrypted()
            : base(RuleCatalog.GlueMlTransformNotEncrypted, MlTransform)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "Glue ML transform '" + resource.Name + "'";
            var entry = resource.Properties.GetEntry("TransformEncryption");
            if (entry == null)
            {
                if (resource.PropertiesWritten)
                {
                    findings.Add(Create(resource, resource.Location, null, subject, " (TransformEncryption is not set, so " + Mode + " is DISABLED)"));
                }

                return;
            }

            var gaps = new List<string>();
            SourceLocation? at = null;
            foreach (var transform in entry.Value.Leaves())
            {
                if (transform.Value is NoValue)
                {
                    gaps.Add(FindingText.Where(transform.Path, "AWS::NoValue removes TransformEncryption, so " + Mode + " is DISABLED"));
                    continue;
                }

                if (!(transform.Value is MapValue map))
                {
                    continue;
                }

                var userData = map.Get("MLUserDataEncryption");
                if (userData == null)
                {
                    gaps.Add(FindingText.Where(transform.Path, "MLUserDataEncryption is not set, so " + Mode + " is DISABLED"));
                    continue;
                }

                foreach (var data in userData.Leaves(transform.Path))
                {
                    if (data.Value is NoValue)
                    {
                        gaps.Add(FindingText.Where(data.Path, "AWS::NoValue removes MLUserDataEncryption, so " + Mode + " is DISABLED"));
                    }
                    else if (data.Value is MapValue dataMap && dataMap.Get(Mode) is Value mode)
                    {
                        foreach (var leaf in mode.Leaves(data.Path))
                        {
                            if (leaf.Value.AsString() is string text && string.Equals(text.Trim(), "DISABLED", StringComparison.OrdinalIgnoreCase))
                            {
                                var from = FindingText.From(leaf.Value);
                                gaps.Add(FindingText.Where(leaf.Path, "MLUserDataEncryption." + Mode + " is DISABLED" + (from == null ? string.Empty : " (" + from + ")")));
                                at ??= leaf.Value.Location;
                            }
                        }
                    }
                }
            }

            if (gaps.Count > 0)
            {
                findings.Add(Create(resource, at ?? entry.KeyLocation, null, subject, FindingText.Suffix(gaps)));
            }
        }
    }
}
