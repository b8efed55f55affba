using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.RDS.DatabaseCluster</c> and <c>DatabaseClusterFromSnapshot</c> (a sibling, not a subclass: both
    /// derive from <c>DatabaseClusterNew</c>, which creates the instances the same way) → <c>AWS::RDS::DBCluster</c>, plus one <c>AWS::RDS::DBInstance</c> view
    /// per instance the construct creates (what a template would declare), each with a <c>DBClusterIdentifier</c>
    /// referring to the cluster and the cluster's <c>Engine</c>. Defaults from Amazon.CDK.Lib 2.160.0's XML docs
    /// (<c>DatabaseClusterProps</c>).
    /// </summary>
    public sealed class DatabaseClusterAdapter : ConstructAdapter
    {
        public const string ClusterType = "AWS::RDS::DBCluster";
        public const string InstanceType = "AWS::RDS::DBInstance";

        public DatabaseClusterAdapter()
            : base("Amazon.CDK.AWS.RDS.DatabaseCluster", ClusterType)
        {
            // DatabaseClusterFromSnapshotProps has the same Writer/Readers/Instances/Engine/StorageEncrypted members and
            // defaults ("Default: - no readers are created", "Default: 2", "Default: - true if storageEncryptionKey is
            // provided, false otherwise") plus SnapshotIdentifier, which aws-rds/lib/cluster.js writes as-is.
            OnCreation("Amazon.CDK.AWS.RDS.DatabaseClusterFromSnapshot");

            // SnapshotIdentifier (DatabaseClusterFromSnapshotProps): "The identifier for the DB instance snapshot or DB cluster
            // snapshot to restore from." A restored cluster inherits its encryption (IAC1001 exempts it).
            Map("SnapshotIdentifier");

            // StorageEncrypted: "Whether to enable storage encryption. Default: - true if storageEncryptionKey is provided, false otherwise"
            Map("StorageEncrypted").Default(
                props => props.Has("StorageEncryptionKey"),
                "DatabaseClusterProps.StorageEncrypted: true if storageEncryptionKey is provided, false otherwise");

            // StorageEncryptionKey: "If specified, storageEncrypted will be set to true." Its ARN is a token: present, unknown.
            Map("StorageEncryptionKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));

            // Engine: "What kind of database to start" (required). DatabaseClusterEngine.AuroraPostgres(...) / .AURORA_POSTGRESQL → "aurora-postgresql"
            Map("Engine").Convert(engine => CdkConvert.MemberToString(engine, "DatabaseClusterEngine", Engines));
        }

        /// <summary>DatabaseClusterEngine factory methods and static properties → the CloudFormation <c>Engine</c> value.</summary>
        private static readonly Dictionary<string, string> Engines = new Dictionary<string, string>
        {
            ["aurora"] = "aurora",
            ["auroramysql"] = "aurora-mysql",
            ["aurorapostgres"] = "aurora-postgresql",
            ["aurorapostgresql"] = "aurora-postgresql",
        };

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            base.Build(input, output);
            if (!(input.Props is MapValue props) || output.Count == 0)
            {
                return;
            }

            var (cluster, context) = ClusterContext.Rebind(input, output);
            var engine = cluster.Properties.Get("Engine");
            foreach (var (name, at) in Instances(input, props))
            {
                var member = Member(context, cluster, engine, name, at);
                context.Add(member);
                output.Add(member);
            }
        }

        /// <summary>
        /// The instances: <c>Writer</c> plus each of <c>Readers</c> ("Default: - no readers are created. The cluster will
        /// have a single writer/reader"); or, with the deprecated <c>InstanceProps</c>, <c>Instances</c> of them
        /// ("(deprecated) How many replicas/instances to create. Default: 2"). Readers the analyzer cannot list count
        /// as one possible member (its identifier unknown), so an unknown list never reads as "no readers".
        /// </summary>
        private static IEnumerable<(string Name, Value At)> Instances(AdapterInput input, MapValue props)
        {
            var writer = props.Get("Writer");
            if (writer != null)
            {
                yield return (InstanceName(input, writer, "writer"), writer);
                var readers = props.Get("Readers");
                if (readers is ListValue list)
                {
                    foreach (var reader in list.Items)
                    {
                        yield return (InstanceName(input, reader, "reader"), reader);
                    }
                }
                else if (readers != null)
                {
                    yield return (input.Name + "/readers", readers);
                }

                yield break;
            }

            if (props.Get("InstanceProps") == null)
            {
                yield break;
            }

            var count = props.Get("Instances");
            if (count == null)
            {
                for (var i = 1; i <= 2; i++)
                {
                    yield return (input.Name + "/Instance" + i, new ScalarValue("2", ScalarKind.Number, input.Location, Provenance.CdkDefault("the CDK default (DatabaseClusterProps.Instances: 2)")));
                }
            }
            else if ((count as ScalarValue)?.AsInteger() is long n && n >= 0 && n <= 16)
            {
                for (var i = 1; i <= n; i++)
                {
                    yield return (input.Name + "/Instance" + i, count);
                }
            }
            else
            {
                // An instance count the analyzer cannot know: two possible members, so no single-instance verdict.
                yield return (input.Name + "/Instance1", count);
                yield return (input.Name + "/Instance2", count);
            }
        }

        private static string InstanceName(AdapterInput input, Value instance, string fallback)
            => input.Name + "/" + ((CdkValues.Argument(instance, "id") as ScalarValue)?.Text ?? fallback);

        private static ResourceView Member(IResourceContext context, ResourceView cluster, Value? engine, string name, Value at)
        {
            var known = at is ScalarValue || CdkValues.TypeName(at) == "ClusterInstance";
            var identifier = known
                ? new UnknownValue("the identifier of cluster '" + cluster.Name + "'", at.Location, null, cluster.Name, null)
                : new UnknownValue("readers the analyzer cannot list", at.Location);
            var entries = new List<MapEntry> { new MapEntry("DBClusterIdentifier", at.Location, identifier) };
            if (engine != null)
            {
                entries.Add(new MapEntry("Engine", engine.Location, engine));
            }

            return new ResourceView(InstanceType, name, at.Location, new MapValue(entries, at.Location), Surfaces.Cdk, context, propertiesWritten: false);
        }
    }
}
