using IacAnalyzers.Catalog;

namespace IacAnalyzers.Rules.Ec2Network
{
    /// <summary>
    /// IAC1102: RDP (TCP port 3389) reachable from any address through a security group's ingress. RDP's UDP
    /// transport only runs beside an established TCP session, so UDP 3389 alone is not an exposure. See
    /// <see cref="OpenToWorldPortRule"/> for exactly what is read and how intrinsics and unknowns are treated.
    /// </summary>
    public sealed class IAC1102_SecurityGroupOpenRdp : OpenToWorldPortRule
    {
        public IAC1102_SecurityGroupOpenRdp()
            : base(RuleCatalog.SecurityGroupOpenRdp, 3389, "RDP")
        {
        }
    }
}
