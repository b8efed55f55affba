using System;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>
    /// An EKS managed node group with remote access: "If you specify an Amazon EC2 SSH key but don't specify a source
    /// security group ..., then the port on the nodes is opened to the internet (0.0.0.0/0)" — port 22, or 3389 for
    /// Windows AMI types (CloudFormation <c>RemoteAccess.SourceSecurityGroups</c> reference).
    /// </summary>
    public static class EksRemoteAccess
    {
        /// <summary>
        /// The port EKS opens to the world for <paramref name="nodegroup"/>'s properties, with the key value (where the
        /// finding goes) and why; null when none is opened or that cannot be known.
        /// </summary>
        public static (int Port, Value Key, string Why)? OpenPort(MapValue nodegroup)
        {
            if (!(nodegroup.Get("RemoteAccess") is MapValue remote))
            {
                return null;
            }

            var key = remote.Get("Ec2SshKey");
            if (key == null || key is NoValue || (key is ScalarValue k && (k.Kind == ScalarKind.Null || k.Text.Trim().Length == 0)))
            {
                return null;
            }

            var sources = remote.Get("SourceSecurityGroups");
            if (sources != null && !(sources is ListValue list && list.Items.Count == 0) && !(sources is NoValue))
            {
                return null;
            }

            var amiType = nodegroup.Get("AmiType");
            int port;
            if (amiType == null || amiType is NoValue)
            {
                port = 22;
            }
            else if (amiType.AsString() is string ami)
            {
                port = ami.Trim().StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase) ? 3389 : 22;
            }
            else
            {
                return null;
            }

            var why = sources == null || sources is NoValue ? "no SourceSecurityGroups" : "an empty SourceSecurityGroups";
            return (port, key, why);
        }
    }
}
