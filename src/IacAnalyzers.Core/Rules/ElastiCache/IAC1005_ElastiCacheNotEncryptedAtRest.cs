using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.ElastiCache
{
    /// <summary>
    /// IAC1005: an ElastiCache (Redis OSS / Valkey) replication group without encryption at rest.
    /// CloudFormation: <c>AWS::ElastiCache::ReplicationGroup.AtRestEncryptionEnabled</c> defaults to false.
    /// A secondary member of a global datastore (<c>GlobalReplicationGroupId</c>) is not checked: it takes the global
    /// datastore's settings. Serverless caches (<c>AWS::ElastiCache::ServerlessCache</c>) are always encrypted.
    /// </summary>
    public sealed class IAC1005_ElastiCacheNotEncryptedAtRest : RequireTrueRule
    {
        public const string ReplicationGroup = "AWS::ElastiCache::ReplicationGroup";

        public IAC1005_ElastiCacheNotEncryptedAtRest()
            : base(RuleCatalog.ElastiCacheNotEncryptedAtRest, ReplicationGroup)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (IsWritten(resource.Properties, "GlobalReplicationGroupId"))
            {
                return;
            }

            RequireTrue(resource, findings, "ElastiCache replication group '" + resource.Name + "'", resource.Properties, null,
                "AtRestEncryptionEnabled", resource.Location, "AtRestEncryptionEnabled is not set and defaults to false",
                !resource.PropertiesWritten);
        }
    }
}
