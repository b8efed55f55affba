using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>The protocol of an ingress rule, as far as TCP ports are concerned.</summary>
    public enum IngressProtocol
    {
        Unknown,

        /// <summary><c>-1</c> or <c>all</c>: every protocol and port, whatever the port fields say.</summary>
        All,

        /// <summary><c>tcp</c> or <c>6</c>.</summary>
        Tcp,

        /// <summary>UDP, ICMP and every other protocol: never carries an SSH or RDP session.</summary>
        Other,
    }

    /// <summary>
    /// Which TCP ports an ingress rule (<c>IpProtocol</c>, <c>FromPort</c>, <c>ToPort</c>) opens: the pure part
    /// (<see cref="Describe"/>, table-tested) and the walk over one-of fields (<see cref="Find"/>).
    /// </summary>
    public sealed class PortReach
    {
        /// <summary>Upper bound of protocol × from × to combinations tried for one source (one-of explosion guard).</summary>
        public const int MaxCombinations = 256;

        private PortReach(string description, IngressProtocol protocol, long from, long to, BranchPath? path, IReadOnlyList<Value> values)
        {
            Description = description;
            Protocol = protocol;
            From = from;
            To = to;
            Path = path;
            Values = values;
        }

        /// <summary>"all traffic (IpProtocol -1)", "all TCP ports", "TCP port 22", "TCP ports 20-30".</summary>
        public string Description { get; }

        public IngressProtocol Protocol { get; }

        public long From { get; }

        public long To { get; }

        /// <summary>The branches of the protocol and port fields this combination takes.</summary>
        public BranchPath? Path { get; }

        /// <summary>The protocol and port values of this combination (for their provenance).</summary>
        public IReadOnlyList<Value> Values { get; }

        /// <summary>True when this combination also opens TCP <paramref name="port"/>.</summary>
        public bool Reaches(int port) => Describe(Protocol, From, To, port, string.Empty) != null;

        public static IngressProtocol ProtocolOf(Value value)
        {
            if (!(value is ScalarValue scalar) || scalar.Kind == ScalarKind.Null || scalar.Kind == ScalarKind.Boolean)
            {
                return IngressProtocol.Unknown;
            }

            var text = scalar.Text.Trim();
            if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return IngressProtocol.All;
            }

            if (text.Equals("tcp", StringComparison.OrdinalIgnoreCase))
            {
                return IngressProtocol.Tcp;
            }

            switch (scalar.AsInteger())
            {
                case -1:
                    return IngressProtocol.All;
                case 6:
                    return IngressProtocol.Tcp;
                default:
                    return IngressProtocol.Other;
            }
        }

        /// <summary>
        /// How a rule of <paramref name="protocol"/> from <paramref name="from"/> to <paramref name="to"/> opens TCP
        /// <paramref name="port"/>, or null when it does not. A port of -1 means every port; 0-65535 is every port.
        /// </summary>
        public static string? Describe(IngressProtocol protocol, long from, long to, int port, string protocolText)
        {
            switch (protocol)
            {
                case IngressProtocol.All:
                    return "all traffic (IpProtocol " + protocolText + ")";
                case IngressProtocol.Tcp:
                    if (from == -1 || to == -1 || (from <= 0 && to >= 65535))
                    {
                        return "all TCP ports";
                    }

                    if (from <= port && port <= to)
                    {
                        return from == to
                            ? "TCP port " + from.ToString(CultureInfo.InvariantCulture)
                            : "TCP ports " + from.ToString(CultureInfo.InvariantCulture) + "-" + to.ToString(CultureInfo.InvariantCulture);
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The combinations of protocol and ports of <paramref name="rule"/> that open TCP <paramref name="port"/>, in
        /// branch order, each consistent with <paramref name="context"/> (the branches of the rule and its source):
        /// combinations whose branches contradict each other or the context are skipped. Unknown fields give nothing.
        /// </summary>
        public static IEnumerable<PortReach> Find(MapValue rule, int port, BranchPath? context)
        {
            var protocol = rule.Get("IpProtocol");
            if (protocol == null)
            {
                yield break;
            }

            var tried = 0;
            foreach (var protocolLeaf in protocol.Leaves(context))
            {
                var kind = ProtocolOf(protocolLeaf.Value);
                if (kind == IngressProtocol.All)
                {
                    var text = ((ScalarValue)protocolLeaf.Value).Text.Trim();
                    yield return new PortReach(Describe(kind, -1, -1, port, text)!, kind, -1, -1, protocolLeaf.Path, new[] { protocolLeaf.Value });
                    continue;
                }

                if (kind != IngressProtocol.Tcp)
                {
                    continue;
                }

                var from = rule.Get("FromPort");
                var to = rule.Get("ToPort");
                if (from == null && to == null)
                {
                    continue;
                }

                foreach (var fromLeaf in (from ?? to!).Leaves(protocolLeaf.Path))
                {
                    foreach (var toLeaf in (to ?? from!).Leaves(fromLeaf.Path))
                    {
                        if (++tried > MaxCombinations)
                        {
                            yield break;
                        }

                        var low = (fromLeaf.Value as ScalarValue)?.AsInteger();
                        var high = (toLeaf.Value as ScalarValue)?.AsInteger();
                        if (low == null || high == null)
                        {
                            continue;
                        }

                        var description = Describe(kind, low.Value, high.Value, port, string.Empty);
                        if (description != null)
                        {
                            yield return new PortReach(description, kind, low.Value, high.Value, toLeaf.Path, new[] { protocolLeaf.Value, fromLeaf.Value, toLeaf.Value });
                        }
                    }
                }
            }
        }
    }
}
