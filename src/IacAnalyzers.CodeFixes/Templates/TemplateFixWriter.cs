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
    /// The template writers: one per fix-intent kind, for YAML (block and flow style) and JSON, as text edits that
    /// keep everything else of the file (indentation, comments, quoting, key order). They re-read the text to find the
    /// nodes the diagnostic's offsets name; when the text no longer matches, or the shape is one they cannot edit
    /// safely, they return null and no fix is offered.
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

            var writer = new Writer(text, document.Root);
            try
            {
                switch (intent)
                {
                    case SetPropertyFix set:
                        return writer.SetProperty(set);
                    case ReplaceWithParameterFix replace:
                        return writer.ReplaceWithParameter(replace);
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

        /// <summary>A map entry to write: a key with a scalar (already rendered) or with child entries.</summary>
        private sealed class Entry
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

        private sealed class Writer
        {
            private readonly string text;
            private readonly YamlNode root;
            private readonly bool json;
            private readonly string newline;
            private readonly string step;

            public Writer(string text, YamlNode root)
            {
                this.text = text;
                this.root = root;
                json = root.IsFlow && FirstNonSpace(text) == '{';
                newline = text.Contains("\r\n") ? "\r\n" : "\n";
                step = DetectStep();
            }

            public IReadOnlyList<TemplateEdit>? SetProperty(SetPropertyFix fix)
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

            public IReadOnlyList<TemplateEdit>? ReplaceWithParameter(ReplaceWithParameterFix fix)
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

            /// <summary>Adds an entry at the end of a mapping, in its style.</summary>
            private IReadOnlyList<TemplateEdit>? AddEntry(YamlNode map, Entry entry)
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
            private IReadOnlyList<TemplateEdit>? InsertBefore(YamlNode map, YamlNode key, Entry entry)
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

            private string Key(string key) => json ? Quote(key) : RenderString(key);

            private string RenderScalar(string value, ScalarKind kind)
            {
                switch (kind)
                {
                    case ScalarKind.Boolean:
                        return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false";
                    case ScalarKind.Number:
                        return value;
                    case ScalarKind.Null:
                        return "null";
                    default:
                        return RenderString(value);
                }
            }

            private string RenderString(string value, bool quote = false)
            {
                if (json)
                {
                    return Quote(value);
                }

                if (!quote && IsPlainSafe(value))
                {
                    return value;
                }

                return "'" + value.Replace("'", "''") + "'";
            }

            private static bool IsPlainSafe(string value)
            {
                if (value.Length == 0 || !(char.IsLetter(value[0]) || value[0] == '_'))
                {
                    return false;
                }

                foreach (var ch in value)
                {
                    if (!(char.IsLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '/'))
                    {
                        return false;
                    }
                }

                var lower = value.ToLowerInvariant();
                return lower != "true" && lower != "false" && lower != "null" && lower != "yes" && lower != "no" && lower != "on" && lower != "off" && lower != "y" && lower != "n";
            }

            private static string Quote(string value)
            {
                var sb = new StringBuilder("\"");
                foreach (var ch in value)
                {
                    switch (ch)
                    {
                        case '"':
                            sb.Append("\\\"");
                            break;
                        case '\\':
                            sb.Append("\\\\");
                            break;
                        case '\n':
                            sb.Append("\\n");
                            break;
                        case '\r':
                            sb.Append("\\r");
                            break;
                        case '\t':
                            sb.Append("\\t");
                            break;
                        default:
                            if (ch < ' ')
                            {
                                sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                            }
                            else
                            {
                                sb.Append(ch);
                            }

                            break;
                    }
                }

                return sb.Append('"').ToString();
            }

            private YamlNode? Find(Func<YamlNode, bool> match)
            {
                var seen = new HashSet<YamlNode>();
                var stack = new Stack<YamlNode>();
                stack.Push(root);
                while (stack.Count > 0)
                {
                    var node = stack.Pop();
                    if (!seen.Add(node))
                    {
                        continue;
                    }

                    if (match(node))
                    {
                        return node;
                    }

                    foreach (var item in node.Items)
                    {
                        stack.Push(item);
                    }

                    foreach (var pair in node.Pairs)
                    {
                        stack.Push(pair.Key);
                        stack.Push(pair.Value);
                    }
                }

                return null;
            }

            /// <summary>The document's indentation step: how much deeper a nested mapping's keys sit than their parent's.</summary>
            private string DetectStep()
            {
                foreach (var pair in root.Pairs)
                {
                    var child = pair.Value;
                    if (child.IsMapping && child.Pairs.Count > 0 && LineOf(child.Pairs[0].Key.Start) != LineOf(pair.Key.Start))
                    {
                        var parent = IndentAt(pair.Key.Start);
                        var inner = IndentAt(child.Pairs[0].Key.Start);
                        if (inner.Length > parent.Length && inner.StartsWith(parent, StringComparison.Ordinal))
                        {
                            return inner.Substring(parent.Length);
                        }
                    }
                }

                return "  ";
            }

            /// <summary>The indentation to reproduce a line that starts (after whitespace or a "- ") at <paramref name="position"/>.</summary>
            private string IndentAt(int position)
            {
                var lineStart = LineStart(position);
                var prefix = text.Substring(lineStart, position - lineStart);
                return prefix.Trim(' ', '\t').Length == 0 ? prefix : new string(' ', position - lineStart);
            }

            private int LineStart(int position)
            {
                if (position <= 0)
                {
                    return 0;
                }

                var i = text.LastIndexOf('\n', position - 1);
                return i + 1;
            }

            private int LineEnd(int position)
            {
                var i = text.IndexOf('\n', position);
                if (i < 0)
                {
                    return text.Length;
                }

                return i > 0 && text[i - 1] == '\r' ? i - 1 : i;
            }

            private int LineOf(int position)
            {
                var line = 0;
                for (var i = 0; i < position && i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        line++;
                    }
                }

                return line;
            }

            private static char FirstNonSpace(string s)
            {
                foreach (var ch in s)
                {
                    if (!char.IsWhiteSpace(ch) && ch != '\uFEFF')
                    {
                        return ch;
                    }
                }

                return '\0';
            }
        }
    }
}
