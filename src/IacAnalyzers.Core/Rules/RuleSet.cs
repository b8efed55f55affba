using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

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

        private static readonly Dictionary<string, Rule[]> ByType = All
            .SelectMany(r => r.ResourceTypes.Select(t => (Type: t, Rule: r)))
            .GroupBy(x => x.Type, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).ToArray(), StringComparer.OrdinalIgnoreCase);

        /// <summary>The rules that read resources of <paramref name="cloudFormationType"/> (empty when none).</summary>
        public static IReadOnlyList<Rule> ForType(string cloudFormationType)
            => ByType.TryGetValue(cloudFormationType, out var rules) ? rules : Array.Empty<Rule>();

        /// <summary>True when some rule reads this type (front-ends skip building views for the others).</summary>
        public static bool IsInteresting(string cloudFormationType) => ByType.ContainsKey(cloudFormationType);

        /// <summary>The concrete rule types of this assembly (a guard test checks each one is in <see cref="All"/>).</summary>
        public static IReadOnlyList<Type> RuleTypes()
        {
            Type[] types;
            try
            {
                types = typeof(Rule).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).ToArray()!;
            }

            return types.Where(t => !t.IsAbstract && typeof(Rule).IsAssignableFrom(t)).ToArray();
        }

        private static Rule[] Discover()
            => RuleTypes()
                .Where(t => t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (Rule)Activator.CreateInstance(t)!)
                .OrderBy(r => r.Info.Id, StringComparer.Ordinal)
                .ToArray();
    }
}
