using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// How rules (<see cref="RuleSet"/>) and CDK adapters (<c>AdapterRegistry</c>) are found: every concrete subclass of a
    /// base in its assembly, so adding one is adding its file. Also the grouping both use to index what they found.
    /// Plain loops over reference types: LINQ over value tuples was generic code the JIT compiled in every compiler process.
    /// </summary>
    public static class Discovery
    {
        /// <summary>The non-abstract types of <paramref name="assembly"/> that derive from <typeparamref name="T"/> (the loadable ones).</summary>
        public static IReadOnlyList<Type> ConcreteTypes<T>(Assembly assembly)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).ToArray()!;
            }

            var found = new List<Type>();
            foreach (var type in types)
            {
                if (!type.IsAbstract && typeof(T).IsAssignableFrom(type))
                {
                    found.Add(type);
                }
            }

            return found;
        }

        /// <summary>
        /// One instance of each of <see cref="ConcreteTypes{T}"/> with a public parameterless constructor, in ordinal
        /// order of <paramref name="key"/>.
        /// </summary>
        public static T[] Instances<T>(Assembly assembly, Func<T, string> key)
            where T : class
        {
            var instances = new List<T>();
            foreach (var type in ConcreteTypes<T>(assembly))
            {
                if (type.GetConstructor(Type.EmptyTypes) != null)
                {
                    instances.Add((T)Activator.CreateInstance(type)!);
                }
            }

            var sorted = instances.ToArray();
            Array.Sort(sorted, (a, b) => string.CompareOrdinal(key(a), key(b)));
            return sorted;
        }

        /// <summary>Adds <paramref name="value"/> to the list of <paramref name="key"/>, starting the list when there is none.</summary>
        public static void AddTo<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<TValue>();
                map.Add(key, list);
            }

            list.Add(value);
        }

        /// <summary>The lists of <paramref name="map"/> as arrays, under the same keys and key comparer.</summary>
        public static Dictionary<TKey, TValue[]> ToArrays<TKey, TValue>(Dictionary<TKey, List<TValue>> map)
            where TKey : notnull
        {
            var arrays = new Dictionary<TKey, TValue[]>(map.Count, map.Comparer);
            foreach (var pair in map)
            {
                arrays.Add(pair.Key, pair.Value.ToArray());
            }

            return arrays;
        }
    }
}
