using System;
using System.Collections.Generic;
using System.Globalization;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// A property value as a reader of the source would understand it. Every value knows where it came from.
    /// Five kinds: <see cref="ScalarValue"/>, <see cref="ListValue"/>, <see cref="MapValue"/>,
    /// <see cref="UnknownValue"/> (never flagged) and <see cref="OneOfValue"/> (flag if any branch is bad).
    /// </summary>
    public abstract class Value
    {
        protected Value(SourceLocation location, string? provenance)
        {
            Location = location;
            Provenance = provenance;
        }

        public SourceLocation Location { get; }

        /// <summary>
        /// Why the value is what it is when that is not obvious at <see cref="Location"/>, as a phrase a message can
        /// carry: "the Default of parameter 'DbMultiAz'", "the CDK default". Null when the value is written where it is.
        /// </summary>
        public string? Provenance { get; }

        /// <summary>Copies this value with another provenance (used when a reference is resolved).</summary>
        public abstract Value WithProvenance(string? provenance);
    }

    public enum ScalarKind
    {
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>A string, number, boolean or null. CloudFormation accepts strings for booleans and numbers: the accessors do too.</summary>
    public sealed class ScalarValue : Value
    {
        public ScalarValue(string text, ScalarKind kind, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Text = text ?? string.Empty;
            Kind = kind;
        }

        public string Text { get; }

        public ScalarKind Kind { get; }

        /// <summary>true/false for booleans and for the strings "true"/"false" (any case); otherwise null.</summary>
        public bool? AsBoolean()
        {
            if (string.Equals(Text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(Text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return null;
        }

        /// <summary>The value as an integer, for numbers and numeric strings ("22"); otherwise null.</summary>
        public long? AsInteger()
        {
            if (Kind == ScalarKind.Null || Kind == ScalarKind.Boolean)
            {
                return null;
            }

            if (long.TryParse(Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            if (double.TryParse(Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                && d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue)
            {
                return (long)d;
            }

            return null;
        }

        public override Value WithProvenance(string? provenance) => new ScalarValue(Text, Kind, Location, provenance);

        public override string ToString() => Text;
    }

    public sealed class ListValue : Value
    {
        public ListValue(IReadOnlyList<Value> items, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Items = items;
        }

        public IReadOnlyList<Value> Items { get; }

        public override Value WithProvenance(string? provenance) => new ListValue(Items, Location, provenance);
    }

    public sealed class MapEntry
    {
        public MapEntry(string key, SourceLocation keyLocation, Value value)
        {
            Key = key;
            KeyLocation = keyLocation;
            Value = value;
        }

        public string Key { get; }

        public SourceLocation KeyLocation { get; }

        public Value Value { get; }
    }

    /// <summary>
    /// A map of named values. Look-ups ignore case: CloudFormation names (<c>MultiAZ</c>) and their jsii spelling in
    /// CDK C# (<c>MultiAz</c>) are then the same key, and no CloudFormation schema has two names differing only in case.
    /// </summary>
    public sealed class MapValue : Value
    {
        public MapValue(IReadOnlyList<MapEntry> entries, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Entries = entries;
        }

        public IReadOnlyList<MapEntry> Entries { get; }

        public MapEntry? GetEntry(string key)
        {
            // Last one wins, as in YAML/JSON loaders and as in C# assignments made in order.
            for (var i = Entries.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return Entries[i];
                }
            }

            return null;
        }

        public Value? Get(string key) => GetEntry(key)?.Value;

        public override Value WithProvenance(string? provenance) => new MapValue(Entries, Location, provenance);
    }

    /// <summary>A value the analyzer cannot know (a method result, a parameter without default, an unresolved GetAtt). Never flagged.</summary>
    public sealed class UnknownValue : Value
    {
        public UnknownValue(string reason, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Reason = reason;
        }

        /// <summary>An unknown value that is a reference to another resource (a template's <c>Ref</c> or <c>Fn::GetAtt</c>).</summary>
        public UnknownValue(string reason, SourceLocation location, string? provenance, string? referencedResource, string? referencedAttribute)
            : this(reason, location, provenance)
        {
            ReferencedResource = referencedResource;
            ReferencedAttribute = referencedAttribute;
        }

        public string Reason { get; }

        /// <summary>The name of the resource this value refers to (<c>!Ref Sg</c>, <c>!GetAtt Sg.GroupId</c>), or null.</summary>
        public string? ReferencedResource { get; }

        /// <summary>The attribute of a <c>Fn::GetAtt</c> reference (<c>GroupId</c>); null for a <c>Ref</c>.</summary>
        public string? ReferencedAttribute { get; }

        public override Value WithProvenance(string? provenance) => new UnknownValue(Reason, Location, provenance, ReferencedResource, ReferencedAttribute);
    }

    public sealed class Branch
    {
        public Branch(string label, Value value)
        {
            Label = label;
            Value = value;
        }

        /// <summary>How a message names this branch, e.g. "when condition 'IsProd' is false".</summary>
        public string Label { get; }

        public Value Value { get; }
    }

    /// <summary>One of several values (both branches of <c>Fn::If</c> or a C# conditional).</summary>
    public sealed class OneOfValue : Value
    {
        public OneOfValue(IReadOnlyList<Branch> branches, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Branches = branches;
        }

        public IReadOnlyList<Branch> Branches { get; }

        public override Value WithProvenance(string? provenance) => new OneOfValue(Branches, Location, provenance);
    }
}
