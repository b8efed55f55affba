using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;

namespace IacAnalyzers.Fuzz
{
    public enum EmitFormat
    {
        Json,
        YamlBlock,
        YamlFlow,
    }

    /// <summary>How to write a template again without changing what it means.</summary>
    public sealed class EmitOptions
    {
        public EmitFormat Format { get; set; } = EmitFormat.YamlBlock;

        /// <summary>Shuffle the keys of mappings that have no duplicate keys (null: keep the order).</summary>
        public Random? ShuffleKeys { get; set; }

        /// <summary>Double-quote every string, also those that could be plain.</summary>
        public bool QuoteAll { get; set; }

        /// <summary>Write intrinsics in their short YAML form (<c>!Ref x</c>) where possible; otherwise the long form.</summary>
        public bool ShortIntrinsics { get; set; }

        /// <summary>Escape this share of the characters of JSON/double-quoted strings as <c>\uXXXX</c>.</summary>
        public double EscapeShare { get; set; }

        public Random Random { get; set; } = new Random(0);

        public string Newline { get; set; } = "\n";
    }

    /// <summary>
    /// Writes a parsed template (<see cref="YamlNode"/> tree, aliases expanded) as JSON, block YAML or flow YAML.
    /// Scalars keep the type the analyzer reads in them; where a form cannot say the same thing (a non-scalar key, a
    /// YAML number JSON cannot write) <see cref="Lossy"/> is set and the caller must not expect the same findings.
    /// A tool, not analyzer code: it recurses, over trees the reader has bounded to 128 levels.
    /// </summary>
    public sealed class Emitter
    {
        private const string StrTag = "tag:yaml.org,2002:";
        private readonly EmitOptions options;
        private readonly StringBuilder sb = new StringBuilder();
        private int budget = 200_000;

        private Emitter(EmitOptions options)
        {
            this.options = options;
        }

        public bool Lossy { get; private set; }

        /// <summary>The rewritten text, or null when the tree is too big to expand or cannot be written faithfully.</summary>
        public static string? Emit(YamlNode root, EmitOptions options)
        {
            var e = new Emitter(options);
            try
            {
                if (options.Format == EmitFormat.YamlBlock)
                {
                    e.Block(root, 0, atLineStart: true);
                }
                else
                {
                    e.Flow(root);
                }
            }
            catch (InvalidOperationException)
            {
                return null;
            }

            return e.Lossy ? null : e.sb.ToString().Replace("\n", options.Newline, StringComparison.Ordinal) + options.Newline;
        }

        private enum Reading
        {
            String,
            Number,
            Boolean,
            Null,
        }

        private static Reading ReadingOf(YamlNode scalar)
        {
            var tag = scalar.Tag;
            if (tag != null && tag.StartsWith(StrTag, StringComparison.Ordinal))
            {
                switch (tag.Substring(StrTag.Length))
                {
                    case "bool": return Reading.Boolean;
                    case "int":
                    case "float": return Reading.Number;
                    case "null": return Reading.Null;
                    default: return Reading.String;
                }
            }

            if (tag != null || scalar.Style != NodeStyle.Plain)
            {
                return Reading.String;
            }

            return PlainReading(scalar.Text);
        }

        private static Reading PlainReading(string text)
        {
            if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL")
            {
                return Reading.Null;
            }

            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return Reading.Boolean;
            }

            var c = text[0];
            if ((char.IsDigit(c) || ((c == '-' || c == '+' || c == '.') && text.Length > 1))
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return Reading.Number;
            }

            return Reading.String;
        }

        private static bool IsJsonNumber(string text)
            => System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$");

        private static bool PlainSafe(string text)
            => System.Text.RegularExpressions.Regex.IsMatch(text, @"^[A-Za-z_][A-Za-z0-9_./-]*$") && PlainReading(text) == Reading.String
               && !new[] { "yes", "no", "on", "off", "y", "n" }.Contains(text.ToLowerInvariant());

        /// <summary>The intrinsic a node stands for, as (function name, argument node), or null.</summary>
        private static (string Name, YamlNode Argument, bool FromTag)? Intrinsic(YamlNode node)
        {
            if (node.HasLocalTag)
            {
                var name = node.Tag!.Substring(1);
                return (name == "Ref" || name == "Condition" ? name : "Fn::" + name, node, true);
            }

            if (node.IsMapping && node.Pairs.Count == 1 && node.Pairs[0].Key.IsScalar)
            {
                var key = node.Pairs[0].Key.Text;
                if (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal))
                {
                    return (key, node.Pairs[0].Value, false);
                }
            }

            return null;
        }

        private static string ShortTag(string function)
            => function == "Ref" ? "!Ref" : function.StartsWith("Fn::", StringComparison.Ordinal) ? "!" + function.Substring(4) : "!" + function;

        private void Spend()
        {
            if (--budget < 0)
            {
                throw new InvalidOperationException("too big");
            }
        }

        private IEnumerable<KeyValuePair<YamlNode, YamlNode>> PairsOf(YamlNode map)
        {
            foreach (var p in map.Pairs)
            {
                if (!p.Key.IsScalar || p.Key.HasLocalTag)
                {
                    Lossy = true;
                }
            }

            var pairs = map.Pairs.ToList();
            if (options.ShuffleKeys != null && pairs.Select(p => p.Key.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count() == pairs.Count)
            {
                pairs = pairs.OrderBy(_ => options.ShuffleKeys.Next()).ToList();
            }

            return pairs;
        }

        // ---- flow (JSON and YAML flow) ----
        private void Flow(YamlNode node, bool allowShort = true)
        {
            Spend();
            var json = options.Format == EmitFormat.Json;
            var intrinsic = Intrinsic(node);
            if (intrinsic != null && intrinsic.Value.FromTag)
            {
                if (!json && options.ShortIntrinsics && allowShort)
                {
                    sb.Append(node.Tag).Append(' ');
                    Untagged(node);
                    return;
                }

                sb.Append('{').Append(Key(intrinsic.Value.Name)).Append(": ");
                Untagged(node);
                sb.Append('}');
                return;
            }

            if (intrinsic != null && !json && options.ShortIntrinsics && allowShort && intrinsic.Value.Name != "Condition" && intrinsic.Value.Argument.Tag == null)
            {
                // A node has one tag: an intrinsic right inside a short form keeps its long form.
                sb.Append(ShortTag(intrinsic.Value.Name)).Append(' ');
                Flow(intrinsic.Value.Argument, allowShort: false);
                return;
            }

            Untagged(node);
        }

        /// <summary>The node's content, its own local tag left out (the caller wrote it or its long form).</summary>
        private void Untagged(YamlNode node)
        {
            var json = options.Format == EmitFormat.Json;
            switch (node.Kind)
            {
                case NodeKind.Scalar:
                    Scalar(node, flow: true);
                    return;
                case NodeKind.Sequence:
                    sb.Append('[');
                    for (var i = 0; i < node.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(", ");
                        }

                        Flow(node.Items[i]);
                    }

                    sb.Append(']');
                    return;
                default:
                    sb.Append('{');
                    var first = true;
                    foreach (var pair in PairsOf(node))
                    {
                        if (!first)
                        {
                            sb.Append(", ");
                        }

                        first = false;
                        sb.Append(Key(pair.Key.Text)).Append(": ");
                        Flow(pair.Value);
                    }

                    sb.Append('}');
                    _ = json;
                    return;
            }
        }

        private string Key(string key)
            => options.Format == EmitFormat.Json || options.QuoteAll || !PlainSafe(key) ? Quote(key) : key;

        private void Scalar(YamlNode node, bool flow)
        {
            var json = options.Format == EmitFormat.Json;
            var text = node.Text;
            switch (ReadingOf(node))
            {
                case Reading.Null:
                    sb.Append("null");
                    return;
                case Reading.Boolean:
                    sb.Append(text.ToLowerInvariant() == "true" ? "true" : "false");
                    return;
                case Reading.Number:
                    if (json && !IsJsonNumber(text))
                    {
                        Lossy = true;
                    }

                    sb.Append(text);
                    return;
                default:
                    sb.Append(!json && !options.QuoteAll && PlainSafe(text) ? text : Quote(text));
                    _ = flow;
                    return;
            }
        }

        private string Quote(string value)
        {
            var q = new StringBuilder("\"");
            foreach (var ch in value)
            {
                if (options.EscapeShare > 0 && options.Random.NextDouble() < options.EscapeShare)
                {
                    q.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    continue;
                }

                switch (ch)
                {
                    case '"': q.Append("\\\""); break;
                    case '\\': q.Append("\\\\"); break;
                    case '\n': q.Append("\\n"); break;
                    case '\r': q.Append("\\r"); break;
                    case '\t': q.Append("\\t"); break;
                    default:
                        if (ch < ' ' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029' || ch == '\uFEFF' || char.IsSurrogate(ch))
                        {
                            q.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            q.Append(ch);
                        }

                        break;
                }
            }

            return q.Append('"').ToString();
        }

        // ---- block YAML ----
        private void Block(YamlNode node, int indent, bool atLineStart, bool allowShort = true)
        {
            Spend();
            var intrinsic = Intrinsic(node);
            string? tag = null;
            var content = node;
            if (intrinsic != null && intrinsic.Value.FromTag)
            {
                if ((options.ShortIntrinsics && allowShort) || (node.IsScalar && allowShort))
                {
                    tag = node.Tag;
                }
                else
                {
                    // Long form: a mapping with the function as its one key.
                    Open(indent, atLineStart);
                    sb.Append(Key(intrinsic.Value.Name)).Append(':');
                    BlockValue(node, indent + 2, untag: true);
                    return;
                }
            }
            else if (intrinsic != null && options.ShortIntrinsics && allowShort && intrinsic.Value.Name != "Condition" && intrinsic.Value.Argument.Tag == null)
            {
                tag = ShortTag(intrinsic.Value.Name);
                content = intrinsic.Value.Argument;
            }

            if (tag != null)
            {
                if (!atLineStart)
                {
                    sb.Append(' ');
                }

                sb.Append(tag);
                if (content.IsScalar)
                {
                    sb.Append(' ');
                    Scalar(content, flow: false);
                    return;
                }

                if (content != node && Intrinsic(content) != null)
                {
                    // A node has one tag: an intrinsic right inside a short form keeps its long form.
                    Block(content, indent, atLineStart: false, allowShort: false);
                    return;
                }

                Collection(content, indent, atLineStart: false);
                return;
            }

            if (node.IsScalar)
            {
                if (!atLineStart)
                {
                    sb.Append(' ');
                }

                Scalar(node, flow: false);
                return;
            }

            Collection(node, indent, atLineStart);
        }

        private void BlockValue(YamlNode node, int indent, bool untag)
        {
            if (untag)
            {
                if (node.IsScalar)
                {
                    sb.Append(' ');
                    Scalar(node, flow: false);
                    return;
                }

                Collection(node, indent, atLineStart: false);
                return;
            }

            Block(node, indent, atLineStart: false);
        }

        private void Collection(YamlNode node, int indent, bool atLineStart)
        {
            if (node.IsSequence)
            {
                if (node.Items.Count == 0)
                {
                    sb.Append(atLineStart ? "[]" : " []");
                    return;
                }

                foreach (var item in node.Items)
                {
                    Line(indent);
                    sb.Append('-');
                    if (item.IsScalar || Intrinsic(item) != null)
                    {
                        Block(item, indent + 2, atLineStart: false);
                    }
                    else
                    {
                        Collection(item, indent + 2, atLineStart: false);
                    }
                }

                return;
            }

            var pairs = PairsOf(node).ToList();
            if (pairs.Count == 0)
            {
                sb.Append(atLineStart ? "{}" : " {}");
                return;
            }

            foreach (var pair in pairs)
            {
                Line(indent);
                sb.Append(Key(pair.Key.Text)).Append(':');
                Block(pair.Value, indent + 2, atLineStart: false);
            }
        }

        private void Open(int indent, bool atLineStart)
        {
            if (!atLineStart)
            {
                Line(indent);
            }
        }

        private void Line(int indent)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(' ', indent);
        }
    }
}
