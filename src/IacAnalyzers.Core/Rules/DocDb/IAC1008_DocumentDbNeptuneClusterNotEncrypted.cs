using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.DocDb
{
    /// <summary>
    /// IAC1008: an Amazon DocumentDB or Neptune DB cluster without storage encryption. CloudFormation:
    /// <c>StorageEncrypted</c> of <c>AWS::DocDB::DBCluster</c> and <c>AWS::Neptune::DBCluster</c> defaults to false.
    /// A cluster restored from a snapshot or cloned from a source cluster (<c>SnapshotIdentifier</c>,
    /// <c>SourceDBClusterIdentifier</c>) is not checked: it inherits the source's encryption.
    /// </summary>
    public sealed class IAC1008_DocumentDbNeptuneClusterNotEncrypted : RequireTrueRule
    {
        public const string DocDbCluster = "AWS::DocDB::DBCluster";
        public const string NeptuneCluster = "AWS::Neptune::DBCluster";

        public IAC1008_DocumentDbNeptuneClusterNotEncrypted()
            : base(RuleCatalog.DocumentDbNeptuneClusterNotEncrypted, DocDbCluster, NeptuneCluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (IsWritten(resource.Properties, "SnapshotIdentifier") || IsWritten(resource.Properties, "SourceDBClusterIdentifier"))
            {
                return;
            }

            var subject = (resource.IsType(DocDbCluster) ? "DocumentDB cluster '" : "Neptune cluster '") + resource.Name + "'";
            // Restored in some branches only: the other branches are checked, without a fix (see IAC1001).
            var partlyRestored = IsPartlyWritten(resource.Properties, "SnapshotIdentifier") || IsPartlyWritten(resource.Properties, "SourceDBClusterIdentifier");
            RequireTrue(resource, findings, subject, resource.Properties, null, "StorageEncrypted", resource.Location,
                partlyRestored ? "StorageEncrypted is not set and defaults to false when the cluster is not restored from a source"
                               : "StorageEncrypted is not set and defaults to false",
                !resource.PropertiesWritten, offerFix: !partlyRestored, flagRemoved: !partlyRestored);
        }
    }
}
