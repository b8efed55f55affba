using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>NatProvider.InstanceV2(new NatInstanceProps { ... })</c> → the NAT instances' security group, which CDK opens
    /// to all traffic from <c>0.0.0.0/0</c> unless told otherwise (Amazon.CDK.Lib 2.160.0,
    /// <c>INatInstanceProps.DefaultAllowedTraffic</c>: "Direction to allow all traffic through the NAT instance by
    /// default. By default, inbound and outbound traffic is allowed. ... Default: NatTrafficDirection.INBOUND_AND_OUTBOUND").
    /// <c>OUTBOUND_ONLY</c> and <c>NONE</c> add no ingress; a <c>SecurityGroup</c> passed in is the author's (not judged
    /// here); an unknown direction stays unknown. The rule is located at the written direction, else at the call.
    /// </summary>
    public sealed class NatInstanceV2Adapter : CdkAdapter
    {
        private const string DefaultProvenance = "NatInstanceProps.DefaultAllowedTraffic: INBOUND_AND_OUTBOUND by default, all traffic from 0.0.0.0/0";
        private const string WrittenProvenance = "NatTrafficDirection.INBOUND_AND_OUTBOUND: all traffic from 0.0.0.0/0";

        public NatInstanceV2Adapter()
            : base(IngressRules.SecurityGroupType)
        {
            OnCall("Amazon.CDK.AWS.EC2.NatProvider", "InstanceV2");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var props = input.Argument("props");
            if (!(props is MapValue map) || map.GetEntry("SecurityGroup") != null)
            {
                return;
            }

            var rules = new List<Value>();
            var direction = map.Get("DefaultAllowedTraffic");
            if (direction == null)
            {
                rules.Add(AllTraffic(IngressRules.MethodName(input), DefaultProvenance));
            }
            else
            {
                foreach (var leaf in direction.Leaves())
                {
                    if (leaf.Value.AsString() == "INBOUND_AND_OUTBOUND")
                    {
                        rules.Add(AllTraffic(leaf.Value.Location, WrittenProvenance));
                    }
                }
            }

            if (rules.Count > 0)
            {
                output.Add(IngressRules.GroupView(input, "NatSecurityGroup", rules));
            }
        }

        private static Value AllTraffic(SourceLocation at, string provenance)
            => IngressRules.Rule(IngressRules.World(false, at, provenance), "-1", -1, -1, at, provenance);
    }
}
