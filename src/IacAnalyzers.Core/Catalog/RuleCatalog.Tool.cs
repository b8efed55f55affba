namespace IacAnalyzers.Catalog
{
    /// <summary>IAC0xxx: diagnostics about the tool itself (unreadable template, rule failure, suppression not honoured).</summary>
    public static partial class RuleCatalog
    {
        // ---- IAC0xxx: the tool itself ---------------------------------------------------------------

        public static readonly RuleInfo TemplateUnreadable = new RuleInfo(
            "IAC0001",
            "CloudFormation template cannot be read",
            "Template '{0}' cannot be read: {1}",
            "A file that looks like a CloudFormation template could not be parsed, or part of it exceeded a safety limit or " +
            "could not be expanded (e.g. a computed Fn::ForEach). An unparsable file is not checked at all; otherwise only " +
            "the part the message names is skipped and the other resources are checked. The build goes on.",
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
    }
}
