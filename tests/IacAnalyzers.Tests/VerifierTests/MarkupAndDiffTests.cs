using System.Linq;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.VerifierTests
{
    public class MarkupAndDiffTests
    {
        [Fact]
        public void Nested_markup_is_removed_and_spans_point_into_the_clean_text()
        {
            var (text, spans) = TestMarkup.Parse("{|A1:x [|y|] {|#3:z|}|}", "/0/T.cs");

            Assert.Equal("x y z", text);
            var byKind = spans.ToDictionary(s => s.Kind);
            Assert.Equal("y", text.Substring(byKind[MarkupSpanKind.DefaultDiagnostic].Span.Start, byKind[MarkupSpanKind.DefaultDiagnostic].Span.Length));
            Assert.Equal("z", text.Substring(byKind[MarkupSpanKind.Location].Span.Start, byKind[MarkupSpanKind.Location].Span.Length));
            Assert.Equal(3, byKind[MarkupSpanKind.Location].Key);
            Assert.Equal("A1", byKind[MarkupSpanKind.Diagnostic].Id);
            Assert.Equal(text, text.Substring(byKind[MarkupSpanKind.Diagnostic].Span.Start, byKind[MarkupSpanKind.Diagnostic].Span.Length));
        }

        [Fact]
        public void Text_without_markup_is_unchanged()
        {
            const string Yaml = "a: { b: [1, 2] }\nc: |\n  text | more\n";
            var (text, spans) = TestMarkup.Parse(Yaml, "/0/a.yaml");
            Assert.Equal(Yaml, text);
            Assert.Empty(spans);
        }

        [Fact]
        public void Stray_closer_is_an_error()
        {
            var exception = Assert.Throws<VerifierException>(() => TestMarkup.Parse("a\nb |}", "/0/x.yaml"));
            Assert.Contains("/0/x.yaml(2,3): '|}' closes nothing", exception.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Diff_shows_the_differing_lines_with_context()
        {
            var diff = TextDiff.Describe("/0/T.cs", "a\nb\nc\nd\n", "a\nb\nX\nd\n");
            Assert.Contains("/0/T.cs differs from the expected text at line 3:", diff, System.StringComparison.Ordinal);
            Assert.Contains("     2 | b", diff, System.StringComparison.Ordinal);
            Assert.Contains("-    3 | c", diff, System.StringComparison.Ordinal);
            Assert.Contains("+    3 | X", diff, System.StringComparison.Ordinal);
            Assert.Contains("     4 | d", diff, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Diff_makes_line_ending_differences_visible()
        {
            var diff = TextDiff.Describe("/0/T.cs", "a\r\nb\n", "a\nb\n");
            Assert.Contains("whitespace or line endings only", diff, System.StringComparison.Ordinal);
            Assert.Contains("-    1 | a\\r\\n", diff, System.StringComparison.Ordinal);
            Assert.Contains("+    1 | a\\n", diff, System.StringComparison.Ordinal);
        }
    }
}
