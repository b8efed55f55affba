using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// Every applicable template fix of one text, with the IDE's template writer (<see cref="TemplateFixWriter"/>): the
    /// edits of one pass are computed on the same text and applied together; overlapping ones wait for the next pass,
    /// after a fresh analysis, up to <see cref="MaxPasses"/>. One home for <c>iac-analyzers fix</c> and the language
    /// server's "fix all" action.
    /// </summary>
    public static class TemplateFixAll
    {
        /// <summary>Passes over one text; each pass re-analyses the text once, so the work is bounded by this many analyses.</summary>
        public const int MaxPasses = 8;

        /// <summary>The text with every fix applied, and the number of fixes applied (0: the text is returned unchanged).</summary>
        public static (string Text, int Count) Apply(string path, string text, SeverityConfiguration severities, CancellationToken cancellationToken)
        {
            var applied = 0;
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (next, count) = Pass(path, text, severities, cancellationToken);
                if (count == 0)
                {
                    break;
                }

                applied += count;
                text = next;
            }

            return (text, applied);
        }

        /// <summary>One pass over a text: every applicable, non-overlapping fix of the current findings.</summary>
        public static (string Text, int Count) Pass(string path, string text, SeverityConfiguration severities, CancellationToken cancellationToken)
        {
            var analysis = TemplateEngine.Analyze(path, text, severities, cancellationToken);
            if (analysis == null)
            {
                return (text, 0);
            }

            var taken = new List<TemplateEdit>();
            var count = 0;
            foreach (var finding in analysis.Findings.Where(f => !f.IsSuppressed && f.Fix != null).OrderBy(f => f.Location.Start))
            {
                var edits = TemplateFixWriter.Edits(text, (Dictionary<string, string?>)finding.Fix!.ToProperties(), cancellationToken);
                if (edits == null || edits.Count == 0 || edits.Any(e => taken.Any(t => Overlaps(t, e))))
                {
                    continue;
                }

                taken.AddRange(edits);
                count++;
            }

            return count == 0 ? (text, 0) : (TemplateFixWriter.ApplyEdits(text, taken), count);
        }

        /// <summary>
        /// One edit that turns <paramref name="before"/> into <paramref name="after"/>: the span between their common
        /// prefix and common suffix (so an editor keeps the cursor and folds outside it).
        /// </summary>
        public static TemplateEdit MinimalEdit(string before, string after)
        {
            var prefix = 0;
            var max = System.Math.Min(before.Length, after.Length);
            while (prefix < max && before[prefix] == after[prefix])
            {
                prefix++;
            }

            // Never split a surrogate pair or a CRLF at the prefix end.
            while (prefix > 0 && (char.IsHighSurrogate(before[prefix - 1]) || before[prefix - 1] == '\r'))
            {
                prefix--;
            }

            var suffix = 0;
            while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
            {
                suffix++;
            }

            while (suffix > 0 && (char.IsLowSurrogate(before[before.Length - suffix]) || before[before.Length - suffix] == '\n'))
            {
                suffix--;
            }

            return new TemplateEdit(prefix, before.Length - suffix - prefix, after.Substring(prefix, after.Length - suffix - prefix));
        }

        private static bool Overlaps(TemplateEdit a, TemplateEdit b)
            => a.Start == b.Start || (a.Start < b.Start + b.Length && b.Start < a.Start + a.Length) || (a.Length == 0 && a.Start > b.Start && a.Start < b.Start + b.Length) || (b.Length == 0 && b.Start > a.Start && b.Start < a.Start + a.Length);
    }
}
