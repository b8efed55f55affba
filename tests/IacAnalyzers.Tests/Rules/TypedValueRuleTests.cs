using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules
{
    /// <summary>
    /// Behaviour that follows from the typed value model, across rules: <c>AWS::NoValue</c> is its own kind (the single-AZ
    /// rules flag it like IAC1001 does), one property gets at most one finding per rule, impossible branch paths are
    /// dropped, and an all-traffic ingress rule is one finding (IAC1101) rather than two.
    /// </summary>
    public class TypedValueRuleTests
    {
        [Fact]
        public async Task IAC2001_flags_MultiAZ_removed_by_AWS_NoValue_as_IAC1001_flags_StorageEncrypted()
        {
            await VerifyRuleAsync("""
                Conditions:
                  Ha: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !If [Ha, true, {|#0:!Ref AWS::NoValue|}]
                      StorageEncrypted: !If [Ha, true, {|#1:!Ref AWS::NoValue|}]
                """, "db.yaml", new[] { "IAC2001", "IAC1001" },
                Reported("IAC2001").WithLocation(0).WithArguments("Db", " (when condition 'Ha' is false; AWS::NoValue leaves MultiAZ unset)"),
                Reported("IAC1001").WithLocation(1)
                    .WithArguments("RDS DB instance 'Db'", " (when condition 'Ha' is false; AWS::NoValue leaves StorageEncrypted unset)"));
        }

        [Fact]
        public async Task IAC2001_json_AWS_NoValue_branch_is_flagged()
        {
            await VerifyRuleAsync("""
                {
                  "Resources": {
                    "Db": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "mysql", "MultiAZ": { "Fn::If": ["Ha", true, {|IAC2001:{ "Ref": "AWS::NoValue" }|}] } }
                    }
                  }
                }
                """, "db.template.json", "IAC2001");
        }

        [Fact]
        public async Task IAC2003_flags_MultiAZEnabled_removed_by_AWS_NoValue()
        {
            await VerifyRuleAsync("""
                Resources:
                  Cache:
                    Type: AWS::ElastiCache::ReplicationGroup
                    Properties:
                      ReplicationGroupDescription: cache
                      AutomaticFailoverEnabled: true
                      NumCacheClusters: 2
                      MultiAZEnabled: !If [Ha, true, {|IAC2003:!Ref AWS::NoValue|}]
                """, "cache.yaml", "IAC2003");
        }

        [Fact]
        public async Task IAC2004_flags_ZoneAwarenessEnabled_removed_by_AWS_NoValue()
        {
            await VerifyRuleAsync("""
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      ClusterConfig:
                        InstanceCount: 2
                        ZoneAwarenessEnabled: !If [Ha, true, {|IAC2004:!Ref AWS::NoValue|}]
                """, "search.yaml", "IAC2004");
        }

        [Fact]
        public async Task A_tree_of_Fn_If_gives_one_finding_that_names_the_first_conditions_and_counts_the_rest()
        {
            await VerifyRuleAsync("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !If [A, {|#0:false|}, !If [B, false, !If [C, false, !If [D, false, true]]]]
                """, "db.yaml", new[] { "IAC2001" },
                Reported("IAC2001").WithLocation(0).WithArguments("Db",
                    " (when condition 'A' is true or when condition 'A' is false and when condition 'B' is true, and 2 more)"));
        }

        [Fact]
        public async Task False_in_every_branch_is_one_finding_without_branch_names()
        {
            await VerifyRuleAsync("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: !If [A, {|#0:false|}, false]
                """, "db.yaml", new[] { "IAC2001" },
                Reported("IAC2001").WithLocation(0).WithArguments("Db", " (MultiAZ is false)"));
        }

        [Fact]
        public async Task A_branch_that_contradicts_its_own_condition_is_not_reported()
        {
            // The inner false needs C both true and false: no deployment takes it.
            await VerifyRuleAsync("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      StorageEncrypted: !If [C, !If [C, true, false], true]
                      MultiAZ: !If [C, true, !If [C, false, true]]
                """, "db.yaml", "IAC1001", "IAC2001");
        }

        [Fact]
        public async Task CSharp_conditional_false_in_both_branches_is_one_finding()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps
                        {
                            Engine = "postgres",
                            StorageEncrypted = true,
                            MultiAz = {|IAC2001:isProd ? false : false|},
                        });
                    }
                }
                """, "IAC2001");
        }

        [Fact]
        public async Task An_all_traffic_rule_from_the_world_is_one_IAC1101_finding_that_names_RDP_too()
        {
            await VerifyRuleAsync("""
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: open
                      SecurityGroupIngress:
                        - IpProtocol: -1
                          CidrIp: {|#0:0.0.0.0/0|}
                        - IpProtocol: tcp
                          FromPort: 0
                          ToPort: 65535
                          CidrIp: {|#1:0.0.0.0/0|}
                        - IpProtocol: tcp
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: {|#2:0.0.0.0/0|}
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: {|#3:0.0.0.0/0|}
                """, "sg.yaml", new[] { "IAC1101", "IAC1102" },
                Reported("IAC1101").WithLocation(0)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "all traffic (IpProtocol -1), RDP (TCP port 3389) included", ""),
                Reported("IAC1101").WithLocation(1)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "all TCP ports, RDP (TCP port 3389) included", ""),
                Reported("IAC1102").WithLocation(2)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "TCP port 3389", ""),
                Reported("IAC1101").WithLocation(3)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "TCP port 22", ""));
        }

        [Fact]
        public async Task RDP_opened_only_in_the_branch_without_SSH_is_still_IAC1102()
        {
            await VerifyRuleAsync("""
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: open
                      SecurityGroupIngress:
                        - IpProtocol: !If [Wide, -1, tcp]
                          FromPort: 3389
                          ToPort: 3389
                          CidrIp: {|#0:0.0.0.0/0|}
                """, "sg.yaml", new[] { "IAC1101", "IAC1102" },
                Reported("IAC1101").WithLocation(0)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "all traffic (IpProtocol -1), RDP (TCP port 3389) included", " (when condition 'Wide' is true)"),
                Reported("IAC1102").WithLocation(0)
                    .WithArguments("Security group 'Sg'", "0.0.0.0/0", "TCP port 3389", " (when condition 'Wide' is false)"));
        }
    }
}
