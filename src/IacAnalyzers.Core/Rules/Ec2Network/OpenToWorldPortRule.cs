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
    /// <c>AWS::EC2::SecurityGroupIngress</c> resources (egress is never ingress), and EKS node groups
    /// (<see cref="EksRemoteAccess"/>). A source is the world when <c>CidrIp</c> or <c>CidrIpv6</c> has prefix length 0
    /// (<see cref="WorldCidr"/>); prefix lists and source security groups are not. Which ports a rule opens:
    /// <see cref="PortReach"/>. Every field may be a one-of (consistent combinations are tried, and the message names
    /// the branches); an unknown field means "no finding".
    /// </para>
    /// <para>
    /// One mistake, one finding: an ingress rule that opens several administration ports at once (all traffic, all TCP
    /// ports, a range covering 22 and 3389) is reported once, by the rule of the first port in <see cref="AdminPorts"/>
    /// (IAC1101), whose message names the other ports it opens too. IAC1102 reports only combinations that open RDP
    /// without SSH. Suppressing IAC1101 on such a rule therefore hides its RDP exposure as well: narrow the rule instead.
    /// </para>
    /// </summary>
    public abstract class OpenToWorldPortRule : Rule
    {
        public const string SecurityGroup = "AWS::EC2::SecurityGroup";
        public const string SecurityGroupIngress = "AWS::EC2::SecurityGroupIngress";
        public const string EksNodegroup = "AWS::EKS::Nodegroup";

        /// <summary>The administration ports with a rule of their own, in reporting order.</summary>
        public static readonly IReadOnlyList<(int Port, string Service)> AdminPorts = new[] { (22, "SSH"), (3389, "RDP") };

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
                        foreach (var itemLeaf in item.Leaves(listLeaf.Path))
                        {
                            if (itemLeaf.Value is MapValue rule)
                            {
                                CheckRule(resource, subject, rule, itemLeaf.Path, findings);
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
                var open = EksRemoteAccess.OpenPort(resource.Properties);
                if (open is (int port, Value key, string why) && port == Port)
                {
                    findings.Add(Create(
                        resource,
                        key.Location,
                        null,
                        "EKS node group '" + resource.Name + "'",
                        "0.0.0.0/0",
                        "TCP port " + Port.ToString(CultureInfo.InvariantCulture) + " (RemoteAccess has an Ec2SshKey and " + why + ", so EKS opens the port to 0.0.0.0/0)",
                        FindingText.Suffix(FindingText.From(key))));
                }
            }
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

        private void CheckRule(ResourceView resource, string subject, MapValue rule, BranchPath? ruleBranch, IList<Finding> findings)
        {
            foreach (var cidrKey in new[] { "CidrIp", "CidrIpv6" })
            {
                var cidr = rule.Get(cidrKey);
                if (cidr == null)
                {
                    continue;
                }

                foreach (var cidrLeaf in cidr.Leaves(ruleBranch))
                {
                    if (!WorldCidr.IsWorld(cidrLeaf.Value))
                    {
                        continue;
                    }

                    var reach = FirstReportedReach(rule, cidrLeaf.Path);
                    if (reach == null)
                    {
                        continue;
                    }

                    var parts = new List<string?> { reach.Path?.Describe(), FindingText.From(cidrLeaf.Value) };
                    foreach (var value in reach.Values)
                    {
                        parts.Add(FindingText.From(value));
                    }

                    var cidrText = ((ScalarValue)cidrLeaf.Value).Text.Trim();
                    var fix = cidrLeaf.IsFixableInPlace() && cidrLeaf.Value.Origin == ValueOrigin.Written ? ParameterFix(cidrLeaf.Value, cidrText) : null;
                    findings.Add(Create(resource, cidrLeaf.Value.Location, fix, subject, cidrText, Describe(reach), FindingText.Suffix(parts)));
                }
            }
        }

        /// <summary>
        /// The first combination that opens <see cref="Port"/> and no administration port listed before it (those are the
        /// earlier rule's finding), or null.
        /// </summary>
        private PortReach? FirstReportedReach(MapValue rule, BranchPath? context)
        {
            foreach (var reach in PortReach.Find(rule, Port, context))
            {
                var earlier = false;
                foreach (var (port, _) in AdminPorts)
                {
                    if (port == Port)
                    {
                        break;
                    }

                    earlier |= reach.Reaches(port);
                }

                if (!earlier)
                {
                    return reach;
                }
            }

            return null;
        }

        /// <summary>The reach, naming the later administration ports it opens too ("all TCP ports, RDP (TCP port 3389) included").</summary>
        private string Describe(PortReach reach)
        {
            var text = reach.Description;
            var after = false;
            foreach (var (port, service) in AdminPorts)
            {
                if (port == Port)
                {
                    after = true;
                }
                else if (after && reach.Reaches(port))
                {
                    text += ", " + service + " (TCP port " + port.ToString(CultureInfo.InvariantCulture) + ") included";
                }
            }

            return text;
        }

        /// <summary>
        /// A world CIDR written where it is (not a parameter's default, not computed) is replaced by a new parameter with
        /// no default and the <see cref="CidrPattern"/> of its family, so whoever deploys chooses the source. Each surface's
        /// writer decides whether it can make the edit (in C#, a written <c>Peer.*</c> call).
        /// </summary>
        private ReplaceWithParameterFix ParameterFix(Value cidr, string cidrText)
        {
            var name = char.ToUpperInvariant(Service[0]) + Service.Substring(1).ToLowerInvariant() + "IngressCidr";
            return ReplaceWithParameterFix.ForCidr(
                cidr.Location,
                cidrText,
                name,
                "CIDR block allowed to reach " + Service + " (TCP port " + Port.ToString(CultureInfo.InvariantCulture) + ")",
                "Allow " + Service + " only from a CIDR given by a new parameter '" + name + "'");
        }
    }
}
