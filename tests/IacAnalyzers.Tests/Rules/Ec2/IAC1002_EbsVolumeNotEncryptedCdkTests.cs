using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2
{
    /// <summary>IAC1002 on the CDK C# surface: L1 <c>CfnVolume</c>, L2 <c>Volume</c>.</summary>
    public class IAC1002_EbsVolumeNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_volume_without_Encrypted_is_flagged_at_the_creation()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnVolume(this, "Data", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 100 })|];
                    }
                }
                """, "IAC1002");
            Assert.Equal(
                "EBS volume 'Data' is not encrypted (Encrypted is not set and defaults to false): set Encrypted to true; this replaces the volume (move its data through an encrypted snapshot copy) [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_false_is_flagged_true_snapshot_and_unknown_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool encrypt) : base(scope, "App")
                    {
                        new CfnVolume(this, "Off", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = [|false|] });
                        new CfnVolume(this, "On", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = true });
                        new CfnVolume(this, "Snap", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", SnapshotId = "snap-0123456789abcdef0" });
                        new CfnVolume(this, "Unknown", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = encrypt });
                    }
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task L2_volume_without_Encrypted_is_flagged_with_the_CDK_default()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(100) })|];
                    }
                }
                """, "IAC1002");
            Assert.Contains("(from the CDK default (VolumeProps.Encrypted: false))", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_false_is_flagged_at_the_value_and_true_from_snapshot_or_conditional_true_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    private const bool Encrypt = true;

                    public AppStack(Construct scope, bool prod, IKey key) : base(scope, "App")
                    {
                        new Volume(this, "Off", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(8), Encrypted = [|false|] });
                        new Volume(this, "On", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(8), Encrypted = Encrypt, EncryptionKey = key });
                        new Volume(this, "Snap", new VolumeProps { AvailabilityZone = "eu-west-1a", SnapshotId = "snap-0123456789abcdef0" });
                        new Volume(this, "Either", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(8), Encrypted = prod ? true : [|false|] });
                    }
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task L2_volume_with_props_from_a_method_is_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Volume(this, "Data", Props());
                    }

                    private static VolumeProps Props() => System.Environment.GetEnvironmentVariable("X") == null
                        ? new VolumeProps { AvailabilityZone = "a", Encrypted = true }
                        : new VolumeProps { AvailabilityZone = "b", Encrypted = true };
                }
                """, "IAC1002");
        }

        [Fact]
        public async Task L2_missing_Encrypted_is_fixed_by_adding_it()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new Volume(this, "Data", new VolumeProps
                        {
                            AvailabilityZone = "eu-west-1a",
                            Size = Size.Gibibytes(100),
                        })|];
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Volume(this, "Data", new VolumeProps
                        {
                            AvailabilityZone = "eu-west-1a",
                            Size = Size.Gibibytes(100),
                            Encrypted = true,
                        });
                    }
                }
                """, id: "IAC1002");
        }

        [Fact]
        public async Task L1_false_is_fixed_by_replacing_the_value()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnVolume(this, "Data", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = [|false|] });
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnVolume(this, "Data", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = true });
                    }
                }
                """, id: "IAC1002");
        }

        [Fact]
        public async Task A_conditional_value_gets_no_fix()
        {
            await CdkVerifier.VerifyNoFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool prod) : base(scope, "App")
                    {
                        new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Encrypted = prod ? true : [|false|] });
                    }
                }
                """, id: "IAC1002");
        }
    }
}
