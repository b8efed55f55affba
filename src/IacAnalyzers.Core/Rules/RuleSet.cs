using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Rules.Iam;
using IacAnalyzers.Rules.DocDb;
using IacAnalyzers.Rules.Ec2;
using IacAnalyzers.Rules.Efs;
using IacAnalyzers.Rules.ElastiCache;
using IacAnalyzers.Rules.Kinesis;
using IacAnalyzers.Rules.Ec2Network;
using IacAnalyzers.Rules.OpenSearch;
using IacAnalyzers.Rules.Rds;
using IacAnalyzers.Rules.Sqs;

namespace IacAnalyzers.Rules
{
    /// <summary>Every rule, indexed by the CloudFormation types it reads. Rules are stateless and shared.</summary>
    public static class RuleSet
    {
        public static IReadOnlyList<Rule> All { get; } = new Rule[]
        {
            new IAC1201_IamAllowsAllActions(),
            new IAC1202_IamServiceWideWildcard(),
            new IAC1203_IamAllowWithNotAction(),
            new IAC1204_IamWriteOnAnyResource(),
            new IAC1205_IamAnyPrincipal(),
            new IAC1206_IamAdminManagedPolicy(),
            // Security: storage encryption
            new IAC1001_RdsStorageNotEncrypted(),
            new IAC1002_EbsVolumeNotEncrypted(),
            new IAC1003_Ec2BlockDeviceNotEncrypted(),
            new IAC1004_EfsFileSystemNotEncrypted(),
            new IAC1005_ElastiCacheNotEncryptedAtRest(),
            new IAC1006_OpenSearchDomainNotEncryptedAtRest(),
            new IAC1007_KinesisStreamNotEncrypted(),
            new IAC1008_DocumentDbNeptuneClusterNotEncrypted(),
            new IAC1009_SqsQueueEncryptionDisabled(),
            new IAC2001_RdsInstanceSingleAz(),
            new IAC1101_SecurityGroupOpenSsh(),
            new IAC1102_SecurityGroupOpenRdp(),
            new IAC2002_DbClusterSingleInstance(),
            new IAC2003_ElastiCacheSingleAz(),
            new IAC2004_OpenSearchNoZoneAwareness(),
        };

        private static readonly Dictionary<string, Rule[]> ByType = All
            .SelectMany(r => r.ResourceTypes.Select(t => (Type: t, Rule: r)))
            .GroupBy(x => x.Type, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToArray(), StringComparer.OrdinalIgnoreCase);

        /// <summary>The rules that read resources of <paramref name="cloudFormationType"/> (empty when none).</summary>
        public static IReadOnlyList<Rule> ForType(string cloudFormationType)
            => ByType.TryGetValue(cloudFormationType, out var rules) ? rules : Array.Empty<Rule>();

        /// <summary>True when some rule reads this type (front-ends skip building views for the others).</summary>
        public static bool IsInteresting(string cloudFormationType) => ByType.ContainsKey(cloudFormationType);
    }
}
