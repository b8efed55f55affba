using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// The resources of one template for rules: views are built on first use, so a template whose resources no rule
    /// reads costs only its parse. Used by one analysis at a time; guarded anyway.
    /// </summary>
    internal sealed class TemplateResourceContext : IResourceContext, IacAnalyzers.Iam.IHasIamMatchBudget
    {
        /// <summary>The IAM wildcard-matching work the rules may spend on this template (see <see cref="IacAnalyzers.Iam.IamMatchBudget"/>).</summary>
        public IacAnalyzers.Iam.IamMatchBudget IamMatchBudget { get; } = new IacAnalyzers.Iam.IamMatchBudget();

        private readonly object gate = new object();
        private readonly ValueBuilder builder;
        private readonly List<TemplateResource> entries;
        private readonly Dictionary<string, TemplateResource> byName;
        private readonly Dictionary<TemplateResource, ResourceView?> views = new Dictionary<TemplateResource, ResourceView?>();
        private IReadOnlyList<ResourceView>? all;

        public TemplateResourceContext(ValueBuilder builder, List<TemplateResource> entries)
        {
            this.builder = builder;
            this.entries = entries;
            byName = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
            foreach (var e in entries)
            {
                byName[e.Name] = e;
            }
        }

        public IReadOnlyList<TemplateResource> Entries => entries;

        public ValueBuilder Builder => builder;

        public IReadOnlyList<ResourceView> Resources
        {
            get
            {
                lock (gate)
                {
                    if (all == null)
                    {
                        var list = new List<ResourceView>(entries.Count);
                        foreach (var e in entries)
                        {
                            if (ViewLocked(e) is ResourceView v)
                            {
                                list.Add(v);
                            }
                        }

                        all = list;
                    }

                    return all;
                }
            }
        }

        public ResourceView? Find(string name)
        {
            if (name == null || !byName.TryGetValue(name, out var entry))
            {
                return null;
            }

            return View(entry);
        }

        public ResourceView? View(TemplateResource entry)
        {
            lock (gate)
            {
                return ViewLocked(entry);
            }
        }

        private ResourceView? ViewLocked(TemplateResource entry)
        {
            if (views.TryGetValue(entry, out var view))
            {
                return view;
            }

            view = Build(entry);
            views[entry] = view;
            return view;
        }

        private ResourceView? Build(TemplateResource entry)
        {
            builder.LoopBindings = entry.LoopBindings;
            try
            {
                return BuildView(entry);
            }
            finally
            {
                builder.LoopBindings = null;
            }
        }

        private ResourceView? BuildView(TemplateResource entry)
        {
            var body = entry.Body;
            var propsNode = body.Get("Properties");
            MapValue props;
            if (propsNode == null || (propsNode.IsScalar && !propsNode.HasLocalTag && propsNode.Text.Length == 0))
            {
                // No properties (or `Properties:` with nothing): an empty map located at the resource body, so a fix
                // knows where to add the block.
                props = new MapValue(Array.Empty<MapEntry>(), builder.Span(propsNode ?? body));
                return Create(entry, props, written: propsNode != null);
            }

            if (builder.Convert(propsNode) is MapValue map)
            {
                props = map;
                return Create(entry, props, written: true);
            }

            // Properties given by an intrinsic (Fn::If of two maps, ...): rules cannot judge the resource safely.
            return null;
        }

        private ResourceView Create(TemplateResource entry, MapValue props, bool written)
        {
            var metadataNode = entry.Body.Get("Metadata");
            var metadata = metadataNode != null && metadataNode.IsMapping ? builder.Convert(metadataNode) as MapValue : null;
            var conditionNode = entry.Body.Get("Condition");
            var condition = conditionNode != null && conditionNode.IsScalar ? conditionNode.Text : null;
            return new ResourceView(entry.Type, entry.Name, builder.Span(entry.Key), props, Surfaces.CloudFormation, this, metadata, condition, written);
        }
    }
}
