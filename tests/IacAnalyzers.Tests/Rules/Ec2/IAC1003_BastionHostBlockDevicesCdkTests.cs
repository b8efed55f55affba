using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>IAC1003 on the L2 <c>BastionHostLinux</c>, whose <c>BlockDevices</c> become the block device mappings of the instance it creates.</summary>
    public class IAC1003_BastionHostBlockDevicesCdkTests
    {
        [Fact]
        public async Task L2_bastion_block_devices_are_checked_and_the_ami_default_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, bool prod, BlockDevice[] devices) : base(scope, "App")
                    {
                        new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps
                        {
                            Vpc = vpc,
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = [|BlockDeviceVolume.Ebs(10)|] } },
                        });
                        new BastionHostLinux(this, "Off", new BastionHostLinuxProps
                        {
                            Vpc = vpc,
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(10, new EbsDeviceOptions { Encrypted = prod ? true : [|false|] }) } },
                        });
                        new BastionHostLinux(this, "Encrypted", new BastionHostLinuxProps
                        {
                            Vpc = vpc,
                            BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(10, new EbsDeviceOptions { Encrypted = true }) } },
                        });
                        new BastionHostLinux(this, "AmiDefault", new BastionHostLinuxProps { Vpc = vpc });
                        new BastionHostLinux(this, "Given", new BastionHostLinuxProps { Vpc = vpc, BlockDevices = devices });
                    }
                }
                """, "IAC1003");
            Assert.StartsWith("Block device '/dev/xvda' of EC2 instance 'Bastion'", diagnostics.First().GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
