using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Kinesis
{
    /// <summary>IAC1007 on the CDK C# surface: L1 <c>CfnStream</c>, L2 <c>Stream</c> (KMS-encrypted by default).</summary>
    public class IAC1007_KinesisStreamNotEncryptedCdkTests
    {
        [Fact]
        public async Task L2_unencrypted_is_flagged_at_the_value_and_the_default_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Kinesis;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IKey key, bool prod) : base(scope, "App")
                    {
                        new Stream(this, "Default");
                        new Stream(this, "Keyed", new StreamProps { EncryptionKey = key });
                        new Stream(this, "Managed", new StreamProps { Encryption = StreamEncryption.MANAGED });
                        new Stream(this, "Clicks", new StreamProps { Encryption = [|StreamEncryption.UNENCRYPTED|] });
                        new Stream(this, "Either", new StreamProps { Encryption = prod ? StreamEncryption.KMS : [|StreamEncryption.UNENCRYPTED|] });
                    }
                }
                """, "IAC1007");
            Assert.Contains(diagnostics, d => d.GetMessage() ==
                "Kinesis stream 'Clicks' is not encrypted (from StreamEncryption.UNENCRYPTED): set StreamEncryption with EncryptionType KMS (KeyId alias/aws/kinesis uses the AWS managed key) [Security · SEC08-BP02]");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("'Either' is not encrypted (when `prod` is false; from StreamEncryption.UNENCRYPTED)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L1_stream_without_StreamEncryption_is_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Kinesis;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnStream(this, "Raw", new CfnStreamProps { ShardCount = 1 })|];
                        new CfnStream(this, "Good", new CfnStreamProps
                        {
                            ShardCount = 1,
                            StreamEncryption = new CfnStream.StreamEncryptionProperty { EncryptionType = "KMS", KeyId = "alias/aws/kinesis" },
                        });
                    }
                }
                """, "IAC1007");
        }
    }
}
