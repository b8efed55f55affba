using IacAnalyzers.Rules.Ec2Network;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>Which TCP ports an ingress rule opens (<see cref="PortReach.Describe"/>), as a table.</summary>
    public class PortReachTests
    {
        [Theory]
        [InlineData(IngressProtocol.All, -1, -1, 22, "all traffic (IpProtocol -1)")]
        [InlineData(IngressProtocol.All, 80, 80, 3389, "all traffic (IpProtocol -1)")]
        [InlineData(IngressProtocol.Tcp, 22, 22, 22, "TCP port 22")]
        [InlineData(IngressProtocol.Tcp, 20, 30, 22, "TCP ports 20-30")]
        [InlineData(IngressProtocol.Tcp, 0, 65535, 3389, "all TCP ports")]
        [InlineData(IngressProtocol.Tcp, -1, -1, 22, "all TCP ports")]
        [InlineData(IngressProtocol.Tcp, 1, 65535, 22, "TCP ports 1-65535")]
        [InlineData(IngressProtocol.Tcp, 23, 3388, 22, null)]
        [InlineData(IngressProtocol.Tcp, 23, 3388, 3389, null)]
        [InlineData(IngressProtocol.Tcp, 3389, 3389, 22, null)]
        [InlineData(IngressProtocol.Other, 0, 65535, 22, null)]
        [InlineData(IngressProtocol.Unknown, 22, 22, 22, null)]
        public void Describe(IngressProtocol protocol, long from, long to, int port, string? expected)
            => Assert.Equal(expected, PortReach.Describe(protocol, from, to, port, "-1"));

        [Theory]
        [InlineData("0.0.0.0/0", true)]
        [InlineData(" 10.1.2.3/0 ", true)]
        [InlineData("::/0", true)]
        [InlineData("0.0.0.0/1", false)]
        [InlineData("0.0.0.0", false)]
        [InlineData("sg-123/0", false)]
        [InlineData("0.0.0.0/0/0", false)]
        public void World_cidr(string cidr, bool world) => Assert.Equal(world, WorldCidr.IsWorld(cidr));
    }
}
