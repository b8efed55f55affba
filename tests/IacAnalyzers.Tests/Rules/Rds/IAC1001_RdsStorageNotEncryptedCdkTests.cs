using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>IAC1001 on the CDK C# surface: L1 <c>CfnDBInstance</c>/<c>CfnDBCluster</c>, L2 <c>DatabaseInstance</c>/<c>DatabaseCluster</c>.</summary>
    public class IAC1001_RdsStorageNotEncryptedCdkTests
    {
        // ---- L1 -------------------------------------------------------------------------------------------

        [Fact]
        public async Task L1_instance_without_StorageEncrypted_is_flagged_at_the_creation()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true })|];
                    }
                }
                """, "IAC1001");
            Assert.Equal(
                "RDS DB instance 'Db' is not encrypted at rest (StorageEncrypted is not set and defaults to false): set StorageEncrypted to true; " +
                "encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy) [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L1_false_is_flagged_at_the_value_and_true_or_unknown_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool encrypt) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Off", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, StorageEncrypted = [|false|] });
                        new CfnDBInstance(this, "On", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, StorageEncrypted = true });
                        new CfnDBInstance(this, "Unknown", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, StorageEncrypted = encrypt });
                        new CfnDBCluster(this, "Cluster", new CfnDBClusterProps { Engine = "aurora-postgresql", StorageEncrypted = [|false|] });
                    }
                }
                """, "IAC1001");
        }

        [Fact]
        public async Task L1_aurora_member_and_snapshot_restore_are_not_checked_but_the_cluster_is()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var cluster = [|new CfnDBCluster(this, "Cluster", new CfnDBClusterProps { Engine = "aurora-mysql" })|];
                        new CfnDBInstance(this, "Writer", new CfnDBInstanceProps { Engine = "aurora-mysql", DbClusterIdentifier = cluster.Ref });
                        new CfnDBInstance(this, "Reader", new CfnDBInstanceProps { Engine = "aurora-mysql", DbClusterIdentifier = cluster.Ref });
                        new CfnDBInstance(this, "Restored", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, DbSnapshotIdentifier = "snap-1" });
                    }
                }
                """, "IAC1001");
        }

        [Fact]
        public async Task L1_conditional_flags_the_false_branch_and_names_it()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool isProd) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, StorageEncrypted = isProd ? true : [|false|] });
                    }
                }
                """, "IAC1001");
            Assert.Contains("(when `isProd` is false)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L1_missing_StorageEncrypted_is_fixed_inline()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        [|new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true })|];
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = true, StorageEncrypted = true });
                    }
                }
                """, id: "IAC1001");
        }

        // ---- L2 DatabaseInstance (adapter by the CDK front-end) ------------------------------------------

        [Fact]
        public async Task L2_instance_without_StorageEncrypted_is_flagged_with_the_CDK_default()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                            Vpc = vpc,
                            MultiAz = true,
                        })|];
                    }
                }
                """, "IAC1001");
            Assert.Equal(
                "RDS DB instance 'Db' is not encrypted at rest (from the CDK default (DatabaseInstanceProps.StorageEncrypted: true if storageEncryptionKey has been provided, false otherwise)): " +
                "set StorageEncrypted to true; encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy) [Security · SEC08-BP02]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task L2_instance_with_a_key_or_StorageEncrypted_true_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, IKey key) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Keyed", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true, StorageEncryptionKey = key });
                        new DatabaseInstance(this, "Flag", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true, StorageEncrypted = true });
                    }
                }
                """, "IAC1001");
        }

        [Fact]
        public async Task L2_missing_StorageEncrypted_is_fixed_by_adding_it()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true })|];
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true, StorageEncrypted = true });
                    }
                }
                """, id: "IAC1001");
        }

        // ---- L2 DatabaseCluster (this rule's adapter) ----------------------------------------------------

        [Fact]
        public async Task L2_cluster_without_encryption_is_flagged_and_its_instances_are_not()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        [|new DatabaseCluster(this, "Ledger", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_1 }),
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                            Vpc = vpc,
                        })|];
                    }
                }
                """, "IAC1001");
            Assert.StartsWith(
                "RDS DB cluster 'Ledger' is not encrypted at rest (from the CDK default (DatabaseClusterProps.StorageEncrypted: true if storageEncryptionKey is provided, false otherwise))",
                diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_cluster_with_a_key_is_encrypted_and_false_is_flagged_at_the_value()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc, IKey key) : base(scope, "App")
                    {
                        new DatabaseCluster(this, "Keyed", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.ServerlessV2("reader") },
                            Vpc = vpc,
                            StorageEncryptionKey = key,
                        });
                        new DatabaseCluster(this, "Off", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                            Vpc = vpc,
                            StorageEncrypted = [|false|],
                        });
                    }
                }
                """, "IAC1001");
        }

        [Fact]
        public async Task L2_cluster_StorageEncrypted_false_is_fixed_by_replacing_the_value()
        {
            await CdkVerifier.VerifyFixAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseCluster(this, "Off", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                            Vpc = vpc,
                            StorageEncrypted = [|false|],
                        });
                    }
                }
                """, """
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        new DatabaseCluster(this, "Off", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Readers = new[] { ClusterInstance.Provisioned("reader") },
                            Vpc = vpc,
                            StorageEncrypted = true,
                        });
                    }
                }
                """, id: "IAC1001");
        }

        [Fact]
        public async Task L2_cluster_adapter_gives_the_cluster_its_instances()
        {
            // The adapter produces the DBInstance views a template would declare: a writer alone is a single-instance
            // cluster (IAC2002), deprecated InstanceProps default to two instances.
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        {|IAC2002:new DatabaseCluster(this, "Single", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Vpc = vpc,
                            StorageEncrypted = true,
                        })|};
                #pragma warning disable CS0618 // InstanceProps and Instances are deprecated
                        new DatabaseCluster(this, "Legacy", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            StorageEncrypted = true,
                        });
                        {|IAC2002:new DatabaseCluster(this, "LegacyOne", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            InstanceProps = new Amazon.CDK.AWS.RDS.InstanceProps { Vpc = vpc },
                            Instances = 1,
                            StorageEncrypted = true,
                        })|};
                #pragma warning restore CS0618
                    }
                }
                """, "IAC1001");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("'Single/writer'", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_cluster_with_unknown_props_is_not_flagged()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, DatabaseClusterProps props) : base(scope, "App")
                    {
                        new DatabaseCluster(this, "Ledger", props);
                    }
                }
                """, "IAC1001");
        }
    }
}
