using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Sns
{
    /// <summary>IAC1010 on the CDK C# surface: L1 <c>CfnTopic</c>, L2 <c>Topic</c> (MasterKey, default none).</summary>
    public class IAC1010_SnsTopicNotEncryptedCdkTests
    {
        [Fact]
        public async Task L2_topic_without_a_master_key_is_flagged_at_the_creation_and_one_with_a_key_is_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.SNS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IKey key, TopicProps unknown) : base(scope, "App")
                    {
                        [|new Topic(this, "Alerts")|];
                        [|new Topic(this, "Named", new TopicProps { TopicName = "named" })|];
                        new Topic(this, "Keyed", new TopicProps { MasterKey = key });
                        new Topic(this, "Unknown", unknown);
                    }
                }
                """, "IAC1010");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("SNS topic 'Alerts' is not encrypted at rest (KmsMasterKeyId is not set", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_explicit_null_key_is_flagged_as_no_key()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.SNS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new Topic(this, "Alerts", new TopicProps { MasterKey = null })|];
                    }
                }
                """, "IAC1010");
        }

        [Fact]
        public async Task L1_topic_without_a_key_is_flagged_and_keyed_or_unknown_topics_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.SNS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, string keyArn) : base(scope, "App")
                    {
                        [|new CfnTopic(this, "Raw", new CfnTopicProps { TopicName = "raw" })|];
                        [|new CfnTopic(this, "Bare")|];
                        new CfnTopic(this, "Managed", new CfnTopicProps { KmsMasterKeyId = "alias/aws/sns" });
                        new CfnTopic(this, "Param", new CfnTopicProps { KmsMasterKeyId = keyArn });
                        new CfnTopic(this, "Empty", new CfnTopicProps { KmsMasterKeyId = [|""|] });
                    }
                }
                """, "IAC1010");
            Assert.Equal(3, diagnostics.Count(d => d.Id == "IAC1010"));
        }

        [Fact]
        public async Task No_fix_is_offered()
        {
            await CdkVerifier.VerifyNoFixAsync("""
                using Amazon.CDK.AWS.SNS;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnTopic(this, "Raw", new CfnTopicProps { TopicName = "raw" })|];
                    }
                }
                """, "IAC1010");
        }
    }
}
