using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// CDK knowledge shared by the ingress adapters: <c>Peer</c> and <c>Port</c> values to the CloudFormation fields of
    /// one security group ingress rule (<c>CidrIp</c>/<c>CidrIpv6</c>, <c>IpProtocol</c>, <c>FromPort</c>, <c>ToPort</c>),
    /// each located where it is written in C#, and the view the rules read.
    /// <para>
    /// Sources (Amazon.CDK.Lib 2.160.0 XML docs): <c>Peer.AnyIpv4()</c> "Any IPv4 address" (CDK renders 0.0.0.0/0),
    /// <c>Peer.AnyIpv6()</c> "Any IPv6 address" (::/0), <c>Peer.Ipv4(cidrIp)</c>/<c>Peer.Ipv6(cidrIp)</c> "Create an
    /// IPv4/IPv6 peer from a CIDR"; <c>Port.AllTraffic()</c> "All traffic" (protocol -1), <c>Port.AllTcp()</c> "Any TCP
    /// traffic" (0-65535), <c>Port.Tcp(port)</c> "A single TCP port", <c>Port.TcpRange(startPort, endPort)</c> "A TCP
    /// port range"; the static ports <c>Port.SSH</c> (22), <c>Port.RDP</c> (3389, Remote Desktop; not
    /// <c>Protocol.RDP</c>, which is IP protocol 27) and the other named ports. Peers that are security groups,
    /// prefix lists or constructs give no CIDR: they are never the world.
    /// </para>
    /// </summary>
    internal static class IngressRules
    {
        public const string SecurityGroupType = "AWS::EC2::SecurityGroup";

        /// <summary>The named static ports of <c>Port</c> that are TCP, by member name.</summary>
        private static readonly Dictionary<string, int> NamedTcpPorts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["SSH"] = 22,
            ["SMTP"] = 25,
            ["DNS_TCP"] = 53,
            ["HTTP"] = 80,
            ["POP3"] = 110,
            ["IMAP"] = 143,
            ["LDAP"] = 389,
            ["HTTPS"] = 443,
            ["SMB"] = 445,
            ["IMAPS"] = 993,
            ["POP3S"] = 995,
            ["MSSQL"] = 1433,
            ["NFS"] = 2049,
            ["MYSQL_AURORA"] = 3306,
            ["RDP"] = 3389,
            ["POSTGRES"] = 5432,
        };

        /// <summary>
        /// One ingress rule as a map: the peer's CIDR and the port's protocol and range. One-ofs stay one-ofs (each field
        /// keeps the branch labels, so the rules can match them up); unknown stays unknown.
        /// </summary>
        public static MapValue Rule(Value? peer, Value? port, SourceLocation at)
        {
            var entries = new List<MapEntry>(5);
            if (peer != null)
            {
                AddIfAny(entries, "CidrIp", CdkConvert.Leaves(peer, p => Cidr(p, ipv6: false)), peer.Location);
                AddIfAny(entries, "CidrIpv6", CdkConvert.Leaves(peer, p => Cidr(p, ipv6: true)), peer.Location);
            }

            if (port != null)
            {
                entries.Add(new MapEntry("IpProtocol", port.Location, CdkConvert.Leaves(port, p => PortField(p, 0))));
                entries.Add(new MapEntry("FromPort", port.Location, CdkConvert.Leaves(port, p => PortField(p, 1))));
                entries.Add(new MapEntry("ToPort", port.Location, CdkConvert.Leaves(port, p => PortField(p, 2))));
            }

            return new MapValue(entries, at);
        }

        /// <summary>A port known by its protocol and range (for methods whose port is fixed, like <c>AllowSshAccessFrom</c>).</summary>
        public static MapValue Rule(Value? peer, string protocol, int from, int to, SourceLocation at, string implied)
        {
            var provenance = Provenance.Derived(implied);
            var rule = Rule(peer, null, at);
            var entries = new List<MapEntry>(rule.Entries)
            {
                new MapEntry("IpProtocol", at, new ScalarValue(protocol, ScalarKind.String, at, provenance)),
                new MapEntry("FromPort", at, Number(from, at, provenance)),
                new MapEntry("ToPort", at, Number(to, at, provenance)),
            };
            return new MapValue(entries, at);
        }

        /// <summary>
        /// A security group view holding <paramref name="rules"/> as inline ingress, which is what CDK synthesizes for
        /// CIDR peers on a group of the same stack. Named after the group's construct id when it can be read.
        /// </summary>
        public static ResourceView GroupView(AdapterInput input, string groupName, IReadOnlyList<Value> rules)
        {
            var list = new ListValue(rules, input.Location);
            var properties = new MapValue(new[] { new MapEntry("SecurityGroupIngress", input.Location, list) }, input.Location);
            return new ResourceView(SecurityGroupType, groupName, input.Location, properties, Surfaces.Cdk, input.Context, propertiesWritten: true);
        }

        /// <summary>
        /// The name of the security group a call adds ingress to: the construct id of the receiver (or of the object
        /// whose <c>Connections</c> it is), else the receiver's source text.
        /// </summary>
        public static string GroupName(AdapterInput input)
        {
            if (input.Operation is IInvocationOperation invocation && invocation.Instance != null)
            {
                var instance = invocation.Instance;
                if (instance is IPropertyReferenceOperation property && property.Property.Name == "Connections" && property.Instance != null)
                {
                    instance = property.Instance;
                }

                var value = instance == invocation.Instance ? input.Receiver : input.Resolver.Resolve(instance);
                return CdkValues.ConstructId(value) ?? instance.Syntax.ToString();
            }

            return input.Name;
        }

        /// <summary>The location of the called method's name (<c>AllowFromAnyIpv4</c> in <c>c.AllowFromAnyIpv4(...)</c>), else the call.</summary>
        public static SourceLocation MethodName(AdapterInput input)
        {
            if (input.Operation.Syntax is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax access)
            {
                return Host.Locations.FromSyntax(access.Name);
            }

            return input.Location;
        }

        /// <summary>The world CIDR of a written world peer (<c>Peer.AnyIpv4()</c>): written at <paramref name="at"/>, spelled as <paramref name="spelling"/>.</summary>
        public static ScalarValue World(bool ipv6, SourceLocation at, string spelling)
            => new ScalarValue(ipv6 ? "::/0" : "0.0.0.0/0", ScalarKind.String, at, Provenance.Written(spelling));

        private static void AddIfAny(List<MapEntry> entries, string key, Value value, SourceLocation at)
        {
            foreach (var leaf in value.Leaves())
            {
                if (leaf.Value is ScalarValue)
                {
                    entries.Add(new MapEntry(key, at, value));
                    return;
                }
            }
        }

        /// <summary>The CIDR of one peer for the wanted family; unknown when the peer is of the other family or not a CIDR.</summary>
        private static Value Cidr(Value peer, bool ipv6)
        {
            if (peer is ScalarValue cidr && cidr.Kind == ScalarKind.String)
            {
                // A CIDR the adapter made itself (AllowFromAnyIpv4).
                return (cidr.Text.IndexOf(':') >= 0) == ipv6 ? cidr : NotThisFamily(peer);
            }

            if (CdkValues.TypeName(peer) == "Peer")
            {
                switch (CdkValues.MemberName(peer))
                {
                    case "AnyIpv4":
                        return ipv6 ? NotThisFamily(peer) : World(false, peer.Location, "Peer.AnyIpv4()");
                    case "AnyIpv6":
                        return ipv6 ? World(true, peer.Location, "Peer.AnyIpv6()") : NotThisFamily(peer);
                    case "Ipv4":
                        return ipv6 ? NotThisFamily(peer) : CdkValues.Argument(peer, "cidrIp") ?? new UnknownValue("a CIDR that cannot be read", peer.Location);
                    case "Ipv6":
                        return ipv6 ? CdkValues.Argument(peer, "cidrIp") ?? new UnknownValue("a CIDR that cannot be read", peer.Location) : NotThisFamily(peer);
                }
            }

            return new UnknownValue("a peer that is not a CIDR (a security group, a prefix list or a construct)", peer.Location);
        }

        private static Value NotThisFamily(Value peer) => new UnknownValue("a peer of the other address family", peer.Location);

        /// <summary>Field 0: the protocol; 1: the first port; 2: the last port — of one <c>Port</c> value.</summary>
        private static Value PortField(Value port, int field)
        {
            var at = port.Location;
            if (CdkValues.TypeName(port) != "Port" || !(CdkValues.MemberName(port) is string member))
            {
                return new UnknownValue("a port range that cannot be read", at);
            }

            var provenance = Provenance.Written("Port." + member + (member == CdkValues.NewMember ? string.Empty : NamedTcpPorts.ContainsKey(member) ? string.Empty : "()"));
            switch (member)
            {
                case "AllTraffic":
                    return field == 0 ? new ScalarValue("-1", ScalarKind.String, at, provenance) : Number(-1, at, provenance);
                case "AllTcp":
                    return field == 0 ? Text("tcp", at, provenance) : Number(field == 1 ? 0 : 65535, at, provenance);
                case "AllUdp":
                    return field == 0 ? Text("udp", at, provenance) : Number(field == 1 ? 0 : 65535, at, provenance);
                case "Tcp":
                case "Udp":
                    return field == 0
                        ? Text(member == "Tcp" ? "tcp" : "udp", at, null)
                        : CdkValues.Argument(port, "port") ?? new UnknownValue("a port that cannot be read", at);
                case "TcpRange":
                case "UdpRange":
                    return field == 0
                        ? Text(member == "TcpRange" ? "tcp" : "udp", at, null)
                        : CdkValues.Argument(port, field == 1 ? "startPort" : "endPort") ?? new UnknownValue("a port that cannot be read", at);
                case CdkValues.NewMember:
                    return NewPort(port, field, at);
                default:
                    if (NamedTcpPorts.TryGetValue(member, out var named))
                    {
                        return field == 0 ? Text("tcp", at, provenance) : Number(named, at, provenance);
                    }

                    // ICMP, ESP, AH, UDP-only named ports: never TCP.
                    return field == 0 ? Text("other", at, provenance) : Number(-1, at, provenance);
            }
        }

        /// <summary><c>new Port(new PortProps { Protocol = Protocol.TCP, FromPort = 22, ToPort = 22 })</c>.</summary>
        private static Value NewPort(Value port, int field, SourceLocation at)
        {
            if (!(CdkValues.Argument(port, "props") is MapValue props))
            {
                return new UnknownValue("port properties that cannot be read", at);
            }

            if (field == 0)
            {
                var protocol = props.Get("Protocol");
                return protocol == null
                    ? new UnknownValue("a port without a protocol", at)
                    : CdkConvert.Leaves(protocol, p => p.AsString() is string name
                        ? new ScalarValue(ProtocolName(name), ScalarKind.String, p.Location, p.Provenance)
                        : new UnknownValue("a protocol that cannot be read", p.Location));
            }

            // PortProps.FromPort/ToPort: "Default: - Not included in the rule". A missing one is left out here too: the
            // rule then reads the range as the single written port, or cannot tell.
            return props.Get(field == 1 ? "FromPort" : "ToPort") ?? (Value)new UnknownValue("a port that is not written", at);
        }

        /// <summary><c>Protocol</c> enum member → the CloudFormation <c>IpProtocol</c> (ALL → -1, TCP → tcp).</summary>
        private static string ProtocolName(string member)
        {
            switch (member)
            {
                case "ALL":
                    return "-1";
                case "TCP":
                    return "tcp";
                case "UDP":
                    return "udp";
                case "ICMP":
                    return "icmp";
                case "ICMPV6":
                    return "icmpv6";
                default:
                    // Every other IP protocol (Protocol.RDP is the Reliable Data Protocol, 27): not TCP.
                    return "other";
            }
        }

        private static ScalarValue Text(string text, SourceLocation at, Provenance? provenance) => new ScalarValue(text, ScalarKind.String, at, provenance);

        private static ScalarValue Number(int n, SourceLocation at, Provenance provenance)
            => new ScalarValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Number, at, provenance);
    }
}
