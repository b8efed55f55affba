namespace IacAnalyzers.Catalog
{
    /// <summary>IAC1201-IAC1219: Security, identity and access management (SEC02/SEC03).</summary>
    public static partial class RuleCatalog
    {
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
    }
}
