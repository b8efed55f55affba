namespace IacAnalyzers.Model
{
    /// <summary>
    /// Where a value or resource came from: a file, a character span and its 0-based line/column bounds.
    /// Front-ends create these; the host turns them back into compiler locations.
    /// </summary>
    public sealed class SourceLocation
    {
        public SourceLocation(string path, int start, int length, int startLine, int startColumn, int endLine, int endColumn, object? anchor = null)
        {
            Path = path;
            Start = start;
            Length = length < 0 ? 0 : length;
            StartLine = startLine;
            StartColumn = startColumn;
            EndLine = endLine;
            EndColumn = endColumn;
            Anchor = anchor;
        }

        public string Path { get; }

        /// <summary>Offset of the first character, in UTF-16 code units of the document's text.</summary>
        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>0-based.</summary>
        public int StartLine { get; }

        /// <summary>0-based, UTF-16 code units.</summary>
        public int StartColumn { get; }

        public int EndLine { get; }

        public int EndColumn { get; }

        /// <summary>
        /// Front-end specific token that lets the host rebuild a precise location (for C#, the syntax tree).
        /// Rules never look at it.
        /// </summary>
        public object? Anchor { get; }

        public override string ToString() => Path + "(" + (StartLine + 1) + "," + (StartColumn + 1) + ")";
    }
}
