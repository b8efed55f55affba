using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// Template rule tests on the official verifier, the template counterpart of <see cref="CdkVerifier"/>:
    /// <see cref="VerifyRuleAsync(string, string, string[])"/> is <c>new CSharpAnalyzerVerifier&lt;TemplateAnalyzer&gt;.Test</c>
    /// with the template as an additional file, <c>[|...|]</c> standing for the first id and <c>{|ID:...|}</c> for another
    /// of the ids, every other rule off (tool ids stay on: an unreadable template or a crash fails the test). It then
    /// hands back what those rules find directly on the same text (<see cref="ViewBuilder"/>), for assertions on a
    /// message or a fix intent that a span does not show.
    /// </summary>
    public static class TemplateVerifier
    {
        /// <summary>Exactly the marked findings of <paramref name="ids"/> (first: <c>[|...|]</c>) are reported, nothing else.</summary>
        public static async Task<IReadOnlyList<Finding>> VerifyRuleAsync(string markup, string path, params string[] ids)
        {
            await Test(markup, path, ids).RunAsync().ConfigureAwait(false);
            return ViewBuilder.Run(ids, ViewBuilder.FromTemplate(Unmarked(markup), path));
        }

        /// <summary><see cref="VerifyRuleAsync(string, string, string[])"/> for one rule; the findings are this instance's.</summary>
        public static async Task<IReadOnlyList<Finding>> VerifyRuleAsync(Rule rule, string markup, string path = "template.yaml")
        {
            await Test(markup, path, rule.Info.Id).RunAsync().ConfigureAwait(false);
            return ViewBuilder.Run(rule, ViewBuilder.FromTemplate(Unmarked(markup), path));
        }

        /// <summary>
        /// The template fix (<see cref="TemplateCodeFixProvider"/>) turns <paramref name="before"/> (markup: the findings of
        /// <paramref name="id"/>) into <paramref name="after"/> one fix at a time, and into <paramref name="batchAfter"/>
        /// (default: <paramref name="after"/>) by Fix All. Markup in <paramref name="after"/> marks findings that remain.
        /// </summary>
        public static Task VerifyFixAsync(string id, string before, string after, string path = "template.yaml", string? batchAfter = null)
        {
            var test = new CSharpCodeFixVerifier<TemplateAnalyzer, TemplateCodeFixProvider>.Test
            {
                TestState = { AdditionalFiles = { (path, before) } },
                FixedState = { AdditionalFiles = { (path, after) } },
                MarkupDefaultId = id,
            };
            if (batchAfter != null)
            {
                test.BatchFixedState.AdditionalFiles.Add((path, batchAfter));
            }

            test.DisabledDiagnostics.AddRange(OtherRules(id));
            return test.RunAsync();
        }

        /// <summary>The text of <paramref name="markup"/> without its markup (the official parser).</summary>
        public static string Unmarked(string markup)
        {
            TestFileMarkupParser.GetPositionsAndSpans(markup, out var text, out _, out _);
            return text;
        }

        private static CSharpAnalyzerVerifier<TemplateAnalyzer>.Test Test(string markup, string path, params string[] ids)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (path, markup) } },
                MarkupDefaultId = ids[0],
            };
            test.DisabledDiagnostics.AddRange(OtherRules(ids));
            return test;
        }

        private static IEnumerable<string> OtherRules(params string[] ids)
            => RuleCatalog.All.Select(r => r.Id).Where(id => !id.StartsWith("IAC0", StringComparison.Ordinal) && !ids.Contains(id));
    }
}
