using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>A map entry to write: a key with a scalar (already rendered) or with child entries.</summary>
    internal sealed class Entry
    {
        public Entry(string key, string? scalar, params Entry[] children)
        {
            Key = key;
            Scalar = scalar;
            Children = children;
        }

        public string Key { get; }

        public string? Scalar { get; }

        public Entry[] Children { get; }
    }

    /// <summary>
    /// Map editing in the template's own style: adds an entry at the end of a mapping or before a key, as YAML block
    /// lines, a flow mapping on one line or several, or JSON. Returns null for shapes it cannot edit safely.
    /// </summary>
    internal sealed class MapEditor
    {
        private readonly TemplateText source;
        private readonly ScalarRenderer renderer;
        private readonly string text;
        private readonly string newline;
        private readonly string step;

        public MapEditor(TemplateText source, ScalarRenderer renderer)
        {
            this.source = source;
            this.renderer = renderer;
            text = source.Text;
            newline = source.Newline;
            step = source.Step;
        }

        /// <summary>Adds an entry at the end of a mapping, in its style.</summary>
        public IReadOnlyList<TemplateEdit>? AddEntry(YamlNode map, Entry entry)
        {
            if (map.HasLocalTag)
            {
                return null;
            }

            if (!map.IsFlow)
            {
                if (map.Pairs.Count == 0)
                {
                    return null;
                }

                var firstKey = map.Pairs[0].Key;
                var indent = IndentAt(firstKey.Start);
                var anchor = map.Pairs[map.Pairs.Count - 1].Value.End;
                var lines = Block(entry, indent);
                if (anchor > 0 && text[anchor - 1] == '\n')
                {
                    // The last value (a block scalar) ends with its line break, and with the blank lines it kept:
                    // insert a whole line after its last non-blank line.
                    while (anchor > 0)
                    {
                        var previous = LineStart(anchor - 1);
                        if (text.Substring(previous, anchor - previous).Trim().Length != 0)
                        {
                            break;
                        }

                        anchor = previous;
                    }

                    return new[] { new TemplateEdit(anchor, 0, lines + newline) };
                }

                // After the rest of the last entry's line (a trailing comment stays where it is).
                return new[] { new TemplateEdit(LineEnd(anchor), 0, newline + lines) };
            }

            // Flow mapping: `{ a: 1 }` or JSON, on one line or many.
            var open = map.ContentStart;
            var close = map.End - 1;
            if (open < 0 || open >= text.Length || text[open] != '{' || close <= open || text[close] != '}')
            {
                return null;
            }

            if (map.Pairs.Count == 0)
            {
                return new[] { new TemplateEdit(open + 1, close - open - 1, " " + Inline(entry) + " ") };
            }

            var last = map.Pairs[map.Pairs.Count - 1];
            var lastKey = last.Key;
            if (LineOf(lastKey.Start) == LineOf(open))
            {
                return new[] { new TemplateEdit(last.Value.End, 0, ", " + Inline(entry)) };
            }

            var keyIndent = IndentAt(lastKey.Start);
            return new[] { new TemplateEdit(last.Value.End, 0, "," + newline + Multiline(entry, keyIndent)) };
        }

        /// <summary>Inserts an entry before an existing key of a mapping (a new section before Resources).</summary>
        public IReadOnlyList<TemplateEdit>? InsertBefore(YamlNode map, YamlNode key, Entry entry)
        {
            var indent = IndentAt(key.Start);
            if (!map.IsFlow)
            {
                var lineStart = LineStart(key.Start);
                if (lineStart + indent.Length != key.Start)
                {
                    return null;
                }

                return new[] { new TemplateEdit(lineStart, 0, Block(entry, indent) + newline) };
            }

            var open = map.ContentStart;
            if (LineOf(key.Start) == LineOf(open))
            {
                return new[] { new TemplateEdit(key.Start, 0, Inline(entry) + ", ") };
            }

            return new[] { new TemplateEdit(key.Start, 0, Multiline(entry, indent).Substring(indent.Length) + "," + newline + indent) };
        }

        /// <summary>YAML block lines, the first at <paramref name="indent"/>, children one step deeper.</summary>
        private string Block(Entry entry, string indent)
        {
            var sb = new StringBuilder();
            sb.Append(indent).Append(Key(entry.Key)).Append(':');
            if (entry.Scalar != null)
            {
                sb.Append(' ').Append(entry.Scalar);
                return sb.ToString();
            }

            foreach (var child in entry.Children)
            {
                sb.Append(newline).Append(Block(child, indent + step));
            }

            return sb.ToString();
        }

        /// <summary>A flow/JSON entry over several lines.</summary>
        private string Multiline(Entry entry, string indent)
        {
            var sb = new StringBuilder();
            sb.Append(indent).Append(Key(entry.Key)).Append(": ");
            if (entry.Scalar != null)
            {
                return sb.Append(entry.Scalar).ToString();
            }

            sb.Append('{');
            for (var i = 0; i < entry.Children.Length; i++)
            {
                sb.Append(newline).Append(Multiline(entry.Children[i], indent + step));
                if (i < entry.Children.Length - 1)
                {
                    sb.Append(',');
                }
            }

            return sb.Append(newline).Append(indent).Append('}').ToString();
        }

        private string Inline(Entry entry)
            => Key(entry.Key) + ": " + (entry.Scalar ?? "{ " + string.Join(", ", entry.Children.Select(Inline)) + " }");

        private string Key(string key) => renderer.Key(key);

        private string IndentAt(int position) => source.IndentAt(position);

        private int LineStart(int position) => source.LineStart(position);

        private int LineEnd(int position) => source.LineEnd(position);

        private int LineOf(int position) => source.LineOf(position);
    }
}
