using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Ec2Network
{
    /// <summary>
    /// Runs one rule directly over a template (YAML or JSON) read by the template reader, then the same template through
    /// the compiler and the verifier. Expected findings are marked in the text with <c>[|...|]</c>; the set of finding
    /// spans must equal the set of marked spans, both ways.
    /// </summary>
    internal static class RuleHarness
    {
        public static IReadOnlyList<Finding> Verify(Rule rule, string markedTemplate, string path = "template.yaml")
        {
            var (text, expected) = ParseMarkup(markedTemplate);
            var findings = Run(rule, text, path);
            var actual = findings.Select(f => (f.Location.Start, f.Location.Length)).Distinct().OrderBy(s => s).ToList();
            var want = expected.OrderBy(s => s).ToList();
            if (!want.SequenceEqual(actual))
            {
                Assert.Fail(
                    "Finding spans differ.\nExpected: " + Describe(text, want) + "\nActual:   " + Describe(text, actual) +
                    "\nMessages:\n  " + string.Join("\n  ", findings.Select(f => f.FormatMessage())));
            }

            Assert.Equal(findings.Count, actual.Count);
            VerifyThroughTheCompiler(rule, markedTemplate, path);
            return findings;
        }

        /// <summary>
        /// The same expectations through the real host: the template as an additional file of a compilation, the
        /// <see cref="TemplateAnalyzer"/> run by the verifier, every other rule disabled. Catches what a direct call
        /// cannot: template detection, the host's location mapping, severities, exceptions turned into AD0001.
        /// </summary>
        private static void VerifyThroughTheCompiler(Rule rule, string markedTemplate, string path)
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState = { AdditionalFiles = { (path, markedTemplate) } },
                MarkupDefaultId = rule.Info.Id,
            };
            test.DisabledDiagnostics.AddRange(RuleCatalog.All.Where(r => r.Id != rule.Info.Id).Select(r => r.Id));
            test.RunAsync().GetAwaiter().GetResult();
        }

        public static IReadOnlyList<Finding> Run(Rule rule, string text, string path = "template.yaml")
        {
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

        public static IReadOnlyList<Finding> Run(Rule rule, params ResourceView[] resources)
        {
            var findings = new List<Finding>();
            foreach (var resource in resources)
            {
                if (rule.ResourceTypes.Any(resource.IsType))
                {
                    rule.Analyze(resource, findings);
                }
            }

            return findings;
        }

        private static string Describe(string text, IEnumerable<(int Start, int Length)> spans)
            => "[" + string.Join(", ", spans.Select(s => "'" + text.Substring(s.Start, s.Length) + "'@" + s.Start)) + "]";

        private static (string Text, List<(int Start, int Length)> Spans) ParseMarkup(string marked)
        {
            var text = new StringBuilder();
            var spans = new List<(int, int)>();
            var open = new Stack<int>();
            for (var i = 0; i < marked.Length; i++)
            {
                if (i + 1 < marked.Length && marked[i] == '[' && marked[i + 1] == '|')
                {
                    open.Push(text.Length);
                    i++;
                }
                else if (i + 1 < marked.Length && marked[i] == '|' && marked[i + 1] == ']')
                {
                    var start = open.Pop();
                    spans.Add((start, text.Length - start));
                    i++;
                }
                else
                {
                    text.Append(marked[i]);
                }
            }

            Assert.Empty(open);
            return (text.ToString(), spans);
        }
    }

    /// <summary>Builds resource views by hand, for what the template reader cannot express yet (one-ofs, defaults, references).</summary>
    internal sealed class ViewBuilder
    {
        private readonly ListResourceContext context = new ListResourceContext();
        private int next;

        public IResourceContext Context => context;

        public SourceLocation Loc() => new SourceLocation("view", next++, 1, 0, 0, 0, 1);

        public ScalarValue S(string text, string? provenance = null) => new ScalarValue(text, ScalarKind.String, Loc(), provenance == null ? null : Provenance.ParameterDefault(provenance));

        public ScalarValue N(long number, string? provenance = null)
            => new ScalarValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Number, Loc(), provenance == null ? null : Provenance.ParameterDefault(provenance));

        public ScalarValue B(bool value, string? provenance = null) => new ScalarValue(value ? "true" : "false", ScalarKind.Boolean, Loc(), provenance == null ? null : Provenance.ParameterDefault(provenance));

        public UnknownValue Unknown(string reason = "a method result") => new UnknownValue(reason, Loc());

        public UnknownValue Ref(string target, string? attribute = null)
            => new UnknownValue(attribute == null ? "Ref " + target : "Fn::GetAtt " + target + "." + attribute, Loc(), null, target, attribute);

        public OneOfValue If(string condition, Value whenTrue, Value whenFalse) => new OneOfValue(
            new[]
            {
                new Branch(Condition.Template(condition), true, whenTrue),
                new Branch(Condition.Template(condition), false, whenFalse),
            },
            Loc());

        public ListValue L(params Value[] items) => new ListValue(items, Loc());

        public MapValue M(params (string Key, Value Value)[] entries)
            => new MapValue(entries.Select(e => new MapEntry(e.Key, Loc(), e.Value)).ToArray(), Loc());

        public ResourceView Resource(string type, string name, MapValue properties, string? condition = null)
        {
            var view = new ResourceView(type, name, Loc(), properties, Surfaces.CloudFormation, context, null, condition);
            context.Add(view);
            return view;
        }

        public ResourceView[] All => context.Resources.ToArray();
    }
}
