using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Firehose
{
    /// <summary>IAC1012 on the CDK C# surface: L1 <c>CfnDeliveryStream</c> (aws-cdk-lib 2.160.0 has only an alpha L2).</summary>
    public class IAC1012_FirehoseDeliveryStreamNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_direct_put_stream_without_encryption_is_flagged_and_encrypted_or_other_sources_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.KinesisFirehose;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string type) : base(scope, "App")
                    {
                        [|new CfnDeliveryStream(this, "Clicks", new CfnDeliveryStreamProps { DeliveryStreamType = "DirectPut" })|];
                        [|new CfnDeliveryStream(this, "Default")|];
                        new CfnDeliveryStream(this, "Owned", new CfnDeliveryStreamProps
                        {
                            DeliveryStreamEncryptionConfigurationInput = new CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty { KeyType = "AWS_OWNED_CMK" },
                        });
                        new CfnDeliveryStream(this, "FromStream", new CfnDeliveryStreamProps { DeliveryStreamType = "KinesisStreamAsSource" });
                        new CfnDeliveryStream(this, "Unknown", new CfnDeliveryStreamProps { DeliveryStreamType = type });
                    }
                }
                """, "IAC1012");
        }
    }
}
