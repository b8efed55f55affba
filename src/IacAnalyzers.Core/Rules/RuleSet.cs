using System;
using System.Collections.Generic;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// Every rule, indexed by the CloudFormation types it reads. Rules are stateless and shared. They are found once
    /// by reflection over this assembly (every non-abstract <see cref="Rule"/> with a public parameterless
    /// constructor), in id order, the way the CDK adapters are: adding a rule means adding its file, no list to edit.
    /// Guard tests check that every catalog id has exactly one rule and every rule a catalog entry.
    /// </summary>
    public static class RuleSet
    {
        public static IReadOnlyList<Rule> All { get; } = Discover();

        private static readonly Dictionary<string, Rule[]> ByType = Index(All);

        /// <summary>The rules that read resources of <paramref name="cloudFormationType"/> (empty when none).</summary>
        public static IReadOnlyList<Rule> ForType(string cloudFormationType)
            => ByType.TryGetValue(cloudFormationType, out var rules) ? rules : Array.Empty<Rule>();

        /// <summary>True when some rule reads this type (front-ends skip building views for the others).</summary>
        public static bool IsInteresting(string cloudFormationType) => ByType.ContainsKey(cloudFormationType);

        /// <summary>The concrete rule types of this assembly (a guard test checks each one is in <see cref="All"/>).</summary>
        public static IReadOnlyList<Type> RuleTypes() => Discovery.ConcreteTypes<Rule>(typeof(Rule).Assembly);

        private static Dictionary<string, Rule[]> Index(IReadOnlyList<Rule> rules)
        {
            var lists = new Dictionary<string, List<Rule>>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in rules)
            {
                foreach (var type in rule.ResourceTypes)
                {
                    Discovery.AddTo(lists, type, rule);
                }
            }

            return Discovery.ToArrays(lists);
        }

        private static Rule[] Discover() => Discovery.Instances<Rule>(typeof(Rule).Assembly, r => r.Info.Id);
    }
}
