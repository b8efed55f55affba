using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// Every adapter of this assembly (found once by reflection), and, per compilation, the adapters keyed by the
    /// types that trigger them. Adapters whose resource types no rule reads are left out, as are triggers whose
    /// type the referenced CDK version lacks. Trigger types are looked up by name only when the code names a type or a
    /// method of that simple name: looking up every adapter's type at the start made the compiler read the type tables
    /// of some thirty CDK namespaces an app may never use (a fixed cost of every build).
    /// </summary>
    public sealed class AdapterRegistry
    {
        private static readonly Lazy<IReadOnlyList<CdkAdapter>> Discovered = new Lazy<IReadOnlyList<CdkAdapter>>(Discover);

        private readonly Compilation compilation;
        private readonly Dictionary<string, ConstructEntry[]> bySimpleName;
        private readonly Dictionary<string, MethodEntry[]> byMethod;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> types = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        // The adapters of each called method, found once per compilation: a call of a trigger name is asked about at its
        // operation action and again when its body's views are built, and the same methods are called again and again
        // (their base and interface checks build new arrays each time).
        private readonly ConcurrentDictionary<IMethodSymbol, CdkAdapter[]> forMethod = new ConcurrentDictionary<IMethodSymbol, CdkAdapter[]>(SymbolEqualityComparer.Default);

        private AdapterRegistry(
            Compilation compilation,
            Dictionary<string, ConstructEntry[]> bySimpleName,
            Dictionary<string, MethodEntry[]> byMethod)
        {
            this.compilation = compilation;
            this.bySimpleName = bySimpleName;
            this.byMethod = byMethod;
        }

        /// <summary>All adapters, in type name order.</summary>
        public static IReadOnlyList<CdkAdapter> All => Discovered.Value;

        /// <summary>True when some adapter listens to calls (otherwise the analyzer does not even register for them).</summary>
        public bool HasAnyMethod => byMethod.Count > 0;

        /// <summary>The construct types with adapters that the referenced CDK has (looks every one up: for tests and tools).</summary>
        public IEnumerable<INamedTypeSymbol> ConstructTypes
            => bySimpleName.Values.SelectMany(e => e).Select(e => Resolve(e.FullName)).Where(t => t != null).Select(t => t!);

        public static AdapterRegistry Create(Compilation compilation, IEnumerable<CdkAdapter>? adapters = null)
        {
            var byConstruct = new Dictionary<string, List<CdkAdapter>>(StringComparer.Ordinal);
            var byMethod = new Dictionary<string, List<MethodEntry>>(StringComparer.Ordinal);
            foreach (var adapter in adapters ?? All)
            {
                if (!adapter.ResourceTypes.Any(Rules.RuleSet.IsInteresting))
                {
                    continue;
                }

                foreach (var name in adapter.ConstructTypes)
                {
                    Discovery.AddTo(byConstruct, name, adapter);
                }

                foreach (var trigger in adapter.Methods)
                {
                    Discovery.AddTo(byMethod, trigger.Method, new MethodEntry(trigger.TypeMetadataName, adapter));
                }
            }

            // Small entry classes, not tuples: generic code over value types is not shared (see Discovery).
            var grouped = new Dictionary<string, List<ConstructEntry>>(StringComparer.Ordinal);
            foreach (var pair in byConstruct)
            {
                Discovery.AddTo(grouped, SimpleName(pair.Key), new ConstructEntry(pair.Key, pair.Value.ToArray()));
            }

            return new AdapterRegistry(compilation, Discovery.ToArrays(grouped), Discovery.ToArrays(byMethod));
        }

        /// <summary>Adapters for a creation of exactly <paramref name="type"/> (the caller walks base types).</summary>
        public CdkAdapter[]? ForConstruct(INamedTypeSymbol type)
        {
            if (!bySimpleName.TryGetValue(type.MetadataName, out var entries))
            {
                return null;
            }

            foreach (var entry in entries)
            {
                if (SymbolEqualityComparer.Default.Equals(Resolve(entry.FullName), type))
                {
                    return entry.Adapters;
                }
            }

            return null;
        }

        /// <summary>True when some adapter listens to a method of this name whose type the referenced CDK has (the cheap first test for every call).</summary>
        public bool HasMethod(string name)
        {
            if (!byMethod.TryGetValue(name, out var triggers))
            {
                return false;
            }

            foreach (var trigger in triggers)
            {
                if (Resolve(trigger.TypeName) != null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The adapters for a call of <paramref name="method"/>: its containing type, or a base type, is a trigger type.</summary>
        public IReadOnlyList<CdkAdapter> ForMethod(IMethodSymbol method)
        {
            if (!byMethod.TryGetValue(method.Name, out var triggers))
            {
                return Array.Empty<CdkAdapter>();
            }

            return forMethod.TryGetValue(method, out var known) ? known : forMethod.GetOrAdd(method, Find(method, triggers));
        }

        private CdkAdapter[] Find(IMethodSymbol method, MethodEntry[] triggers)
        {
            List<CdkAdapter>? found = null;
            foreach (var trigger in triggers)
            {
                var type = Resolve(trigger.TypeName);
                if (type != null && (CdkSymbols.DerivesFrom(method.ContainingType, type) || CdkSymbols.Implements(method.ContainingType, type)))
                {
                    (found ??= new List<CdkAdapter>()).Add(trigger.Adapter);
                }
            }

            return found?.ToArray() ?? Array.Empty<CdkAdapter>();
        }

        /// <summary>How many trigger type names have been looked up in the compilation (tests check the look-ups stay lazy).</summary>
        internal int LookUps => types.Count;

        /// <summary>
        /// The type of a metadata name, looked up once: in Amazon.CDK.Lib, which declares every trigger type (a look-up
        /// over all references reads the type tables of all of them, see <see cref="CdkSymbols.TryCreate"/>); in the whole
        /// compilation only when the library does not have it (null when missing there too, or ambiguous).
        /// </summary>
        private INamedTypeSymbol? Resolve(string metadataName)
            => types.TryGetValue(metadataName, out var type) ? type : types.GetOrAdd(metadataName, Find(metadataName));

        private INamedTypeSymbol? Find(string metadataName)
            => CdkSymbols.ReferencedAssembly(compilation, CdkSymbols.CdkAssemblyName)?.GetTypeByMetadataName(metadataName)
               ?? compilation.GetTypeByMetadataName(metadataName);

        /// <summary><c>Amazon.CDK.AWS.RDS.DatabaseInstance</c> → <c>DatabaseInstance</c>; a nested <c>A+B</c> → <c>B</c>.</summary>
        private static string SimpleName(string metadataName)
        {
            var cut = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+'));
            return cut < 0 ? metadataName : metadataName.Substring(cut + 1);
        }

        /// <summary>A trigger construct type (metadata name) and its adapters.</summary>
        private sealed class ConstructEntry
        {
            public ConstructEntry(string fullName, CdkAdapter[] adapters)
            {
                FullName = fullName;
                Adapters = adapters;
            }

            public string FullName { get; }

            public CdkAdapter[] Adapters { get; }
        }

        /// <summary>A trigger method's declaring type (metadata name) and the adapter it triggers.</summary>
        private sealed class MethodEntry
        {
            public MethodEntry(string typeName, CdkAdapter adapter)
            {
                TypeName = typeName;
                Adapter = adapter;
            }

            public string TypeName { get; }

            public CdkAdapter Adapter { get; }
        }

        private static IReadOnlyList<CdkAdapter> Discover()
            => Discovery.Instances<CdkAdapter>(typeof(CdkAdapter).Assembly, a => a.GetType().FullName!);
    }
}
