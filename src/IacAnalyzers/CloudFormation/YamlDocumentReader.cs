using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>The node tree of the first document of a YAML or JSON text, or the reason it could not be read.</summary>
    public sealed class YamlDocument
    {
        internal YamlDocument(YamlNode? root, int nodeCount, string? error, int errorOffset)
        {
            Root = root;
            NodeCount = nodeCount;
            Error = error;
            ErrorOffset = errorOffset;
        }

        /// <summary>The root node; null for an empty document or when <see cref="Error"/> is set.</summary>
        public YamlNode? Root { get; }

        /// <summary>Nodes created (aliases not counted): a measure of the document's real size.</summary>
        public int NodeCount { get; }

        public string? Error { get; }

        public int ErrorOffset { get; }
    }

    /// <summary>
    /// Reads YAML (and JSON, which YamlDotNet's parser reads faithfully: tabs, <c>\/</c>, surrogate escapes, duplicate
    /// keys, big numbers) into <see cref="YamlNode"/>s with exact offsets, from the parser's event stream. No recursion:
    /// nesting depth is bounded by <see cref="TemplateLimits.MaxDepth"/> and aliases are shared, never copied, so an
    /// alias bomb costs what its text costs. An alias to a collection still being read (a cycle) and aliases that nest
    /// deeper than the limit once expanded stop the read with an error, so every walker of the tree is bounded. Comments are skipped (fix writers read them from the text).
    /// </summary>
    public static class YamlDocumentReader
    {
        public static YamlDocument Read(string text, CancellationToken cancellationToken)
        {
            var original = text;
            text = UnicodeText.HideLineBreakLookalikes(text, out var hidden);
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var stack = new List<OpenCollection>();
            var children = new OpenChildren();
            YamlNode? root = null;
            var nodes = 0;
            var events = 0;
            var documents = 0;
            var lastOffset = 0;
            try
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                    if ((++events & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var current = parser.Current!;
                    lastOffset = Offset(current.End);
                    switch (current)
                    {
                        case DocumentStart _:
                            documents++;
                            if (documents > 1)
                            {
                                // Only the first document is a template; CloudFormation rejects streams anyway.
                                return new YamlDocument(root, nodes, null, 0);
                            }

                            break;
                        case Scalar scalar:
                        {
                            var node = new YamlNode(NodeKind.Scalar, TagOf(scalar.Tag), Offset(scalar.Start), StyleOf(scalar.Style))
                            {
                                Text = hidden ? UnicodeText.Restore(scalar.Value ?? string.Empty) : scalar.Value ?? string.Empty,
                                End = Offset(scalar.End),
                            };
                            node.ContentStart = ContentStart(text, node.Start, node.End);
                            nodes++;
                            Remember(anchors, scalar.Anchor, node);
                            if (!Add(stack, children, ref root, node, out var error))
                            {
                                return Fail(nodes, error!, node.Start);
                            }

                            break;
                        }

                        case AnchorAlias alias:
                        {
                            var name = alias.Value.IsEmpty ? string.Empty : alias.Value.Value;
                            if (!anchors.TryGetValue(name, out var target))
                            {
                                return Fail(nodes, "the alias '*" + name + "' refers to no anchor defined before it", Offset(alias.Start));
                            }

                            if (target.IsOpen)
                            {
                                // `&p {Self: *p}`: the anchored collection would contain itself, an endless value.
                                return Fail(nodes, "the alias '*" + name + "' is inside the collection its anchor '&" + name + "' names, so the value would contain itself without end", Offset(alias.Start));
                            }

                            if (stack.Count + target.Height > TemplateLimits.MaxDepth)
                            {
                                // `- &a2 [*a1]` chains: each alias wraps the previous one, so the value nests deeper than its text.
                                return Fail(nodes, "the alias '*" + name + "' nests collections deeper than " + TemplateLimits.MaxDepth + " levels once aliases are expanded", Offset(alias.Start));
                            }

                            target.IsAliased = true;
                            if (!Add(stack, children, ref root, target, out var error))
                            {
                                return Fail(nodes, error!, Offset(alias.Start));
                            }

                            if (stack.Count > 0)
                            {
                                var parent = stack[stack.Count - 1];
                                parent.MaxChildHeight = Math.Max(parent.MaxChildHeight, target.Height);
                            }

                            break;
                        }

                        case SequenceStart seq:
                        {
                            var flow = seq.Style == SequenceStyle.Flow;
                            var node = new YamlNode(NodeKind.Sequence, TagOf(seq.Tag), Offset(seq.Start), flow ? NodeStyle.Flow : NodeStyle.Block);
                            node.ContentStart = flow ? Offset(seq.End) : node.Start;
                            node.End = node.ContentStart;
                            if (!Open(stack, children, ref root, anchors, seq.Anchor, node, ref nodes, out var error))
                            {
                                return Fail(nodes, error!, node.Start);
                            }

                            break;
                        }

                        case MappingStart map:
                        {
                            var flow = map.Style == MappingStyle.Flow;
                            var node = new YamlNode(NodeKind.Mapping, TagOf(map.Tag), Offset(map.Start), flow ? NodeStyle.Flow : NodeStyle.Block);
                            node.ContentStart = flow ? Offset(map.End) : node.Start;
                            node.End = node.ContentStart;
                            if (!Open(stack, children, ref root, anchors, map.Anchor, node, ref nodes, out var error))
                            {
                                return Fail(nodes, error!, node.Start);
                            }

                            break;
                        }

                        case SequenceEnd _:
                        case MappingEnd _:
                        {
                            var node = OpenCollection.CloseInnermost(stack, children);
                            node.IsOpen = false;
                            if (node.IsFlow)
                            {
                                // The end event sits on the closing bracket.
                                node.End = Math.Min(text.Length, Offset(current.Start) + 1);
                            }
                            else
                            {
                                node.End = LastEnd(node);
                            }

                            break;
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (YamlException ex) when (ex.Message.IndexOf("surrogate", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return LoneSurrogate(original, nodes, Clamp(ex.Start.Index, text.Length), Describe(ex));
            }
            catch (YamlException ex)
            {
                return Fail(nodes, Describe(ex), Clamp(ex.Start.Index, text.Length));
            }
            catch (ArgumentException ex) when (ex.ParamName != null && ex.ParamName.IndexOf("surrogate", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // YamlDotNet pairs two escaped halves without checking them (`"\ud800\ud800"`).
                return LoneSurrogate(original, nodes, Math.Min(lastOffset, text.Length), "the text is not valid YAML or JSON after this point");
            }
            catch (Exception ex)
            {
                // YamlDotNet may throw other exception types on malformed input (an unclosed flow sequence gives an
                // InvalidOperationException): still a syntax problem, reported where the parser last made sense of it.
                // The parser's own exception text says nothing to the user (fuzzing found "Operation is not valid due to the
                // current state of the object"): the position is the message.
                _ = ex;
                return Fail(nodes, "the text is not valid YAML or JSON after this point (the parser could not go on here)", Math.Min(lastOffset, text.Length));
            }

            return new YamlDocument(root, nodes, null, 0);
        }

        /// <summary>The one verdict on lone surrogate escapes (see <see cref="UnicodeText"/>), at the escape.</summary>
        private static YamlDocument LoneSurrogate(string text, int nodes, int near, string fallback)
        {
            var at = UnicodeText.FindLoneSurrogateEscape(text, near, out var escape);
            if (at < 0)
            {
                at = UnicodeText.FindLoneSurrogateEscape(text, 0, out escape);
            }

            return at < 0 ? Fail(nodes, fallback, near) : Fail(nodes, UnicodeText.LoneSurrogateMessage(escape), at);
        }

        private static string Describe(YamlException ex)
        {
            var message = ex.Message;

            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the diagnostic has its own position.
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                var i = message.IndexOf("): ", StringComparison.Ordinal);
                if (i > 0)
                {
                    message = message.Substring(i + 3);
                }
            }

            return message;
        }

        private static YamlDocument Fail(int nodes, string error, int offset) => new YamlDocument(null, nodes, error, offset);

        private static int Clamp(long index, int length) => (int)Math.Min(Math.Max(index, 0), length);

        private static int Offset(Mark mark) => (int)Math.Min(Math.Max(mark.Index, 0), int.MaxValue);

        private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

        private static NodeStyle StyleOf(ScalarStyle style)
        {
            switch (style)
            {
                case ScalarStyle.SingleQuoted:
                    return NodeStyle.SingleQuoted;
                case ScalarStyle.DoubleQuoted:
                    return NodeStyle.DoubleQuoted;
                case ScalarStyle.Literal:
                    return NodeStyle.Literal;
                case ScalarStyle.Folded:
                    return NodeStyle.Folded;
                default:
                    return NodeStyle.Plain;
            }
        }

        /// <summary>Skips a leading tag and anchor (<c>!Ref x</c>, <c>&amp;a x</c>) to where the content starts.</summary>
        private static int ContentStart(string text, int start, int end)
        {
            var i = start;
            while (i < end && (text[i] == '!' || text[i] == '&'))
            {
                while (i < end && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }

            return i < end ? i : start;
        }

        private static int LastEnd(YamlNode node)
        {
            if (node.Kind == NodeKind.Sequence && node.Items.Count > 0)
            {
                return Math.Max(node.End, node.Items[node.Items.Count - 1].End);
            }

            if (node.Kind == NodeKind.Mapping && node.Pairs.Count > 0)
            {
                var last = node.Pairs[node.Pairs.Count - 1];
                return Math.Max(node.End, Math.Max(last.Key.End, last.Value.End));
            }

            return node.End;
        }

        private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }
        }

        private static bool Open(List<OpenCollection> stack, OpenChildren children, ref YamlNode? root, Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node, ref int nodes, out string? error)
        {
            nodes++;
            if (stack.Count >= TemplateLimits.MaxDepth)
            {
                error = "collections are nested deeper than " + TemplateLimits.MaxDepth + " levels";
                return false;
            }

            Remember(anchors, anchor, node);
            if (!Add(stack, children, ref root, node, out error))
            {
                return false;
            }

            node.IsOpen = true;
            stack.Add(new OpenCollection(node, children.Mark(node)));
            return true;
        }

        private static bool Add(List<OpenCollection> stack, OpenChildren children, ref YamlNode? root, YamlNode node, out string? error)
        {
            error = null;
            if (stack.Count == 0)
            {
                root ??= node;
                return true;
            }

            var frame = stack[stack.Count - 1];
            var parent = frame.Node;
            if (parent.Kind == NodeKind.Sequence)
            {
                children.AddItem(node);
            }
            else if (frame.PendingKey == null)
            {
                frame.PendingKey = node;
            }
            else
            {
                children.AddPair(frame.PendingKey, node);
                frame.PendingKey = null;
            }

            return true;
        }
    }
}
