using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>
    /// The template writer for <see cref="ReplaceWithParameterFix"/>: the target becomes a <c>Ref</c> to a new parameter
    /// (free name, no default, the intent's description, pattern and constraint), added to <c>Parameters</c> or in a new
    /// <c>Parameters</c> section before <c>Resources</c>.
    /// </summary>
    internal sealed class ReplaceWithParameterTemplateWriter
    {
        private readonly TemplateText source;
        private readonly ScalarRenderer renderer;
        private readonly MapEditor editor;
        private readonly YamlNode root;
        private readonly bool json;

        public ReplaceWithParameterTemplateWriter(TemplateText source, ScalarRenderer renderer, MapEditor editor)
        {
            this.source = source;
            this.renderer = renderer;
            this.editor = editor;
            root = source.Root;
            json = source.Json;
        }

        public IReadOnlyList<TemplateEdit>? Edits(ReplaceWithParameterFix fix)
        {
            var target = Find(n => n.Start == fix.Target.Start && n.End == fix.Target.End);
            if (target == null || target == root)
            {
                return null;
            }

            var parameters = root.Get("Parameters");
            var resources = root.Get("Resources");
            var name = FreeName(fix.ParameterName, parameters, resources);
            var definition = new Entry(
                name,
                null,
                new Entry("Type", RenderString("String")),
                new Entry("Description", RenderString(fix.Description, quote: true)),
                new Entry("AllowedPattern", RenderString(fix.AllowedPattern, quote: true)),
                new Entry("ConstraintDescription", RenderString(fix.ConstraintDescription, quote: true)));

            var edits = new List<TemplateEdit>
            {
                new TemplateEdit(target.Start, target.End - target.Start, json ? "{ \"Ref\": " + Quote(name) + " }" : "!Ref " + name),
            };

            IReadOnlyList<TemplateEdit>? added;
            if (parameters != null)
            {
                if (!parameters.IsMapping || parameters.HasLocalTag)
                {
                    return null;
                }

                added = AddEntry(parameters, definition);
            }
            else
            {
                var section = new Entry("Parameters", null, definition);
                var before = root.GetKey("Resources");
                added = before != null ? InsertBefore(root, before, section) : AddEntry(root, section);
            }

            if (added == null || added.Any(a => a.Start > target.Start && a.Start < target.End))
            {
                return null;
            }

            edits.AddRange(added);
            return edits;
        }

        private static string FreeName(string wanted, YamlNode? parameters, YamlNode? resources)
        {
            var name = wanted;
            for (var i = 2; parameters?.Get(name) != null || resources?.Get(name) != null; i++)
            {
                name = wanted + i.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }

        private string RenderString(string value, bool quote = false) => renderer.RenderString(value, quote);

        private static string Quote(string value) => ScalarRenderer.Quote(value);

        private YamlNode? Find(Func<YamlNode, bool> match) => source.Find(match);

        private IReadOnlyList<TemplateEdit>? AddEntry(YamlNode map, Entry entry) => editor.AddEntry(map, entry);

        private IReadOnlyList<TemplateEdit>? InsertBefore(YamlNode map, YamlNode key, Entry entry) => editor.InsertBefore(map, key, entry);
    }
}
