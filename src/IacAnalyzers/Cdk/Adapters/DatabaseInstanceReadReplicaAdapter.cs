using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.RDS.DatabaseInstanceReadReplica</c> → <c>AWS::RDS::DBInstance</c> with
    /// <c>SourceDBInstanceIdentifier</c>. Not a subclass of <c>DatabaseInstance</c>, so <see cref="DatabaseInstanceAdapter"/>
    /// does not see it. Defaults from Amazon.CDK.Lib 2.160.0's XML docs (<c>DatabaseInstanceReadReplicaProps</c>);
    /// aws-rds/lib/instance.js writes <c>multiAz: props.multiAz</c>, <c>sourceDbInstanceIdentifier:
    /// props.sourceDatabaseInstance.instanceArn</c> and <c>storageEncrypted: props.storageEncryptionKey ? true :
    /// props.storageEncrypted</c>. A replica's encryption follows its source (IAC1001 exempts it by
    /// <c>SourceDBInstanceIdentifier</c>); IAC2001 judges its <c>MultiAZ</c>.
    /// </summary>
    public sealed class DatabaseInstanceReadReplicaAdapter : ConstructAdapter
    {
        public DatabaseInstanceReadReplicaAdapter()
            : base("Amazon.CDK.AWS.RDS.DatabaseInstanceReadReplica", "AWS::RDS::DBInstance")
        {
            // MultiAz: "Specifies if the database instance is a multiple Availability Zone deployment. Default: false"
            Map("MultiAz", "MultiAZ").Default(false, "DatabaseInstanceReadReplicaProps.MultiAz: false");

            // SourceDatabaseInstance: "The source database instance." (required) → its ARN, a token: present, unknown.
            Map("SourceDatabaseInstance", "SourceDBInstanceIdentifier").Convert(source => new UnknownValue("the ARN of the source DB instance", source.Location));

            // StorageEncrypted: "Indicates whether the DB instance is encrypted. Default: - true if storageEncryptionKey has
            // been provided, false otherwise"
            Map("StorageEncrypted").Default(
                props => props.Has("StorageEncryptionKey") ? (object)true : null,
                "DatabaseInstanceReadReplicaProps.StorageEncrypted: true if storageEncryptionKey has been provided");
        }
    }
}
