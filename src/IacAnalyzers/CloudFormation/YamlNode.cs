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

        public IReadOnlyList<YamlNode> Items => ItemList ?? NoItems;

        public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Pairs => PairList ?? NoPairs;

        internal List<YamlNode>? ItemList { get; set; }

        internal List<KeyValuePair<YamlNode, YamlNode>>? PairList { get; set; }

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
            if (PairList == null)
            {
                return null;
            }

            for (var i = PairList.Count - 1; i >= 0; i--)
            {
                var k = PairList[i].Key;
                if (k.Kind == NodeKind.Scalar && k.Text == key)
                {
                    return PairList[i].Value;
                }
            }

            return null;
        }

        /// <summary>The key node of <paramref name="key"/> in this mapping, or null.</summary>
        public YamlNode? GetKey(string key)
        {
            if (PairList == null)
            {
                return null;
            }

            for (var i = PairList.Count - 1; i >= 0; i--)
            {
                var k = PairList[i].Key;
                if (k.Kind == NodeKind.Scalar && k.Text == key)
                {
                    return k;
                }
            }

            return null;
        }

        public override string ToString() => Kind + (Tag != null ? " " + Tag : string.Empty) + " [" + Start + ".." + End + ")" + (IsScalar ? " " + Text : string.Empty);
    }
}
