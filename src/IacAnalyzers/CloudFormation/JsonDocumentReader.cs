using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// A small strict JSON reader producing the same <see cref="YamlNode"/> trees (same offsets, styles and texts) as
    /// <see cref="YamlDocumentReader"/> does for JSON, several times faster (cdk.out templates are JSON and the largest
    /// we see). It accepts only RFC 8259 JSON: anything else (comments, YAML flow syntax) makes it give up, and the YAML
    /// reader, whose language is a superset, decides. No recursion; nesting depth bounded like the YAML reader.
    /// </summary>
    public static class JsonDocumentReader
    {
        /// <summary>The document, or null when the text is not strict JSON (then read it as YAML).</summary>
        public static YamlDocument? TryRead(string text, CancellationToken cancellationToken)
        {
            var reader = new Reader(text, cancellationToken);
            try
            {
                return reader.Read();
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private sealed class Reader
        {
            private readonly string text;
            private readonly CancellationToken cancellationToken;
            private readonly StringBuilder buffer = new StringBuilder();
            private readonly OpenChildren children = new OpenChildren();
            private int pos;
            private int nodes;

            public Reader(string text, CancellationToken cancellationToken)
            {
                this.text = text;
                this.cancellationToken = cancellationToken;
            }

            public YamlDocument Read()
            {
                SkipSpace();
                if (pos < text.Length && text[pos] == '\uFEFF')
                {
                    pos++;
                    SkipSpace();
                }

                var stack = new List<OpenCollection>();
                YamlNode? root = null;
                while (true)
                {
                    if ((nodes & 1023) == 1023)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    // A value is expected here.
                    SkipSpace();
                    if (pos >= text.Length)
                    {
                        throw new FormatException();
                    }

                    YamlNode node;
                    var c = text[pos];
                    if (c == '{' || c == '[')
                    {
                        if (stack.Count >= TemplateLimits.MaxDepth)
                        {
                            return new YamlDocument(null, nodes, "collections are nested deeper than " + TemplateLimits.MaxDepth + " levels", pos);
                        }

                        var mapping = c == '{';
                        node = new YamlNode(mapping ? NodeKind.Mapping : NodeKind.Sequence, null, pos, NodeStyle.Flow) { ContentStart = pos };
                        nodes++;
                        pos++;
                        Attach(stack, ref root, node);
                        stack.Add(new OpenCollection(node, children.Mark(node)));
                        SkipSpace();
                        if (pos < text.Length && text[pos] == (mapping ? '}' : ']'))
                        {
                            pos++;
                            Close(stack);
                        }
                        else if (mapping)
                        {
                            ReadKey(stack[stack.Count - 1]);
                            continue;
                        }
                        else
                        {
                            continue;
                        }
                    }
                    else
                    {
                        node = Scalar();
                        nodes++;
                        Attach(stack, ref root, node);
                    }

                    // After a value: a separator or the end of containers.
                    while (true)
                    {
                        if (stack.Count == 0)
                        {
                            SkipSpace();
                            if (pos != text.Length)
                            {
                                throw new FormatException();
                            }

                            return new YamlDocument(root, nodes, null, 0);
                        }

                        SkipSpace();
                        if (pos >= text.Length)
                        {
                            throw new FormatException();
                        }

                        var frame = stack[stack.Count - 1];
                        var mapping = frame.Node.IsMapping;
                        var ch = text[pos];
                        if (ch == ',')
                        {
                            pos++;
                            if (mapping)
                            {
                                ReadKey(frame);
                            }

                            break;
                        }

                        if (ch == (mapping ? '}' : ']'))
                        {
                            pos++;
                            Close(stack);
                            continue;
                        }

                        throw new FormatException();
                    }
                }
            }

            /// <summary>Closes the innermost collection at <see cref="pos"/> (just after its bracket) and records its height.</summary>
            private void Close(List<OpenCollection> stack) => OpenCollection.CloseInnermost(stack, children).End = pos;

            private void ReadKey(OpenCollection frame)
            {
                SkipSpace();
                if (pos >= text.Length || text[pos] != '"')
                {
                    throw new FormatException();
                }

                frame.PendingKey = String();
                nodes++;
                SkipSpace();
                if (pos >= text.Length || text[pos] != ':')
                {
                    throw new FormatException();
                }

                pos++;
            }

            private void Attach(List<OpenCollection> stack, ref YamlNode? root, YamlNode node)
            {
                if (stack.Count == 0)
                {
                    root = node;
                    return;
                }

                var frame = stack[stack.Count - 1];
                if (frame.Node.IsSequence)
                {
                    children.AddItem(node);
                }
                else
                {
                    children.AddPair(frame.PendingKey!, node);
                    frame.PendingKey = null;
                }
            }

            private YamlNode Scalar()
            {
                var c = text[pos];
                if (c == '"')
                {
                    return String();
                }

                var start = pos;
                if (Match("true") || Match("false") || Match("null"))
                {
                    // The three literals: one string each, not one per occurrence (an Fn::If tree is mostly these).
                    var literal = pos - start == 5 ? "false" : text[start] == 't' ? "true" : "null";
                    return new YamlNode(NodeKind.Scalar, null, start, NodeStyle.Plain) { Text = literal, End = pos, ContentStart = start };
                }

                // Number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
                if (pos < text.Length && text[pos] == '-')
                {
                    pos++;
                }

                if (pos < text.Length && text[pos] == '0')
                {
                    pos++;
                }
                else if (!Digits())
                {
                    throw new FormatException();
                }

                if (pos < text.Length && text[pos] == '.')
                {
                    pos++;
                    if (!Digits())
                    {
                        throw new FormatException();
                    }
                }

                if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
                {
                    pos++;
                    if (pos < text.Length && (text[pos] == '+' || text[pos] == '-'))
                    {
                        pos++;
                    }

                    if (!Digits())
                    {
                        throw new FormatException();
                    }
                }

                return new YamlNode(NodeKind.Scalar, null, start, NodeStyle.Plain) { Text = text.Substring(start, pos - start), End = pos, ContentStart = start };
            }

            private bool Digits()
            {
                var start = pos;
                while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
                {
                    pos++;
                }

                return pos > start;
            }

            private bool Match(string word)
            {
                if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0)
                {
                    pos += word.Length;
                    return true;
                }

                return false;
            }

            private YamlNode String()
            {
                var start = pos;
                pos++;
                var runStart = pos;
                buffer.Clear();
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        throw new FormatException();
                    }

                    var c = text[pos];
                    if (c == '"')
                    {
                        string value;
                        if (buffer.Length == 0)
                        {
                            value = text.Substring(runStart, pos - runStart);
                        }
                        else
                        {
                            buffer.Append(text, runStart, pos - runStart);
                            value = buffer.ToString();
                        }

                        pos++;
                        return new YamlNode(NodeKind.Scalar, null, start, NodeStyle.DoubleQuoted) { Text = value, End = pos, ContentStart = start };
                    }

                    if (c < ' ')
                    {
                        // Control characters must be escaped in JSON (YAML would fold a raw line break).
                        throw new FormatException();
                    }

                    if (c != '\\')
                    {
                        pos++;
                        continue;
                    }

                    buffer.Append(text, runStart, pos - runStart);
                    if (pos + 1 >= text.Length)
                    {
                        throw new FormatException();
                    }

                    var e = text[pos + 1];
                    pos += 2;
                    switch (e)
                    {
                        case '"': buffer.Append('"'); break;
                        case '\\': buffer.Append('\\'); break;
                        case '/': buffer.Append('/'); break;
                        case 'b': buffer.Append('\b'); break;
                        case 'f': buffer.Append('\f'); break;
                        case 'n': buffer.Append('\n'); break;
                        case 'r': buffer.Append('\r'); break;
                        case 't': buffer.Append('\t'); break;
                        case 'u':
                            if (pos + 4 > text.Length || !int.TryParse(text.Substring(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            {
                                throw new FormatException();
                            }

                            pos += 4;
                            if (code >= 0xD800 && code <= 0xDFFF)
                            {
                                if (!LowHalfFollows(code, out var low))
                                {
                                    // A lone half: the YAML reader gives the one verdict and message (see UnicodeText).
                                    throw new FormatException();
                                }

                                buffer.Append((char)code);
                                code = low;
                                pos += 6;
                            }

                            buffer.Append((char)code);
                            break;
                        default:
                            throw new FormatException();
                    }

                    runStart = pos;
                }
            }

            /// <summary>True when <paramref name="code"/> is a high half and the escape at <see cref="pos"/> is its low half.</summary>
            private bool LowHalfFollows(int code, out int low)
            {
                low = 0;
                return code <= 0xDBFF && pos + 6 <= text.Length && text[pos] == '\\' && text[pos + 1] == 'u'
                       && int.TryParse(text.Substring(pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out low)
                       && low >= 0xDC00 && low <= 0xDFFF;
            }

            private void SkipSpace()
            {
                while (pos < text.Length)
                {
                    var c = text[pos];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                    {
                        pos++;
                    }
                    else
                    {
                        return;
                    }
                }
            }
        }
    }
}

namespace IacAnalyzers.CloudFormation
{
    /// <summary>The one way to parse a template's text: strict JSON through the fast reader, everything else as YAML.</summary>
    public static class TemplateDocuments
    {
        public static YamlDocument Parse(string text, CancellationToken cancellationToken)
        {
            if (StartsLikeJson(text) && JsonDocumentReader.TryRead(text, cancellationToken) is YamlDocument json)
            {
                return json;
            }

            return YamlDocumentReader.Read(text, cancellationToken);
        }

        private static bool StartsLikeJson(string text)
        {
            foreach (var c in text)
            {
                if (c == '{')
                {
                    return true;
                }

                if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF'))
                {
                    return false;
                }
            }

            return false;
        }
    }
}
