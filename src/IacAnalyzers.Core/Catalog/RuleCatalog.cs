using System.Collections.Generic;
using System.Linq;

namespace IacAnalyzers.Catalog
{
    /// <summary>
    /// The single place that declares every rule. Ids are stable forever: a retired rule keeps its id.
    /// Guard-rail tests keep this list, docs/rules, the README table and AnalyzerReleases.*.md in step.
    /// </summary>
    public static class RuleCatalog
    {
        public const string HelpLinkBase = "https://github.com/IacAnalyzers/IacAnalyzers/blob/main/docs/rules/";

        // ---- IAC0xxx: the tool itself ---------------------------------------------------------------

        public static readonly RuleInfo TemplateUnreadable = new RuleInfo(
            "IAC0001",
            "CloudFormation template cannot be read",
            "Template '{0}' cannot be read: {1}",
            "A file that looks like a CloudFormation template could not be parsed, or exceeded a safety limit. " +
            "None of its resources were checked. The build goes on.",
            Pillar.Tool, "", RuleLevel.BuildWarning, Surfaces.CloudFormation,
            fix: null, noFixReason: "The file must be corrected by hand; the message gives the position and the parser's reason.");

        public static readonly RuleInfo RuleFailed = new RuleInfo(
            "IAC0002",
            "A rule failed internally",
            "Rule {0} failed on '{1}' and was skipped: {2}. Please report this.",
            "A rule threw an exception while checking one resource. The exception is contained: the other rules " +
            "and resources are still checked, and the build goes on. This is a bug in IacAnalyzers.",
            Pillar.Tool, "", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: "An internal error has no fix in user code.");

        public static readonly RuleInfo TemplateSuppressionIgnored = new RuleInfo(
            "IAC0003",
            "Template suppression is not honoured",
            "Suppression in the Metadata of '{0}' is not honoured: {1}",
            "A resource's Metadata.IacAnalyzers.Suppress entry must name an IacAnalyzers rule id and give a non-empty " +
            "Reason. An entry without a reason, with an unknown id or in an unexpected shape suppresses nothing; this " +
            "diagnostic says why, at the entry.",
            Pillar.Tool, "", RuleLevel.BuildWarning, Surfaces.CloudFormation,
            fix: null, noFixReason: "Only the author knows the reason a finding is accepted.");

        // ---- IAC2xxx: Reliability -------------------------------------------------------------------

        public static readonly RuleInfo RdsInstanceSingleAz = new RuleInfo(
            "IAC2001",
            "RDS DB instance runs in a single Availability Zone",
            "RDS DB instance '{0}' runs in a single Availability Zone{1}: set MultiAZ to true so a standby in another zone takes over on failure",
            "A DB instance without Multi-AZ has no standby: an Availability Zone outage or a host failure takes the " +
            "database down until it is restored. Aurora instances that belong to a DB cluster are exempt: their " +
            "availability comes from the cluster's instances in several zones.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZ (MultiAz in CDK C#) to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_157"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-RDS3"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-RDSMultiAZSupport"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-RDSMultiAZSupport"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-RDSMultiAZSupport"),
            });

        /// <summary>Every rule, tool diagnostics included, in id order.</summary>
        public static IReadOnlyList<RuleInfo> All { get; } = new[]
        {
            TemplateUnreadable,
            RuleFailed,
            TemplateSuppressionIgnored,
            RdsInstanceSingleAz,
        }.OrderBy(r => r.Id, System.StringComparer.Ordinal).ToArray();

        public static RuleInfo? Find(string id) => All.FirstOrDefault(r => r.Id == id);
    }
}
