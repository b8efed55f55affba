using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Rds
{
    /// <summary>
    /// IAC2001: an RDS DB instance without Multi-AZ. CloudFormation: <c>AWS::RDS::DBInstance.MultiAZ</c> defaults to
    /// false. Aurora instances are exempt (their availability is the cluster's): an instance with a
    /// <c>DBClusterIdentifier</c>, or whose <c>Engine</c> starts with <c>aurora</c>. An unknown engine is not
    /// assumed to be Aurora; an unknown cluster identifier is still a cluster member. <c>!Ref AWS::NoValue</c> in a
    /// branch leaves the default (false) there: flagged, as IAC1001 flags it on <c>StorageEncrypted</c>.
    /// Engines AWS cannot run Multi-AZ (<see cref="EnginesWithoutMultiAz"/>) are exempt: setting MultiAZ would fail at deploy.
    /// </summary>
    public sealed class IAC2001_RdsInstanceSingleAz : RequireTrueRule
    {
        public const string DbInstance = "AWS::RDS::DBInstance";

        /// <summary>
        /// Engines for which AWS offers no Multi-AZ deployment: SQL Server Express Edition (RDS for SQL Server supports
        /// Multi-AZ for Enterprise and Standard through Always On/mirroring, for Web through block-level replication,
        /// and for Developer Edition; not for Express). Every other RDS engine supports a Multi-AZ DB instance,
        /// including Db2, Oracle SE2 and RDS Custom for Oracle and for SQL Server.
        /// </summary>
        public static readonly string[] EnginesWithoutMultiAz = { "sqlserver-ex" };

        public IAC2001_RdsInstanceSingleAz()
            : base("MultiAZ", RuleCatalog.RdsInstanceSingleAz, DbInstance)
        {
        }

        protected override bool Applies(ResourceView resource)
        {
            if (resource.Properties.Get("DBClusterIdentifier") != null)
            {
                return false;
            }

            var engine = resource.Properties.Get("Engine");
            if (engine != null)
            {
                var withoutMultiAz = 0;
                var leaves = 0;
                foreach (var leaf in engine.Leaves())
                {
                    leaves++;
                    if (leaf.Value.StartsWith("aurora"))
                    {
                        return false;
                    }

                    if (leaf.Value is ScalarValue s && System.Array.Exists(EnginesWithoutMultiAz, e => string.Equals(e, s.Text, System.StringComparison.OrdinalIgnoreCase)))
                    {
                        withoutMultiAz++;
                    }
                }

                // Every branch runs an engine AWS cannot run Multi-AZ: the fix would fail at deploy.
                if (leaves > 0 && withoutMultiAz == leaves)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
