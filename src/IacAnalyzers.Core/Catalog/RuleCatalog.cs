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
            fix: null,
            noFixReason: "The right source (an office range, a VPN, a bastion's security group) is a decision only the " +
                "author can make. The planned fix replaces the world CIDR with a reference to a new template parameter (no " +
                "default, CIDR AllowedPattern); it is not offered until that edit kind exists for both front-ends.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_24"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_100"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-EC2RestrictedSSH"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-EC2RestrictedSSH"),
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
            fix: null,
            noFixReason: "The right source (an office range, a VPN, a bastion's security group) is a decision only the " +
                "author can make. The planned fix replaces the world CIDR with a reference to a new template parameter (no " +
                "default, CIDR AllowedPattern); it is not offered until that edit kind exists for both front-ends.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_25"),
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
            fix: null,
            noFixReason: "A new instance is a new resource with its own class, zone and parameter choices; copying the " +
                "writer's settings silently doubles its cost, so the author adds the reader.");

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
            });

        /// <summary>Every rule, tool diagnostics included, in id order.</summary>
        public static IReadOnlyList<RuleInfo> All { get; } = new[]
        {
            TemplateUnreadable,
            RuleFailed,
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
