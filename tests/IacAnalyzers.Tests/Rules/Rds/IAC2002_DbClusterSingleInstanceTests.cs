using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Rds;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    public class IAC2002_DbClusterSingleInstanceTests
    {
        private static readonly IAC2002_DbClusterSingleInstance Rule = new IAC2002_DbClusterSingleInstance();

        [Fact]
        public async Task Aurora_cluster_with_one_instance_is_flagged_with_a_message_naming_the_instance()
        {
            var findings = await TemplateVerifier.VerifyRuleAsync(Rule, """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  [|FailCluster|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-postgresql
                      MasterUsername: admin
                      ManageMasterUserPassword: true
                  Writer:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: aurora-postgresql
                      DBClusterIdentifier: !Ref FailCluster
                      DBInstanceClass: db.r6g.large
                """);

            Assert.Equal(
                "Aurora DB cluster 'FailCluster' has a single DB instance ('Writer'): add a second instance (a reader) so the " +
                "cluster can fail over to another Availability Zone",
                findings.Single().FormatMessage());
        }

        [Fact]
        public async Task Aurora_cluster_with_a_reader_is_clean()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  PassCluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                  Writer:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref PassCluster
                      DBInstanceClass: db.r6g.large
                      Engine: aurora-mysql
                  Reader:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: { "Ref": "PassCluster" }
                      DBInstanceClass: db.r6g.large
                      Engine: aurora-mysql
                """);
        }

        [Fact]
        public async Task Literal_cluster_identifiers_link_instances_ignoring_case()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  [|FailCluster|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: orders
                      Engine: aurora-postgresql
                  OrdersWriter:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: Orders
                      DBInstanceClass: db.r6g.large
                      Engine: aurora-postgresql
                  OtherClustersReader:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: billing
                      DBInstanceClass: db.r6g.large
                      Engine: aurora-postgresql
                  Standalone:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.m6g.large
                      MultiAZ: true
                """);
        }

        [Fact]
        public async Task Multi_az_db_clusters_serverless_v1_clusters_without_instances_and_unknown_engines_are_not_flagged()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  Engine:
                    Type: String
                Resources:
                  PassMultiAzCluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: postgres
                      DBClusterInstanceClass: db.m6gd.large
                      AllocatedStorage: 100
                      StorageType: io1
                      Iops: 1000
                  PassServerlessV1:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      EngineMode: serverless
                  PassNoInstancesHere:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: no-instances-here
                      Engine: aurora-postgresql
                  PassUnknownEngine:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: unknown-engine
                      Engine: !Ref Engine
                  UnknownEngineWriter:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: unknown-engine
                      DBInstanceClass: db.r6g.large
                """);
        }

        [Fact]
        public async Task DocumentDB_and_Neptune_clusters_with_one_instance_are_flagged()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  [|FailDocs|]:
                    Type: AWS::DocDB::DBCluster
                    Properties:
                      DBClusterIdentifier: docs
                      MasterUsername: admin
                  DocsInstance:
                    Type: AWS::DocDB::DBInstance
                    Properties:
                      DBClusterIdentifier: docs
                      DBInstanceClass: db.r6g.large
                  [|FailGraph|]:
                    Type: AWS::Neptune::DBCluster
                    Properties:
                      DBClusterIdentifier: graph
                  GraphInstance:
                    Type: AWS::Neptune::DBInstance
                    Properties:
                      DBClusterIdentifier: graph
                      DBInstanceClass: db.r6g.large
                  PassGraphTwo:
                    Type: AWS::Neptune::DBCluster
                    Properties:
                      DBClusterIdentifier: graph-two
                  GraphTwoA:
                    Type: AWS::Neptune::DBInstance
                    Properties:
                      DBClusterIdentifier: graph-two
                      DBInstanceClass: db.r6g.large
                  GraphTwoB:
                    Type: AWS::Neptune::DBInstance
                    Properties:
                      DBClusterIdentifier: graph-two
                      DBInstanceClass: db.r6g.large
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
                    [|"FailCluster"|]: { "Type": "AWS::RDS::DBCluster", "Properties": { "Engine": "aurora-mysql" } },
                    "Writer": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "DBClusterIdentifier": { "Ref": "FailCluster" }, "DBInstanceClass": "db.r6g.large", "Engine": "aurora-mysql" }
                    }
                  }
                }
                """,
                "template.json");
        }

        [Fact]
        public async Task Template_references_link_each_instance_to_its_own_cluster()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Resources:
                  [|FailA|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                  PassB:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                  InstanceA:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref FailA
                      DBInstanceClass: db.r6g.large
                  InstanceB1:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref PassB
                      DBInstanceClass: db.r6g.large
                  InstanceB2:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref PassB
                      DBInstanceClass: db.r6g.large
                """);
        }

        [Fact]
        public async Task Instances_whose_cluster_cannot_be_told_count_for_every_cluster()
        {
            // Two clusters, two instances with identifiers the analyzer cannot know: each cluster may have both.
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  ClusterName:
                    Type: String
                Resources:
                  PassA:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: !Sub "${ClusterName}-a"
                      Engine: aurora-mysql
                  PassB:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      DBClusterIdentifier: !Sub "${ClusterName}-b"
                      Engine: aurora-mysql
                  InstanceA:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Sub "${ClusterName}-a"
                      DBInstanceClass: db.r6g.large
                  InstanceB:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !ImportValue shared-cluster-name
                      DBInstanceClass: db.r6g.large
                """);
        }

        [Fact]
        public async Task Engine_from_a_parameter_default_is_followed()
        {
            await TemplateVerifier.VerifyRuleAsync(Rule, """
                Parameters:
                  Engine:
                    Type: String
                    Default: aurora-postgresql
                Resources:
                  [|FailCluster|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: !Ref Engine
                  Writer:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref FailCluster
                      DBInstanceClass: db.r6g.large
                """);
        }

        [Fact]
        public void References_link_each_instance_to_its_own_cluster()
        {
            var v = new ViewBuilder();
            var fail = v.Resource("AWS::RDS::DBCluster", "FailCluster", v.M(("Engine", v.S("aurora-postgresql"))));
            v.Resource("AWS::RDS::DBCluster", "PassCluster", v.M(("Engine", v.S("aurora-postgresql"))));
            v.Resource("AWS::RDS::DBInstance", "FailWriter", v.M(("DBClusterIdentifier", v.Ref("FailCluster"))));
            v.Resource("AWS::RDS::DBInstance", "PassWriter", v.M(("DBClusterIdentifier", v.Ref("PassCluster"))));
            v.Resource("AWS::RDS::DBInstance", "PassReader", v.M(("DBClusterIdentifier", v.Ref("PassCluster"))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Same(fail, finding.Resource);
            Assert.Equal("FailWriter", finding.MessageArgs[2]);
        }

        [Fact]
        public void A_conditional_second_instance_may_exist_so_the_cluster_is_not_flagged()
        {
            var v = new ViewBuilder();
            v.Resource("AWS::RDS::DBCluster", "PassCluster", v.M(("Engine", v.If("Pg", v.S("aurora-postgresql"), v.S("aurora-mysql")))));
            v.Resource("AWS::RDS::DBInstance", "Writer", v.M(("DBClusterIdentifier", v.Ref("PassCluster"))));
            v.Resource("AWS::RDS::DBInstance", "ProdReader", v.M(("DBClusterIdentifier", v.Ref("PassCluster"))), condition: "IsProd");

            Assert.Empty(ViewBuilder.Run(Rule, v.All));
        }

        [Fact]
        public void An_instance_that_belongs_to_the_cluster_only_in_one_branch_may_still_be_its_second()
        {
            var v = new ViewBuilder();
            v.Resource("AWS::RDS::DBCluster", "PassCluster", v.M(("Engine", v.S("aurora-mysql"))));
            v.Resource("AWS::RDS::DBCluster", "Other", v.M(("Engine", v.S("aurora-mysql"))));
            v.Resource("AWS::RDS::DBInstance", "Writer", v.M(("DBClusterIdentifier", v.Ref("PassCluster"))));
            v.Resource("AWS::RDS::DBInstance", "Either", v.M(("DBClusterIdentifier", v.If("UseOther", v.Ref("Other"), v.Ref("PassCluster")))));

            var finding = Assert.Single(ViewBuilder.Run(Rule, v.All));
            Assert.Equal("Other", finding.Resource.Name);
        }
    }
}
