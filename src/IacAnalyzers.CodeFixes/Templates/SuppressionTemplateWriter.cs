using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IacAnalyzers.CloudFormation;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>
    /// Writes a template suppression, the entry <see cref="TemplateSuppressions"/> reads:
    /// <c>Metadata.IacAnalyzers.Suppress: [{ Id, Reason }]</c> on one resource, in the template's own style (YAML block
    /// or flow, JSON). An existing <c>Suppress</c> list gets one more item; missing <c>Metadata</c>,
    /// <c>IacAnalyzers</c> and <c>Suppress</c> entries are added. Returns null for shapes it cannot edit safely.
    /// </summary>
    public static class SuppressionTemplateWriter
    {
        /// <summary>The edits that suppress <paramref name="ruleId"/> on the resource <paramref name="resourceName"/>, or null.</summary>
        public static IReadOnlyList<TemplateEdit>? Edits(string text, string resourceName, string ruleId, string reason, CancellationToken cancellationToken = default)
        {
            var document = TemplateDocuments.Parse(text, cancellationToken);
            if (document.Error != null || document.Root == null || !document.Root.IsMapping)
            {
                return null;
            }

            var resources = document.Root.Get("Resources");
            if (resources == null || !resources.IsMapping || resources.HasLocalTag)
            {
                return null;
            }

            var body = resources.Pairs.LastOrDefault(p => p.Key.IsScalar && string.Equals(p.Key.Text, resourceName, StringComparison.Ordinal)).Value;
            if (body == null || !body.IsMapping || body.HasLocalTag)
            {
                return null;
            }

            var source = new TemplateText(text, document.Root);
            var renderer = new ScalarRenderer(source.Json);
            var editor = new MapEditor(source, renderer);
            var item = "{ " + renderer.Key("Id") + ": " + renderer.RenderString(ruleId) + ", " + renderer.Key("Reason") + ": " + renderer.RenderString(reason, quote: true) + " }";
            var list = "[" + item + "]";

            var metadata = body.Get("Metadata");
            if (metadata == null)
            {
                return editor.AddEntry(body, new Entry("Metadata", null, new Entry(TemplateSuppressions.MetadataKey, null, new Entry(TemplateSuppressions.SuppressKey, list))));
            }

            if (!metadata.IsMapping || metadata.HasLocalTag)
            {
                return null;
            }

            var block = metadata.Get(TemplateSuppressions.MetadataKey);
            if (block == null)
            {
                return metadata.Pairs.Count == 0 && !metadata.IsFlow
                    ? null
                    : editor.AddEntry(metadata, new Entry(TemplateSuppressions.MetadataKey, null, new Entry(TemplateSuppressions.SuppressKey, list)));
            }

            if (!block.IsMapping || block.HasLocalTag)
            {
                return null;
            }

            var suppress = block.Get(TemplateSuppressions.SuppressKey);
            if (suppress == null)
            {
                return editor.AddEntry(block, new Entry(TemplateSuppressions.SuppressKey, list));
            }

            return suppress.IsSequence && !suppress.HasLocalTag ? AppendItem(source, suppress, item, ruleId, reason, renderer) : null;
        }

        private static IReadOnlyList<TemplateEdit>? AppendItem(TemplateText source, YamlNode sequence, string flowItem, string ruleId, string reason, ScalarRenderer renderer)
        {
            var text = source.Text;
            var items = sequence.Items;
            if (sequence.IsFlow)
            {
                var open = sequence.ContentStart;
                var close = sequence.End - 1;
                if (open < 0 || open >= text.Length || text[open] != '[' || close <= open || text[close] != ']')
                {
                    return null;
                }

                return items.Count == 0
                    ? new[] { new TemplateEdit(open + 1, close - open - 1, flowItem) }
                    : new[] { new TemplateEdit(items[items.Count - 1].End, 0, ", " + flowItem) };
            }

            if (items.Count == 0)
            {
                return null;
            }

            // A block list: one more "- Id: …" item at the indentation of the first one's dash.
            var indent = source.IndentAt(source.LineStart(items[0].Start) + LeadingSpaces(text, source.LineStart(items[0].Start)));
            var newline = source.Newline;
            var lines = indent + "- Id: " + renderer.RenderString(ruleId) + newline + indent + "  Reason: " + renderer.RenderString(reason, quote: true);
            var anchor = items[items.Count - 1].End;
            if (anchor > 0 && text[anchor - 1] == '\n')
            {
                return new[] { new TemplateEdit(anchor, 0, lines + newline) };
            }

            return new[] { new TemplateEdit(source.LineEnd(anchor), 0, newline + lines) };
        }

        private static int LeadingSpaces(string text, int lineStart)
        {
            var i = lineStart;
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            return i - lineStart;
        }
    }
}
