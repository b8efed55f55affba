using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>A replacement of <see cref="Length"/> characters at <see cref="Start"/> by <see cref="NewText"/>.</summary>
    public readonly struct TemplateEdit
    {
        public TemplateEdit(int start, int length, string newText)
        {
            Start = start;
            Length = length;
            NewText = newText;
        }

        public int Start { get; }

        public int Length { get; }

        public string NewText { get; }
    }

    /// <summary>
    /// The template writers: one per fix-intent kind (<see cref="SetPropertyTemplateWriter"/>,
    /// <see cref="ReplaceWithParameterTemplateWriter"/>), for YAML (block and flow style) and JSON, as text edits that
    /// keep everything else of the file (indentation, comments, quoting, key order), on three shared parts:
    /// <see cref="TemplateText"/> (style and positions), <see cref="ScalarRenderer"/> (scalars and keys) and
    /// <see cref="MapEditor"/> (adding entries). They re-read the text to find the nodes the intent's offsets name;
    /// when the text no longer matches, or the shape is one they cannot edit safely, they return null and no fix is offered.
    /// </summary>
    public static class TemplateFixWriter
    {
        /// <summary>The intent kinds with a template writer.</summary>
        public const FixKind SupportedKinds = FixKind.SetProperty | FixKind.ReplaceWithParameter;

        /// <summary>True when a writer exists for this intent kind.</summary>
        public static bool Supports(FixKind kind) => kind != FixKind.None && (SupportedKinds & kind) == kind;

        /// <summary>The edits for the intent carried by <paramref name="properties"/>, or null when it cannot be applied.</summary>
        public static IReadOnlyList<TemplateEdit>? Edits(string text, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken = default)
        {
            var intent = FixIntent.Read(properties);
            return intent == null ? null : Edits(text, intent, cancellationToken);
        }

        /// <summary>The edits for <paramref name="intent"/>, or null when it cannot be applied (or has no template writer).</summary>
        public static IReadOnlyList<TemplateEdit>? Edits(string text, FixIntent intent, CancellationToken cancellationToken = default)
        {
            if (!Supports(intent.Kind))
            {
                return null;
            }

            var document = TemplateDocuments.Parse(text, cancellationToken);
            if (document.Error != null || document.Root == null || !document.Root.IsMapping)
            {
                return null;
            }

            var source = new TemplateText(text, document.Root);
            var renderer = new ScalarRenderer(source.Json);
            var editor = new MapEditor(source, renderer);
            try
            {
                switch (intent)
                {
                    case SetPropertyFix set:
                        return new SetPropertyTemplateWriter(source, renderer, editor).Edits(set);
                    case ReplaceWithParameterFix replace:
                        return new ReplaceWithParameterTemplateWriter(source, renderer, editor).Edits(replace);
                    default:
                        return null;
                }
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>The text after the fix, or null when the fix cannot be applied.</summary>
        public static string? Apply(string text, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken = default)
        {
            var edits = Edits(text, properties, cancellationToken);
            return edits == null ? null : ApplyEdits(text, edits);
        }

        public static string ApplyEdits(string text, IEnumerable<TemplateEdit> edits)
        {
            var sb = new StringBuilder(text);
            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                sb.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            }

            return sb.ToString();
        }
    }
}
