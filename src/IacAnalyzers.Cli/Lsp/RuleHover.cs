using System;
using System.Text;
using IacAnalyzers.Catalog;
using IacAnalyzers.Host;

namespace IacAnalyzers.Cli.Lsp
{
    /// <summary>The hover text of a finding: the rule's title, pillar and best practice, why it matters and how to fix it.</summary>
    public static class RuleHover
    {
        public static string Markdown(RuleInfo rule)
        {
            var sb = new StringBuilder();
            sb.Append("**").Append(rule.Id).Append(": ").Append(rule.Title).Append("**\n\n");
            if (rule.BestPractice.Length > 0)
            {
                sb.Append(Descriptors.PillarName(rule.Pillar)).Append(" · ").Append(rule.BestPractice);
                if (BestPractices.Title(rule.BestPractice) is string title)
                {
                    sb.Append(" *").Append(title).Append('*');
                }

                sb.Append("\n\n");
            }

            sb.Append(rule.Description).Append("\n\n");
            if (Section(RuleDocs.Markdown(rule), "Why it matters") is string why)
            {
                sb.Append("**Why it matters.** ").Append(why).Append("\n\n");
            }

            if (rule.Fix != null)
            {
                sb.Append("**How to fix.** ").Append(rule.Fix).Append("\n\n");
            }
            else if (rule.NoFixReason != null)
            {
                sb.Append("**How to fix.** ").Append(rule.NoFixReason).Append("\n\n");
            }

            sb.Append('[').Append(rule.Id).Append(" rule page](").Append(rule.HelpLink).Append(')');
            return sb.ToString();
        }

        /// <summary>The text of a <c>## heading</c> section of a rule page (up to the next heading), lines joined; null when absent.</summary>
        public static string? Section(string? page, string heading)
        {
            if (page == null)
            {
                return null;
            }

            var marker = "\n## " + heading + "\n";
            var start = page.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += marker.Length;
            var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
            var body = (end < 0 ? page.Substring(start) : page.Substring(start, end - start)).Trim();
            return body.Length == 0 ? null : body;
        }
    }
}
