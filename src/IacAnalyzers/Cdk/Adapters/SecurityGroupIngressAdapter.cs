using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>securityGroup.AddIngressRule(peer, connection, ...)</c> → the group's inline ingress rule, as CDK synthesizes
    /// it for CIDR peers (<c>SecurityGroup.AddIngressRule</c>: "Add an ingress rule for the current security group").
    /// Calls through <c>ISecurityGroup</c> (imported groups) count too. <c>AddEgressRule</c> is egress, never read.
    /// </summary>
    public sealed class SecurityGroupIngressAdapter : CdkAdapter
    {
        public SecurityGroupIngressAdapter()
            : base(IngressRules.SecurityGroupType)
        {
            // The interface covers SecurityGroup and every other implementation (one trigger, so one view per call).
            OnCall("Amazon.CDK.AWS.EC2.ISecurityGroup", "AddIngressRule");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var rule = IngressRules.Rule(input.Argument("peer"), input.Argument("connection"), input.Location);
            output.Add(IngressRules.GroupView(input, IngressRules.GroupName(input), new Value[] { rule }));
        }
    }
}
