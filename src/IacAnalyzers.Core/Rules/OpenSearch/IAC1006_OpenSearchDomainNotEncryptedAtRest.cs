using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.OpenSearch
{
    /// <summary>
    /// IAC1006: an OpenSearch Service or Elasticsearch domain without encryption at rest. CloudFormation:
    /// <c>EncryptionAtRestOptions.Enabled</c> of <c>AWS::OpenSearchService::Domain</c> and
    /// <c>AWS::Elasticsearch::Domain</c>; a missing block or a missing <c>Enabled</c> means off.
    /// When the whole block is missing, the fix sets the dotted path <c>EncryptionAtRestOptions.Enabled</c>
    /// (writers create the intermediate map).
    /// </summary>
    public sealed class IAC1006_OpenSearchDomainNotEncryptedAtRest : RequireTrueRule
    {
        public const string OpenSearchDomain = "AWS::OpenSearchService::Domain";
        public const string ElasticsearchDomain = "AWS::Elasticsearch::Domain";
        private const string Options = "EncryptionAtRestOptions";

        public IAC1006_OpenSearchDomainNotEncryptedAtRest()
            : base(RuleCatalog.OpenSearchDomainNotEncryptedAtRest, OpenSearchDomain, ElasticsearchDomain)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = (resource.IsType(ElasticsearchDomain) ? "Elasticsearch domain '" : "OpenSearch domain '") + resource.Name + "'";
            var entry = resource.Properties.GetEntry(Options);
            if (entry == null)
            {
                var fix = new SetPropertyFix(Options + ".Enabled", "true", ScalarKind.Boolean, resource.Properties.Location, null, !resource.PropertiesWritten);
                findings.Add(Create(resource, resource.Location, fix, subject, " (EncryptionAtRestOptions is not set, so encryption at rest is off)"));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                if (IsRemoved(leaf.Value))
                {
                    findings.Add(Create(resource, leaf.Value.Location, null, subject, FindingText.Suffix(leaf.Branch, "AWS::NoValue leaves EncryptionAtRestOptions unset")));
                    return;
                }
            }

            foreach (var (options, branch) in Maps(entry.Value))
            {
                var before = findings.Count;
                RequireTrue(resource, findings, subject, options, branch, "Enabled", entry.KeyLocation,
                    "EncryptionAtRestOptions.Enabled is not set and defaults to false");
                if (findings.Count > before)
                {
                    // One finding per property: the first branch whose options leave encryption off.
                    return;
                }
            }
        }
    }
}
