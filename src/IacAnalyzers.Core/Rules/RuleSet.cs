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

        // Plain loops, not LINQ over (type, rule) pairs: generic code over value tuples is not shared, so the JIT
        // compiled some forty methods for this table in every compiler process.
        private static readonly Dictionary<string, Rule[]> ByType = Index(All);

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

        private static Dictionary<string, Rule[]> Index(IReadOnlyList<Rule> rules)
        {
            var lists = new Dictionary<string, List<Rule>>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in rules)
            {
                foreach (var type in rule.ResourceTypes)
                {
                    if (!lists.TryGetValue(type, out var list))
                    {
                        list = new List<Rule>();
                        lists.Add(type, list);
                    }

                    list.Add(rule);
                }
            }

            var byType = new Dictionary<string, Rule[]>(lists.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in lists)
            {
                byType.Add(pair.Key, pair.Value.ToArray());
            }

            return byType;
        }

        private static Rule[] Discover()
        {
            var rules = new List<Rule>();
            foreach (var type in RuleTypes())
            {
                if (type.GetConstructor(Type.EmptyTypes) != null)
                {
                    rules.Add((Rule)Activator.CreateInstance(type)!);
                }
            }

            var sorted = rules.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Info.Id, b.Info.Id));
            return sorted;
        }
    }
}
