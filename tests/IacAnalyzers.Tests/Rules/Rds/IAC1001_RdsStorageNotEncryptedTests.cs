using System.Threading.Tasks;
using System.Linq;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.Rds;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Rds
{
    public class IAC1001_RdsStorageNotEncryptedTests
    {
        private static readonly IAC1001_RdsStorageNotEncrypted Rule = new IAC1001_RdsStorageNotEncrypted();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Instance_without_StorageEncrypted_is_flagged_at_its_logical_id_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task Instance_with_StorageEncrypted_false_is_flagged_at_the_value()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task StorageEncrypted_as_the_string_false_is_flagged()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      StorageEncrypted: [|"false"|]
                """);
        }

        [Fact]
        public async Task Instance_with_StorageEncrypted_true_is_clean()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Instance_without_Properties_is_flagged_and_the_fix_creates_them()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                """);
            Assert.True(Assert.IsType<SetPropertyFix>(Assert.Single(findings).Fix).CreateProperties);
        }

        [Fact]
        public async Task Aurora_cluster_member_instances_are_not_checked()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Cluster_without_StorageEncrypted_is_flagged_and_encrypted_cluster_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task KmsKeyId_without_StorageEncrypted_is_still_flagged()
        {
            // CloudFormation requires StorageEncrypted: true when KmsKeyId is set (cfn-lint E3720): the key alone encrypts nothing.
            await VerifyRuleAsync(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      KmsKeyId: arn:aws:kms:us-east-1:111122223333:key/abc
                """);
        }

        [Fact]
        public async Task Databases_restored_from_a_snapshot_or_a_source_inherit_encryption_and_are_not_checked()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task An_empty_snapshot_identifier_does_not_exempt_but_withholds_the_fix()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  [|Db|]:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBSnapshotIdentifier: ""
                """);
            Assert.Null(Assert.Single(findings).Fix);
        }

        [Fact]
        public async Task Optional_restore_with_an_empty_default_and_the_matching_StorageEncrypted_pattern_is_clean()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Aurora_Serverless_v1_cluster_is_always_encrypted_and_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task StorageEncrypted_from_a_parameter_without_default_is_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task EngineMode_from_an_unknown_value_is_not_flagged()
        {
            await VerifyRuleAsync(Rule, """
                Resources:
                  Cluster:
                    Type: AWS::RDS::DBCluster
                    Properties:
                      EngineMode: !Ref Mode
                """);
        }

        [Fact]
        public async Task Json_template_is_flagged_at_the_same_places()
        {
            await VerifyRuleAsync(Rule, """
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
            var view = v.Resource(IAC1001_RdsStorageNotEncrypted.DbInstance, "Db",
                v.M(("StorageEncrypted", v.If("IsProd", v.B(true, at: 30), v.B(false, at: 40), at: 25))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(40, finding.Location.Start);
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'IsProd' is false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_value_from_a_parameter_default_names_its_provenance_and_offers_no_in_place_fix()
        {
            var defaulted = new ScalarValue("false", ScalarKind.Boolean, v.Loc(50), Provenance.ParameterDefault("the Default of parameter 'Encrypt'"));
            var view = v.Resource(IAC1001_RdsStorageNotEncrypted.DbCluster, "Cluster", v.M(("StorageEncrypted", defaulted)));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Null(finding.Fix);
            Assert.Contains("(from the Default of parameter 'Encrypt')", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Both_branches_encrypted_is_clean()
        {
            var view = v.Resource(IAC1001_RdsStorageNotEncrypted.DbInstance, "Db",
                v.M(("StorageEncrypted", v.If("IsProd", v.B(true, at: 30), v.S("true", at: 40), at: 25))));
            Assert.Empty(ViewBuilder.Run(Rule, view));
        }

        [Fact]
        public async Task StorageEncrypted_false_from_a_parameter_default_is_flagged_and_names_the_parameter()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task StorageEncrypted_true_from_a_parameter_default_is_clean()
        {
            await VerifyRuleAsync(Rule, """
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
        public async Task Fn_If_flags_the_false_branch_and_names_the_condition()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task Fn_If_with_AWS_NoValue_flags_the_branch_that_leaves_it_unset()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
        public async Task A_snapshot_in_one_branch_only_checks_the_new_database_without_a_fix()
        {
            var findings = await VerifyRuleAsync(Rule, """
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
            VerifyFixAsync(Rule.Info.Id, """
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
            VerifyFixAsync(Rule.Info.Id, """
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
            VerifyFixAsync(Rule.Info.Id, """
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
            VerifyFixAsync(Rule.Info.Id, """
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
