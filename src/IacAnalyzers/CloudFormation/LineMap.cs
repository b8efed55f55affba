using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>Offsets to 0-based line/column positions for one text (\n, \r\n, \r, U+0085, U+2028 and U+2029 end lines, as in Roslyn).</summary>
    public sealed class LineMap
    {
        private readonly List<int> lineStarts = new List<int> { 0 };
        private readonly int length;

        public LineMap(string path, string text)
        {
            Path = path;
            length = text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    lineStarts.Add(i + 1);
                }
                else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    // The line breaks Roslyn's SourceText knows, so positions match what editors and build logs show.
                    lineStarts.Add(i + 1);
                }
            }
        }

        public string Path { get; }

        public int Length => length;

        public SourceLocation Span(int start, int end)
        {
            if (start < 0)
            {
                start = 0;
            }

            if (start > length)
            {
                start = length;
            }

            if (end < start)
            {
                end = start;
            }

            if (end > length)
            {
                end = length;
            }

            var (sl, sc) = Position(start);
            var (el, ec) = Position(end);
            return new SourceLocation(Path, start, end - start, sl, sc, el, ec);
        }

        public (int Line, int Column) Position(int offset)
        {
            var lo = 0;
            var hi = lineStarts.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (lineStarts[mid] <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return (lo, offset - lineStarts[lo]);
        }
    }
}
