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

<<<<<<< HEAD
        // ---- IAC1xxx: Security: IAM (IAC1201-IAC1219) --------------------------------------------------

        private const string IamNoFix =
            "Which actions, resources or principals the workload needs is a design decision the analyzer cannot know; " +
            "replacing a wildcard with a guess would break the workload or keep it open.";

        public static readonly RuleInfo IamAllowsAllActions = new RuleInfo(
            "IAC1201",
            "IAM policy allows every action",
            "'{0}' allows every action (Action '*') in {1}{2}{3}: list only the actions the workload needs",
            "An Allow statement with Action \"*\" grants every action of every AWS service, including IAM itself, so " +
            "whoever holds the policy can grant themselves anything. With Resource \"*\" it is administrator access. " +
            "Deny statements are never findings.",
            Pillar.Security, "SEC03-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: null, noFixReason: IamNoFix,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F2"),
                new PeerRule(PeerTools.CfnNag, "F3"),
                new PeerRule(PeerTools.CfnNag, "F4"),
                new PeerRule(PeerTools.CfnNag, "F5"),
                new PeerRule(PeerTools.CfnNag, "F15"),
                new PeerRule(PeerTools.CfnNag, "F20"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_62"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_63"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-IAM5"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-IAMPolicyNoStatementsWithAdminAccess"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-IAMPolicyNoStatementsWithAdminAccess"),
            });

        public static readonly RuleInfo IamServiceWideWildcard = new RuleInfo(
            "IAC1202",
            "IAM policy allows a service-wide or write wildcard",
            "'{0}' allows '{1}' in {2}, which grants {3}{4}: list only the actions the workload needs",
            "An Allow statement whose action is a whole service (\"s3:*\") or a wildcard that expands to write or " +
            "permissions-management actions (\"s3:Put*\" includes s3:PutBucketPolicy) grants far more than a workload " +
            "usually needs, and grows silently as AWS adds actions. Wildcards that expand only to List and Read actions " +
            "(\"ec2:Describe*\", \"s3:Get*\") are not findings: the expansion comes from AWS's Service Authorization " +
            "Reference. KMS key policies are not checked: their usual kms:* statement for the account root delegates to IAM.",
            Pillar.Security, "SEC03-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: IamNoFix,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F3"),
                new PeerRule(PeerTools.CfnNag, "F4"),
                new PeerRule(PeerTools.CfnNag, "F5"),
                new PeerRule(PeerTools.CfnNag, "F15"),
                new PeerRule(PeerTools.CfnNag, "F20"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-IAM5"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-IAMPolicyNoStatementsWithFullAccess"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-IAMPolicyNoStatementsWithFullAccess"),
            });

        public static readonly RuleInfo IamAllowWithNotAction = new RuleInfo(
            "IAC1203",
            "IAM policy allows with NotAction",
            "'{0}' allows every action except those in NotAction in {1}{2}: use Action with the actions the workload needs",
            "Allow with NotAction grants every action not listed, in every service, including the ones AWS adds later. " +
            "NotAction belongs in Deny statements.",
            Pillar.Security, "SEC03-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: IamNoFix,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W14"),
                new PeerRule(PeerTools.CfnNag, "W15"),
                new PeerRule(PeerTools.CfnNag, "W16"),
                new PeerRule(PeerTools.CfnNag, "W17"),
                new PeerRule(PeerTools.CfnNag, "W18"),
                new PeerRule(PeerTools.CfnNag, "W19"),
                new PeerRule(PeerTools.CfnNag, "W20"),
            });

        public static readonly RuleInfo IamWriteOnAnyResource = new RuleInfo(
            "IAC1204",
            "IAM policy allows scopable write actions on every resource",
            "'{0}' allows {1} on every resource (Resource '*') in {2}{3}: these actions support resource-level permissions, so name the ARNs the workload needs",
            "An identity policy statement with Resource \"*\" and write or permissions-management actions lets the " +
            "holder change every such resource in the account. Only actions that support resource-level permissions " +
            "(per AWS's Service Authorization Reference) are counted: reads such as ec2:Describe* and actions that only " +
            "accept \"*\" stay clean. Statements with a Condition (for example attribute-based access on tags) are not " +
            "findings, nor are resource policies (their Resource is the resource itself).",
            Pillar.Security, "SEC03-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: IamNoFix,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W11"),
                new PeerRule(PeerTools.CfnNag, "W12"),
                new PeerRule(PeerTools.CfnNag, "W13"),
                new PeerRule(PeerTools.CfnNag, "F38"),
                new PeerRule(PeerTools.CfnNag, "F39"),
                new PeerRule(PeerTools.CfnNag, "F40"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_109"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_111"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-IAM5"),
            });

        public static readonly RuleInfo IamAnyPrincipal = new RuleInfo(
            "IAC1205",
            "Resource or trust policy allows any principal without a condition",
            "'{0}' allows any principal ({1}) in {2}{3}: name the accounts, roles or services that need access, or add a Condition",
            "A resource policy (bucket, queue, topic, key, secret, ...) or a role's trust policy that allows Principal \"*\" " +
            "(or {\"AWS\": \"*\"}, or Allow with NotPrincipal) opens the resource, or the role, to anyone on the internet " +
            "and to every AWS account. A Lambda permission with Principal \"*\" and no SourceArn, SourceAccount or " +
            "PrincipalOrgID does the same for the function. A statement with a Condition is not a finding: the " +
            "condition may restrict it (aws:SourceArn, aws:PrincipalOrgID, ...).",
            Pillar.Security, "SEC03-BP07", RuleLevel.BuildError, Surfaces.Both,
            fix: null, noFixReason: "Who should have access (an account, a role, a service with a source ARN) cannot be inferred from the policy.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F6"),
                new PeerRule(PeerTools.CfnNag, "F7"),
                new PeerRule(PeerTools.CfnNag, "F8"),
                new PeerRule(PeerTools.CfnNag, "F9"),
                new PeerRule(PeerTools.CfnNag, "F13"),
                new PeerRule(PeerTools.CfnNag, "F16"),
                new PeerRule(PeerTools.CfnNag, "F18"),
                new PeerRule(PeerTools.CfnNag, "F21"),
                new PeerRule(PeerTools.CfnNag, "F76"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_33"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_60"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-LambdaFunctionPublicAccessProhibited"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-LambdaFunctionPublicAccessProhibited"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-LambdaFunctionPublicAccessProhibited"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-LambdaFunctionPublicAccessProhibited"),
            });

        public static readonly RuleInfo IamAdminManagedPolicy = new RuleInfo(
            "IAC1206",
            "Admin-like AWS managed policy attached",
            "'{0}' attaches the AWS managed policy '{1}', which {2}{3}: attach a policy with only the permissions the workload needs",
            "AdministratorAccess, PowerUserAccess, IAMFullAccess and the other AWS managed policies the IAM knowledge " +
            "table marks as admin-like (from their documents: every action on every resource, every action but a few, " +
            "or IAM actions that let the holder grant itself anything) give a role, user or group the run of the account.",
            Pillar.Security, "SEC03-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: "The permissions the workload needs instead cannot be inferred from the attachment.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W43"),
                new PeerRule(PeerTools.CfnNag, "W44"),
            });
=======
        public static readonly RuleInfo TemplateSuppressionIgnored = new RuleInfo(
            "IAC0003",
            "Template suppression is not honoured",
            "Suppression in the Metadata of '{0}' is not honoured: {1}",
            "A resource's Metadata.IacAnalyzers.Suppress entry must name an IacAnalyzers rule id and give a non-empty " +
            "Reason. An entry without a reason, with an unknown id or in an unexpected shape suppresses nothing; this " +
            "diagnostic says why, at the entry.",
            Pillar.Tool, "", RuleLevel.BuildWarning, Surfaces.CloudFormation,
            fix: null, noFixReason: "Only the author knows the reason a finding is accepted.");
>>>>>>> main

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
<<<<<<< HEAD
            IamAllowsAllActions,
            IamServiceWideWildcard,
            IamAllowWithNotAction,
            IamWriteOnAnyResource,
            IamAnyPrincipal,
            IamAdminManagedPolicy,
=======
            TemplateSuppressionIgnored,
>>>>>>> main
            RdsInstanceSingleAz,
        }.OrderBy(r => r.Id, System.StringComparer.Ordinal).ToArray();

        public static RuleInfo? Find(string id) => All.FirstOrDefault(r => r.Id == id);
    }
}
