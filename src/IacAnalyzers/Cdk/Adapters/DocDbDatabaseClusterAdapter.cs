using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.DocDB.DatabaseCluster</c> → <c>AWS::DocDB::DBCluster</c>, plus its <c>AWS::DocDB::DBInstance</c>s.
    /// Defaults from Amazon.CDK.Lib 2.160.0's XML docs (<c>Amazon.CDK.AWS.DocDB.DatabaseClusterProps</c>).
    /// </summary>
    public sealed class DocDbDatabaseClusterAdapter : ConstructAdapter
    {
        public DocDbDatabaseClusterAdapter()
            : base("Amazon.CDK.AWS.DocDB.DatabaseCluster", "AWS::DocDB::DBCluster")
        {
            // StorageEncrypted: "Whether to enable storage encryption. Default: true"
            Map("StorageEncrypted").Default(true, "DatabaseClusterProps.StorageEncrypted: true");

            // KmsKey: "The KMS key for storage encryption. Default: - default master key."
            Map("KmsKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            base.Build(input, output);
            if (!(input.Props is MapValue props) || output.Count == 0)
            {
                return;
            }

            // Instances: "Number of DocDB compute instances. Default: 1"
            var (cluster, context) = ClusterContext.Rebind(input, output);
            var count = props.Get("Instances");
            long n = count == null ? 1 : (count as ScalarValue)?.AsInteger() ?? -1;
            var at = count ?? new ScalarValue("1", ScalarKind.Number, input.Location, Provenance.CdkDefault("the CDK default (DatabaseClusterProps.Instances: 1)"));
            var members = n >= 0 && n <= 16 ? n : 2; // unknown: two possible members, no single-instance verdict
            for (var i = 1; i <= members; i++)
            {
                var identifier = n >= 0
                    ? new UnknownValue("the identifier of cluster '" + cluster.Name + "'", at.Location, null, cluster.Name, null)
                    : new UnknownValue("an instance count the analyzer cannot know", at.Location);
                var entries = new List<MapEntry> { new MapEntry("DBClusterIdentifier", at.Location, identifier) };
                var member = new ResourceView("AWS::DocDB::DBInstance", input.Name + "/Instance" + i, at.Location, new MapValue(entries, at.Location), Surfaces.Cdk, context, propertiesWritten: false);
                context.Add(member);
                output.Add(member);
            }
        }
    }
}
