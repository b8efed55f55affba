using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Rds
{
    /// <summary>
    /// IAC1001: RDS storage without encryption at rest. CloudFormation: <c>StorageEncrypted</c> of
    /// <c>AWS::RDS::DBInstance</c> and <c>AWS::RDS::DBCluster</c> defaults to false.
    /// Not checked, because encryption is decided elsewhere:
    /// an instance that belongs to a DB cluster (<c>DBClusterIdentifier</c> set, or an <c>aurora*</c> engine: the
    /// cluster's <c>StorageEncrypted</c> decides); an instance or cluster restored from a snapshot or created from a
    /// source database (it inherits the source's encryption, and CloudFormation says not to set the property);
    /// an Aurora Serverless v1 cluster (<c>EngineMode: serverless</c>), which is always encrypted.
    /// </summary>
    public sealed class IAC1001_RdsStorageNotEncrypted : RequireTrueRule
    {
        public const string DbInstance = "AWS::RDS::DBInstance";
        public const string DbCluster = "AWS::RDS::DBCluster";

        private static readonly string[] InstanceSources =
        {
            "DBSnapshotIdentifier", "SourceDBInstanceIdentifier", "SourceDbiResourceId",
            "SourceDBInstanceAutomatedBackupsArn", "SourceDBClusterIdentifier",
        };

        private static readonly string[] ClusterSources = { "SnapshotIdentifier", "SourceDBClusterIdentifier" };

        public IAC1001_RdsStorageNotEncrypted()
            : base(RuleCatalog.RdsStorageNotEncrypted, DbInstance, DbCluster)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            string subject;
            if (resource.IsType(DbInstance))
            {
                if (props.Get("DBClusterIdentifier") != null || IsAurora(props.Get("Engine")) || AnyWritten(props, InstanceSources))
                {
                    return;
                }

                subject = "RDS DB instance '" + resource.Name + "'";
            }
            else
            {
                if (AnyWritten(props, ClusterSources) || IsServerlessV1(props.Get("EngineMode")))
                {
                    return;
                }

                subject = "RDS DB cluster '" + resource.Name + "'";
            }

            // Restored in some branches only (!If [UseSnapshot, !Ref Snapshot, !Ref AWS::NoValue]): the other branches create
            // a new database and are checked, but no fix is offered, as StorageEncrypted must not be set when restoring;
            // an AWS::NoValue branch of StorageEncrypted is then taken to be the restoring branch.
            var partlyRestored = AnyPartlyWritten(props, resource.IsType(DbInstance) ? InstanceSources : ClusterSources);
            RequireTrue(resource, findings, subject, props, null, "StorageEncrypted", resource.Location,
                partlyRestored ? "StorageEncrypted is not set and defaults to false when the database is not restored from a source"
                               : "StorageEncrypted is not set and defaults to false",
                !resource.PropertiesWritten, offerFix: !partlyRestored, flagRemoved: !partlyRestored);
        }

        private static bool AnyWritten(MapValue props, string[] names)
        {
            foreach (var name in names)
            {
                if (IsWritten(props, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyPartlyWritten(MapValue props, string[] names)
        {
            foreach (var name in names)
            {
                if (IsPartlyWritten(props, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAurora(Value? engine)
        {
            if (engine == null)
            {
                return false;
            }

            foreach (var leaf in engine.Leaves())
            {
                if (leaf.Value.StartsWith("aurora"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Serverless v1 (always encrypted) or an engine mode the analyzer cannot know, in every branch: then the
        /// cluster is not flagged. One provisioned branch is enough to keep the check.
        /// </summary>
        private static bool IsServerlessV1(Value? engineMode)
        {
            if (engineMode == null)
            {
                return false;
            }

            foreach (var leaf in engineMode.Leaves())
            {
                if (!(leaf.Value is UnknownValue)
                    && !string.Equals(leaf.Value.AsString(), "serverless", System.StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
