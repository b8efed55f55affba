using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>What a markup span stands for.</summary>
    public enum MarkupSpanKind
    {
        /// <summary><c>[|...|]</c>: a diagnostic with the test's default id.</summary>
        DefaultDiagnostic,

        /// <summary><c>{|IAC1234:...|}</c>: a diagnostic with this id.</summary>
        Diagnostic,

        /// <summary><c>{|#0:...|}</c>: a location that <c>DiagnosticResult.WithLocation(0)</c> refers to.</summary>
        Location,
    }

    /// <summary>One span found in markup, in the coordinates of the text with all markup removed.</summary>
    public sealed class MarkupSpan
    {
        public MarkupSpan(MarkupSpanKind kind, string? id, int key, TextSpan span)
        {
            Kind = kind;
            Id = id;
            Key = key;
            Span = span;
        }

        public MarkupSpanKind Kind { get; }

        public string? Id { get; }

        public int Key { get; }

        public TextSpan Span { get; }
    }

    /// <summary>
    /// The markup language of Microsoft.CodeAnalysis.Testing, reduced to what diagnostics need:
    /// <c>[|text|]</c>, <c>{|ID:text|}</c> and <c>{|#n:text|}</c>, nestable. The same parser serves C# sources and
    /// YAML/JSON additional files. A <c>|]</c> closes the innermost <c>[|</c> and a <c>|}</c> the innermost <c>{|</c>;
    /// anything unbalanced is an error that names the file, line and column.
    /// </summary>
    public static class TestMarkup
    {
        public static (string Text, ImmutableArray<MarkupSpan> Spans) Parse(string input, string path)
        {
            var output = new StringBuilder(input.Length);
            var spans = ImmutableArray.CreateBuilder<MarkupSpan>();
            var open = new Stack<(char Kind, int Start, string? Name, int InputPosition)>();

            var i = 0;
            while (i < input.Length)
            {
                var c = input[i];
                var next = i + 1 < input.Length ? input[i + 1] : '\0';
                if (c == '[' && next == '|')
                {
                    open.Push(('[', output.Length, null, i));
                    i += 2;
                }
                else if (c == '{' && next == '|')
                {
                    var colon = input.IndexOf(':', i + 2);
                    var name = colon < 0 ? string.Empty : input.Substring(i + 2, colon - i - 2);
                    if (!IsValidName(name))
                    {
                        throw Error(input, path, i, "'{|' must be followed by an id or #key and ':' (e.g. {|IAC1234:text|} or {|#0:text|})");
                    }

                    open.Push(('{', output.Length, name, i));
                    i = colon + 1;
                }
                else if (c == '|' && (next == ']' || next == '}'))
                {
                    var expected = next == ']' ? '[' : '{';
                    if (open.Count == 0)
                    {
                        throw Error(input, path, i, "'|" + next + "' closes nothing");
                    }

                    var top = open.Pop();
                    if (top.Kind != expected)
                    {
                        throw Error(input, path, i, "'|" + next + "' closes the '" + top.Kind + "|' opened at " + Position(input, top.InputPosition));
                    }

                    var span = TextSpan.FromBounds(top.Start, output.Length);
                    if (top.Name == null)
                    {
                        spans.Add(new MarkupSpan(MarkupSpanKind.DefaultDiagnostic, null, 0, span));
                    }
                    else if (top.Name[0] == '#')
                    {
                        spans.Add(new MarkupSpan(MarkupSpanKind.Location, null, int.Parse(top.Name.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture), span));
                    }
                    else
                    {
                        spans.Add(new MarkupSpan(MarkupSpanKind.Diagnostic, top.Name, 0, span));
                    }

                    i += 2;
                }
                else
                {
                    output.Append(c);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                var top = open.Pop();
                throw Error(input, path, top.InputPosition, "'" + top.Kind + "|' is never closed");
            }

            return (output.ToString(), spans.ToImmutable());
        }

        private static bool IsValidName(string name)
        {
            if (name.Length == 0)
            {
                return false;
            }

            if (name[0] == '#')
            {
                if (name.Length == 1)
                {
                    return false;
                }

                for (var k = 1; k < name.Length; k++)
                {
                    if (name[k] < '0' || name[k] > '9')
                    {
                        return false;
                    }
                }

                return name.Length <= 10;
            }

            foreach (var ch in name)
            {
                if (!char.IsLetterOrDigit(ch) && ch != '_')
                {
                    return false;
                }
            }

            return true;
        }

        private static string Position(string input, int index)
        {
            var line = 1;
            var column = 1;
            for (var k = 0; k < index; k++)
            {
                if (input[k] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return "(" + line.ToString(CultureInfo.InvariantCulture) + "," + column.ToString(CultureInfo.InvariantCulture) + ")";
        }

        private static VerifierException Error(string input, string path, int index, string message) =>
            new VerifierException("Invalid markup in " + path + Position(input, index) + ": " + message + ".");
    }
}
