using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// A CloudFormation template read from one file: its resources (views are built lazily, on first use), what could
    /// not be read, and the raw node tree (fix writers and suppressions read it).
    /// </summary>
    public sealed class Template
    {
        private readonly TemplateResourceContext? context;

        internal Template(string path, LineMap lines, YamlNode? root, TemplateResourceContext? context, IReadOnlyList<TemplateError> errors)
        {
            Path = path;
            Lines = lines;
            Root = root;
            this.context = context;
            Errors = errors;
        }

        public string Path { get; }

        public LineMap Lines { get; }

        /// <summary>The document's root mapping; null when it could not be parsed.</summary>
        public YamlNode? Root { get; }

        /// <summary>Every resource (each view is built once, when first asked for).</summary>
        public IReadOnlyList<ResourceView> Resources => context != null ? context.Resources : System.Array.Empty<ResourceView>();

        /// <summary>The resources as written: logical id, type and nodes, without building views.</summary>
        public IReadOnlyList<TemplateResource> Entries => context != null ? context.Entries : System.Array.Empty<TemplateResource>();

        /// <summary>The context rules see: lookups by logical id, all resources.</summary>
        public IResourceContext Context => (IResourceContext?)context ?? EmptyResourceContext.Instance;

        /// <summary>The view of one resource (built on first use); null when the template has no such resource.</summary>
        public ResourceView? View(TemplateResource entry) => context?.View(entry);

        /// <summary>Values built for views so far (nodes converted, list items made): the work reading cost, for tests that bound it.</summary>
        public int ValuesBuilt => context != null ? context.Builder.ValuesBuilt : 0;

        /// <summary>How often each reading limit ("values", "characters", "depth", "alternatives") cut a value so far.</summary>
        public IReadOnlyDictionary<string, int> LimitHits => context != null ? context.Builder.LimitHits : NoHits;

        private static readonly IReadOnlyDictionary<string, int> NoHits = new Dictionary<string, int>();

        /// <summary>
        /// Problems found while reading. Parse failures leave no resources; limits hit while building views (an alias
        /// bomb) are added when the views are built, so read this after using <see cref="Resources"/>/<see cref="View"/>.
        /// </summary>
        public IReadOnlyList<TemplateError> Errors { get; }
    }

    /// <summary>A resource as written: its logical id, type and nodes.</summary>
    public sealed class TemplateResource
    {
        internal TemplateResource(string name, string type, YamlNode key, YamlNode body, IReadOnlyDictionary<string, string>? loopBindings = null)
        {
            Name = name;
            Type = type;
            Key = key;
            Body = body;
            LoopBindings = loopBindings;
        }

        /// <summary>
        /// For a resource expanded from <c>Fn::ForEach</c>: the loop identifier and this iteration's value, which
        /// <c>Ref</c> and <c>${…}</c> in the body resolve to. Null otherwise.
        /// </summary>
        public IReadOnlyDictionary<string, string>? LoopBindings { get; }

        public string Name { get; }

        public string Type { get; }

        public YamlNode Key { get; }

        public YamlNode Body { get; }

        public override string ToString() => Type + " " + Name;
    }

    /// <summary>A reason a template (or part of it) could not be read, at the position it concerns.</summary>
    public sealed class TemplateError
    {
        public TemplateError(string message, SourceLocation location)
        {
            Message = message;
            Location = location;
        }

        public string Message { get; }

        public SourceLocation Location { get; }
    }
}
