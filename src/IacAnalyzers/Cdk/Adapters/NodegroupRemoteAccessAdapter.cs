using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// EKS managed node groups, <c>new Nodegroup(scope, id, props)</c> and <c>cluster.AddNodegroupCapacity(id, options)</c>
    /// → <c>AWS::EKS::Nodegroup</c> with the fields that decide remote-access exposure: <c>RemoteAccess</c>
    /// (<c>SshKeyName</c> → <c>Ec2SshKey</c>, <c>SourceSecurityGroups</c>) and <c>AmiType</c>. From Amazon.CDK.Lib 2.160.0's
    /// XML docs: <c>NodegroupOptions.RemoteAccess</c> "Disabled by default, however, if you specify an Amazon EC2 SSH key
    /// but do not specify a source security group when you create a managed node group, then port 22 on the worker nodes
    /// is opened to the internet (0.0.0.0/0)"; <c>NodegroupRemoteAccess.SourceSecurityGroups</c> "Default: - port 22 on
    /// the worker nodes is opened to the internet (0.0.0.0/0)". A missing <c>AmiType</c> is chosen from the instance
    /// types, which gives a Linux AMI.
    /// </summary>
    public sealed class NodegroupRemoteAccessAdapter : CdkAdapter
    {
        public NodegroupRemoteAccessAdapter()
            : base("AWS::EKS::Nodegroup")
        {
            OnCreation("Amazon.CDK.AWS.EKS.Nodegroup");
            OnCall("Amazon.CDK.AWS.EKS.Cluster", "AddNodegroupCapacity");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var isCall = input.Operation is Microsoft.CodeAnalysis.Operations.IInvocationOperation;
            var options = isCall ? input.Argument("options") : input.Props;
            if (!(options is MapValue props))
            {
                return;
            }

            if (!(props.Get("RemoteAccess") is MapValue remote))
            {
                return;
            }

            var access = new List<MapEntry>(2);
            if (remote.GetEntry("SshKeyName") is MapEntry key)
            {
                access.Add(new MapEntry("Ec2SshKey", key.KeyLocation, key.Value));
            }

            if (remote.GetEntry("SourceSecurityGroups") is MapEntry sources)
            {
                access.Add(new MapEntry("SourceSecurityGroups", sources.KeyLocation, sources.Value));
            }

            var entries = new List<MapEntry> { new MapEntry("RemoteAccess", remote.Location, new MapValue(access, remote.Location)) };
            if (props.GetEntry("AmiType") is MapEntry ami)
            {
                entries.Add(new MapEntry("AmiType", ami.KeyLocation, ami.Value));
            }

            var name = isCall ? (input.Argument("id") as ScalarValue)?.Text ?? input.Name : input.Name;
            output.Add(new ResourceView("AWS::EKS::Nodegroup", name, input.Location, new MapValue(entries, props.Location), Surfaces.Cdk, input.Context, propertiesWritten: true));
        }
    }
}
