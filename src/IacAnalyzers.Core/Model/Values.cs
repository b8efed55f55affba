using System;
using System.Collections.Generic;
using System.Globalization;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// A property value as a reader of the source would understand it. Every value knows where it came from.
    /// Six kinds: <see cref="ScalarValue"/>, <see cref="ListValue"/>, <see cref="MapValue"/>,
    /// <see cref="UnknownValue"/> (never flagged), <see cref="OneOfValue"/> (flag if any branch is bad) and
    /// <see cref="NoValue"/> (the property is removed: <c>!Ref AWS::NoValue</c>).
    /// </summary>
    public abstract class Value
    {
        protected Value(SourceLocation location, Provenance? provenance)
        {
            Location = location;
            Provenance = provenance;
        }

        public SourceLocation Location { get; }

        /// <summary>
        /// Why the value is what it is when that is not obvious at <see cref="Location"/>: its <see cref="ValueOrigin"/>
        /// and a phrase a message can carry ("the Default of parameter 'DbMultiAz'", "the CDK default (...)"). Null when
        /// the value is written where it is, as it is.
        /// </summary>
        public Provenance? Provenance { get; }

        /// <summary>Where the value comes from; <see cref="ValueOrigin.Written"/> when it has no provenance.</summary>
        public ValueOrigin Origin => Provenance?.Origin ?? ValueOrigin.Written;

        /// <summary>Copies this value with another provenance (used when a reference is resolved).</summary>
        public abstract Value WithProvenance(Provenance? provenance);
    }

    /// <summary>Where a value comes from, as far as a fix is concerned.</summary>
    public enum ValueOrigin
    {
        /// <summary>Written at the value's location (possibly spelled another way: <c>Peer.AnyIpv4()</c> is 0.0.0.0/0). A fix may edit it there.</summary>
        Written,

        /// <summary>Not written: the default a CDK construct applies (located at the creation). A fix writes the property.</summary>
        CdkDefault,

        /// <summary>The <c>Default</c> of a template parameter: fixed where the parameter is declared, by hand.</summary>
        ParameterDefault,

        /// <summary>A named value: a constant, a <c>static readonly</c> field, a local, a method argument.</summary>
        NamedConstant,

        /// <summary>Computed from other values: <c>Fn::Sub</c>, <c>Fn::Join</c>, <c>Fn::FindInMap</c>, a concatenation.</summary>
        Derived,
    }

    /// <summary>A value's origin and the phrase messages use for it ("from " + <see cref="Text"/>).</summary>
    public sealed class Provenance
    {
        public Provenance(ValueOrigin origin, string text)
        {
            Origin = origin;
            Text = text ?? string.Empty;
        }

        public ValueOrigin Origin { get; }

        public string Text { get; }

        public static Provenance Written(string text) => new Provenance(ValueOrigin.Written, text);

        public static Provenance CdkDefault(string text) => new Provenance(ValueOrigin.CdkDefault, text);

        public static Provenance ParameterDefault(string text) => new Provenance(ValueOrigin.ParameterDefault, text);

        public static Provenance NamedConstant(string text) => new Provenance(ValueOrigin.NamedConstant, text);

        public static Provenance Derived(string text) => new Provenance(ValueOrigin.Derived, text);

        public override string ToString() => Text;
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
        public ScalarValue(string text, ScalarKind kind, SourceLocation location, Provenance? provenance = null)
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

        public override Value WithProvenance(Provenance? provenance) => new ScalarValue(Text, Kind, Location, provenance);

        public override string ToString() => Text;
    }

    public sealed class ListValue : Value
    {
        public ListValue(IReadOnlyList<Value> items, SourceLocation location, Provenance? provenance = null)
            : base(location, provenance)
        {
            Items = items;
        }

        public IReadOnlyList<Value> Items { get; }

        public override Value WithProvenance(Provenance? provenance) => new ListValue(Items, Location, provenance);
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
        public MapValue(IReadOnlyList<MapEntry> entries, SourceLocation location, Provenance? provenance = null)
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

        public override Value WithProvenance(Provenance? provenance) => new MapValue(Entries, Location, provenance);
    }

    /// <summary>A value the analyzer cannot know (a method result, a parameter without default, an unresolved GetAtt). Never flagged.</summary>
    public sealed class UnknownValue : Value
    {
        public UnknownValue(string reason, SourceLocation location, Provenance? provenance = null)
            : base(location, provenance)
        {
            Reason = reason;
        }

        /// <summary>An unknown value that is a reference to another resource (a template's <c>Ref</c> or <c>Fn::GetAtt</c>).</summary>
        public UnknownValue(string reason, SourceLocation location, Provenance? provenance, string? referencedResource, string? referencedAttribute)
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

        public override Value WithProvenance(Provenance? provenance) => new UnknownValue(Reason, Location, provenance, ReferencedResource, ReferencedAttribute);
    }

    /// <summary>
    /// One branch of a <see cref="OneOfValue"/>: taken when <see cref="Condition"/> evaluates to <see cref="Holds"/>.
    /// </summary>
    public sealed class Branch
    {
        public Branch(Condition condition, bool holds, Value value)
        {
            Condition = condition ?? throw new ArgumentNullException(nameof(condition));
            Holds = holds;
            Value = value;
        }

        public Condition Condition { get; }

        /// <summary>The polarity: true for the branch taken when the condition is true.</summary>
        public bool Holds { get; }

        public Value Value { get; }

        /// <summary>How a message names this branch, e.g. "when condition 'IsProd' is false".</summary>
        public string Label => Condition.Describe(Holds);

        /// <summary>The same branch (condition and polarity) with another value.</summary>
        public Branch WithValue(Value value) => new Branch(Condition, Holds, value);
    }

    public enum ConditionKind
    {
        /// <summary>A condition of the template's <c>Conditions</c> section, named by <c>Fn::If</c>.</summary>
        Template,

        /// <summary>A C# expression choosing between values (a conditional's condition), named by its source text.</summary>
        CSharp,

        /// <summary>One arm of a C# switch expression, named by what it matches (<c>`env` is "prod"</c>).</summary>
        Case,
    }

    /// <summary>
    /// What a one-of branch depends on. Two conditions are the same when kind and name are: the same template condition,
    /// or the same C# expression text in one method body. Rules use this to drop impossible paths ("C is true and C is false").
    /// </summary>
    public sealed class Condition : IEquatable<Condition>
    {
        private Condition(ConditionKind kind, string name)
        {
            Kind = kind;
            Name = name ?? string.Empty;
        }

        public ConditionKind Kind { get; }

        /// <summary>The template condition's name (<c>IsProd</c>), or the C# expression's text (<c>isProd</c>).</summary>
        public string Name { get; }

        public static Condition Template(string name) => new Condition(ConditionKind.Template, name);

        public static Condition CSharp(string expression) => new Condition(ConditionKind.CSharp, expression);

        /// <summary>A switch arm: <paramref name="description"/> reads after "when" (<c>`env` is "prod"</c>).</summary>
        public static Condition Case(string description) => new Condition(ConditionKind.Case, description);

        /// <summary>"when condition 'IsProd' is true", "when `isProd` is false".</summary>
        public string Describe(bool holds)
        {
            switch (Kind)
            {
                case ConditionKind.Template:
                    return "when condition '" + Name + "'" + (holds ? " is true" : " is false");
                case ConditionKind.Case:
                    return (holds ? "when " : "unless ") + Name;
                default:
                    return "when `" + Name + "`" + (holds ? " is true" : " is false");
            }
        }

        public bool Equals(Condition? other) => other != null && other.Kind == Kind && string.Equals(other.Name, Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Condition);

        public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Name);

        public override string ToString() => Name;
    }

    /// <summary>
    /// <c>!Ref AWS::NoValue</c>: the property is removed (in the branch that holds it), so the resource's default applies.
    /// Not unknown: a rule whose property defaults to a bad value flags it.
    /// </summary>
    public sealed class NoValue : Value
    {
        public NoValue(SourceLocation location, Provenance? provenance = null)
            : base(location, provenance)
        {
        }

        public override Value WithProvenance(Provenance? provenance) => new NoValue(Location, provenance);
    }

    /// <summary>One of several values (both branches of <c>Fn::If</c> or a C# conditional).</summary>
    public sealed class OneOfValue : Value
    {
        public OneOfValue(IReadOnlyList<Branch> branches, SourceLocation location, Provenance? provenance = null)
            : base(location, provenance)
        {
            Branches = branches;
        }

        public IReadOnlyList<Branch> Branches { get; }

        public override Value WithProvenance(Provenance? provenance) => new OneOfValue(Branches, Location, provenance);
    }
}
