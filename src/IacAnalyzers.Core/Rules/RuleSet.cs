using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Rules.Iam;
using IacAnalyzers.Rules.Rds;

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
            new IAC2001_RdsInstanceSingleAz(),
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
