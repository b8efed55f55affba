using System.Linq;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Tests.ValueModel
{
    /// <summary>Span, line and column of a location are computed on first read, once, and agree with the compiler's.</summary>
    public sealed class SourceLocationTests
    {
        [Fact]
        public void Line_and_column_are_looked_up_only_when_read_and_only_once()
        {
            var map = new CountingMap();
            var location = new SourceLocation("a.cs", 12, 5, map, anchor: null);

            Assert.Equal(17, location.End);
            Assert.Equal(0, map.Calls);

            Assert.Equal(1, location.StartLine);
            Assert.Equal(2, location.StartColumn);
            Assert.Equal(1, location.EndLine);
            Assert.Equal(7, location.EndColumn);
            Assert.Equal("a.cs(2,3)", location.ToString());
            Assert.Equal(2, map.Calls); // start and end, once
        }

        [Fact]
        public void A_span_from_its_source_is_computed_only_when_read_and_only_once()
        {
            var map = new CountingMap();
            var location = new SourceLocation("a.cs", map, anchor: null, spanSource: "node");
            Assert.Equal(0, map.SpanCalls);
            Assert.Equal("a.cs", location.Path);

            Assert.Equal(12, location.Start);
            Assert.Equal(5, location.Length);
            Assert.Equal(17, location.End);
            Assert.Equal(1, map.SpanCalls);
            Assert.Equal(0, map.Calls);

            // Lines come from the span, once.
            Assert.Equal((1, 2, 1, 7), (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
            Assert.Equal(1, map.SpanCalls);
            Assert.Equal(2, map.Calls);
        }

        [Fact]
        public void A_CSharp_location_gives_the_compilers_line_span()
        {
            var text = "class C\r\n{\n    // é 😀\n    int x = 1; int y =\n        2;\n}\n";
            var tree = CSharpSyntaxTree.ParseText(text, path: "C.cs");
            foreach (var node in tree.GetRoot().DescendantNodesAndSelf())
            {
                var location = Locations.FromSyntax(node);
                var expected = tree.GetLineSpan(node.Span);
                Assert.Equal(
                    (expected.StartLinePosition.Line, expected.StartLinePosition.Character, expected.EndLinePosition.Line, expected.EndLinePosition.Character),
                    (location.StartLine, location.StartColumn, location.EndLine, location.EndColumn));
                Assert.Same(tree, location.Anchor);
                Assert.Equal(node.Span, new TextSpan(location.Start, location.Length));
            }

            Assert.True(tree.GetRoot().DescendantNodes().Count() > 10);
        }

        /// <summary>Offset n is line n / 10, column n % 10.</summary>
        private sealed class CountingMap : ISpanMap
        {
            public int Calls { get; private set; }

            public int SpanCalls { get; private set; }

            /// <summary>Any source spans offsets 12..17.</summary>
            public void Span(object source, out int start, out int length)
            {
                SpanCalls++;
                start = 12;
                length = 5;
            }

            public void Position(object? anchor, int offset, out int line, out int column)
            {
                Calls++;
                line = offset / 10;
                column = offset % 10;
            }
        }
    }
}
