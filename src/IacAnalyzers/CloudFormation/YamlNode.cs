using System;
using System.Collections.Generic;

namespace IacAnalyzers.CloudFormation
{
    public enum NodeKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>How a scalar was written; quoted scalars are always strings.</summary>
    public enum NodeStyle
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
        Block,
        Flow,
    }

    /// <summary>
    /// One node of a YAML or JSON document with exact offsets into the text. The tree is a DAG when YAML aliases are
    /// used (an alias is the anchored node itself), so walkers must bound their work (see <see cref="TemplateLimits"/>).
    /// </summary>
    public sealed class YamlNode
    {
        private static readonly IReadOnlyList<YamlNode> NoItems = new YamlNode[0];
        private static readonly IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> NoPairs = new KeyValuePair<YamlNode, YamlNode>[0];

        /// <summary>Mappings with more pairs than this get a key index on first look-up.</summary>
        private const int IndexThreshold = 16;

        private Dictionary<string, int>? keyIndex;

        internal YamlNode(NodeKind kind, string? tag, int start, NodeStyle style)
        {
            Kind = kind;
            Tag = tag;
            Start = start;
            End = start;
            Style = style;
            Text = string.Empty;
        }

        public NodeKind Kind { get; }

        /// <summary>
        /// The tag as written for local tags (<c>!Ref</c>, <c>!GetAtt</c>, <c>!</c>), or the expanded standard tag
        /// (<c>tag:yaml.org,2002:str</c>); null when the node has none.
        /// </summary>
        public string? Tag { get; }

        /// <summary>Offset of the first character (the tag or anchor included).</summary>
        public int Start { get; }

        /// <summary>Offset after the last character of the node's content (for block collections: of its last child).</summary>
        public int End { get; internal set; }

        /// <summary>Where the node's own content starts (after a tag or anchor; for flow collections the bracket).</summary>
        public int ContentStart { get; internal set; }

        public NodeStyle Style { get; }

        /// <summary>The scalar's value (escapes resolved, quotes removed); empty for collections.</summary>
        public string Text { get; internal set; }

        public IReadOnlyList<YamlNode> Items => ItemArray ?? NoItems;

        public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Pairs => PairArray ?? NoPairs;

        /// <summary>A sequence's items, exactly sized; set when the reader closes the sequence (see <see cref="OpenChildren"/>).</summary>
        internal YamlNode[]? ItemArray { get; set; }

        /// <summary>A mapping's pairs, exactly sized; set when the reader closes the mapping.</summary>
        internal KeyValuePair<YamlNode, YamlNode>[]? PairArray { get; set; }

        /// <summary>
        /// Collection levels from this node down to its deepest leaf, aliases followed (a scalar is 0, <c>[a]</c> is 1).
        /// The readers keep every document's height, plus the depth it sits at, within <see cref="TemplateLimits.MaxDepth"/>,
        /// so walkers of the tree (aliases expanded) never go deeper than that.
        /// </summary>
        public int Height { get; internal set; }

        /// <summary>True when an alias refers to this node: the value builder converts such shared nodes once.</summary>
        internal bool IsAliased { get; set; }

        /// <summary>True while the reader is still reading this collection's content (an alias to it would be a cycle).</summary>
        internal bool IsOpen { get; set; }

        public bool IsScalar => Kind == NodeKind.Scalar;

        public bool IsMapping => Kind == NodeKind.Mapping;

        public bool IsSequence => Kind == NodeKind.Sequence;

        public bool IsFlow => Style == NodeStyle.Flow;

        public bool IsQuoted => Style == NodeStyle.SingleQuoted || Style == NodeStyle.DoubleQuoted;

        /// <summary>A local tag such as <c>!Ref</c> (not <c>!</c> and not a standard <c>!!</c> tag).</summary>
        public bool HasLocalTag => Tag != null && Tag.Length > 1 && Tag[0] == '!';

        /// <summary>The value of a key of this mapping (last one wins, as in CloudFormation's JSON reader); null if absent.</summary>
        public YamlNode? Get(string key)
        {
            var i = IndexOf(key);
            return i < 0 ? null : PairArray![i].Value;
        }

        /// <summary>The key node of <paramref name="key"/> in this mapping, or null.</summary>
        public YamlNode? GetKey(string key)
        {
            var i = IndexOf(key);
            return i < 0 ? null : PairArray![i].Key;
        }

        /// <summary>
        /// The index of the last pair whose key is the scalar <paramref name="key"/>, or -1. Large mappings (thousands of
        /// parameters, a <c>Fn::Sub</c> variable map) are indexed on first use, so a look-up per reference stays cheap.
        /// </summary>
        private int IndexOf(string key)
        {
            var pairs = PairArray;
            if (pairs == null)
            {
                return -1;
            }

            if (pairs.Length > IndexThreshold && !IsOpen)
            {
                var index = keyIndex;
                if (index == null)
                {
                    index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        if (pairs[i].Key.Kind == NodeKind.Scalar)
                        {
                            index[pairs[i].Key.Text] = i;
                        }
                    }

                    // Any thread's index is as good as another's: publish the first.
                    index = System.Threading.Interlocked.CompareExchange(ref keyIndex, index, null) ?? index;
                }

                return index.TryGetValue(key, out var found) ? found : -1;
            }

            for (var i = pairs.Length - 1; i >= 0; i--)
            {
                var k = pairs[i].Key;
                if (k.Kind == NodeKind.Scalar && k.Text == key)
                {
                    return i;
                }
            }

            return -1;
        }

        public override string ToString() => Kind + (Tag != null ? " " + Tag : string.Empty) + " [" + Start + ".." + End + ")" + (IsScalar ? " " + Text : string.Empty);
    }

    /// <summary>
    /// A collection a reader has open (both readers keep a stack of them): its node, where its children start on the
    /// shared <see cref="OpenChildren"/> stack, the key waiting for its value (mappings), the tallest child so far.
    /// </summary>
    internal sealed class OpenCollection
    {
        public OpenCollection(YamlNode node, int mark)
        {
            Node = node;
            Mark = mark;
        }

        public YamlNode Node { get; }

        /// <summary>Where this collection's children start on the shared <see cref="OpenChildren"/> stack.</summary>
        public int Mark { get; }

        public YamlNode? PendingKey { get; set; }

        /// <summary>The largest <see cref="YamlNode.Height"/> among the children read so far.</summary>
        public int MaxChildHeight { get; set; }

        /// <summary>
        /// Closes the innermost collection of <paramref name="stack"/>: gives it its children, records its height and
        /// raises its parent's tallest child. Returns its node.
        /// </summary>
        public static YamlNode CloseInnermost(List<OpenCollection> stack, OpenChildren children)
        {
            var frame = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            children.Close(frame.Node, frame.Mark);
            frame.Node.Height = frame.MaxChildHeight + 1;
            if (stack.Count > 0)
            {
                var parent = stack[stack.Count - 1];
                parent.MaxChildHeight = Math.Max(parent.MaxChildHeight, frame.Node.Height);
            }

            return frame.Node;
        }
    }

    /// <summary>
    /// The children of the collections a reader has open, on one stack shared by all of them: a collection's children
    /// are always on top while it is open, so closing it moves them into one exactly sized array. Each collection costs
    /// the tree one array instead of a growing list (a list object plus an oversized array, and the arrays it outgrew):
    /// the node tree is what survives the reading, and what survives is what the garbage collector pays for.
    /// </summary>
    internal sealed class OpenChildren
    {
        private static readonly YamlNode[] NoItems = new YamlNode[0];
        private static readonly KeyValuePair<YamlNode, YamlNode>[] NoPairs = new KeyValuePair<YamlNode, YamlNode>[0];

        private readonly List<YamlNode> items = new List<YamlNode>();
        private readonly List<KeyValuePair<YamlNode, YamlNode>> pairs = new List<KeyValuePair<YamlNode, YamlNode>>();

        /// <summary>Where the children of a collection opened now will start (pass it to <see cref="Close"/>).</summary>
        public int Mark(YamlNode collection) => collection.Kind == NodeKind.Sequence ? items.Count : pairs.Count;

        public void AddItem(YamlNode item) => items.Add(item);

        public void AddPair(YamlNode key, YamlNode value) => pairs.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));

        /// <summary>Gives the innermost open collection its children (those added since <paramref name="mark"/>).</summary>
        public void Close(YamlNode collection, int mark)
        {
            if (collection.Kind == NodeKind.Sequence)
            {
                collection.ItemArray = Take(items, mark, NoItems);
            }
            else
            {
                collection.PairArray = Take(pairs, mark, NoPairs);
            }
        }

        private static T[] Take<T>(List<T> stack, int mark, T[] empty)
        {
            var count = stack.Count - mark;
            if (count == 0)
            {
                return empty;
            }

            var result = new T[count];
            stack.CopyTo(mark, result, 0, count);
            stack.RemoveRange(mark, count);
            return result;
        }
    }
}
