using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Model
{
    /// <summary>What a rule found: which rule, where, the message arguments, and how to fix it if that is knowable.</summary>
    public sealed class Finding
    {
        public Finding(RuleInfo rule, ResourceView resource, SourceLocation location, object[] messageArgs, FixIntent? fix = null)
        {
            Rule = rule;
            Resource = resource;
            Location = location;
            MessageArgs = messageArgs;
            Fix = fix;
        }

        public RuleInfo Rule { get; }

        public ResourceView Resource { get; }

        public SourceLocation Location { get; }

        public object[] MessageArgs { get; }

        public FixIntent? Fix { get; }

        /// <summary>The same finding with no fix offered (itself when it has none).</summary>
        public Finding WithoutFix() => Fix == null ? this : new Finding(Rule, Resource, Location, MessageArgs);

        public string FormatMessage() => string.Format(CultureInfo.InvariantCulture, Rule.MessageFormat, MessageArgs);
    }

    /// <summary>A character range of the analysed document (what a fix intent points at).</summary>
    public readonly struct FixSpan : IEquatable<FixSpan>
    {
        public FixSpan(int start, int length)
        {
            Start = start;
            Length = length < 0 ? 0 : length;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public static FixSpan Of(SourceLocation location) => new FixSpan(location.Start, location.Length);

        public bool Equals(FixSpan other) => other.Start == Start && other.Length == Length;

        public override bool Equals(object? obj) => obj is FixSpan other && Equals(other);

        public override int GetHashCode() => (Start * 397) ^ Length;

        public override string ToString() => "[" + Start.ToString(CultureInfo.InvariantCulture) + ".." + End.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>
    /// An edit that fixes a finding, in front-end neutral terms. Rules emit intents; each front-end has one writer per
    /// <see cref="FixKind"/>, so a fix is written once per kind, not once per rule. Intents travel to code fixes as
    /// diagnostic properties: <see cref="ToProperties"/> writes them, <see cref="Read"/> (and each kind's
    /// <c>TryRead</c>) reads them back, typed.
    /// </summary>
    public abstract class FixIntent
    {
        public const string KindKey = "iac.fix";
        public const string TitleKey = "iac.fix.title";

        private static readonly string[] KindNames = NamesByValue(typeof(FixKind));

        protected FixIntent(string title)
        {
            Title = title;
        }

        /// <summary>The light bulb's text, e.g. "Set MultiAZ to true".</summary>
        public string Title { get; }

        public abstract FixKind Kind { get; }

        /// <summary>The intent as string properties (kind, title and the kind's own keys).</summary>
        public IDictionary<string, string?> ToProperties()
        {
            var d = new Dictionary<string, string?>();
            WriteTo(d);
            return d;
        }

        /// <summary>Writes the intent's properties (<see cref="ToProperties"/>) into <paramref name="properties"/>.</summary>
        public void WriteTo(IDictionary<string, string?> properties)
        {
            properties[KindKey] = NameOf((int)Kind, KindNames);
            properties[TitleKey] = Title;
            AddProperties(properties);
        }

        protected abstract void AddProperties(IDictionary<string, string?> properties);

        /// <summary>The kind written in <paramref name="properties"/>, or <see cref="FixKind.None"/>.</summary>
        public static FixKind KindOf(IReadOnlyDictionary<string, string?> properties)
            => properties.TryGetValue(KindKey, out var kind) && Enum.TryParse<FixKind>(kind, out var parsed)
                && parsed != FixKind.None && Enum.IsDefined(typeof(FixKind), parsed)
                ? parsed
                : FixKind.None;

        /// <summary>The intent written in <paramref name="properties"/>, read back; null when there is none or it is malformed.</summary>
        public static FixIntent? Read(IReadOnlyDictionary<string, string?> properties)
        {
            switch (KindOf(properties))
            {
                case FixKind.SetProperty:
                    return SetPropertyFix.TryRead(properties);
                case FixKind.ReplaceWithParameter:
                    return ReplaceWithParameterFix.TryRead(properties);
                case FixKind.AddReader:
                    return AddReaderFix.TryRead(properties);
                default:
                    return null;
            }
        }

        protected static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// An enum value's name as <c>Enum.ToString</c> writes it, from <paramref name="names"/> (<see cref="NamesByValue"/>
        /// of its type): written into the properties of every diagnostic, where <c>Enum.ToString</c>'s reflection showed in
        /// the compiler's profile. An index into an array, not a dictionary keyed by the enum: a framework generic
        /// instantiated over one of our value types is not in our ReadyToRun image, and a cold compiler process JIT-compiled
        /// about 25 methods for each enum type the table was keyed by.
        /// </summary>
        protected static string NameOf(int value, string[] names)
            => (uint)value < (uint)names.Length && names[value] is string name ? name : Int(value);

        /// <summary>The names of <paramref name="enumType"/>'s values, each at its value (the first name of a value; no negative values).</summary>
        protected static string[] NamesByValue(Type enumType)
        {
            // Array.GetValue, not foreach: enumerating the typed array would instantiate a framework enumerator over the enum.
            var values = Enum.GetValues(enumType);
            var length = 0;
            for (var i = 0; i < values.Length; i++)
            {
                length = Math.Max(length, Convert.ToInt32(values.GetValue(i), CultureInfo.InvariantCulture) + 1);
            }

            var names = new string[length];
            for (var i = 0; i < values.Length; i++)
            {
                var value = values.GetValue(i)!;
                var index = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                if (index >= 0 && names[index] == null)
                {
                    names[index] = Enum.GetName(enumType, value)!;
                }
            }

            return names;
        }

        protected static bool TryInt(IReadOnlyDictionary<string, string?> properties, string key, out int value)
        {
            value = 0;
            return properties.TryGetValue(key, out var text)
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        protected static bool TrySpan(IReadOnlyDictionary<string, string?> properties, string startKey, string lengthKey, out FixSpan span)
        {
            span = default;
            if (TryInt(properties, startKey, out var start) && TryInt(properties, lengthKey, out var length))
            {
                span = new FixSpan(start, length);
                return true;
            }

            return false;
        }

        protected static string? Text(IReadOnlyDictionary<string, string?> properties, string key)
            => properties.TryGetValue(key, out var text) ? text : null;
    }

    /// <summary>
    /// Set a property (written or missing) of a map to a scalar value. <see cref="Container"/> is the map that holds
    /// (or should hold) the property; for a missing Properties block it is the resource's own location.
    /// </summary>
    public sealed class SetPropertyFix : FixIntent
    {
        public const string PropertyKey = "iac.fix.property";
        public const string ValueKey = "iac.fix.value";
        public const string ValueKindKey = "iac.fix.valueKind";
        public const string ContainerStartKey = "iac.fix.containerStart";
        public const string ContainerLengthKey = "iac.fix.containerLength";
        public const string ExistingStartKey = "iac.fix.existingStart";
        public const string ExistingLengthKey = "iac.fix.existingLength";
        public const string CreatePropertiesKey = "iac.fix.createProperties";

        private static readonly string[] ValueKindNames = NamesByValue(typeof(ScalarKind));

        public SetPropertyFix(string property, string value, ScalarKind valueKind, SourceLocation container, Value? existing, bool createProperties)
            : this(property, value, valueKind, FixSpan.Of(container), existing == null ? (FixSpan?)null : FixSpan.Of(existing.Location), createProperties)
        {
        }

        public SetPropertyFix(string property, string value, ScalarKind valueKind, FixSpan container, FixSpan? existing, bool createProperties)
            : base("Set " + property + " to " + value)
        {
            Property = property;
            Value = value;
            ValueKind = valueKind;
            Container = container;
            Existing = existing;
            CreateProperties = createProperties;
        }

        /// <summary>
        /// The CloudFormation name of the property (front-ends map it to their own spelling). May be a dotted path
        /// (<c>EncryptionAtRestOptions.Enabled</c>) when intermediate maps are missing from <see cref="Container"/>:
        /// writers then create them.
        /// </summary>
        public string Property { get; }

        public string Value { get; }

        public ScalarKind ValueKind { get; }

        public FixSpan Container { get; }

        /// <summary>The written value to replace; null when the property is not written (the writer adds it).</summary>
        public FixSpan? Existing { get; }

        /// <summary>True when the resource has no Properties block and the writer must add one.</summary>
        public bool CreateProperties { get; }

        public override FixKind Kind => FixKind.SetProperty;

        protected override void AddProperties(IDictionary<string, string?> properties)
        {
            properties[PropertyKey] = Property;
            properties[ValueKey] = Value;
            properties[ValueKindKey] = NameOf((int)ValueKind, ValueKindNames);
            properties[ContainerStartKey] = Int(Container.Start);
            properties[ContainerLengthKey] = Int(Container.Length);
            if (Existing is FixSpan existing)
            {
                properties[ExistingStartKey] = Int(existing.Start);
                properties[ExistingLengthKey] = Int(existing.Length);
            }

            if (CreateProperties)
            {
                properties[CreatePropertiesKey] = "true";
            }
        }

        /// <summary>The intent written by <see cref="FixIntent.ToProperties"/>, read back; null when absent or malformed.</summary>
        public static SetPropertyFix? TryRead(IReadOnlyDictionary<string, string?> properties)
        {
            if (KindOf(properties) != FixKind.SetProperty
                || !(Text(properties, PropertyKey) is string property) || property.Length == 0
                || !(Text(properties, ValueKey) is string value)
                || !Enum.TryParse<ScalarKind>(Text(properties, ValueKindKey), out var valueKind)
                || !TrySpan(properties, ContainerStartKey, ContainerLengthKey, out var container))
            {
                return null;
            }

            FixSpan? existing = TrySpan(properties, ExistingStartKey, ExistingLengthKey, out var e) ? e : (FixSpan?)null;
            return new SetPropertyFix(property, value, valueKind, container, existing, Text(properties, CreatePropertiesKey) == "true");
        }
    }
}
