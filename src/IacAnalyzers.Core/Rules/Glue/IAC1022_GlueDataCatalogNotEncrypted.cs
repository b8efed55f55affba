using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Glue
{
    /// <summary>
    /// IAC1022: <c>AWS::Glue::DataCatalogEncryptionSettings</c> whose
    /// <c>DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode</c> is DISABLED, missing (the default is
    /// DISABLED), or removed, in any branch. Any other mode (SSE-KMS, SSE-KMS-WITH-SERVICE-ROLE) encrypts; unknown values
    /// and an unreadable settings block are not flagged. The fix sets the mode to SSE-KMS (the AWS managed key when no
    /// key is given), creating <c>EncryptionAtRest</c> when it is missing.
    /// </summary>
    public sealed class IAC1022_GlueDataCatalogNotEncrypted : Rule
    {
        public const string EncryptionSettings = "AWS::Glue::DataCatalogEncryptionSettings";

        private const string Mode = "CatalogEncryptionMode";

        public IAC1022_GlueDataCatalogNotEncrypted()
            : base(RuleCatalog.GlueDataCatalogNotEncrypted, EncryptionSettings)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "Glue Data Catalog encryption settings '" + resource.Name + "'";
            var settingsEntry = resource.Properties.GetEntry("DataCatalogEncryptionSettings");
            if (settingsEntry == null || !(settingsEntry.Value is MapValue settings))
            {
                return;
            }

            var atRestEntry = settings.GetEntry("EncryptionAtRest");
            if (atRestEntry == null)
            {
                var fix = new SetPropertyFix("EncryptionAtRest." + Mode, "SSE-KMS", ScalarKind.String, settings.Location, null, false);
                findings.Add(Create(resource, settingsEntry.KeyLocation, fix, subject, " (EncryptionAtRest is not set: CatalogEncryptionMode defaults to DISABLED)"));
                return;
            }

            if (!(atRestEntry.Value is MapValue atRest))
            {
                return;
            }

            var modeEntry = atRest.GetEntry(Mode);
            if (modeEntry == null)
            {
                var fix = new SetPropertyFix(Mode, "SSE-KMS", ScalarKind.String, atRest.Location, null, false);
                findings.Add(Create(resource, atRestEntry.KeyLocation, fix, subject, " (CatalogEncryptionMode is not set and defaults to DISABLED)"));
                return;
            }

            foreach (var leaf in modeEntry.Value.Leaves())
            {
                string why;
                if (leaf.Value is NoValue)
                {
                    why = "AWS::NoValue leaves CatalogEncryptionMode unset (DISABLED)";
                }
                else if (leaf.Value.AsString() is string text && string.Equals(text.Trim(), "DISABLED", StringComparison.OrdinalIgnoreCase))
                {
                    why = leaf.Value.Provenance != null ? "CatalogEncryptionMode is DISABLED, " + FindingText.From(leaf.Value) : "CatalogEncryptionMode is DISABLED";
                }
                else
                {
                    continue;
                }

                var fix = !(leaf.Value is NoValue) && leaf.IsFixableInPlace()
                    ? new SetPropertyFix(Mode, "SSE-KMS", ScalarKind.String, atRest.Location, leaf.ExistingForFix(), false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, subject, FindingText.Suffix(leaf.Branch, why)));
                return;
            }
        }
    }
}
