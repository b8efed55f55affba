using System;
using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// How CDK-specific C# values appear in the neutral model, and helpers to read them (for adapters).
    /// <list type="bullet">
    /// <item>An enum member (<c>BucketEncryption.UNENCRYPTED</c>) is a string <see cref="ScalarValue"/> holding the
    /// member name: <c>UNENCRYPTED</c>.</item>
    /// <item>A static member of a CDK class, property or call (<c>DatabaseInstanceEngine.MYSQL</c>,
    /// <c>Peer.AnyIpv4()</c>, <c>Port.Tcp(22)</c>) is a <see cref="MapValue"/> with <see cref="TypeKey"/> (the class's
    /// simple name), <see cref="MemberKey"/> (the member name) and one entry per written argument, keyed by the
    /// parameter name (<c>Port.Tcp(22)</c> → <c>{$type: Port, $member: Tcp, port: 22}</c>).</item>
    /// <item>A CDK object that is not plain data (<c>new PolicyStatement(props)</c>) is a map with <see cref="TypeKey"/>,
    /// <see cref="MemberKey"/> = <c>new</c>, its constructor arguments by parameter name and its initializer members.</item>
    /// <item>A construct created inline (<c>new Vpc(this, "Vpc")</c>) is a map with <see cref="TypeKey"/>,
    /// <see cref="MemberKey"/> = <c>new</c> and <see cref="IdKey"/> (its construct id when constant); its props are not read.</item>
    /// <item>Props objects, L1 nested property types, anonymous objects and dictionaries are plain maps of their members
    /// or keys; arrays and collections are lists.</item>
    /// </list>
    /// </summary>
    public static class CdkValues
    {
        public const string TypeKey = "$type";
        public const string MemberKey = "$member";
        public const string IdKey = "$id";
        public const string NewMember = "new";

        /// <summary>The CDK class of a static-member or object value (<c>Peer</c>), or null.</summary>
        public static string? TypeName(Value? value) => (value as MapValue)?.Get(TypeKey) is ScalarValue s ? s.Text : null;

        /// <summary>The member of a static-member value (<c>AnyIpv4</c>), or null.</summary>
        public static string? MemberName(Value? value) => (value as MapValue)?.Get(MemberKey) is ScalarValue s ? s.Text : null;

        /// <summary>True when <paramref name="value"/> is <c>type.member</c> (a static property, field or call of a CDK class).</summary>
        public static bool IsMember(Value? value, string type, string member)
            => string.Equals(TypeName(value), type, StringComparison.Ordinal) && string.Equals(MemberName(value), member, StringComparison.Ordinal);

        /// <summary>True when <paramref name="value"/> is a call or property of CDK class <paramref name="type"/>.</summary>
        public static bool IsMemberOf(Value? value, string type) => string.Equals(TypeName(value), type, StringComparison.Ordinal) && MemberName(value) != null;

        /// <summary>An argument of a static call or constructor value, by parameter name; null when not written.</summary>
        public static Value? Argument(Value? value, string parameter)
            => value is MapValue map && map.Get(TypeKey) != null ? map.Get(parameter) : null;

        /// <summary>The construct id of an inline construct value, or null.</summary>
        public static string? ConstructId(Value? value) => (value as MapValue)?.Get(IdKey) is ScalarValue s ? s.Text : null;

        /// <summary>True for the synthetic keys above (rules reading plain maps may skip them).</summary>
        public static bool IsSyntheticKey(string key) => key.Length > 0 && key[0] == '$';

        /// <summary>Entries of a map without the synthetic keys.</summary>
        public static IEnumerable<MapEntry> DataEntries(MapValue map)
        {
            foreach (var e in map.Entries)
            {
                if (!IsSyntheticKey(e.Key))
                {
                    yield return e;
                }
            }
        }

        /// <summary>Maps chosen by a conditional → one map whose every key is the one-of of its branch values.</summary>
        public static Value MergeBranches(OneOfValue oneOf)
        {
            var maps = new List<MapValue>(oneOf.Branches.Count);
            foreach (var branch in oneOf.Branches)
            {
                var value = branch.Value is OneOfValue nested ? MergeBranches(nested) : branch.Value;
                if (!(value is MapValue m))
                {
                    return new UnknownValue("props that cannot be known", oneOf.Location);
                }

                maps.Add(m);
            }

            var keys = new List<string>();
            foreach (var m in maps)
            {
                foreach (var e in m.Entries)
                {
                    if (!keys.Exists(k => string.Equals(k, e.Key, StringComparison.OrdinalIgnoreCase)))
                    {
                        keys.Add(e.Key);
                    }
                }
            }

            var entries = new List<MapEntry>(keys.Count);
            foreach (var key in keys)
            {
                var branches = new List<Branch>(maps.Count);
                for (var i = 0; i < maps.Count; i++)
                {
                    branches.Add(oneOf.Branches[i].WithValue(maps[i].Get(key) ?? new UnknownValue("not set in this branch", maps[i].Location)));
                }

                entries.Add(new MapEntry(key, oneOf.Location, new OneOfValue(branches, oneOf.Location)));
            }

            return new MapValue(entries, oneOf.Location);
        }
    }
}
