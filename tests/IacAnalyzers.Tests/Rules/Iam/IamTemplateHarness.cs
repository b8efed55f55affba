using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>
    /// Runs the rules directly on the template front-end's views and compares findings with markup spans:
    /// <c>{|IAC1201:"*"|}</c> expects that id there, <c>[|...|]</c> expects the id under test. Until the shared
    /// verifier lands this keeps the IAM tests readable and span-based, with no line/column numbers.
    /// </summary>
    internal static class IamTemplateHarness
    {
        /// <summary>Asserts that the findings of <paramref name="ids"/> on the marked-up template are exactly the marked spans.</summary>
        public static IReadOnlyList<Finding> Verify(string markup, string path, params string[] ids)
        {
            var (text, expected) = Parse(markup, ids[0]);
            var findings = Run(text, path).Where(f => ids.Contains(f.Rule.Id)).ToList();
            var actual = findings.Select(f => (f.Rule.Id, f.Location.Start, f.Location.Length)).OrderBy(x => x.Start).ThenBy(x => x.Id).ToList();
            var want = expected.OrderBy(x => x.Start).ThenBy(x => x.Id).ToList();
            if (!actual.SequenceEqual(want))
            {
                Assert.Fail("Expected:\n" + Describe(text, want) + "\nActual:\n" + Describe(text, actual) + "\nMessages:\n" + string.Join("\n", findings.Select(f => f.Rule.Id + ": " + f.FormatMessage())));
            }

            return findings;
        }

        public static IReadOnlyList<Finding> Run(string text, string path)
        {
            var template = TemplateReader.Read(path, text, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Empty(template!.Errors);
            var findings = new List<Finding>();
            foreach (var resource in template.Resources)
            {
                foreach (var rule in RuleSet.ForType(resource.Type))
                {
                    rule.Analyze(resource, findings);
                }
            }

            return findings;
        }

        private static string Describe(string text, IEnumerable<(string Id, int Start, int Length)> spans)
            => string.Join("\n", spans.Select(s => "  " + s.Id + " at " + s.Start + ": " + text.Substring(s.Start, Math.Min(s.Length, 60)).Replace("\n", "\\n")));

        private static (string Text, List<(string Id, int Start, int Length)> Spans) Parse(string markup, string defaultId)
        {
            var text = new StringBuilder();
            var spans = new List<(string, int, int)>();
            var open = new Stack<(string Id, int Start)>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (Starts(markup, i, "[|"))
                {
                    open.Push((defaultId, text.Length));
                    i++;
                }
                else if (Starts(markup, i, "{|"))
                {
                    var colon = markup.IndexOf(':', i);
                    open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                    i = colon;
                }
                else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
                {
                    var (id, start) = open.Pop();
                    spans.Add((id, start, text.Length - start));
                    i++;
                }
                else
                {
                    text.Append(markup[i]);
                }
            }

            Assert.Empty(open);
            return (text.ToString(), spans);
        }

        private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
    }
}
