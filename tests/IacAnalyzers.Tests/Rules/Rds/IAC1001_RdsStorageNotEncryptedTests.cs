using System.Threading.Tasks;
using System.Linq;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Rds;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.Rds
{
    public class IAC1001_RdsStorageNotEncryptedTests
    {
        private static readonly IAC1001_RdsStorageNotEncrypted Rule = new IAC1001_RdsStorageNotEncrypted();

        [Fact]
        public void Instance_without_StorageEncrypted_is_flagged_at_its_logical_id_with_the_full_message()
        {
            var findings = Verify(Rule, """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      DBInstanceClass: db.t3.micro
                """);
            var finding = Assert.Single(findings);
            Assert.Equal(
                "RDS DB instance 'Db' is not encrypted at rest (StorageEncrypted is not set and defaults to false): set StorageEncrypted to true; " +
                "encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy)",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal("StorageEncrypted", fix.Property);
            Assert.Equal("true", fix.Value);
            Assert.Null(fix.Existing);
            Assert.False(fix.CreateProperties);
        }

        [Fact]
        public void Instance_with_StorageEncrypted_false_is_flagged_at_the_value()
        {
            var findings = Verify(Rule, """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: mysql
                      StorageEncrypted: [|false|]
                """);
            var fix = Assert.IsType<SetPropertyFix>(Assert.Single(findings).Fix);
            Assert.NotNull(fix.Existing);
            Assert.Contains("(StorageEncrypted is false)", findings[0].FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void StorageEncrypted_as_the_string_false_is_flagged()
        {
            Verify(Rule, """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: [|"false"|]
                """);
        }

        [Fact]
        public void Instance_with_StorageEncrypted_true_is_clean()
        {
            Verify(Rule, """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      StorageEncrypted: true
                  Db2:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: "true"
                """);
        }

        [Fact]
        public void Instance_without_Properties_is_flagged_and_the_fix_creates_them()
        {
            var findings = Verify(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                """);
            Assert.True(Assert.IsType<SetPropertyFix>(Assert.Single(findings).Fix).CreateProperties);
        }

        [Fact]
        public void Aurora_cluster_member_instances_are_not_checked()
        {
            Verify(Rule, """
                Resources:
                  Member:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBClusterIdentifier: !Ref Cluster
                      DBInstanceClass: db.r6g.large
                  AuroraByEngine:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: aurora-postgresql
                  [|Cluster|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-postgresql
                """);
        }

        [Fact]
        public void Cluster_without_StorageEncrypted_is_flagged_and_encrypted_cluster_is_clean()
        {
            var findings = Verify(Rule, """
                Resources:
                  [|Plain|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                  Off:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      StorageEncrypted: [|false|]
                  Encrypted:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      StorageEncrypted: true
                      KmsKeyId: alias/aws/rds
                """);
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("RDS DB cluster 'Plain' is not encrypted at rest", System.StringComparison.Ordinal));
        }

        [Fact]
        public void KmsKeyId_without_StorageEncrypted_is_still_flagged()
        {
            // CloudFormation requires StorageEncrypted: true when KmsKeyId is set (cfn-lint E3720): the key alone encrypts nothing.
            Verify(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abc
                """);
        }

        [Fact]
        public void Databases_restored_from_a_snapshot_or_a_source_inherit_encryption_and_are_not_checked()
        {
            Verify(Rule, """
                Resources:
                  FromSnapshot:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: my-snapshot
                  ReadReplica:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      SourceDBInstanceIdentifier: !Ref Primary
                  ClusterFromSnapshot:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      SnapshotIdentifier: arn:aws:rds:us-east-1:111122223333:cluster-snapshot:s1
                  Clone:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      SourceDBClusterIdentifier: source-cluster
                      RestoreType: copy-on-write
                """);
        }

        [Fact]
        public void An_empty_snapshot_identifier_does_not_exempt_but_withholds_the_fix()
        {
            var findings = Verify(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: ""
                """);
            Assert.Null(Assert.Single(findings).Fix);
        }

        [Fact]
        public void Optional_restore_with_an_empty_default_and_the_matching_StorageEncrypted_pattern_is_clean()
        {
            Verify(Rule, """
                Parameters:
                  Snapshot:
                    Type: String
                    Default: ""
                Conditions:
                  UseSnapshot: !Not [!Equals [!Ref Snapshot, ""]]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: !If [UseSnapshot, !Ref Snapshot, !Ref AWS::NoValue]
                      StorageEncrypted: !If [UseSnapshot, !Ref AWS::NoValue, true]
                """);
        }

        [Fact]
        public void Aurora_Serverless_v1_cluster_is_always_encrypted_and_not_flagged()
        {
            Verify(Rule, """
                Resources:
                  Serverless:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      EngineMode: serverless
                  [|Provisioned|]:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      Engine: aurora-mysql
                      EngineMode: provisioned
                """);
        }

        [Fact]
        public void StorageEncrypted_from_a_parameter_without_default_is_not_flagged()
        {
            Verify(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !Ref Encrypt
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      StorageEncrypted: { "Ref": "Encrypt" }
                """);
        }

        [Fact]
        public void EngineMode_from_an_unknown_value_is_not_flagged()
        {
            Verify(Rule, """
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      EngineMode: !Ref Mode
                """);
        }

        [Fact]
        public void Json_template_is_flagged_at_the_same_places()
        {
            Verify(Rule, """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    [|"Db"|]: {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "postgres" }
                    },
                    "Off": {
                      "Type": "AWS::RDS::DBCluster",
                      "Properties": { "StorageEncrypted": [|false|] }
                    },
                    "Good": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "StorageEncrypted": true }
                    }
                  }
                }
                """, "template.json");
        }

        [Fact]
        public void One_of_flags_the_unencrypted_branch_and_names_it()
        {
            var view = View(IAC1001_RdsStorageNotEncrypted.DbInstance, "Db",
                Map(10, ("StorageEncrypted", If("IsProd", Bool(true, 30), Bool(false, 40), 25))));
            var finding = Assert.Single(Run(Rule, view));
            Assert.Equal(40, finding.Location.Start);
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'IsProd' is false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_value_from_a_parameter_default_names_its_provenance_and_offers_no_in_place_fix()
        {
            var defaulted = new ScalarValue("false", ScalarKind.Boolean, At(50), Provenance.ParameterDefault("the Default of parameter 'Encrypt'"));
            var view = View(IAC1001_RdsStorageNotEncrypted.DbCluster, "Cluster", Map(10, ("StorageEncrypted", defaulted)));
            var finding = Assert.Single(Run(Rule, view));
            Assert.Null(finding.Fix);
            Assert.Contains("(from the Default of parameter 'Encrypt')", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Both_branches_encrypted_is_clean()
        {
            var view = View(IAC1001_RdsStorageNotEncrypted.DbInstance, "Db",
                Map(10, ("StorageEncrypted", If("IsProd", Bool(true, 30), Str("true", 40), 25))));
            Assert.Empty(Run(Rule, view));
        }

        [Fact]
        public void StorageEncrypted_false_from_a_parameter_default_is_flagged_and_names_the_parameter()
        {
            var findings = Verify(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "false"
                    AllowedValues: ["true", "false"]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: [|!Ref Encrypt|]
                """);
            var finding = Assert.Single(findings);
            Assert.Contains("(from the Default of parameter 'Encrypt')", finding.FormatMessage(), System.StringComparison.Ordinal);
            Assert.Null(finding.Fix);
        }

        [Fact]
        public void StorageEncrypted_true_from_a_parameter_default_is_clean()
        {
            Verify(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "true"
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !Ref Encrypt
                """);
        }

        [Fact]
        public void Fn_If_flags_the_false_branch_and_names_the_condition()
        {
            var findings = Verify(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Parameters:
                  Env:
                    Type: String
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !If [IsProd, true, [|false|]]
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      StorageEncrypted:
                        Fn::If: [IsProd, true, true]
                """);
            var message = Assert.Single(findings).FormatMessage();
            Assert.Contains("IsProd", message, System.StringComparison.Ordinal);
            Assert.Null(findings[0].Fix);
        }

        [Fact]
        public void Fn_If_with_AWS_NoValue_flags_the_branch_that_leaves_it_unset()
        {
            var findings = Verify(Rule, """
                Conditions:
                  Encrypt: !Equals [!Ref Env, prod]
                Parameters:
                  Env:
                    Type: String
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !If [Encrypt, true, [|!Ref AWS::NoValue|]]
                """);
            Assert.Contains("AWS::NoValue leaves StorageEncrypted unset", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_snapshot_in_one_branch_only_checks_the_new_database_without_a_fix()
        {
            var findings = Verify(Rule, """
                Conditions:
                  UseSnapshot: !Not [!Equals [!Ref Snapshot, ""]]
                Parameters:
                  Snapshot:
                    Type: String
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: !If [UseSnapshot, !Ref Snapshot, !Ref AWS::NoValue]
                  Restored:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: !If [UseSnapshot, !Ref Snapshot, !Ref AWS::NoValue]
                      StorageEncrypted: !If [UseSnapshot, !Ref AWS::NoValue, true]
                """);
            var finding = Assert.Single(findings);
            Assert.Null(finding.Fix);
            Assert.Contains("when the database is not restored from a source", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Other_resource_types_are_not_read()
        {
            Assert.DoesNotContain("AWS::RDS::DBProxy", Rule.ResourceTypes);
            Assert.Equal(new[] { "AWS::RDS::DBCluster", "AWS::RDS::DBInstance" }, Rule.ResourceTypes.OrderBy(t => t, System.StringComparer.Ordinal));
        }

        // ---- fixes (TemplateCodeFixProvider through the verifier) -------------------------------------

        [Fact]
        public Task Missing_StorageEncrypted_is_added_in_yaml_keeping_comments_and_indentation() =>
            VerifyFixAsync(Rule, """
                Resources:
                  [|Db|]:
                     Type: AWS::RDS::DBInstance
                     Properties:
                        Engine: postgres   # the engine
                        DBInstanceClass: db.t3.micro
                """, """
                Resources:
                  Db:
                     Type: AWS::RDS::DBInstance
                     Properties:
                        Engine: postgres   # the engine
                        DBInstanceClass: db.t3.micro
                        StorageEncrypted: true
                """);

        [Fact]
        public Task False_is_replaced_in_json_and_fix_all_fixes_every_resource() =>
            VerifyFixAsync(Rule, """
                {
                  "Resources": {
                    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "StorageEncrypted": [|false|] } },
                    "Cluster": {
                      "Type": "AWS::RDS::DBCluster",
                      "Properties": {
                        "Engine": "aurora-mysql",
                        "StorageEncrypted": [|"false"|]
                      }
                    }
                  }
                }
                """, """
                {
                  "Resources": {
                    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "StorageEncrypted": true } },
                    "Cluster": {
                      "Type": "AWS::RDS::DBCluster",
                      "Properties": {
                        "Engine": "aurora-mysql",
                        "StorageEncrypted": true
                      }
                    }
                  }
                }
                """, "template.json");

        [Fact]
        public Task Missing_Properties_block_is_created() =>
            VerifyFixAsync(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                """, """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: true
                """);

        [Fact]
        public Task A_branch_or_a_parameter_default_gets_no_fix() =>
            VerifyFixAsync(Rule, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "false"
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: [|!Ref Encrypt|]
                  Other:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !If [IsProd, true, [|false|]]
                """, """
                Parameters:
                  Encrypt:
                    Type: String
                    Default: "false"
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: [|!Ref Encrypt|]
                  Other:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: !If [IsProd, true, [|false|]]
                """);
    }
}
