using System;
using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// A table adapter: one L2 construct → one CloudFormation resource, property by property. In the constructor,
    /// <c>Map("MultiAz", "MultiAZ").Default(false, "DatabaseInstanceProps.MultiAz: false")</c> says: the props member
    /// <c>MultiAz</c> becomes the CloudFormation property <c>MultiAZ</c>, and when it is not written the CDK default
    /// <c>false</c> applies (cite the Amazon.CDK.Lib XML doc in the citation and in a comment).
    /// Unmapped props members are not part of the view. Props that cannot be known make every mapped property
    /// unknown (never flagged); props given as a conditional become one-of values per property.
    /// </summary>
    public abstract class ConstructAdapter : CdkAdapter
    {
        private readonly List<PropertyMap> rows = new List<PropertyMap>();

        protected ConstructAdapter(string constructMetadataName, string resourceType)
            : base(resourceType)
        {
            ResourceType = resourceType;
            OnCreation(constructMetadataName);
        }

        public string ResourceType { get; }

        /// <inheritdoc/>
        public override string? DefaultChildType => ResourceType;

        public IReadOnlyList<PropertyMap> Rows => rows;

        /// <summary>Maps the props member <paramref name="cdkMember"/> to <paramref name="cloudFormationProperty"/> (same name when null).</summary>
        protected PropertyMap Map(string cdkMember, string? cloudFormationProperty = null)
        {
            var row = new PropertyMap(cdkMember, cloudFormationProperty ?? cdkMember);
            rows.Add(row);
            return row;
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var entries = Entries(input, input.Props);
            Complete(input, entries);
            output.Add(input.View(ResourceType, entries));
        }

        /// <summary>A hook for what a table cannot say (derived properties, extra views). Called after the rows.</summary>
        protected virtual void Complete(AdapterInput input, List<MapEntry> properties)
        {
        }

        public override CSharpSetter? SetterFor(string cloudFormationProperty, string cloudFormationValue)
        {
            foreach (var row in rows)
            {
                if (AdapterText.SameName(row.CloudFormationProperty, cloudFormationProperty))
                {
                    return new CSharpSetter(row.CdkMember, row.CSharpValueFor(cloudFormationValue));
                }
            }

            return null;
        }

        private List<MapEntry> Entries(AdapterInput input, Value props)
        {
            switch (props)
            {
                case MapValue map:
                    return Entries(input, new PropsReader(map));
                case OneOfValue oneOf:
                    return Merge(input, oneOf);
                default:
                    var unknown = new List<MapEntry>(rows.Count);
                    foreach (var row in rows)
                    {
                        unknown.Add(new MapEntry(row.CloudFormationProperty, props.Location, new UnknownValue("props that cannot be known", props.Location)));
                    }

                    return unknown;
            }
        }

        private List<MapEntry> Entries(AdapterInput input, PropsReader reader)
        {
            var entries = new List<MapEntry>(rows.Count);
            foreach (var row in rows)
            {
                var written = reader.Entry(row.CdkMember);
                if (written != null)
                {
                    entries.Add(new MapEntry(row.CloudFormationProperty, written.KeyLocation, row.Convert(input, written.Value)));
                    continue;
                }

                var value = row.DefaultFor(reader);
                if (value != null)
                {
                    entries.Add(new MapEntry(row.CloudFormationProperty, input.Location, input.Default(value, row.Citation!, row.CdkMember, row.CloudFormationProperty)));
                }
            }

            return entries;
        }

        /// <summary>Props chosen by a conditional: each property is the one-of of its value in each branch.</summary>
        private List<MapEntry> Merge(AdapterInput input, OneOfValue oneOf)
        {
            var perBranch = new List<List<MapEntry>>(oneOf.Branches.Count);
            foreach (var branch in oneOf.Branches)
            {
                perBranch.Add(Entries(input, branch.Value));
            }

            var merged = new List<MapEntry>(rows.Count);
            foreach (var row in rows)
            {
                var branches = new List<Branch>(oneOf.Branches.Count);
                var any = false;
                for (var i = 0; i < perBranch.Count; i++)
                {
                    var entry = Find(perBranch[i], row.CloudFormationProperty);
                    any |= entry != null;
                    branches.Add(oneOf.Branches[i].WithValue(entry?.Value ?? new UnknownValue("not set in this branch", oneOf.Branches[i].Value.Location)));
                }

                if (any)
                {
                    merged.Add(new MapEntry(row.CloudFormationProperty, oneOf.Location, new OneOfValue(branches, oneOf.Location)));
                }
            }

            return merged;
        }

        private static MapEntry? Find(List<MapEntry> entries, string key)
        {
            foreach (var e in entries)
            {
                if (AdapterText.SameName(e.Key, key))
                {
                    return e;
                }
            }

            return null;
        }
    }

    /// <summary>One row of a <see cref="ConstructAdapter"/>: a props member, its CloudFormation property, its default, its conversion.</summary>
    public sealed class PropertyMap
    {
        private readonly Dictionary<string, string> fixValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private Func<PropsReader, object?>? defaultValue;
        private Func<AdapterInput, Value, Value>? convert;

        internal PropertyMap(string cdkMember, string cloudFormationProperty)
        {
            CdkMember = cdkMember;
            CloudFormationProperty = cloudFormationProperty;
        }

        public string CdkMember { get; }

        public string CloudFormationProperty { get; }

        /// <summary>The documentation the default comes from, e.g. "DatabaseInstanceProps.MultiAz: false".</summary>
        public string? Citation { get; private set; }

        /// <summary>The value CDK uses when the member is not written (a bool, a number or a string).</summary>
        public PropertyMap Default(object value, string citation) => Default(_ => value, citation);

        /// <summary>A default that depends on other props (return null for "no value": the property stays missing).</summary>
        public PropertyMap Default(Func<PropsReader, object?> value, string citation)
        {
            defaultValue = value;
            Citation = citation;
            return this;
        }

        /// <summary>Converts the written value to its CloudFormation form (e.g. an engine object to its engine name).</summary>
        public PropertyMap Convert(Func<Value, Value> conversion) => Convert((_, value) => conversion(value));

        /// <summary>
        /// A conversion that also reads the creation (e.g. <see cref="AdapterInput.CdkLibraryVersion"/> when the construct
        /// writes the member differently across aws-cdk-lib versions). Like the plain form, it sees each known leaf.
        /// </summary>
        public PropertyMap Convert(Func<AdapterInput, Value, Value> conversion)
        {
            convert = conversion;
            return this;
        }

        /// <summary>How the fix writer spells a CloudFormation value in C# for this member (e.g. "true" → "QueueEncryption.SQS_MANAGED").</summary>
        public PropertyMap FixValue(string cloudFormationValue, string csharpValue)
        {
            fixValues[cloudFormationValue] = csharpValue;
            return this;
        }

        internal object? DefaultFor(PropsReader reader) => defaultValue?.Invoke(reader);

        internal Value Convert(AdapterInput input, Value value) => convert == null ? value : CdkConvert.Leaves(value, leaf => convert(input, leaf));

        internal string? CSharpValueFor(string cloudFormationValue) => fixValues.TryGetValue(cloudFormationValue, out var v) ? v : null;
    }

    /// <summary>Read access to written props members (C# names, ignoring case) for defaults that depend on other props.</summary>
    public sealed class PropsReader
    {
        private readonly MapValue map;

        public PropsReader(MapValue map)
        {
            this.map = map;
        }

        /// <summary>True when the member is written (with any value, even an unknown one).</summary>
        public bool Has(string member) => map.GetEntry(member) != null;

        public Value? Get(string member) => map.Get(member);

        public MapEntry? Entry(string member) => map.GetEntry(member);
    }

    /// <summary>Conversion helpers for adapters.</summary>
    public static class CdkConvert
    {
        /// <summary>Applies <paramref name="convert"/> to every leaf of a one-of, keeping unknowns unknown.</summary>
        public static Value Leaves(Value value, Func<Value, Value> convert)
        {
            switch (value)
            {
                case UnknownValue _:
                    return value;
                case OneOfValue oneOf:
                    var branches = new List<Branch>(oneOf.Branches.Count);
                    foreach (var b in oneOf.Branches)
                    {
                        branches.Add(b.WithValue(Leaves(b.Value, convert)));
                    }

                    return new OneOfValue(branches, oneOf.Location, oneOf.Provenance);
                default:
                    return convert(value);
            }
        }

        /// <summary>
        /// A static-member value (<c>DatabaseInstanceEngine.Postgres(...)</c>, <c>DatabaseInstanceEngine.POSTGRES</c>) of
        /// <paramref name="type"/> to a string via a table keyed by the member name without case or underscores
        /// (<c>postgres</c>, <c>oracleee</c>); anything else is unknown.
        /// </summary>
        public static Value MemberToString(Value value, string type, IReadOnlyDictionary<string, string> table)
        {
            if (CdkValues.TypeName(value) == type && CdkValues.MemberName(value) is string member
                && table.TryGetValue(Normalize(member), out var text))
            {
                return new ScalarValue(text, ScalarKind.String, value.Location, value.Provenance);
            }

            return new UnknownValue("a " + type + " we do not know", value.Location, value.Provenance);
        }

        /// <summary>Lower case without underscores: <c>ORACLE_EE</c> and <c>OracleEe</c> are both <c>oracleee</c>.</summary>
        public static string Normalize(string member) => member.Replace("_", string.Empty).ToLowerInvariant();
    }
}
