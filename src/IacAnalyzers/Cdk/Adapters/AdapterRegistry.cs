using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// Every adapter of this assembly (found once by reflection), and, per compilation, the adapters keyed by the
    /// symbols that trigger them. Adapters whose resource types no rule reads are left out, as are triggers whose
    /// type the referenced CDK version lacks.
    /// </summary>
    public sealed class AdapterRegistry
    {
        private static readonly Lazy<IReadOnlyList<CdkAdapter>> Discovered = new Lazy<IReadOnlyList<CdkAdapter>>(Discover);

        private readonly Dictionary<INamedTypeSymbol, CdkAdapter[]> byConstruct;
        private readonly Dictionary<string, (INamedTypeSymbol Type, CdkAdapter Adapter)[]> byMethod;

        private AdapterRegistry(Dictionary<INamedTypeSymbol, CdkAdapter[]> byConstruct, Dictionary<string, (INamedTypeSymbol, CdkAdapter)[]> byMethod)
        {
            this.byConstruct = byConstruct;
            this.byMethod = byMethod;
        }

        /// <summary>All adapters, in type name order.</summary>
        public static IReadOnlyList<CdkAdapter> All => Discovered.Value;

        public bool IsEmpty => byConstruct.Count == 0 && byMethod.Count == 0;

        /// <summary>True when some adapter listens to calls (otherwise the analyzer does not even register for them).</summary>
        public bool HasAnyMethod => byMethod.Count > 0;

        /// <summary>The construct types with adapters (the analyzer walks base types against them).</summary>
        public IEnumerable<INamedTypeSymbol> ConstructTypes => byConstruct.Keys;

        public static AdapterRegistry Create(Compilation compilation, IEnumerable<CdkAdapter>? adapters = null)
        {
            var byConstruct = new Dictionary<INamedTypeSymbol, List<CdkAdapter>>(SymbolEqualityComparer.Default);
            var byMethod = new Dictionary<string, List<(INamedTypeSymbol, CdkAdapter)>>(StringComparer.Ordinal);
            foreach (var adapter in adapters ?? All)
            {
                if (!adapter.ResourceTypes.Any(Rules.RuleSet.IsInteresting))
                {
                    continue;
                }

                foreach (var name in adapter.ConstructTypes)
                {
                    var type = compilation.GetTypeByMetadataName(name);
                    if (type != null)
                    {
                        Add(byConstruct, type, adapter);
                    }
                }

                foreach (var trigger in adapter.Methods)
                {
                    var type = compilation.GetTypeByMetadataName(trigger.TypeMetadataName);
                    if (type != null)
                    {
                        Add(byMethod, trigger.Method, (type, adapter));
                    }
                }
            }

            return new AdapterRegistry(
                byConstruct.ToDictionary(p => p.Key, p => p.Value.ToArray(), (IEqualityComparer<INamedTypeSymbol>)SymbolEqualityComparer.Default),
                byMethod.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        }

        /// <summary>Adapters for a creation of exactly <paramref name="type"/> (the caller walks base types).</summary>
        public CdkAdapter[]? ForConstruct(INamedTypeSymbol type) => byConstruct.TryGetValue(type, out var list) ? list : null;

        /// <summary>True when some adapter listens to a method of this name (the cheap first test for every call).</summary>
        public bool HasMethod(string name) => byMethod.ContainsKey(name);

        /// <summary>The adapters for a call of <paramref name="method"/>: its containing type, or a base type, is a trigger type.</summary>
        public IEnumerable<CdkAdapter> ForMethod(IMethodSymbol method)
        {
            if (!byMethod.TryGetValue(method.Name, out var triggers))
            {
                yield break;
            }

            foreach (var (type, adapter) in triggers)
            {
                if (CdkSymbols.DerivesFrom(method.ContainingType, type) || CdkSymbols.Implements(method.ContainingType, type))
                {
                    yield return adapter;
                }
            }
        }

        private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<TValue>();
                map.Add(key, list);
            }

            list.Add(value);
        }

        private static IReadOnlyList<CdkAdapter> Discover()
        {
            Type[] types;
            try
            {
                types = typeof(CdkAdapter).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).ToArray()!;
            }

            return types
                .Where(t => !t.IsAbstract && typeof(CdkAdapter).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (CdkAdapter)Activator.CreateInstance(t)!)
                .ToArray();
        }
    }
}
