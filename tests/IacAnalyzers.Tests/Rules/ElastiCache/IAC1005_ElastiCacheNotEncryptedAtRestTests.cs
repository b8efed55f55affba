using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.ElastiCache;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    public class IAC1005_ElastiCacheNotEncryptedAtRestTests
    {
        private static readonly IAC1005_ElastiCacheNotEncryptedAtRest Rule = new IAC1005_ElastiCacheNotEncryptedAtRest();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Replication_group_without_at_rest_encryption_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
                Resources:
                  [|Sessions|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      Engine: redis
                      NumCacheClusters: 2
                """));
            Assert.Equal(
                "ElastiCache replication group 'Sessions' is not encrypted at rest (AtRestEncryptionEnabled is not set and defaults to false): " +
                "set AtRestEncryptionEnabled to true; this replaces the replication group",
                finding.FormatMessage());
            Assert.Equal("AtRestEncryptionEnabled", Assert.IsType<SetPropertyFix>(finding.Fix).Property);
        }

        [Fact]
        public async Task False_is_flagged_true_and_unknown_are_clean()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Off:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      Engine: valkey
                      AtRestEncryptionEnabled: [|false|]
                  On:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      Engine: valkey
                      AtRestEncryptionEnabled: true
                  Unknown:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      AtRestEncryptionEnabled: !Ref Encrypt
                """);
        }

        [Fact]
        public async Task Global_datastore_secondary_is_not_checked()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Secondary:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: secondary
                      GlobalReplicationGroupId: ldgnf-global
                """);
        }

        [Fact]
        public async Task Json_replication_group_is_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": { "Cache": { "Type": "AWS::ElastiCache::ReplicationGroup",
                  "Properties": { "Engine": "redis", "AtRestEncryptionEnabled": [|"false"|] } } } }
                """, "cache.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = v.Resource(IAC1005_ElastiCacheNotEncryptedAtRest.ReplicationGroup, "Cache",
                v.M(("AtRestEncryptionEnabled", v.If("Prod", v.B(true, at: 30), v.B(false, at: 40), at: 25))));
            Assert.Contains("when condition 'Prod' is false", Assert.Single(ViewBuilder.Run(Rule, view)).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_flag_is_added_and_false_is_replaced() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  [|Sessions|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      Engine: valkey
                  Off:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: off
                      AtRestEncryptionEnabled: [|false|]
                """, """
                Resources:
                  Sessions:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      Engine: valkey
                      AtRestEncryptionEnabled: true
                  Off:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: off
                      AtRestEncryptionEnabled: true
                """);
    }
}
