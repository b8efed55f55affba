using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Rules.Ec2Network;
using IacAnalyzers.Rules.ElastiCache;
using IacAnalyzers.Rules.OpenSearch;
using IacAnalyzers.Rules.Rds;

namespace IacAnalyzers.Rules
{
    /// <summary>Every rule, indexed by the CloudFormation types it reads. Rules are stateless and shared.</summary>
    public static class RuleSet
    {
        public static IReadOnlyList<Rule> All { get; } = new Rule[]
        {
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
