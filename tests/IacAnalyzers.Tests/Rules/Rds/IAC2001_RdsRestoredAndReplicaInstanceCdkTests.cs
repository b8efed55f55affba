using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Rds
{
    /// <summary>
    /// IAC2001 (and IAC1001's source exemption) on the L2 RDS instances that are not <c>DatabaseInstance</c>:
    /// <c>DatabaseInstanceFromSnapshot</c> and <c>DatabaseInstanceReadReplica</c> (both <c>MultiAz</c> "Default: false").
    /// </summary>
    public class IAC2001_RdsRestoredAndReplicaInstanceCdkTests
    {
        private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Verify(string body, string ruleId = "IAC2001")
            => CdkVerifier.VerifyRuleAsync(
                CdkVerifier.InStack(body, "IVpc vpc, bool prod", setup: "var primary = new DatabaseInstance(this, \"Primary\", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true, StorageEncrypted = true });", name: "Db"),
                ruleId);

        [Fact]
        public async Task L2_restored_instance_without_multi_az_is_flagged_at_the_creation()
        {
            var diagnostics = await Verify("""
                        [|new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "prod-snap", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc })|];
                """);
            Assert.Contains("(from the CDK default (DatabaseInstanceFromSnapshotProps.MultiAz: false))", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_read_replica_without_multi_az_is_flagged_at_the_creation()
        {
            var diagnostics = await Verify("""
                        [|new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc })|];
                """);
            Assert.Contains("(from the CDK default (DatabaseInstanceReadReplicaProps.MultiAz: false))", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task L2_written_false_one_of_multi_az_and_unknown_are_judged_by_value()
        {
            await Verify("""
                        new DatabaseInstanceFromSnapshot(this, "RestoredOff", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = [|false|] });
                        new DatabaseInstanceFromSnapshot(this, "RestoredOn", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                        new DatabaseInstanceFromSnapshot(this, "RestoredMaybe", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = prod });
                        new DatabaseInstanceFromSnapshot(this, "RestoredExpress", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.SQL_SERVER_EX, Vpc = vpc });
                        new DatabaseInstanceReadReplica(this, "ReplicaOn", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc, MultiAz = true });
                        new DatabaseInstanceReadReplica(this, "ReplicaEither", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc, MultiAz = prod ? true : [|false|] });
                """);
        }

        [Fact]
        public async Task L2_restored_and_replica_instances_inherit_encryption_so_IAC1001_is_clean()
        {
            await Verify("""
                        new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "prod-snap", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc, MultiAz = true });
                """, "IAC1001");
        }
    
        [Fact]
        public async Task L2_fix_adds_multi_az_to_the_restored_and_replica_props()
        {
            const string setup = "var primary = new DatabaseInstance(this, \"Primary\", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true, StorageEncrypted = true });";
            await CdkVerifier.VerifyFixAsync(
                CdkVerifier.InStack("""
                        [|new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc })|];
                        [|new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc })|];
                """, "IVpc vpc", setup, name: "Db"),
                CdkVerifier.InStack("""
                        new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "s", Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, MultiAz = true });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = primary, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc, MultiAz = true });
                """, "IVpc vpc", setup, name: "Db"),
                id: "IAC2001");
        }
    }
}
