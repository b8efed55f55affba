using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>The template writer for <see cref="SetPropertyFix"/>: replaces the written value, or adds the property (and the nested maps of a dotted path, and <c>Properties</c> when asked).</summary>
    internal sealed class SetPropertyTemplateWriter
    {
        private readonly TemplateText source;
        private readonly ScalarRenderer renderer;
        private readonly MapEditor editor;

        public SetPropertyTemplateWriter(TemplateText source, ScalarRenderer renderer, MapEditor editor)
        {
            this.source = source;
            this.renderer = renderer;
            this.editor = editor;
        }

        public IReadOnlyList<TemplateEdit>? Edits(SetPropertyFix fix)
        {
            var property = fix.Property;
            var rendered = RenderScalar(fix.Value, fix.ValueKind);
            if (fix.Existing is FixSpan at)
            {
                var existing = Find(n => n.Start == at.Start && n.End == at.End);
                return existing == null ? null : new[] { new TemplateEdit(existing.Start, existing.End - existing.Start, rendered) };
            }

            var container = Find(n => n.IsMapping && n.Start == fix.Container.Start && n.End == fix.Container.End);
            if (container == null)
            {
                return null;
            }

            if (fix.CreateProperties)
            {
                if (container.Get("Properties") != null)
                {
                    return null;
                }

                return AddEntry(container, new Entry("Properties", null, Nested(property, rendered)));
            }

            var same = container.Pairs.LastOrDefault(x => x.Key.IsScalar && string.Equals(x.Key.Text, property, StringComparison.OrdinalIgnoreCase));
            if (same.Value != null)
            {
                return new[] { new TemplateEdit(same.Value.Start, same.Value.End - same.Value.Start, rendered) };
            }

            return AddEntry(container, Nested(property, rendered));
        }

        /// <summary>
        /// The entry for a property, or for a dotted path (<c>EncryptionAtRestOptions.Enabled</c>, see
        /// <see cref="SetPropertyFix.Property"/>) the nested maps that lead to it.
        /// </summary>
        private static Entry Nested(string property, string rendered)
        {
            var dot = property.IndexOf('.');
            return dot < 0
                ? new Entry(property, rendered)
                : new Entry(property.Substring(0, dot), null, Nested(property.Substring(dot + 1), rendered));
        }

        private string RenderScalar(string value, ScalarKind kind) => renderer.RenderScalar(value, kind);

        private YamlNode? Find(Func<YamlNode, bool> match) => source.Find(match);

        private IReadOnlyList<TemplateEdit>? AddEntry(YamlNode map, Entry entry) => editor.AddEntry(map, entry);
    }
}
