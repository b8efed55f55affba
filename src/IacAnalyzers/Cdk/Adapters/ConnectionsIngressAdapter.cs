using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// Ingress through <c>Connections</c> (C# <c>Connections_</c>, reached as <c>x.Connections</c> on instances, groups,
    /// load balancers, databases, ...): <c>AllowFrom(other, portRange)</c>, <c>AllowFromAnyIpv4(portRange)</c>,
    /// <c>AllowDefaultPortFrom(other)</c> and <c>AllowDefaultPortFromAnyIpv4()</c>. The default port is known only when
    /// the receiver is a <c>new Connections(new ConnectionsProps { DefaultPort = ... })</c> the analyzer can read
    /// (<c>ConnectionsProps.DefaultPort</c>: "Default: - No default port"); a construct's own default port (a database's
    /// engine port, ...) is not modelled, so those calls are unknown and never flagged. <c>AllowTo*</c> open the
    /// other side's ingress, not this one's, and are not read.
    /// </summary>
    public sealed class ConnectionsIngressAdapter : CdkAdapter
    {
        private const string Connections = "Amazon.CDK.AWS.EC2.Connections_";

        public ConnectionsIngressAdapter()
            : base(IngressRules.SecurityGroupType)
        {
            OnCall(Connections, "AllowFrom");
            OnCall(Connections, "AllowFromAnyIpv4");
            OnCall(Connections, "AllowDefaultPortFrom");
            OnCall(Connections, "AllowDefaultPortFromAnyIpv4");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            Value? peer;
            Value? port;
            switch (input.Operation is Microsoft.CodeAnalysis.Operations.IInvocationOperation call ? call.TargetMethod.Name : string.Empty)
            {
                case "AllowFrom":
                    peer = input.Argument("other");
                    port = input.Argument("portRange");
                    break;
                case "AllowFromAnyIpv4":
                    peer = IngressRules.World(false, IngressRules.MethodName(input), "AllowFromAnyIpv4");
                    port = input.Argument("portRange");
                    break;
                case "AllowDefaultPortFrom":
                    peer = input.Argument("other");
                    port = DefaultPort(input);
                    break;
                case "AllowDefaultPortFromAnyIpv4":
                    peer = IngressRules.World(false, IngressRules.MethodName(input), "AllowDefaultPortFromAnyIpv4");
                    port = DefaultPort(input);
                    break;
                default:
                    return;
            }

            if (peer == null || port == null)
            {
                return;
            }

            var rule = IngressRules.Rule(peer, port, input.Location);
            output.Add(IngressRules.GroupView(input, IngressRules.GroupName(input), new Value[] { rule }));
        }

        /// <summary>The receiver's <c>DefaultPort</c> when it is a readable <c>new Connections(props)</c>; otherwise null.</summary>
        private static Value? DefaultPort(AdapterInput input)
        {
            var receiver = input.Receiver;
            if (CdkValues.TypeName(receiver) != "Connections_" || CdkValues.MemberName(receiver) != CdkValues.NewMember)
            {
                return null;
            }

            return (CdkValues.Argument(receiver, "props") as MapValue)?.Get("DefaultPort");
        }
    }
}
