using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.ElastiCache;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    public class IAC1005_ElastiCacheNotEncryptedAtRestTests
    {
        private static readonly IAC1005_ElastiCacheNotEncryptedAtRest Rule = new IAC1005_ElastiCacheNotEncryptedAtRest();

        [Fact]
        public void Replication_group_without_at_rest_encryption_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(Verify(Rule, """
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
        public void False_is_flagged_true_and_unknown_are_clean()
        {
            Verify(Rule, """
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
        public void Global_datastore_secondary_is_not_checked()
        {
            Verify(Rule, """
                Resources:
                  Secondary:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: secondary
                      GlobalReplicationGroupId: ldgnf-global
                """);
        }

        [Fact]
        public void Json_replication_group_is_checked()
        {
            Verify(Rule, """
                { "Resources": { "Cache": { "Type": "AWS::ElastiCache::ReplicationGroup",
                  "Properties": { "Engine": "redis", "AtRestEncryptionEnabled": [|"false"|] } } } }
                """, "cache.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = View(IAC1005_ElastiCacheNotEncryptedAtRest.ReplicationGroup, "Cache",
                Map(10, ("AtRestEncryptionEnabled", If("Prod", Bool(true, 30), Bool(false, 40), 25))));
            Assert.Contains("when condition 'Prod' is false", Assert.Single(Run(Rule, view)).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_flag_is_added_and_false_is_replaced() =>
            VerifyFixAsync(Rule, """
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
