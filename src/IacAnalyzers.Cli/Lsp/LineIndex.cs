using System;
using System.Collections.Generic;

namespace IacAnalyzers.Cli.Lsp
{
    /// <summary>
    /// Offsets of a text (UTF-16 code units, as the engine reports them) to LSP positions and back. LSP counts lines
    /// at <c>\n</c>, <c>\r\n</c> and <c>\r</c>, and characters in UTF-16 code units (the default position encoding),
    /// so a position's character is the offset from its line's start.
    /// </summary>
    public sealed class LineIndex
    {
        private readonly int[] starts;
        private readonly int length;
        private readonly string text;

        public LineIndex(string text)
        {
            this.text = text;
            length = text.Length;
            var list = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var ch = text[i];
                if (ch == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    list.Add(i + 1);
                }
                else if (ch == '\n')
                {
                    list.Add(i + 1);
                }
            }

            starts = list.ToArray();
        }

        public int LineCount => starts.Length;

        public (int Line, int Character) Position(int offset)
        {
            offset = Math.Clamp(offset, 0, length);
            var line = Array.BinarySearch(starts, offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            return (line, offset - starts[line]);
        }

        /// <summary>The offset of a position; a character past the line's end means the end of the line.</summary>
        public int Offset(int line, int character)
        {
            if (line < 0)
            {
                return 0;
            }

            if (line >= starts.Length)
            {
                return length;
            }

            var lineEnd = line + 1 < starts.Length ? starts[line + 1] : length;
            while (lineEnd > starts[line] && (text[lineEnd - 1] == '\n' || text[lineEnd - 1] == '\r'))
            {
                lineEnd--;
            }

            return Math.Min(starts[line] + Math.Max(character, 0), lineEnd);
        }
    }
}
