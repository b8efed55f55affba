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
    /// </summary>
    public sealed class IAC2001_RdsInstanceSingleAz : RequireTrueRule
    {
        public const string DbInstance = "AWS::RDS::DBInstance";

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
                foreach (var leaf in engine.Leaves())
                {
                    if (leaf.Value.StartsWith("aurora"))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
