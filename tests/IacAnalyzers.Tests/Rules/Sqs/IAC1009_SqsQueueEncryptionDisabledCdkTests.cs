using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Sqs
{
    /// <summary>IAC1009 on the CDK C# surface: L1 <c>CfnQueue</c>, L2 <c>Queue</c> with <c>QueueEncryption.UNENCRYPTED</c>.</summary>
    public class IAC1009_SqsQueueEncryptionDisabledCdkTests
    {
        [Fact]
        public async Task L2_unencrypted_is_flagged_at_the_value_and_defaults_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IKey key) : base(scope, "App")
                    {
                        new Queue(this, "Default");
                        new Queue(this, "Managed", new QueueProps { Encryption = QueueEncryption.SQS_MANAGED });
                        new Queue(this, "Kms", new QueueProps { Encryption = QueueEncryption.KMS, EncryptionMasterKey = key });
                        new Queue(this, "Jobs", new QueueProps { Encryption = [|QueueEncryption.UNENCRYPTED|] });
                    }
                }
                """, "IAC1009");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("SQS queue 'Jobs' has server-side encryption turned off", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L1_opt_out_is_flagged_and_fixed_and_the_default_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool sse) : base(scope, "App")
                    {
                        new CfnQueue(this, "Raw", new CfnQueueProps { SqsManagedSseEnabled = [|false|] });
                        new CfnQueue(this, "Keyed", new CfnQueueProps { SqsManagedSseEnabled = false, KmsMasterKeyId = "alias/aws/sqs" });
                        new CfnQueue(this, "Unknown", new CfnQueueProps { SqsManagedSseEnabled = sse });
                        new CfnQueue(this, "RawDefault");
                    }
                }
                """, "IAC1009");
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnQueue(this, "Raw", new CfnQueueProps { SqsManagedSseEnabled = [|false|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnQueue(this, "Raw", new CfnQueueProps { SqsManagedSseEnabled = true });
                    }
                }
                """, id: "IAC1009");
        }

        [Fact]
        public async Task L2_unencrypted_is_fixed_to_SQS_MANAGED()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Queue(this, "Jobs", new QueueProps { VisibilityTimeout = Duration.Seconds(60), Encryption = [|QueueEncryption.UNENCRYPTED|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.SQS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Queue(this, "Jobs", new QueueProps { VisibilityTimeout = Duration.Seconds(60), Encryption = QueueEncryption.SQS_MANAGED });
                    }
                }
                """, id: "IAC1009");
        }
    }
}
