using System.Collections.Generic;
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

        public string FormatMessage() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Rule.MessageFormat, MessageArgs);
    }

    /// <summary>
    /// An edit that fixes a finding, in front-end neutral terms. Each front-end has one writer per kind, so a fix is
    /// written once per kind, not once per rule. Intents travel to code fixes as diagnostic properties.
    /// </summary>
    public abstract class FixIntent
    {
        public const string KindKey = "iac.fix";
        public const string TitleKey = "iac.fix.title";

        protected FixIntent(string title)
        {
            Title = title;
        }

        /// <summary>The light bulb's text, e.g. "Set MultiAZ to true".</summary>
        public string Title { get; }

        public abstract string Kind { get; }

        /// <summary>The intent as string properties (kind, title and the kind's own keys).</summary>
        public IDictionary<string, string?> ToProperties()
        {
            var d = new Dictionary<string, string?> { [KindKey] = Kind, [TitleKey] = Title };
            AddProperties(d);
            return d;
        }

        protected abstract void AddProperties(IDictionary<string, string?> properties);
    }

    /// <summary>
    /// Set a property (written or missing) of a map to a scalar value. <see cref="Container"/> is the map that holds
    /// (or should hold) the property; for a missing Properties block it is the resource's own location.
    /// </summary>
    public sealed class SetPropertyFix : FixIntent
    {
        public const string KindName = "SetProperty";
        public const string PropertyKey = "iac.fix.property";
        public const string ValueKey = "iac.fix.value";
        public const string ValueKindKey = "iac.fix.valueKind";
        public const string ContainerStartKey = "iac.fix.containerStart";
        public const string ContainerLengthKey = "iac.fix.containerLength";
        public const string ExistingStartKey = "iac.fix.existingStart";
        public const string ExistingLengthKey = "iac.fix.existingLength";
        public const string CreatePropertiesKey = "iac.fix.createProperties";

        public SetPropertyFix(string property, string value, ScalarKind valueKind, SourceLocation container, Value? existing, bool createProperties)
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

        public SourceLocation Container { get; }

        public Value? Existing { get; }

        /// <summary>True when the resource has no Properties block and the writer must add one.</summary>
        public bool CreateProperties { get; }

        public override string Kind => KindName;

        protected override void AddProperties(IDictionary<string, string?> properties)
        {
            properties[PropertyKey] = Property;
            properties[ValueKey] = Value;
            properties[ValueKindKey] = ValueKind.ToString();
            properties[ContainerStartKey] = Container.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
            properties[ContainerLengthKey] = Container.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Existing != null)
            {
                properties[ExistingStartKey] = Existing.Location.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
                properties[ExistingLengthKey] = Existing.Location.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (CreateProperties)
            {
                properties[CreatePropertiesKey] = "true";
            }
        }
    }
}
