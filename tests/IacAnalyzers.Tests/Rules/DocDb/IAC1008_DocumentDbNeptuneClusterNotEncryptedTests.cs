using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.DocDb;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.DocDb
{
    public class IAC1008_DocumentDbNeptuneClusterNotEncryptedTests
    {
        private static readonly IAC1008_DocumentDbNeptuneClusterNotEncrypted Rule = new IAC1008_DocumentDbNeptuneClusterNotEncrypted();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task DocumentDb_cluster_without_StorageEncrypted_is_flagged_with_the_full_message()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
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
        public async Task Neptune_false_is_flagged_and_encrypted_or_unknown_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task Restored_clusters_are_not_checked()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Json_clusters_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": {
                    [|"Graph"|]: { "Type": "AWS::Neptune::DBCluster", "Properties": { "Port": 8182 } },
                    "Good": { "Type": "AWS::DocDB::DBCluster", "Properties": { "StorageEncrypted": true } } } }
                """, "db.json");
        }

        [Fact]
        public void One_of_flags_the_false_branch()
        {
            var view = v.Resource(IAC1008_DocumentDbNeptuneClusterNotEncrypted.NeptuneCluster, "Graph",
                v.M(("StorageEncrypted", v.If("Prod", v.B(true, at: 30), v.B(false, at: 40), at: 25))));
            Assert.Equal(40, Assert.Single(ViewBuilder.Run(Rule, view)).Location.Start);
        }

        [Fact]
        public Task Missing_StorageEncrypted_is_added_in_json() =>
            VerifyFixAsync(Rule.Info.Id, """
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
