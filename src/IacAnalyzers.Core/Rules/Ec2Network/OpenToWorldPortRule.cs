using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>
    /// The logic shared by the "administration port open to the world" rules (IAC1101 SSH, IAC1102 RDP): a TCP port
    /// reachable from any address through a security group's ingress.
    /// <para>
    /// Reads inline <c>AWS::EC2::SecurityGroup.SecurityGroupIngress</c> items and standalone
    /// <c>AWS::EC2::SecurityGroupIngress</c> resources (egress is never ingress). A source is the world when
    /// <c>CidrIp</c> or <c>CidrIpv6</c> has prefix length 0 (<c>0.0.0.0/0</c>, <c>1.2.3.4/0</c>, <c>::/0</c>);
    /// prefix lists and source security groups are not. The port is reachable when <c>IpProtocol</c> is
    /// <c>-1</c>/<c>all</c> (every protocol and port, whatever the port fields say), or <c>tcp</c>/<c>6</c> with
    /// <c>FromPort</c>..<c>ToPort</c> covering it (a port of <c>-1</c> means every port; ports may be strings).
    /// UDP, ICMP and other protocols never carry SSH or RDP sessions. Every field may be a one-of (all combinations
    /// are tried, and the message names the branches); an unknown field means "no finding".
    /// </para>
    /// </summary>
    public abstract class OpenToWorldPortRule : Rule
    {
        public const string SecurityGroup = "AWS::EC2::SecurityGroup";
        public const string SecurityGroupIngress = "AWS::EC2::SecurityGroupIngress";
        public const string EksNodegroup = "AWS::EKS::Nodegroup";

        /// <summary>Upper bound of protocol × from × to combinations tried for one source (one-of explosion guard).</summary>
        private const int MaxCombinations = 256;

        protected OpenToWorldPortRule(RuleInfo info, int port, string service)
            : base(info, SecurityGroup, SecurityGroupIngress, EksNodegroup)
        {
            Port = port;
            Service = service;
        }

        /// <summary>The TCP port this rule protects.</summary>
        public int Port { get; }

        /// <summary>The service on that port, as messages and fixes name it (<c>SSH</c>, <c>RDP</c>).</summary>
        public string Service { get; }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (resource.IsType(SecurityGroup))
            {
                var ingress = resource.Properties.Get("SecurityGroupIngress");
                if (ingress == null)
                {
                    return;
                }

                var subject = "Security group '" + resource.Name + "'";
                foreach (var listLeaf in ingress.Leaves())
                {
                    if (!(listLeaf.Value is ListValue list))
                    {
                        continue;
                    }

                    foreach (var item in list.Items)
                    {
                        foreach (var itemLeaf in item.Leaves())
                        {
                            if (itemLeaf.Value is MapValue rule)
                            {
                                CheckRule(resource, subject, rule, Join(listLeaf.Branch, itemLeaf.Branch), findings);
                            }
                        }
                    }
                }
            }
            else if (resource.IsType(SecurityGroupIngress))
            {
                CheckRule(resource, StandaloneSubject(resource), resource.Properties, null, findings);
            }
            else if (resource.IsType(EksNodegroup))
            {
                CheckNodegroup(resource, findings);
            }
        }

        /// <summary>
        /// An EKS managed node group with remote access: "If you specify an Amazon EC2 SSH key but don't specify a source
        /// security group ..., then the port on the nodes is opened to the internet (0.0.0.0/0)" — port 22, or 3389 for
        /// Windows AMI types (CloudFormation <c>RemoteAccess.SourceSecurityGroups</c> reference).
        /// </summary>
        private void CheckNodegroup(ResourceView resource, IList<Finding> findings)
        {
            if (!(resource.Properties.Get("RemoteAccess") is MapValue remote))
            {
                return;
            }

            var key = remote.Get("Ec2SshKey");
            if (key == null || (key is ScalarValue k && (k.Kind == ScalarKind.Null || k.Text.Trim().Length == 0)))
            {
                return;
            }

            var sources = remote.Get("SourceSecurityGroups");
            if (sources != null && !(sources is ListValue list && list.Items.Count == 0))
            {
                return;
            }

            var amiType = resource.Properties.Get("AmiType");
            int port;
            if (amiType == null)
            {
                port = 22;
            }
            else if (amiType.AsString() is string ami)
            {
                port = ami.Trim().StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase) ? 3389 : 22;
            }
            else
            {
                return;
            }

            if (port != Port)
            {
                return;
            }

            var why = sources == null ? "no SourceSecurityGroups" : "an empty SourceSecurityGroups";
            findings.Add(Create(
                resource,
                key.Location,
                null,
                "EKS node group '" + resource.Name + "'",
                "0.0.0.0/0",
                "TCP port " + Port.ToString(CultureInfo.InvariantCulture) + " (RemoteAccess has an Ec2SshKey and " + why + ", so EKS opens the port to 0.0.0.0/0)",
                Detail(new[] { (string?)null }, new[] { key.Provenance })));
        }

        /// <summary>"Ingress rule 'X' of security group 'Y'", naming the group when its reference can be followed.</summary>
        private static string StandaloneSubject(ResourceView resource)
        {
            var subject = "Ingress rule '" + resource.Name + "'";
            var group = GroupName(resource, resource.Properties.Get("GroupId")) ?? GroupName(resource, resource.Properties.Get("GroupName"));
            return group == null ? subject : subject + " of security group '" + group + "'";
        }

        private static string? GroupName(ResourceView resource, Value? value)
        {
            switch (value)
            {
                case UnknownValue reference when reference.ReferencedResource != null:
                    return resource.Context.Find(reference.ReferencedResource)?.Name ?? reference.ReferencedResource;
                case ScalarValue scalar when scalar.Kind == ScalarKind.String && scalar.Text.Length > 0:
                    return scalar.Text;
                default:
                    return null;
            }
        }

        private void CheckRule(ResourceView resource, string subject, MapValue rule, string? ruleBranch, IList<Finding> findings)
        {
            foreach (var cidrKey in new[] { "CidrIp", "CidrIpv6" })
            {
                var cidr = rule.Get(cidrKey);
                if (cidr == null)
                {
                    continue;
                }

                foreach (var cidrLeaf in cidr.Leaves())
                {
                    if (!IsWorld(cidrLeaf.Value))
                    {
                        continue;
                    }

                    var reach = FindReach(rule, ruleBranch, cidrLeaf.Branch);
                    if (reach == null)
                    {
                        continue;
                    }

                    var branches = new List<string?> { ruleBranch, cidrLeaf.Branch };
                    branches.AddRange(reach.Branches);
                    var provenances = new List<string?> { cidrLeaf.Value.Provenance };
                    provenances.AddRange(reach.Provenances);
                    var cidrText = ((ScalarValue)cidrLeaf.Value).Text.Trim();
                    findings.Add(Create(
                        resource,
                        cidrLeaf.Value.Location,
                        ParameterFix(resource, cidrLeaf.Value, cidrText),
                        subject,
                        cidrText,
                        reach.Description,
                        Detail(branches, provenances)));
                }
            }
        }

        /// <summary>
        /// In a template, a CIDR written where it is (not a parameter's default, not produced by <c>Fn::Sub</c>) is
        /// replaced by a <c>Ref</c> to a new parameter with no default and a CIDR <c>AllowedPattern</c>, so whoever
        /// deploys chooses the source. A default is fixed where the parameter is declared, by hand; C# has no writer for
        /// this intent yet (it would add a <c>CfnParameter</c>), so CDK findings carry none.
        /// </summary>
        private FixIntent? ParameterFix(ResourceView resource, Value cidr, string cidrText)
            => resource.Surface == Surfaces.CloudFormation && cidr.Provenance == null
                ? ReplaceWithParameterFix.ForCidr(
                    cidr.Location,
                    cidrText,
                    char.ToUpperInvariant(Service[0]) + Service.Substring(1).ToLowerInvariant() + "IngressCidr",
                    "CIDR block allowed to reach " + Service + " (TCP port " + Port.ToString(CultureInfo.InvariantCulture) + ")")
                : null;

        /// <summary>True for a CIDR with prefix length 0 (any address): <c>0.0.0.0/0</c>, <c>10.1.2.3/0</c>, <c>::/0</c>.</summary>
        public static bool IsWorld(Value value)
        {
            if (!(value is ScalarValue scalar) || scalar.Kind != ScalarKind.String)
            {
                return false;
            }

            var text = scalar.Text.Trim();
            var slash = text.IndexOf('/');
            if (slash <= 0 || slash != text.LastIndexOf('/'))
            {
                return false;
            }

            var address = text.Substring(0, slash);
            var prefix = text.Substring(slash + 1);
            return (address.IndexOf('.') >= 0 || address.IndexOf(':') >= 0)
                && int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && length == 0;
        }

        private sealed class Reach
        {
            public Reach(string description, IReadOnlyList<string?> branches, IReadOnlyList<string?> provenances)
            {
                Description = description;
                Branches = branches;
                Provenances = provenances;
            }

            public string Description { get; }

            public IReadOnlyList<string?> Branches { get; }

            public IReadOnlyList<string?> Provenances { get; }
        }

        private enum Protocol
        {
            Unknown,
            All,
            Tcp,
            Other,
        }

        /// <summary>
        /// The first combination of protocol and ports that reaches <see cref="Port"/>, or null. Combinations whose
        /// branches contradict each other or the source's (the same condition true in one and false in another, as
        /// when one <c>Fn::If</c> or one C# conditional chooses several fields) are skipped.
        /// </summary>
        private Reach? FindReach(MapValue rule, string? ruleBranch, string? cidrBranch)
        {
            var protocol = rule.Get("IpProtocol");
            if (protocol == null)
            {
                return null;
            }

            var tried = 0;
            foreach (var protocolLeaf in protocol.Leaves())
            {
                var kind = ProtocolOf(protocolLeaf.Value);
                if (!Consistent(ruleBranch, cidrBranch, protocolLeaf.Branch))
                {
                    continue;
                }

                if (kind == Protocol.All)
                {
                    return new Reach(
                        "all traffic (IpProtocol " + ((ScalarValue)protocolLeaf.Value).Text.Trim() + ")",
                        new[] { protocolLeaf.Branch },
                        new[] { protocolLeaf.Value.Provenance });
                }

                if (kind != Protocol.Tcp)
                {
                    continue;
                }

                var from = rule.Get("FromPort");
                var to = rule.Get("ToPort");
                if (from == null && to == null)
                {
                    continue;
                }

                foreach (var fromLeaf in (from ?? to!).Leaves())
                {
                    foreach (var toLeaf in (to ?? from!).Leaves())
                    {
                        if (++tried > MaxCombinations)
                        {
                            return null;
                        }

                        if (!Consistent(ruleBranch, cidrBranch, protocolLeaf.Branch, fromLeaf.Branch, toLeaf.Branch))
                        {
                            continue;
                        }

                        var low = PortOf(fromLeaf.Value);
                        var high = PortOf(toLeaf.Value);
                        if (low == null || high == null)
                        {
                            continue;
                        }

                        string? range = null;
                        if (low.Value == -1 || high.Value == -1 || (low.Value <= 0 && high.Value >= 65535))
                        {
                            range = "all TCP ports";
                        }
                        else if (low.Value <= Port && Port <= high.Value)
                        {
                            range = low.Value == high.Value
                                ? "TCP port " + low.Value.ToString(CultureInfo.InvariantCulture)
                                : "TCP ports " + low.Value.ToString(CultureInfo.InvariantCulture) + "-" + high.Value.ToString(CultureInfo.InvariantCulture);
                        }

                        if (range != null)
                        {
                            return new Reach(
                                range,
                                new[] { protocolLeaf.Branch, fromLeaf.Branch, toLeaf.Branch },
                                new[] { protocolLeaf.Value.Provenance, fromLeaf.Value.Provenance, toLeaf.Value.Provenance });
                        }
                    }
                }
            }

            return null;
        }

        private static Protocol ProtocolOf(Value value)
        {
            if (!(value is ScalarValue scalar) || scalar.Kind == ScalarKind.Null || scalar.Kind == ScalarKind.Boolean)
            {
                return Protocol.Unknown;
            }

            var text = scalar.Text.Trim();
            if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return Protocol.All;
            }

            if (text.Equals("tcp", StringComparison.OrdinalIgnoreCase))
            {
                return Protocol.Tcp;
            }

            switch (scalar.AsInteger())
            {
                case -1:
                    return Protocol.All;
                case 6:
                    return Protocol.Tcp;
                default:
                    return Protocol.Other;
            }
        }

        /// <summary>
        /// False when two branch labels say the same condition is both true and false ("when condition 'X' is true" and
        /// "when condition 'X' is false", "when `c` is true" and "when `c` is false"); labels joined with " and " are split.
        /// </summary>
        internal static bool Consistent(params string?[] labels)
        {
            HashSet<string>? seen = null;
            foreach (var label in labels)
            {
                if (label == null)
                {
                    continue;
                }

                foreach (var atom in label.Split(new[] { " and " }, StringSplitOptions.RemoveEmptyEntries))
                {
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    seen.Add(atom.Trim());
                }
            }

            if (seen == null)
            {
                return true;
            }

            foreach (var atom in seen)
            {
                if (atom.EndsWith(" is true", StringComparison.Ordinal)
                    && seen.Contains(atom.Substring(0, atom.Length - " is true".Length) + " is false"))
                {
                    return false;
                }
            }

            return true;
        }

        private static long? PortOf(Value value) => value is ScalarValue scalar ? scalar.AsInteger() : null;

        private static string? Join(string? a, string? b) => a == null ? b : b == null ? a : a + " and " + b;

        /// <summary>" (branch and branch; from provenance; ...)" with duplicates removed, or "".</summary>
        internal static string Detail(IEnumerable<string?> branches, IEnumerable<string?> provenances)
        {
            var labels = new List<string>();
            foreach (var b in branches)
            {
                if (b != null && !labels.Contains(b))
                {
                    labels.Add(b);
                }
            }

            var parts = new List<string>();
            if (labels.Count > 0)
            {
                parts.Add(string.Join(" and ", labels));
            }

            foreach (var p in provenances)
            {
                if (p != null && !parts.Contains("from " + p))
                {
                    parts.Add("from " + p);
                }
            }

            return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
        }
    }
}
