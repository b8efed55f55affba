using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// A short, unified-style description of how two texts differ: the common head and tail are skipped, the
    /// differing middle is printed as <c>-</c> (expected) and <c>+</c> (actual) lines with two lines of context.
    /// When the differing lines only differ in invisible characters, they are printed with those made visible.
    /// </summary>
    public static class TextDiff
    {
        private const int Context = 2;
        private const int MaxLines = 40;

        public static string Describe(string path, string expected, string actual)
        {
            var e = SplitLines(expected);
            var a = SplitLines(actual);
            var prefix = 0;
            while (prefix < e.Count && prefix < a.Count && e[prefix] == a[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < e.Count - prefix && suffix < a.Count - prefix && e[e.Count - 1 - suffix] == a[a.Count - 1 - suffix])
            {
                suffix++;
            }

            var removed = e.Skip(prefix).Take(e.Count - prefix - suffix).ToList();
            var added = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
            var visible = removed.Count + added.Count > 0 && (removed.Select(TrimEnding).SequenceEqual(added.Select(TrimEnding), StringComparer.Ordinal)
                || removed.Select(l => l.TrimEnd()).SequenceEqual(added.Select(l => l.TrimEnd()), StringComparer.Ordinal));

            var builder = new StringBuilder();
            builder.Append(path).Append(" differs from the expected text at line ")
                .Append((prefix + 1).ToString(CultureInfo.InvariantCulture))
                .Append(visible ? " (whitespace or line endings only; shown escaped)" : string.Empty)
                .AppendLine(":");

            for (var i = Math.Max(0, prefix - Context); i < prefix; i++)
            {
                AppendLine(builder, ' ', i, e[i], visible);
            }

            var count = 0;
            for (var i = 0; i < removed.Count && count < MaxLines; i++, count++)
            {
                AppendLine(builder, '-', prefix + i, removed[i], visible);
            }

            for (var i = 0; i < added.Count && count < MaxLines; i++, count++)
            {
                AppendLine(builder, '+', prefix + i, added[i], visible);
            }

            if (count >= MaxLines)
            {
                builder.AppendLine("  ... (more differing lines)");
            }

            for (var i = e.Count - suffix; i < Math.Min(e.Count, e.Count - suffix + Context); i++)
            {
                AppendLine(builder, ' ', i, e[i], visible);
            }

            if (removed.Count == 0 && added.Count == 0)
            {
                builder.AppendLine("  (the texts differ only in their encoding or in an invisible character)");
            }

            return builder.ToString();
        }

        /// <summary>Lines with their line endings kept, so a CRLF/LF difference is a difference.</summary>
        private static List<string> SplitLines(string text)
        {
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines.Add(text.Substring(start, i - start + 1));
                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                lines.Add(text.Substring(start));
            }

            return lines;
        }

        private static string TrimEnding(string line) => line.TrimEnd('\n', '\r');

        private static void AppendLine(StringBuilder builder, char marker, int index, string line, bool visible)
        {
            var shown = visible
                ? line.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace(' ', '·')
                : TrimEnding(line);
            builder.Append(marker).Append(' ').Append((index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(" | ").AppendLine(shown);
        }
    }
}
