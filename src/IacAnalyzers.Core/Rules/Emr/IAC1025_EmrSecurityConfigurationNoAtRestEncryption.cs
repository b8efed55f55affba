using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Emr
{
    /// <summary>
    /// IAC1025: <c>AWS::EMR::SecurityConfiguration</c> whose JSON document (<c>SecurityConfiguration</c>) does not turn on
    /// encryption at rest: <c>EncryptionConfiguration</c> not given, or <c>EncryptionConfiguration.EnableAtRestEncryption</c>
    /// false, not given or removed, in any branch. Only a document written as an object (YAML/JSON mapping, a C#
    /// dictionary or anonymous object) is read; a document in a string, a parameter or any other value is unknown and not
    /// flagged. No fix: turning it on also needs an <c>AtRestEncryptionConfiguration</c> (S3 and local disk providers).
    /// </summary>
    public sealed class IAC1025_EmrSecurityConfigurationNoAtRestEncryption : RequireTrueRule
    {
        public const string SecurityConfiguration = "AWS::EMR::SecurityConfiguration";

        private const string AtRest = "EnableAtRestEncryption";

        public IAC1025_EmrSecurityConfigurationNoAtRestEncryption()
            : base(RuleCatalog.EmrSecurityConfigurationNoAtRestEncryption, SecurityConfiguration)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "EMR security configuration '" + resource.Name + "'";
            var documentEntry = resource.Properties.GetEntry("SecurityConfiguration");
            if (documentEntry == null)
            {
                return;
            }

            foreach (var (document, branch) in Maps(documentEntry.Value))
            {
                var encryptionEntry = document.GetEntry("EncryptionConfiguration");
                if (encryptionEntry == null)
                {
                    findings.Add(Create(resource, documentEntry.KeyLocation, null, subject,
                        FindingText.Suffix(branch?.Describe(), "EncryptionConfiguration is not set, so nothing is encrypted at rest")));
                    return;
                }

                foreach (var (encryption, inner) in Maps(encryptionEntry.Value, branch))
                {
                    var before = findings.Count;
                    RequireTrue(resource, findings, subject, encryption, inner, AtRest, encryptionEntry.KeyLocation,
                        "EnableAtRestEncryption is not set, so at-rest encryption is off", offerFix: false);
                    if (findings.Count > before)
                    {
                        return;
                    }
                }
            }
        }
    }
}
