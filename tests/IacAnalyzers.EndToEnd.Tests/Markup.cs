using System;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// One <c>[|...|]</c> span in a test file: the text without the markers, and the span's 1-based start and end
    /// (line, column), as a compiler reports them.
    /// </summary>
    public sealed record MarkedText(string Text, int Line, int StartColumn, int EndColumn)
    {
        public static MarkedText Parse(string markup)
        {
            var start = markup.IndexOf("[|", StringComparison.Ordinal);
            var end = markup.IndexOf("|]", StringComparison.Ordinal);
            if (start < 0 || end < start || markup.IndexOf("[|", start + 2, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException("Expected exactly one [|...|] span.", nameof(markup));
            }

            var text = markup.Remove(end, 2).Remove(start, 2);
            var before = text.Substring(0, start);
            var line = before.Split('\n').Length;
            var column = start - (before.LastIndexOf('\n') + 1) + 1;
            if (text.Substring(start, end - start - 2).Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException("The span must stay on one line.", nameof(markup));
            }

            return new MarkedText(text, line, column, column + (end - start - 2));
        }
    }
}
