using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.ElastiCache;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.ElastiCache
{
    public class IAC2003_ElastiCacheSingleAzTests
    {
        private static readonly IAC2003_ElastiCacheSingleAz Rule = new IAC2003_ElastiCacheSingleAz();

        [Fact]
        public async Task Replication_group_with_defaults_is_flagged_and_the_message_lists_what_is_missing()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  [|FailCache|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      Engine: redis
                      CacheNodeType: cache.r7g.large
                """);

            var finding = findings.Single();
            Assert.Equal(
                "ElastiCache replication group 'FailCache' does not fail over to another Availability Zone (MultiAZEnabled is not " +
                "set and defaults to false; automatic failover is off: AutomaticFailoverEnabled defaults to false; it has a single " +
                "node: NumCacheClusters defaults to 1): enable MultiAZEnabled and AutomaticFailoverEnabled with at least one replica per shard",
                finding.FormatMessage());
            Assert.Null(finding.Fix);
        }

        [Fact]
        public async Task Multi_az_false_is_flagged_at_the_value_and_fixed_when_failover_and_replicas_are_in_place()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  FailCache:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      Engine: valkey
                      CacheNodeType: cache.r7g.large
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      MultiAZEnabled: [|false|]
                """);

            var fix = Assert.IsType<SetPropertyFix>(findings.Single().Fix);
            Assert.Equal("MultiAZEnabled", fix.Property);
            Assert.Equal("true", fix.Value);
            Assert.NotNull(fix.Existing);
        }

        [Fact]
        public async Task Missing_multi_az_gets_an_add_property_fix_only_when_that_alone_is_enough()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  [|FailFixable|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumNodeGroups: 3
                      ReplicasPerNodeGroup: 1
                      AutomaticFailoverEnabled: "true"
                  [|FailNoReplica|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumNodeGroups: 3
                      ReplicasPerNodeGroup: 0
                      AutomaticFailoverEnabled: true
                  [|FailNoFailover|]:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 3
                      AutomaticFailoverEnabled: false
                """);

            Assert.NotNull(findings.Single(f => f.Resource.Name == "FailFixable").Fix);
            var noReplica = findings.Single(f => f.Resource.Name == "FailNoReplica");
            Assert.Null(noReplica.Fix);
            Assert.Contains("its shards have no replica: ReplicasPerNodeGroup is 0", noReplica.FormatMessage(), System.StringComparison.Ordinal);
            var noFailover = findings.Single(f => f.Resource.Name == "FailNoFailover");
            Assert.Null(noFailover.Fix);
            Assert.Contains("automatic failover is off: AutomaticFailoverEnabled is false)", noFailover.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Multi_az_groups_and_unknown_settings_are_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  MultiAz:
                    Type: String
                Resources:
                  PassCache:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NumCacheClusters: 2
                      AutomaticFailoverEnabled: true
                      MultiAZEnabled: true
                  PassCacheString:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      NodeGroupConfiguration:
                        - ReplicaCount: 2
                      AutomaticFailoverEnabled: "true"
                      MultiAZEnabled: "true"
                  PassUnknown:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: sessions
                      MultiAZEnabled: !Ref MultiAz
                  PassMemcachedCluster:
                    Type: AWS::ElastiCache::CacheCluster
                    Properties:
                      Engine: memcached
                      CacheNodeType: cache.t4g.small
                      NumCacheNodes: 1
                """);
        }

        [Fact]
        public async Task Json_templates_are_checked_the_same_way()
        {
            await TemplateVerifier.VerifyRuleAsync(
                Rule,
                """
                {
                  "Resources": {
                    "FailCache": {
                      "Type": "AWS::ElastiCache::ReplicationGroup",
                      "Properties": { "ReplicationGroupDescription": "x", "NumCacheClusters": 1, "MultiAZEnabled": [|false|] }
                    }
                  }
                }
                """,
                "template.json");
        }

        [Fact]
        public void Fn_If_flags_the_single_az_branch_and_a_default_is_named()
        {
            var v = new ViewBuilder();
            var off = v.B(false);
            v.Resource("AWS::ElastiCache::ReplicationGroup", "FailBranch", v.M(
                ("NumCacheClusters", v.N(2)),
                ("AutomaticFailoverEnabled", v.B(true)),
                ("MultiAZEnabled", v.If("IsProd", v.B(true), off))));
            var fromDefault = v.S("false", "the Default of parameter 'CacheMultiAz'");
            v.Resource("AWS::ElastiCache::ReplicationGroup", "FailDefault", v.M(
                ("NumCacheClusters", v.N(2)),
                ("AutomaticFailoverEnabled", v.B(true)),
                ("MultiAZEnabled", fromDefault)));

            var findings = ViewBuilder.Run(Rule, v.All);
            var branch = findings.Single(f => f.Resource.Name == "FailBranch");
            Assert.Same(off.Location, branch.Location);
            Assert.Null(branch.Fix);
            Assert.Equal(" (when condition 'IsProd' is false; MultiAZEnabled is false)", branch.MessageArgs[1]);
            var defaulted = findings.Single(f => f.Resource.Name == "FailDefault");
            Assert.Same(fromDefault.Location, defaulted.Location);
            Assert.Equal(" (MultiAZEnabled is false, from the Default of parameter 'CacheMultiAz')", defaulted.MessageArgs[1]);
        }
    }
}
