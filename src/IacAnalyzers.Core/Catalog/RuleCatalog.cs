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
                new PeerRule(PeerTools.Guard, "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"),
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
                new PeerRule(PeerTools.Guard, "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"),
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

        // ---- IAC1xxx: Security: storage encryption (SEC08-BP02) --------------------------------------
        // Messages take {0} the subject ("RDS DB instance 'Db'") and {1} the detail suffix (why, which branch).

        public static readonly RuleInfo RdsStorageNotEncrypted = new RuleInfo(
            "IAC1001",
            "RDS storage is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set StorageEncrypted to true; encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy)",
            "An RDS DB instance or DB cluster without StorageEncrypted keeps its data, backups, snapshots and replicas " +
            "unencrypted. CloudFormation defaults StorageEncrypted to false. Not checked: instances that belong to a DB " +
            "cluster (the cluster decides), databases restored from a snapshot or created from a source database (they " +
            "inherit its encryption), and Aurora Serverless v1 clusters (always encrypted).",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets StorageEncrypted to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F26"),
                new PeerRule(PeerTools.CfnNag, "F27"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_16"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_96"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-RDS2"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-RDSStorageEncrypted"),
                new PeerRule(PeerTools.Guard, "RDS_STORAGE_ENCRYPTED"),
            });

        public static readonly RuleInfo EbsVolumeNotEncrypted = new RuleInfo(
            "IAC1002",
            "EBS volume is not encrypted",
            "{0} is not encrypted{1}: set Encrypted to true; this replaces the volume (move its data through an encrypted snapshot copy)",
            "An EBS volume without Encrypted stores its data and snapshots unencrypted, unless the account has EBS " +
            "encryption by default turned on in that Region, which a template cannot show. CloudFormation defaults " +
            "Encrypted to false. Volumes created from a snapshot are not checked: they are encrypted when the snapshot is.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Encrypted to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F1"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_3"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EC26"),
                new PeerRule(PeerTools.Guard, "ENCRYPTED_VOLUMES"),
            });

        public static readonly RuleInfo Ec2BlockDeviceNotEncrypted = new RuleInfo(
            "IAC1003",
            "EC2 block device is not encrypted",
            "{0} is not encrypted{1}: set Encrypted to true in its Ebs settings",
            "An EBS block device declared on an EC2 instance, launch template or launch configuration without " +
            "Ebs.Encrypted is created unencrypted (unless the account has EBS encryption by default turned on, which a " +
            "template cannot show). Devices created from a snapshot and resources that declare no block devices (their " +
            "volumes come from the image) are not checked.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Ebs.Encrypted to true on the block device.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EC26"),
            });

        public static readonly RuleInfo EfsFileSystemNotEncrypted = new RuleInfo(
            "IAC1004",
            "EFS file system is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set Encrypted to true; this replaces the file system (copy its data to the new one)",
            "An EFS file system without Encrypted stores files and metadata unencrypted. CloudFormation defaults " +
            "Encrypted to false; the CDK FileSystem construct defaults it to true.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Encrypted to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F32"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_42"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EFS1"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-EFSEncrypted"),
                new PeerRule(PeerTools.Guard, "EFS_ENCRYPTED_CHECK"),
            });

        public static readonly RuleInfo ElastiCacheNotEncryptedAtRest = new RuleInfo(
            "IAC1005",
            "ElastiCache replication group is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set AtRestEncryptionEnabled to true; this replaces the replication group",
            "A Redis OSS or Valkey replication group without AtRestEncryptionEnabled keeps its data on disk (swap, " +
            "backups, snapshots) unencrypted. CloudFormation defaults AtRestEncryptionEnabled to false. Secondary " +
            "members of a global datastore are not checked (the global datastore decides); serverless caches are always encrypted.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets AtRestEncryptionEnabled to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F25"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_29"),
                new PeerRule(PeerTools.Guard, "ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST"),
            });

        public static readonly RuleInfo OpenSearchDomainNotEncryptedAtRest = new RuleInfo(
            "IAC1006",
            "OpenSearch domain is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set EncryptionAtRestOptions.Enabled to true",
            "An OpenSearch Service or Elasticsearch domain without encryption at rest keeps indices, logs, swap files " +
            "and automated snapshots unencrypted. Without EncryptionAtRestOptions.Enabled, encryption at rest is off, " +
            "in CloudFormation and in the CDK Domain construct alike.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets EncryptionAtRestOptions.Enabled to true (adding the EncryptionAtRestOptions block when missing).", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W54"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_5"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-OS8"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.Guard, "OPENSEARCH_ENCRYPTED_AT_REST"),
                new PeerRule(PeerTools.Guard, "ELASTICSEARCH_ENCRYPTED_AT_REST"),
            });

        public static readonly RuleInfo KinesisStreamNotEncrypted = new RuleInfo(
            "IAC1007",
            "Kinesis data stream is not encrypted",
            "{0} is not encrypted{1}: set StreamEncryption with EncryptionType KMS (KeyId alias/aws/kinesis uses the AWS managed key)",
            "A Kinesis data stream without StreamEncryption stores its records unencrypted for the whole retention " +
            "period. Encryption can be turned on for an existing stream without replacing it.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: null, noFixReason: "The fix needs a map (EncryptionType and KeyId) and a choice of key; a set-property fix writes one scalar.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W49"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_43"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-KDS1"),
                new PeerRule(PeerTools.Guard, "KINESIS_STREAM_ENCRYPTED"),
            });

        public static readonly RuleInfo DocumentDbNeptuneClusterNotEncrypted = new RuleInfo(
            "IAC1008",
            "DocumentDB or Neptune cluster is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set StorageEncrypted to true; this replaces the cluster (move its data through an encrypted snapshot copy)",
            "An Amazon DocumentDB or Neptune DB cluster without StorageEncrypted keeps its storage, backups and " +
            "snapshots unencrypted. CloudFormation defaults StorageEncrypted to false (the CDK DocumentDB " +
            "DatabaseCluster construct defaults it to true). Clusters restored from a snapshot or a source cluster are not checked.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets StorageEncrypted to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F30"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_74"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_44"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-DOC1"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-N4"),
                new PeerRule(PeerTools.Guard, "DOCDB_CLUSTER_ENCRYPTED"),
                new PeerRule(PeerTools.Guard, "NEPTUNE_CLUSTER_ENCRYPTED"),
            });

        public static readonly RuleInfo SqsQueueEncryptionDisabled = new RuleInfo(
            "IAC1009",
            "SQS queue has its default encryption turned off",
            "{0} has server-side encryption turned off{1}: SQS encrypts new queues with SSE-SQS by default, and this queue opts out, so its messages are stored unencrypted; set SqsManagedSseEnabled to true (in CDK, QueueEncryption.SQS_MANAGED) or use a KMS key",
            "SQS encrypts new queues with SQS-managed keys (SSE-SQS) unless told not to. A queue is flagged only when " +
            "it opts out explicitly (SqsManagedSseEnabled false, QueueEncryption.UNENCRYPTED in CDK) without a KMS key. " +
            "Queues that leave encryption to the default are encrypted and clean.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets SqsManagedSseEnabled to true.", noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-SQS2"),
            });

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
                new PeerRule(PeerTools.Guard, "RDS_MULTI_AZ_SUPPORT"),
            });

        // ---- Security: network exposure (IAC110x) -------------------------------------------------------

        public static readonly RuleInfo SecurityGroupOpenSsh = new RuleInfo(
            "IAC1101",
            "SSH is open to the internet",
            "{0} opens SSH (TCP port 22) to the internet: {1} is allowed on {2}{3}. Allow only known address ranges or security groups, or use Session Manager instead of SSH",
            "A security group ingress rule lets any address (a CIDR with prefix length 0, such as 0.0.0.0/0 or ::/0) reach " +
            "TCP port 22, directly, through a port range that covers it, or through all traffic (IpProtocol -1). Internet-wide " +
            "scanners find open SSH within minutes and try stolen and weak credentials against it. Inline SecurityGroupIngress " +
            "items and standalone AWS::EC2::SecurityGroupIngress resources are checked, and EKS managed node groups whose " +
            "remote access has an SSH key but no source security groups (EKS then opens port 22 to 0.0.0.0/0); egress, " +
            "prefix lists and source security groups are not the internet.",
            Pillar.Security, "SEC05-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Replaces the world CIDR with one taken from a new parameter that has no default and a CIDR AllowedPattern, " +
                "so whoever deploys must choose the source: in templates a Ref to a new Parameters entry; in CDK C# a new " +
                "CfnParameter declared before the statement and Peer.Ipv4/Ipv6(parameter.ValueAsString) as the peer. Not " +
                "offered for a CIDR that comes from a parameter's Default, a local or a conditional, for EKS node groups, " +
                "or for AllowFromAnyIpv4-style calls without a peer argument.",
            noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_24"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_100"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-EC2RestrictedSSH"),
                new PeerRule(PeerTools.Guard, "INCOMING_SSH_DISABLED"),
            });

        public static readonly RuleInfo SecurityGroupOpenRdp = new RuleInfo(
            "IAC1102",
            "RDP is open to the internet",
            "{0} opens RDP (TCP port 3389) to the internet: {1} is allowed on {2}{3}. Allow only known address ranges or security groups, or use Fleet Manager or Session Manager port forwarding instead of RDP",
            "A security group ingress rule lets any address (a CIDR with prefix length 0, such as 0.0.0.0/0 or ::/0) reach " +
            "TCP port 3389, directly, through a port range that covers it, or through all traffic (IpProtocol -1). Exposed " +
            "Remote Desktop is a leading way into Windows hosts (credential stuffing, RDP vulnerabilities). Inline " +
            "SecurityGroupIngress items and standalone AWS::EC2::SecurityGroupIngress resources are checked, and Windows EKS " +
            "managed node groups whose remote access has a key but no source security groups (EKS then opens port 3389 to " +
            "0.0.0.0/0); egress, prefix lists and source security groups are not the internet.",
            Pillar.Security, "SEC05-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Replaces the world CIDR with one taken from a new parameter that has no default and a CIDR AllowedPattern, " +
                "so whoever deploys must choose the source: in templates a Ref to a new Parameters entry; in CDK C# a new " +
                "CfnParameter declared before the statement and Peer.Ipv4/Ipv6(parameter.ValueAsString) as the peer. Not " +
                "offered for a CIDR that comes from a parameter's Default, a local or a conditional, for EKS node groups, " +
                "or for AllowFromAnyIpv4-style calls without a peer argument.",
            noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_25"),
                new PeerRule(PeerTools.Guard, "RESTRICTED_INCOMING_TRAFFIC"),
            });

        // ---- Reliability: single-AZ (IAC200x) -----------------------------------------------------------

        public static readonly RuleInfo DbClusterSingleInstance = new RuleInfo(
            "IAC2002",
            "DB cluster has a single DB instance",
            "{0} '{1}' has a single DB instance ('{2}'): add a second instance (a reader) so the cluster can fail over to another Availability Zone",
            "An Aurora, DocumentDB or Neptune cluster keeps its storage in three Availability Zones, but its compute is its " +
            "instances. With one instance, a zone or host failure leaves the cluster without a writer until a new instance " +
            "is created; with a reader in another zone, the cluster fails over in about a minute. Instances are counted " +
            "across the template (or app): those whose DBClusterIdentifier references the cluster. RDS Multi-AZ DB clusters " +
            "and Aurora Serverless v1 are exempt.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "In CDK C#, adds Readers = new[] { ClusterInstance.Provisioned/ServerlessV2(\"reader\", writer props) } " +
                "to an RDS DatabaseCluster whose writer's props can be copied as written (a reader the writer's size, so a " +
                "failover keeps the capacity; it adds the cost of one instance), and turns the deprecated Instances = 1 into 2. " +
                "Not offered in templates (a new AWS::RDS::DBInstance resource is the author's to write) nor for DocumentDB.",
            noFixReason: null);

        public static readonly RuleInfo ElastiCacheSingleAz = new RuleInfo(
            "IAC2003",
            "ElastiCache replication group does not fail over to another Availability Zone",
            "ElastiCache replication group '{0}' does not fail over to another Availability Zone{1}: enable MultiAZEnabled and AutomaticFailoverEnabled with at least one replica per shard",
            "Without Multi-AZ, a replication group's primary is not replaced by a replica in another Availability Zone when " +
            "its zone or node fails: the cache is down, or read-only, until the node is recovered. MultiAZEnabled (default " +
            "false) decides; AWS accepts it only with AutomaticFailoverEnabled (default false) and at least one replica.",
            Pillar.Reliability, "REL11-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZEnabled to true, when automatic failover is already on and the group has a replica.",
            noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-AEC4"),
            });

        public static readonly RuleInfo OpenSearchNoZoneAwareness = new RuleInfo(
            "IAC2004",
            "OpenSearch domain keeps its data nodes in one Availability Zone",
            "OpenSearch domain '{0}' has {1} data nodes in a single Availability Zone{2}: set ZoneAwarenessEnabled to true in {3} so nodes and replicas spread across zones",
            "A domain with several data nodes but no zone awareness places them all in one Availability Zone: a zone " +
            "failure takes the whole domain down, and replica shards do not protect against it. Single-node domains are " +
            "not flagged.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets ZoneAwarenessEnabled to true in the cluster configuration, when the data node count is even.",
            noFixReason: null,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-OS7"),
                new PeerRule(PeerTools.Guard, "OPENSEARCH_DATA_NODE_FAULT_TOLERANCE"),
            });

        /// <summary>Every rule, tool diagnostics included, in id order.</summary>
        public static IReadOnlyList<RuleInfo> All { get; } = new[]
        {
            TemplateUnreadable,
            RuleFailed,
            TemplateSuppressionIgnored,
            IamAllowsAllActions,
            IamServiceWideWildcard,
            IamAllowWithNotAction,
            IamWriteOnAnyResource,
            IamAnyPrincipal,
            IamAdminManagedPolicy,
            // Security: storage encryption
            RdsStorageNotEncrypted,
            EbsVolumeNotEncrypted,
            Ec2BlockDeviceNotEncrypted,
            EfsFileSystemNotEncrypted,
            ElastiCacheNotEncryptedAtRest,
            OpenSearchDomainNotEncryptedAtRest,
            KinesisStreamNotEncrypted,
            DocumentDbNeptuneClusterNotEncrypted,
            SqsQueueEncryptionDisabled,
            RdsInstanceSingleAz,
            SecurityGroupOpenSsh,
            SecurityGroupOpenRdp,
            DbClusterSingleInstance,
            ElastiCacheSingleAz,
            OpenSearchNoZoneAwareness,
        }.OrderBy(r => r.Id, System.StringComparer.Ordinal).ToArray();

        public static RuleInfo? Find(string id) => All.FirstOrDefault(r => r.Id == id);
    }
}
