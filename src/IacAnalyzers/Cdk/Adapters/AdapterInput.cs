using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// What an adapter sees of one creation or call: its location, the construct id, the props and arguments as
    /// neutral values, and a factory for defaults and views. Values are resolved lazily and once.
    /// </summary>
    public sealed class AdapterInput
    {
        private readonly IOperation operation;
        private readonly ImmutableArgumentList arguments;
        private readonly ValueResolver resolver;
        // Both made on first use: most inputs read no argument besides props, and many have no default.
        private Dictionary<string, Value?>? argumentValues;
        private List<DefaultRecord>? defaults;
        private Value? props;
        private Value? receiver;

        internal AdapterInput(IOperation operation, ValueResolver resolver, IResourceContext context)
        {
            this.operation = operation;
            this.resolver = resolver;
            Context = context;
            Location = Locations.FromSyntax(operation.Syntax);
            arguments = new ImmutableArgumentList(operation);
            Name = ConstructIdOrText();
        }

        /// <summary>The creation or call expression: where findings about omitted properties land.</summary>
        public SourceLocation Location { get; }

        /// <summary>The construct id when it is a constant (<c>"Db"</c>), otherwise its source text; for calls, the receiver's text.</summary>
        public string Name { get; }

        public IResourceContext Context { get; }

        /// <summary>The aws-cdk-lib version of the referenced Amazon.CDK.Lib (<see cref="CdkSymbols.LibraryVersion"/>), or null.</summary>
        public Version? CdkLibraryVersion => resolver.Symbols.LibraryVersion;

        /// <summary>The Roslyn operation, for adapters that need more than values (rarely).</summary>
        public IOperation Operation => operation;

        /// <summary>
        /// The props argument (the constructor parameter named <c>props</c>): a <see cref="MapValue"/> of the written
        /// members (C# names), a <see cref="OneOfValue"/> of maps, an <see cref="UnknownValue"/>, or an empty map at
        /// <see cref="Location"/> when no props are passed.
        /// </summary>
        public Value Props => props ??= ResolveProps();

        /// <summary>True when props are passed in the source (even as an unknown value).</summary>
        public bool PropsWritten => arguments.Find("props") != null;

        /// <summary>The instance a method is called on (<c>sg</c> in <c>sg.AddIngressRule(...)</c>), resolved; null for creations and static calls.</summary>
        public Value? Receiver
        {
            get
            {
                if (receiver == null && operation is IInvocationOperation invocation && invocation.Instance != null)
                {
                    receiver = resolver.Resolve(invocation.Instance);
                }

                return receiver;
            }
        }

        /// <summary>An argument by parameter name (<c>peer</c>, <c>connection</c>); null when it is not written.</summary>
        public Value? Argument(string parameterName)
        {
            if (argumentValues != null && argumentValues.TryGetValue(parameterName, out var cached))
            {
                return cached;
            }

            var argument = arguments.Find(parameterName);
            var value = argument == null ? null : resolver.Resolve(argument.Value);
            (argumentValues ??= new Dictionary<string, Value?>(StringComparer.Ordinal))[parameterName] = value;
            return value;
        }

        /// <summary>
        /// A CDK default: a value located at the creation expression whose provenance cites the CDK documentation,
        /// e.g. <c>Default(false, "DatabaseInstanceProps.MultiAz: false")</c> → "the CDK default (DatabaseInstanceProps.MultiAz: false)".
        /// <paramref name="value"/> is a bool, a number or a string; <paramref name="cdkMember"/> is the props member that
        /// overrides it (the fix writer adds it there).
        /// </summary>
        public Value Default(object value, string citation, string cdkMember, string cloudFormationProperty)
        {
            // A fresh location object per default: the host recognises findings located on it by reference.
            var neutral = Locations.FromSyntax(operation.Syntax);
            ScalarValue scalar;
            switch (value)
            {
                case bool b:
                    scalar = new ScalarValue(b ? "true" : "false", ScalarKind.Boolean, neutral, AdapterText.DefaultProvenance(citation));
                    break;
                case string s:
                    scalar = new ScalarValue(s, ScalarKind.String, neutral, AdapterText.DefaultProvenance(citation));
                    break;
                case IFormattable n:
                    scalar = new ScalarValue(n.ToString(null, System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Number, neutral, AdapterText.DefaultProvenance(citation));
                    break;
                default:
                    throw new ArgumentException("A default is a bool, a number or a string.", nameof(value));
            }

            (defaults ??= new List<DefaultRecord>()).Add(new DefaultRecord(scalar, cdkMember, cloudFormationProperty));
            return scalar;
        }

        /// <summary>An unknown value at the creation (for a property the adapter cannot know).</summary>
        public Value Unknown(string reason) => new UnknownValue(reason, Location);

        /// <summary>
        /// A view of <paramref name="cloudFormationType"/> named after the construct, located at the creation, whose
        /// properties map is located at the props object (so a fix adds members there) or at the creation.
        /// </summary>
        public ResourceView View(string cloudFormationType, IReadOnlyList<MapEntry> properties)
        {
            var at = Props is MapValue map && PropsWritten ? map.Location : Location;
            return new ResourceView(cloudFormationType, Name, Location, new MapValue(properties, at), Surfaces.Cdk, Context, propertiesWritten: PropsWritten);
        }

        /// <summary>The defaults created so far (the host derives fixes for findings located on them).</summary>
        internal IReadOnlyList<DefaultRecord> Defaults => (IReadOnlyList<DefaultRecord>?)defaults ?? Array.Empty<DefaultRecord>();

        internal ValueResolver Resolver => resolver;

        private Value ResolveProps()
        {
            var argument = arguments.Find("props");
            if (argument == null)
            {
                return new MapValue(Array.Empty<MapEntry>(), Location);
            }

            return resolver.Resolve(argument.Value);
        }

        private string ConstructIdOrText()
        {
            if (operation is IObjectCreationOperation)
            {
                var id = arguments.Find("id");
                if (id != null)
                {
                    return resolver.ResolveString(id.Value) ?? id.Value.Syntax.ToString();
                }
            }

            if (operation is IInvocationOperation invocation && invocation.Instance != null)
            {
                return invocation.Instance.Syntax.ToString();
            }

            return operation.Syntax.ToString();
        }

        internal sealed class DefaultRecord
        {
            public DefaultRecord(ScalarValue value, string cdkMember, string cloudFormationProperty)
            {
                Value = value;
                CdkMember = cdkMember;
                CloudFormationProperty = cloudFormationProperty;
            }

            public ScalarValue Value { get; }

            public string CdkMember { get; }

            public string CloudFormationProperty { get; }
        }

        /// <summary>The arguments of a creation or call, by parameter name.</summary>
        private readonly struct ImmutableArgumentList
        {
            private readonly System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;

            public ImmutableArgumentList(IOperation operation)
            {
                switch (operation)
                {
                    case IObjectCreationOperation creation:
                        arguments = creation.Arguments;
                        break;
                    case IInvocationOperation invocation:
                        arguments = invocation.Arguments;
                        break;
                    default:
                        arguments = System.Collections.Immutable.ImmutableArray<IArgumentOperation>.Empty;
                        break;
                }
            }

            public IArgumentOperation? Find(string parameterName)
            {
                foreach (var a in arguments)
                {
                    if (a.Parameter != null && a.ArgumentKind != ArgumentKind.DefaultValue && string.Equals(a.Parameter.Name, parameterName, StringComparison.Ordinal))
                    {
                        return a;
                    }
                }

                return null;
            }
        }
    }
}
