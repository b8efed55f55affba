using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.RDS.DatabaseInstanceFromSnapshot</c> → <c>AWS::RDS::DBInstance</c> with <c>DBSnapshotIdentifier</c>.
    /// Not a subclass of <c>DatabaseInstance</c> (both derive from <c>DatabaseInstanceSource</c>), so
    /// <see cref="DatabaseInstanceAdapter"/> does not see it. Defaults from Amazon.CDK.Lib 2.160.0's XML docs
    /// (<c>DatabaseInstanceFromSnapshotProps</c>); aws-rds/lib/instance.js writes <c>multiAz: props.multiAz</c> and
    /// <c>dbSnapshotIdentifier: props.snapshotIdentifier</c>. A restored instance inherits its encryption from the
    /// snapshot, which IAC1001 reads from <c>DBSnapshotIdentifier</c>; IAC2001 judges its <c>MultiAZ</c>.
    /// </summary>
    public sealed class DatabaseInstanceFromSnapshotAdapter : ConstructAdapter
    {
        public DatabaseInstanceFromSnapshotAdapter()
            : base("Amazon.CDK.AWS.RDS.DatabaseInstanceFromSnapshot", "AWS::RDS::DBInstance")
        {
            // MultiAz: "Specifies if the database instance is a multiple Availability Zone deployment. Default: false"
            Map("MultiAz", "MultiAZ").Default(false, "DatabaseInstanceFromSnapshotProps.MultiAz: false");

            // SnapshotIdentifier: "The name or Amazon Resource Name (ARN) of the DB snapshot that's used to restore the DB instance." (required)
            Map("SnapshotIdentifier", "DBSnapshotIdentifier");

            // Engine: "The database engine." (required)
            Map("Engine").Convert(engine => CdkConvert.MemberToString(engine, "DatabaseInstanceEngine", DatabaseInstanceAdapter.Engines));
        }
    }
}
