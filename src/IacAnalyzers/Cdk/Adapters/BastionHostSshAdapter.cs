using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>bastion.AllowSshAccessFrom(params peers)</c> → TCP 22 from each peer into the bastion's security group
    /// (<c>BastionHostLinux.AllowSshAccessFrom</c>: "Allow SSH access from the given peer or peers. Necessary if you want
    /// to connect to the instance using ssh. If not called, you should use SSM Session Manager").
    /// </summary>
    public sealed class BastionHostSshAdapter : CdkAdapter
    {
        private const string Provenance = "BastionHostLinux.AllowSshAccessFrom: TCP port 22";

        public BastionHostSshAdapter()
            : base(IngressRules.SecurityGroupType)
        {
            OnCall("Amazon.CDK.AWS.EC2.BastionHostLinux", "AllowSshAccessFrom");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var peers = input.Argument("peer");
            if (peers == null)
            {
                return;
            }

            var rules = new List<Value>();
            if (peers is ListValue list)
            {
                foreach (var peer in list.Items)
                {
                    rules.Add(IngressRules.Rule(peer, "tcp", 22, 22, input.Location, Provenance));
                }
            }
            else
            {
                // An array built elsewhere: each of its peers may be any; unknown unless it resolves to one peer value.
                rules.Add(IngressRules.Rule(peers, "tcp", 22, 22, input.Location, Provenance));
            }

            output.Add(IngressRules.GroupView(input, IngressRules.GroupName(input), rules));
        }
    }
}
