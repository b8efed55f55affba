using IacAnalyzers.Catalog;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>
    /// IAC1101: SSH (TCP port 22) reachable from any address through a security group's ingress. See
    /// <see cref="OpenToWorldPortRule"/> for exactly what is read and how intrinsics and unknowns are treated.
    /// </summary>
    public sealed class IAC1101_SecurityGroupOpenSsh : OpenToWorldPortRule
    {
        public IAC1101_SecurityGroupOpenSsh()
            : base(RuleCatalog.SecurityGroupOpenSsh, 22, "SSH")
        {
        }
    }
}
