using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

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

        /// <summary>
        /// <see cref="VerifyRuleAsync(string, string, string[])"/> with expectations beyond the markup (e.g.
        /// <c>Reported("IAC1102").WithLocation(0).WithArguments(...)</c> for <c>{|#0:...|}</c>), for tests across rules.
        /// </summary>
        public static async Task<IReadOnlyList<Finding>> VerifyRuleAsync(string markup, string path, string[] ids, params DiagnosticResult[] expected)
        {
            var test = Test(markup, path, ids);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync().ConfigureAwait(false);
            return ViewBuilder.Run(ids, ViewBuilder.FromTemplate(Unmarked(markup), path));
        }

        /// <summary>
        /// <see cref="VerifyRuleAsync(string, string, string[])"/> for one rule; the findings are this instance's.
        /// <paramref name="expected"/> are expectations beyond the markup, e.g. the whole reported message (with its
        /// Well-Architected tag) of the finding at <c>{|#0:...|}</c>: <c>Reported(Rule, "...").WithLocation(0)</c>.
        /// </summary>
        public static async Task<IReadOnlyList<Finding>> VerifyRuleAsync(Rule rule, string markup, string path = "template.yaml", params DiagnosticResult[] expected)
        {
            var test = Test(markup, path, rule.Info.Id);
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync().ConfigureAwait(false);
            return ViewBuilder.Run(rule, ViewBuilder.FromTemplate(Unmarked(markup), path));
        }

        /// <summary>
        /// An expected finding of <paramref name="rule"/> at its default severity whose reported message (the rule's text
        /// and the catalog's <c>[Pillar · BP]</c> tag) is exactly <paramref name="message"/>; place it with <c>WithLocation(n)</c>
        /// for a <c>{|#n:...|}</c> span of the markup.
        /// </summary>
        public static DiagnosticResult Reported(Rule rule, string message) => Reported(rule).WithMessage(message);

        /// <summary>
        /// An expected finding of <paramref name="rule"/> whose reported message is the catalog's format with the arguments
        /// given by <c>WithArguments(...)</c> (the official <c>Diagnostic(descriptor)</c>: the message is always compared).
        /// </summary>
        public static DiagnosticResult Reported(Rule rule) => Reported(rule.Info.Id);

        /// <inheritdoc cref="Reported(Rule)"/>
        public static DiagnosticResult Reported(string id)
            => new DiagnosticResult(new TemplateAnalyzer().SupportedDiagnostics.Single(d => d.Id == id));

        /// <summary>
        /// The template front-end on the official analyzer test: <paramref name="files"/> as additional files, whose markup
        /// (<c>{|ID:...|}</c>, or <c>[|...|]</c> for <paramref name="ruleUnderTest"/>) lists every diagnostic; only
        /// <paramref name="ruleUnderTest"/> (default IAC2001, so that front-end tests do not change when rules are added),
        /// the ids the markup names and the tool ids are on (null: every rule); <paramref name="configs"/> are analyzer
        /// config files (<c>.editorconfig</c>, <c>.globalconfig</c>) by path. Returns what was reported, for assertions on
        /// messages and locations.
        /// </summary>
        public static async Task<IReadOnlyList<Diagnostic>> VerifyTemplatesAsync((string Path, string Markup)[] files, string? ruleUnderTest = "IAC2001", params (string Path, string Text)[] configs)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test { RuleUnderTest = ruleUnderTest };
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            foreach (var config in configs)
            {
                test.TestState.AnalyzerConfigFiles.Add(config);
            }

            await test.RunAsync().ConfigureAwait(false);
            return test.ReportedDiagnostics;
        }

        /// <inheritdoc cref="VerifyTemplatesAsync"/>
        public static Task<IReadOnlyList<Diagnostic>> VerifyTemplateAsync(string path, string markup, string? ruleUnderTest = "IAC2001", params (string Path, string Text)[] configs)
            => VerifyTemplatesAsync(new[] { (path, markup) }, ruleUnderTest, configs);

        /// <summary>
        /// The raw path, the template counterpart of <see cref="CdkVerifier.AnalyzeAsync"/>: the template analyzer run by
        /// the compiler over <paramref name="files"/>, every diagnostic handed back with no expectation compared. Only for
        /// what the official test cannot express: additional files without text or with undecodable bytes, hostile inputs
        /// and whole-repository sweeps asserting only "no crash", and unit tests of the fix writers that need the host's
        /// serialised intent. Keeps tool ids (IAC0xxx), analyzer failures (AD0001) and <paramref name="ruleUnderTest"/>
        /// (null: every rule).
        /// </summary>
        public static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(IEnumerable<(string Path, SourceText? Text)> files, string? ruleUnderTest = "IAC2001")
        {
            var compilation = CdkVerifier.Compile(new[] { string.Empty });
            var options = new AnalyzerOptions(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray());
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateAnalyzer()), new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync()
                .ConfigureAwait(false);
            return diagnostics
                .Where(d => ruleUnderTest == null || d.Id == ruleUnderTest || d.Id.StartsWith("IAC0", StringComparison.Ordinal) || d.Id.StartsWith("AD", StringComparison.Ordinal))
                .ToArray();
        }

        /// <inheritdoc cref="AnalyzeAsync(IEnumerable{ValueTuple{string, SourceText}}, string?)"/>
        public static Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(string path, string text, string? ruleUnderTest = "IAC2001")
            => AnalyzeAsync(new[] { (path, (SourceText?)SourceText.From(text)) }, ruleUnderTest);

        /// <summary>
        /// The template fix (<see cref="TemplateCodeFixProvider"/>) turns <paramref name="before"/> (markup: the findings of
        /// <paramref name="id"/>) into <paramref name="after"/> one fix at a time, and into <paramref name="batchAfter"/>
        /// (default: <paramref name="after"/>) by Fix All. Markup in <paramref name="after"/> marks the findings that remain, and
        /// they are compared (<c>MarkupMode.Allow</c>, as in <see cref="CdkVerifier.VerifyFixAsync{TFix}"/>).
        /// <paramref name="verifyAction"/> (the official <c>CodeActionVerifier</c>) sees each action applied.
        /// </summary>
        public static Task VerifyFixAsync(string id, string before, string after, string path = "template.yaml", string? batchAfter = null, Action<CodeAction, IVerifier>? verifyAction = null)
        {
            var test = new CSharpCodeFixVerifier<TemplateAnalyzer, TemplateCodeFixProvider>.Test
            {
                TestState = { AdditionalFiles = { (path, before) } },
                FixedState = { AdditionalFiles = { (path, after) }, MarkupHandling = MarkupMode.Allow },
                MarkupDefaultId = id,
                CodeActionVerifier = verifyAction,
            };
            if (batchAfter != null)
            {
                test.BatchFixedState.AdditionalFiles.Add((path, batchAfter));
            }

            test.DisabledDiagnostics.AddRange(OtherRules(id));
            return test.RunAsync();
        }

        /// <summary>The marked findings of <paramref name="id"/> in <paramref name="markup"/> get no template fix (the counterpart of <see cref="CdkVerifier.VerifyNoFixAsync(string, string?)"/>).</summary>
        public static Task VerifyNoFixAsync(string id, string markup, string path = "template.yaml")
            => VerifyFixAsync(id, markup, markup, path);

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

        /// <summary>An additional file as the compiler hands it over (its text may be null).</summary>
        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText? text;

            public InMemoryText(string path, SourceText? text)
            {
                Path = path;
                this.text = text;
            }

            public override string Path { get; }

            public override SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => text;
        }
    }
}
