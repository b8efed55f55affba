namespace IacAnalyzers.Catalog
{
    /// <summary>IAC1101-IAC1199: Security, network exposure (SEC05).</summary>
    public static partial class RuleCatalog
    {
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
            });
    }
}
