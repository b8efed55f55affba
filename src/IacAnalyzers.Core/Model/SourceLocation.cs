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
        private int startLine;
        private int startColumn;
        private int endLine;
        private int endColumn;
        private volatile bool resolved;

        public SourceLocation(string path, int start, int length, int startLine, int startColumn, int endLine, int endColumn, object? anchor = null)
        {
            Path = path;
            Start = start;
            Length = length < 0 ? 0 : length;
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
            Start = start;
            Length = length < 0 ? 0 : length;
            this.lineMap = lineMap;
            Anchor = anchor;
        }

        public string Path { get; }

        /// <summary>Offset of the first character, in UTF-16 code units of the document's text.</summary>
        public int Start { get; }

        public int Length { get; }

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
}
