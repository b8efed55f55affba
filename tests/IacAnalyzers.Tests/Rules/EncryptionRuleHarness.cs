using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;
using VerifyTemplateFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules
{
    /// <summary>
    /// Runs one rule directly over a template read by the CloudFormation reader, with span markup in the template:
    /// <c>[|text|]</c> marks where a finding is expected. Assertions are on the set of spans, never on counts alone.
    /// <see cref="Verify(Rule, string, string)"/> checks the spans twice: on the rule's own findings, and through the
    /// real <c>TemplateAnalyzer</c> host in the test verifier (the template as an additional file, the rule's id as the
    /// markup default, every other rule disabled), so positions, severities and the host's reading are covered too.
    /// </summary>
    internal static class EncryptionRuleHarness
    {
        public static IReadOnlyList<Finding> Run(Rule rule, string markup, string path = "template.yaml")
        {
            var (text, _) = Parse(markup);
            var template = TemplateReader.Read(path, text, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Empty(template!.Errors);
            var findings = new List<Finding>();
            foreach (var resource in template.Resources)
            {
                if (rule.ResourceTypes.Any(resource.IsType))
                {
                    rule.Analyze(resource, findings);
                }
            }

            return findings;
        }

        /// <summary>Runs <paramref name="rule"/> and asserts its findings land exactly on the marked spans.</summary>
        public static IReadOnlyList<Finding> Verify(Rule rule, string markup, string path = "template.yaml")
        {
            var (text, spans) = Parse(markup);
            var findings = Run(rule, markup, path);
            var actual = findings.Select(f => Describe(text, f.Location.Start, f.Location.Length)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var expected = spans.Select(s => Describe(text, s.Start, s.Length)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, actual);
            Assert.All(findings, f => Assert.Same(rule.Info, f.Rule));
            Task.Run(() => VerifyThroughTheHostAsync(rule, markup, path)).GetAwaiter().GetResult();
            return findings;
        }

        /// <summary>The same markup through the template analyzer in the verifier, with only this rule enabled.</summary>
        public static Task VerifyThroughTheHostAsync(Rule rule, string markup, string path)
        {
            var test = new VerifyTemplate.Test
            {
                TestState = { AdditionalFiles = { (path, markup) } },
                MarkupDefaultId = rule.Info.Id,
            };
            test.DisabledDiagnostics.AddRange(RuleCatalog.All.Where(r => r.Id != rule.Info.Id).Select(r => r.Id));
            return test.RunAsync();
        }

        /// <summary>
        /// The template code fix through the verifier: <paramref name="before"/> with markup, <paramref name="after"/> the
        /// expected text (markup in it marks findings the fix leaves, e.g. in another branch). Only this rule is enabled.
        /// </summary>
        public static Task VerifyFixAsync(Rule rule, string before, string after, string path = "template.yaml", string? batchAfter = null)
        {
            var test = new VerifyTemplateFix.Test
            {
                TestState = { AdditionalFiles = { (path, before) } },
                FixedState = { AdditionalFiles = { (path, after) } },
                MarkupDefaultId = rule.Info.Id,
            };
            if (batchAfter != null)
            {
                test.BatchFixedState.AdditionalFiles.Add((path, batchAfter));
            }

            test.DisabledDiagnostics.AddRange(RuleCatalog.All.Where(r => r.Id != rule.Info.Id).Select(r => r.Id));
            return test.RunAsync();
        }

        /// <summary>Runs a rule on one hand-built view (for value shapes the reader cannot produce yet).</summary>
        public static IReadOnlyList<Finding> Run(Rule rule, ResourceView view)
        {
            var findings = new List<Finding>();
            rule.Analyze(view, findings);
            return findings;
        }

        public static SourceLocation At(int start, int length = 1) => new SourceLocation("view", start, length, 0, start, 0, start + length);

        public static ScalarValue Bool(bool value, int at) => new ScalarValue(value ? "true" : "false", ScalarKind.Boolean, At(at));

        public static ScalarValue Str(string value, int at) => new ScalarValue(value, ScalarKind.String, At(at));

        public static MapValue Map(int at, params (string Key, Value Value)[] entries)
            => new MapValue(entries.Select(e => new MapEntry(e.Key, At(e.Value.Location.Start - 1), e.Value)).ToArray(), At(at, 100));

        public static OneOfValue If(string condition, Value whenTrue, Value whenFalse, int at)
            => new OneOfValue(new[]
            {
                new Branch(Condition.Template(condition), true, whenTrue),
                new Branch(Condition.Template(condition), false, whenFalse),
            }, At(at));

        public static ResourceView View(string type, string name, MapValue properties)
            => new ResourceView(type, name, At(0, name.Length), properties, Surfaces.CloudFormation);

        private static string Describe(string text, int start, int length)
            => start + ":" + (start + length <= text.Length && start >= 0 ? text.Substring(start, length) : "<out of range>");

        private static (string Text, List<(int Start, int Length)> Spans) Parse(string markup)
        {
            var sb = new StringBuilder(markup.Length);
            var spans = new List<(int, int)>();
            var open = new Stack<int>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
                {
                    open.Push(sb.Length);
                    i++;
                }
                else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0 && open.Count > 0)
                {
                    var start = open.Pop();
                    spans.Add((start, sb.Length - start));
                    i++;
                }
                else
                {
                    sb.Append(markup[i]);
                }
            }

            return (sb.ToString(), spans);
        }
    }
}
