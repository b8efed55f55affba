using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Host
{
    /// <summary>Neutral locations to compiler locations and back.</summary>
    public static class Locations
    {
        public static Location ToLocation(SourceLocation location)
        {
            var span = new TextSpan(location.Start, location.Length);
            if (location.Anchor is SyntaxTree tree)
            {
                return Location.Create(tree, span);
            }

            var lines = new LinePositionSpan(
                new LinePosition(location.StartLine, location.StartColumn),
                new LinePosition(location.EndLine, location.EndColumn));
            return Location.Create(location.Path, span, lines);
        }

        /// <summary>A neutral location for a span of a text (an additional file).</summary>
        public static SourceLocation FromText(string path, SourceText text, TextSpan span)
        {
            var lines = text.Lines.GetLinePositionSpan(span);
            return new SourceLocation(path, span.Start, span.Length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
        }

        /// <summary>A neutral location for a C# node; the tree rides along as the anchor.</summary>
        /// <remarks>The node's span is computed when first read (most values' locations are never reported).</remarks>
        public static SourceLocation FromSyntax(SyntaxNode node)
        {
            var tree = node.SyntaxTree;
            return new SourceLocation(tree.FilePath, TreeLines.Instance, tree, node);
        }

        /// <summary>A neutral location for a span of a C# tree; its line and column are computed only if someone reads them.</summary>
        public static SourceLocation FromTree(SyntaxTree tree, TextSpan span)
            => new SourceLocation(tree.FilePath, span.Start, span.Length, TreeLines.Instance, tree);

        /// <summary>Line positions of a syntax tree (the location's anchor), as <see cref="SyntaxTree.GetLineSpan"/> gives them.</summary>
        private sealed class TreeLines : ISpanMap
        {
            public static readonly TreeLines Instance = new TreeLines();

            public void Span(object source, out int start, out int length)
            {
                var span = ((SyntaxNode)source).Span;
                start = span.Start;
                length = span.Length;
            }

            public void Position(object? anchor, int offset, out int line, out int column)
            {
                var position = ((SyntaxTree)anchor!).GetLineSpan(new TextSpan(offset, 0)).StartLinePosition;
                line = position.Line;
                column = position.Character;
            }
        }
    }
}
