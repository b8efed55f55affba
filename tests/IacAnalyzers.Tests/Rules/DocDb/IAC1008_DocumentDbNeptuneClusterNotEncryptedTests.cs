using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.DocDb;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.DocDb
{
    public class IAC1008_DocumentDbNeptuneClusterNotEncryptedTests
    {
        private static readonly IAC1008_DocumentDbNeptuneClusterNotEncrypted Rule = new IAC1008_DocumentDbNeptuneClusterNotEncrypted();

        [Fact]
        public void DocumentDb_cluster_without_StorageEncrypted_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(Verify(Rule, """
                Resources:
                  [|Catalog|]:
                    Type: AWS::DocDB::DBCluster
                    Properties:
                      MasterUsername: admin
                """));
            Assert.Equal(
                "DocumentDB cluster 'Catalog' is not encrypted at rest (StorageEncrypted is not set and defaults to false): " +
                "set StorageEncrypted to true; this replaces the cluster (move its data through an encrypted snapshot copy)",
                finding.FormatMessage());
            Assert.Equal("StorageEncrypted", Assert.IsType<SetPropertyFix>(finding.Fix).Property);
        }

        [Fact]
        public void Neptune_false_is_flagged_and_encrypted_or_unknown_is_clean()
        {
            var findings = Verify(Rule, """
                Resources:
                  Graph:
                    Type: AWS::Neptune::DBCluster
                    Properties:
                      StorageEncrypted: [|false|]
                  Good:
                    Type: AWS::Neptune::DBCluster
                    Properties:
                      StorageEncrypted: true
                  Unknown:
                    Type: AWS::DocDB::DBCluster
                    Properties:
                      StorageEncrypted: !Ref Encrypt
                """);
            Assert.StartsWith("Neptune cluster 'Graph'", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Restored_clusters_are_not_checked()
        {
            Verify(Rule, """
                Resources:
                  FromSnapshot:
                    Type: AWS::DocDB::DBCluster
                    Properties:
                      SnapshotIdentifier: catalog-snapshot
                  Clone:
                    Type: AWS::Neptune::DBCluster
                    Properties:
                      SourceDBClusterIdentifier: graph
                      RestoreType: copy-on-write
                """);
        }

        [Fact]
        public void Json_clusters_are_checked()
        {
            Verify(Rule, """
                { "Resources": {
                    [|"Graph"|]: { "Type": "AWS::Neptune::DBCluster", "Properties": { "Port": 8182 } },
                    "Good": { "Type": "AWS::DocDB::DBCluster", "Properties": { "StorageEncrypted": true } } } }
                """, "db.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = View(IAC1008_DocumentDbNeptuneClusterNotEncrypted.NeptuneCluster, "Graph",
                Map(10, ("StorageEncrypted", If("Prod", Bool(true, 30), Bool(false, 40), 25))));
            Assert.Equal(40, Assert.Single(Run(Rule, view)).Location.Start);
        }

        [Fact]
        public Task Missing_StorageEncrypted_is_added_in_json() =>
            VerifyFixAsync(Rule, """
                {
                  "Resources": {
                    "Graph": {
                      "Type": "AWS::Neptune::DBCluster",
                      "Properties": {
                        "Port": 8182,
                        "StorageEncrypted": [|false|]
                      }
                    },
                    [|"Catalog"|]: {
                      "Type": "AWS::DocDB::DBCluster",
                      "Properties": {
                        "MasterUsername": "admin"
                      }
                    }
                  }
                }
                """, """
                {
                  "Resources": {
                    "Graph": {
                      "Type": "AWS::Neptune::DBCluster",
                      "Properties": {
                        "Port": 8182,
                        "StorageEncrypted": true
                      }
                    },
                    "Catalog": {
                      "Type": "AWS::DocDB::DBCluster",
                      "Properties": {
                        "MasterUsername": "admin",
                        "StorageEncrypted": true
                      }
                    }
                  }
                }
                """, "template.json");
    }
}
