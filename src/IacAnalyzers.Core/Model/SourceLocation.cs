namespace IacAnalyzers.Model
{
    /// <summary>
    /// Where a value or resource came from: a file, a character span and its 0-based line/column bounds.
    /// Front-ends create these; the host turns them back into compiler locations. Line and column may be computed on
    /// first read (<see cref="ILineMap"/>): the C# front-end makes a location for every value it reads, and the compiler
    /// needs only the span of the few it reports, so most never pay for a line look-up.
    /// </summary>
    public sealed class SourceLocation
    {
        private readonly ILineMap? lineMap;
        private readonly object? spanSource;
        private int start;
        private int length;
        private volatile bool spanKnown;
        private int startLine;
        private int startColumn;
        private int endLine;
        private int endColumn;
        private volatile bool resolved;

        public SourceLocation(string path, int start, int length, int startLine, int startColumn, int endLine, int endColumn, object? anchor = null)
        {
            Path = path;
            this.start = start;
            this.length = length < 0 ? 0 : length;
            spanKnown = true;
            this.startLine = startLine;
            this.startColumn = startColumn;
            this.endLine = endLine;
            this.endColumn = endColumn;
            Anchor = anchor;
            resolved = true;
        }

        /// <summary>A location whose line and column <paramref name="lineMap"/> computes from the offsets when first read.</summary>
        public SourceLocation(string path, int start, int length, ILineMap lineMap, object? anchor)
        {
            Path = path;
            this.start = start;
            this.length = length < 0 ? 0 : length;
            spanKnown = true;
            this.lineMap = lineMap;
            Anchor = anchor;
        }

        /// <summary>
        /// A location whose span <paramref name="spans"/> computes from <paramref name="spanSource"/> (for C#, the syntax
        /// node) when first read, and its line and column after that. The C# front-end makes a location for every value it
        /// reads; the span of a node costs two walks of its green tree, and only the few reported ever need it.
        /// </summary>
        public SourceLocation(string path, ISpanMap spans, object? anchor, object spanSource)
        {
            Path = path;
            lineMap = spans;
            Anchor = anchor;
            this.spanSource = spanSource;
        }

        public string Path { get; }

        /// <summary>Offset of the first character, in UTF-16 code units of the document's text.</summary>
        public int Start
        {
            get
            {
                ResolveSpan();
                return start;
            }
        }

        public int Length
        {
            get
            {
                ResolveSpan();
                return length;
            }
        }

        public int End => Start + Length;

        /// <summary>0-based.</summary>
        public int StartLine
        {
            get
            {
                Resolve();
                return startLine;
            }
        }

        /// <summary>0-based, UTF-16 code units.</summary>
        public int StartColumn
        {
            get
            {
                Resolve();
                return startColumn;
            }
        }

        public int EndLine
        {
            get
            {
                Resolve();
                return endLine;
            }
        }

        public int EndColumn
        {
            get
            {
                Resolve();
                return endColumn;
            }
        }

        /// <summary>
        /// Front-end specific token that lets the host rebuild a precise location (for C#, the syntax tree).
        /// Rules never look at it.
        /// </summary>
        public object? Anchor { get; }

        public override string ToString() => Path + "(" + (StartLine + 1) + "," + (StartColumn + 1) + ")";

        private void ResolveSpan()
        {
            if (spanKnown)
            {
                return;
            }

            // As for the lines below: a race computes the same values twice; the volatile write publishes them.
            ((ISpanMap)lineMap!).Span(spanSource!, out var s, out var l);
            start = s;
            length = l < 0 ? 0 : l;
            spanKnown = true;
        }

        private void Resolve()
        {
            if (resolved)
            {
                return;
            }

            // Two threads may both compute: the same values, so the race is harmless; the volatile write publishes them.
            lineMap!.Position(Anchor, Start, out var sl, out var sc);
            lineMap.Position(Anchor, End, out var el, out var ec);
            startLine = sl;
            startColumn = sc;
            endLine = el;
            endColumn = ec;
            resolved = true;
        }
    }

    /// <summary>Offsets to 0-based line and UTF-16 column, for the text an anchor stands for (a syntax tree, a file).</summary>
    public interface ILineMap
    {
        void Position(object? anchor, int offset, out int line, out int column);
    }

    /// <summary>A line map that also gives the span of a source object (for C#, a syntax node) on demand.</summary>
    public interface ISpanMap : ILineMap
    {
        void Span(object source, out int start, out int length);
    }
}
