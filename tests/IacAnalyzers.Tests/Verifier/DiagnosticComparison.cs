using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// Compares expected with actual diagnostics as sets: a maximum matching between the two lists, then a report
    /// of what is missing and what is unexpected, each with its closest counterpart and what differs.
    /// </summary>
    internal static class DiagnosticComparison
    {
        public static void Verify(
            string stateName,
            IReadOnlyList<DiagnosticResult> expected,
            IReadOnlyList<Diagnostic> actual,
            IReadOnlyDictionary<string, SourceText> texts)
        {
            var matchOfActual = new int[actual.Count];
            Array.Fill(matchOfActual, -1);
            for (var e = 0; e < expected.Count; e++)
            {
                TryAugment(e, new bool[actual.Count], expected, actual, matchOfActual);
            }

            var matchedExpected = new HashSet<int>(matchOfActual.Where(m => m >= 0));
            var missing = Enumerable.Range(0, expected.Count).Where(e => !matchedExpected.Contains(e)).ToList();
            var unexpected = Enumerable.Range(0, actual.Count).Where(a => matchOfActual[a] < 0).ToList();
            if (missing.Count == 0 && unexpected.Count == 0)
            {
                return;
            }

            var message = new StringBuilder();
            message.Append("Diagnostics of ").Append(stateName).Append(" do not match: expected ")
                .Append(expected.Count.ToString(CultureInfo.InvariantCulture)).Append(", actual ")
                .Append(actual.Count.ToString(CultureInfo.InvariantCulture)).Append(" (")
                .Append(missing.Count.ToString(CultureInfo.InvariantCulture)).Append(" missing, ")
                .Append(unexpected.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" unexpected).");

            message.AppendLine().AppendLine("Expected:");
            AppendList(message, expected.Select(e => e.ToString()));
            message.AppendLine("Actual:");
            AppendList(message, actual.Select(Format));

            if (missing.Count > 0)
            {
                message.AppendLine().AppendLine("Missing (expected but not reported):");
                foreach (var e in missing)
                {
                    var result = expected[e];
                    message.Append("  ").AppendLine(result.ToString());
                    if (result.HasLocation)
                    {
                        AppendSnippet(message, texts, result.Locations[0].Path, result.Locations[0].Span, result.Locations[0].IgnoreLength);
                    }

                    var closest = unexpected.Select(a => actual[a]).Concat(actual)
                        .Where(d => d.Id == result.Id)
                        .OrderBy(d => Differences(result, d).Count)
                        .FirstOrDefault();
                    if (closest != null)
                    {
                        message.Append("    closest actual: ").AppendLine(Format(closest));
                        foreach (var difference in Differences(result, closest))
                        {
                            message.Append("      differs in ").AppendLine(difference);
                        }
                    }
                }
            }

            if (unexpected.Count > 0)
            {
                message.AppendLine().AppendLine("Unexpected (reported but not expected):");
                foreach (var a in unexpected)
                {
                    var diagnostic = actual[a];
                    message.Append("  ").AppendLine(Format(diagnostic));
                    if (diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile)
                    {
                        var span = diagnostic.Location.GetLineSpan();
                        AppendSnippet(message, texts, span.Path, span.Span, ignoreLength: false);
                    }

                    message.Append("    as code: ").AppendLine(AsCode(diagnostic));
                }
            }

            throw new VerifierException(message.ToString());
        }

        /// <summary>The compiler's console format plus the end position: <c>path(l,c,el,ec): warning ID: message</c>.</summary>
        public static string Format(Diagnostic diagnostic)
        {
            var builder = new StringBuilder();
            if (diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile)
            {
                var span = diagnostic.Location.GetLineSpan();
                builder.Append(span.Path).Append('(').Append(Position(span.Span)).Append("): ");
            }
            else
            {
                builder.Append("<no location>: ");
            }

            builder.Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ').Append(diagnostic.Id).Append(": ")
                .Append(diagnostic.GetMessage(CultureInfo.InvariantCulture));
            if (diagnostic.IsSuppressed)
            {
                builder.Append(" [suppressed]");
            }

            return builder.ToString();
        }

        public static bool Matches(DiagnosticResult expected, Diagnostic actual) =>
            expected.Id == actual.Id && Differences(expected, actual).Count == 0;

        /// <summary>What differs between an expectation and a diagnostic with the same id ("span ...", "message ...").</summary>
        public static List<string> Differences(DiagnosticResult expected, Diagnostic actual)
        {
            var differences = new List<string>();
            if (expected.Id != actual.Id)
            {
                differences.Add("id (expected " + expected.Id + ", actual " + actual.Id + ")");
            }

            if (!expected.HasLocation)
            {
                if (actual.Location != Location.None)
                {
                    differences.Add("location (expected none, actual " + actual.Location.GetLineSpan().Path + "(" + Position(actual.Location.GetLineSpan().Span) + "))");
                }
            }
            else
            {
                CompareLocation("location", expected.Locations[0], actual.Location, differences);
                if (expected.Locations.Length > 1)
                {
                    var additional = actual.AdditionalLocations;
                    if (additional.Count != expected.Locations.Length - 1)
                    {
                        differences.Add("additional location count (expected " + (expected.Locations.Length - 1).ToString(CultureInfo.InvariantCulture)
                            + ", actual " + additional.Count.ToString(CultureInfo.InvariantCulture) + ")");
                    }
                    else
                    {
                        for (var i = 1; i < expected.Locations.Length; i++)
                        {
                            CompareLocation("additional location " + i.ToString(CultureInfo.InvariantCulture), expected.Locations[i], additional[i - 1], differences);
                        }
                    }
                }
            }

            if (expected.Severity is DiagnosticSeverity severity && severity != actual.Severity)
            {
                differences.Add("severity (expected " + severity.ToString().ToLowerInvariant() + ", actual " + actual.Severity.ToString().ToLowerInvariant() + ")");
            }

            var expectedMessage = expected.ExpectedMessage(actual.Descriptor.MessageFormat);
            if (expectedMessage != null)
            {
                var actualMessage = actual.GetMessage(CultureInfo.InvariantCulture);
                if (!string.Equals(expectedMessage, actualMessage, StringComparison.Ordinal))
                {
                    differences.Add((expected.Message != null ? "message" : "message from arguments") + " (expected \"" + expectedMessage + "\", actual \"" + actualMessage + "\")");
                }
            }

            if (expected.IsSuppressed is bool suppressed && suppressed != actual.IsSuppressed)
            {
                differences.Add("suppression (expected " + (suppressed ? "suppressed" : "not suppressed") + ", actual " + (actual.IsSuppressed ? "suppressed" : "not suppressed") + ")");
            }

            return differences;
        }

        private static void CompareLocation(string what, DiagnosticLocation expected, Location actual, List<string> differences)
        {
            if (!actual.IsInSource && actual.Kind != LocationKind.ExternalFile)
            {
                differences.Add(what + " (expected " + expected + ", actual none)");
                return;
            }

            var span = actual.GetLineSpan();
            if (!string.Equals(expected.Path, span.Path, StringComparison.Ordinal))
            {
                differences.Add(what + " file (expected " + expected.Path + ", actual " + span.Path + ")");
                return;
            }

            var sameStart = expected.Span.Start == span.StartLinePosition;
            var sameEnd = expected.IgnoreLength || expected.Span.End == span.EndLinePosition;
            if (!sameStart || !sameEnd)
            {
                differences.Add(what + " span (expected (" + Position(expected.Span, expected.IgnoreLength) + "), actual (" + Position(span.Span) + "))");
            }
        }

        private static bool TryAugment(int e, bool[] visited, IReadOnlyList<DiagnosticResult> expected, IReadOnlyList<Diagnostic> actual, int[] matchOfActual)
        {
            for (var a = 0; a < actual.Count; a++)
            {
                if (visited[a] || !Matches(expected[e], actual[a]))
                {
                    continue;
                }

                visited[a] = true;
                if (matchOfActual[a] < 0 || TryAugment(matchOfActual[a], visited, expected, actual, matchOfActual))
                {
                    matchOfActual[a] = e;
                    return true;
                }
            }

            return false;
        }

        private static string AsCode(Diagnostic diagnostic)
        {
            var builder = new StringBuilder("Diagnostic(\"").Append(diagnostic.Id).Append("\")");
            if (diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile)
            {
                var span = diagnostic.Location.GetLineSpan();
                builder.Append(".WithSpan(\"").Append(span.Path).Append("\", ")
                    .Append((span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture)).Append(", ")
                    .Append((span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture)).Append(", ")
                    .Append((span.EndLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture)).Append(", ")
                    .Append((span.EndLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            if (diagnostic.Severity != diagnostic.DefaultSeverity)
            {
                builder.Append(".WithSeverity(DiagnosticSeverity.").Append(diagnostic.Severity).Append(')');
            }

            builder.Append(".WithMessage(\"").Append(diagnostic.GetMessage(CultureInfo.InvariantCulture).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\")");
            if (diagnostic.IsSuppressed)
            {
                builder.Append(".WithIsSuppressed(true)");
            }

            return builder.ToString();
        }

        private static void AppendList(StringBuilder message, IEnumerable<string> lines)
        {
            var any = false;
            foreach (var line in lines)
            {
                message.Append("  ").AppendLine(line);
                any = true;
            }

            if (!any)
            {
                message.AppendLine("  (none)");
            }
        }

        /// <summary>The source line of a location with a caret underline, when the text is known.</summary>
        private static void AppendSnippet(StringBuilder message, IReadOnlyDictionary<string, SourceText> texts, string path, LinePositionSpan span, bool ignoreLength)
        {
            if (!texts.TryGetValue(path, out var text) || span.Start.Line >= text.Lines.Count)
            {
                return;
            }

            var line = text.Lines[span.Start.Line];
            var content = line.ToString();
            var start = Math.Min(span.Start.Character, content.Length);
            var end = ignoreLength ? start + 1 : span.End.Line == span.Start.Line ? Math.Min(span.End.Character, content.Length) : content.Length;
            var number = (span.Start.Line + 1).ToString(CultureInfo.InvariantCulture).PadLeft(5);
            message.Append("    ").Append(number).Append(" | ").AppendLine(content.Replace('\t', ' '));
            message.Append("    ").Append(' ', number.Length).Append(" | ").Append(' ', start).AppendLine(new string('^', Math.Max(1, end - start)));
        }

        private static string Position(LinePositionSpan span, bool ignoreLength = false)
        {
            var text = (span.Start.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (span.Start.Character + 1).ToString(CultureInfo.InvariantCulture);
            return ignoreLength
                ? text
                : text + "," + (span.End.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (span.End.Character + 1).ToString(CultureInfo.InvariantCulture);
        }
    }
}
