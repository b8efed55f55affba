using System;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Where a finding goes when its value was reached through a YAML alias. The node tree shares an anchored node
    /// between every place that uses it (<c>Properties: *volprops</c>), so a value's location is the anchor's text, which
    /// may lie in another resource. A finding on resource B whose location lies outside B's text is moved to the alias
    /// in B's text that brought it in (the one whose anchor is the closest before the value). Without such an alias the
    /// location is kept (a rule may report on purpose where another resource is written).
    /// Linear in the resource's text; no recursion.
    /// </summary>
    internal static class AliasLocations
    {
        /// <summary>The location to report, or null when <paramref name="location"/> already lies in the resource's text.</summary>
        /// <param name="scanEnd">Where the resource's text ends (the next resource's key), or -1 for the end of the text.
        /// A node's own end is no guide: a mapping that ends with an alias ends where the anchored node does.</param>
        public static SourceLocation? Relocate(string text, TemplateResource resource, int scanEnd, SourceLocation location, LineMap lines)
        {
            var start = resource.Key.Start;
            var end = scanEnd < 0 || scanEnd > text.Length ? text.Length : scanEnd;
            if (location.Start >= start && location.End <= end)
            {
                return null;
            }

            var bestAlias = -1;
            var bestAliasEnd = -1;
            var bestAnchor = -1;
            for (var i = start; i < end; i++)
            {
                if (text[i] != '*' || (i > start && !IsAliasLead(text[i - 1])))
                {
                    continue;
                }

                var nameEnd = i + 1;
                while (nameEnd < end && IsNameChar(text[nameEnd]))
                {
                    nameEnd++;
                }

                if (nameEnd == i + 1)
                {
                    continue;
                }

                var anchor = FindAnchor(text, text.Substring(i + 1, nameEnd - i - 1), i);
                if (anchor >= 0 && anchor <= location.Start && anchor > bestAnchor)
                {
                    bestAnchor = anchor;
                    bestAlias = i;
                    bestAliasEnd = nameEnd;
                }

                i = nameEnd - 1;
            }

            return bestAlias >= 0 ? lines.Span(bestAlias, bestAliasEnd) : null;
        }

        /// <summary>The offset of the last <c>&amp;name</c> before <paramref name="before"/> that defines the anchor, or -1.</summary>
        private static int FindAnchor(string text, string name, int before)
        {
            var token = "&" + name;
            var at = before;
            while (at > 0)
            {
                var found = text.LastIndexOf(token, at - 1, StringComparison.Ordinal);
                if (found < 0)
                {
                    return -1;
                }

                var after = found + token.Length;
                if ((found == 0 || IsAliasLead(text[found - 1])) && (after >= text.Length || !IsNameChar(text[after])))
                {
                    return found;
                }

                at = found;
            }

            return -1;
        }

        private static bool IsAliasLead(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == ',' || c == '{' || c == ':' || c == '-';

        private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && c != ',' && c != '[' && c != ']' && c != '{' && c != '}';
    }
}
