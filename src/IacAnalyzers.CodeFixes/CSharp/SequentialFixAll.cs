using System;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// Span bookkeeping for a Fix All that applies a document's fixes one after another, each planned on the result of
    /// the previous one (so two fixes in one object initializer never conflict, as they would in the batch fixer, which
    /// merges edits planned on one snapshot). After each edit, the spans the remaining intents point at are moved through
    /// the edit's one <see cref="TextChange"/>.
    /// <para>
    /// The equivalence key of the Fix All context is not consulted by these providers: each offers one action per
    /// diagnostic, and the ids to fix come from the context. <c>dotnet format analyzers</c> builds its Fix All context
    /// from the first diagnostic of the analysis, whatever its id, so its key may belong to another rule or be null; a
    /// key check there is what made a combined <c>--diagnostics</c> run skip rules ("didn't return a Fix All action").
    /// </para>
    /// </summary>
    internal static class SequentialFixAll
    {
        /// <summary>The one change that turns <paramref name="before"/> into <paramref name="after"/> (common prefix and suffix kept).</summary>
        public static TextChange MinimalChange(string before, string after)
        {
            var prefix = 0;
            var limit = Math.Min(before.Length, after.Length);
            while (prefix < limit && before[prefix] == after[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < before.Length - prefix && suffix < after.Length - prefix
                   && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
            {
                suffix++;
            }

            return new TextChange(new TextSpan(prefix, before.Length - prefix - suffix), after.Substring(prefix, after.Length - prefix - suffix));
        }

        /// <summary>
        /// Where <paramref name="span"/> is after <paramref name="change"/>: moved when the change is before it, grown or
        /// shrunk when the change is inside it, unchanged when the change is after it; null when the change cuts across
        /// one of its ends (the node it named is gone, and the intent is dropped rather than guessed).
        /// </summary>
        public static TextSpan? Map(TextSpan span, TextChange change)
        {
            var delta = change.NewText!.Length - change.Span.Length;
            if (change.Span.End <= span.Start && !(change.Span.Length == 0 && change.Span.Start == span.Start && span.Length == 0))
            {
                return new TextSpan(span.Start + delta, span.Length);
            }

            if (change.Span.Start >= span.End)
            {
                return span;
            }

            if (change.Span.Start >= span.Start && change.Span.End <= span.End)
            {
                return new TextSpan(span.Start, span.Length + delta);
            }

            return null;
        }
    }
}
