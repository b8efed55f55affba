using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// A resource as rules see it, whichever front-end produced it: a CloudFormation type, a name, and a property
    /// tree whose values know their source. CDK L2 adapters fill in the CloudFormation properties the construct
    /// produces, with CDK defaults marked by their provenance.
    /// </summary>
    public sealed class ResourceView
    {
        public ResourceView(
            string type,
            string name,
            SourceLocation location,
            MapValue properties,
            Surfaces surface,
            IResourceContext? context = null,
            MapValue? metadata = null,
            string? condition = null,
            bool propertiesWritten = true)
        {
            Type = type ?? throw new ArgumentNullException(nameof(type));
            Name = name ?? string.Empty;
            Location = location;
            Properties = properties;
            Surface = surface;
            Context = context ?? EmptyResourceContext.Instance;
            Metadata = metadata;
            Condition = condition;
            PropertiesWritten = propertiesWritten;
        }

        /// <summary>
        /// The view's policy documents once read (<see cref="Iam.PolicyDocumentSources.Documents"/>), shared by the IAM
        /// rules; null until then.
        /// </summary>
        internal IReadOnlyList<Iam.PolicyDocument>? PolicyDocuments;

        /// <summary>The CloudFormation type, e.g. <c>AWS::RDS::DBInstance</c>.</summary>
        public string Type { get; }

        /// <summary>The logical id in a template, or the construct id in CDK code.</summary>
        public string Name { get; }

        /// <summary>Where the resource is declared: the logical id's key, or the construct's creation expression.</summary>
        public SourceLocation Location { get; }

        /// <summary>The properties (empty, located at the resource, when none are written).</summary>
        public MapValue Properties { get; }

        /// <summary>False when the source has no properties block (a fix must then create one).</summary>
        public bool PropertiesWritten { get; }

        public Surfaces Surface { get; }

        public IResourceContext Context { get; }

        public MapValue? Metadata { get; }

        /// <summary>The resource's <c>Condition</c> in a template, if any.</summary>
        public string? Condition { get; }

        /// <summary>Reads a property path such as <c>EncryptionAtRestOptions.Enabled</c>; null when any step is missing or not a map.</summary>
        public Value? Get(string path)
        {
            Value? current = Properties;
            foreach (var part in path.Split('.'))
            {
                if (current is MapValue map)
                {
                    current = map.Get(part);
                }
                else
                {
                    return null;
                }
            }

            return current;
        }

        public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Type + " " + Name;
    }

    /// <summary>What a rule may ask about the other resources of the same template or app.</summary>
    public interface IResourceContext
    {
        IReadOnlyList<ResourceView> Resources { get; }

        ResourceView? Find(string name);
    }

    public sealed class EmptyResourceContext : IResourceContext
    {
        public static readonly EmptyResourceContext Instance = new EmptyResourceContext();

        public IReadOnlyList<ResourceView> Resources => Array.Empty<ResourceView>();

        public ResourceView? Find(string name) => null;
    }

    /// <summary>A resource context over a fixed list, looked up by name.</summary>
    public sealed class ListResourceContext : IResourceContext
    {
        private readonly Dictionary<string, ResourceView> byName = new Dictionary<string, ResourceView>(StringComparer.Ordinal);
        private readonly List<ResourceView> resources = new List<ResourceView>();

        public IReadOnlyList<ResourceView> Resources => resources;

        public void Add(ResourceView resource)
        {
            resources.Add(resource);
            byName[resource.Name] = resource;
        }

        public ResourceView? Find(string name) => byName.TryGetValue(name, out var r) ? r : null;
    }
}
