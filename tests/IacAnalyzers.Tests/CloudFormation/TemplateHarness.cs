using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Runs <see cref="TemplateAnalyzer"/> the way the compiler does (CompilationWithAnalyzers over additional files)
    /// and compares with markup: <c>{|IAC2001:…|}</c> marks the span of an expected diagnostic. (The shared verifier
    /// replaces this once it lands; these tests only need templates, no C#.)
    /// </summary>
    internal static class TemplateHarness
    {
        private static readonly MetadataReference[] References = { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };

        /// <summary>The rule the front-end tests use; other rules' findings are left to their own tests.</summary>
        public const string RuleUnderTest = "IAC2001";

        /// <summary>Runs the analyzer; every diagnostic is returned.</summary>
        public static Task<ImmutableArray<Diagnostic>> RunAsync(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CancellationToken cancellationToken = default)
            => RunAllAsync(files, options, cancellationToken);

        /// <summary>
        /// Runs the analyzer and keeps only tool diagnostics (IAC0xxx), analyzer failures (AD0001) and
        /// <see cref="RuleUnderTest"/>: for tests of the front-end itself, which must not change when rules are added.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> RunFrontEndAsync(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options = null, CancellationToken cancellationToken = default)
            => FrontEndOnly(await RunAllAsync(files, options, cancellationToken));

        public static Task<ImmutableArray<Diagnostic>> RunFrontEndAsync(string path, string text, AnalyzerConfigOptionsProvider? options = null)
            => RunFrontEndAsync(new[] { new InMemoryText(path, text) }, options);

        public static ImmutableArray<Diagnostic> FrontEndOnly(ImmutableArray<Diagnostic> all)
            => all.Where(d => d.Id.StartsWith("IAC0", StringComparison.Ordinal) || d.Id.StartsWith("AD", StringComparison.Ordinal) || d.Id == RuleUnderTest).ToImmutableArray();

        /// <summary><see cref="VerifyAsync"/> over the front-end's diagnostics only (see <see cref="RunFrontEndAsync(IEnumerable{AdditionalText}, AnalyzerConfigOptionsProvider?, CancellationToken)"/>).</summary>
        public static Task<ImmutableArray<Diagnostic>> VerifyFrontEndAsync(string path, string markup, AnalyzerConfigOptionsProvider? options = null)
            => VerifyAsync(path, markup, options, frontEndOnly: true);

        private static async Task<ImmutableArray<Diagnostic>> RunAllAsync(IEnumerable<AdditionalText> files, AnalyzerConfigOptionsProvider? options, CancellationToken cancellationToken)
        {
            var compilation = CSharpCompilation.Create(
                "TemplateTests",
                new[] { CSharpSyntaxTree.ParseText("class C { }", cancellationToken: cancellationToken) },
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var analyzerOptions = options == null
                ? new AnalyzerOptions(files.ToImmutableArray())
                : new AnalyzerOptions(files.ToImmutableArray(), options);
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateAnalyzer()),
                new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        }

        public static Task<ImmutableArray<Diagnostic>> RunAsync(string path, string text, AnalyzerConfigOptionsProvider? options = null)
            => RunAsync(new[] { new InMemoryText(path, text) }, options);

        /// <summary>Checks that exactly the marked diagnostics are reported (id and span), and no AD0001.</summary>
        public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string path, string markup, AnalyzerConfigOptionsProvider? options = null, bool frontEndOnly = false)
        {
            var (text, expected) = Markup.Parse(markup);
            var diagnostics = await RunAsync(path, text, options);
            if (frontEndOnly)
            {
                diagnostics = FrontEndOnly(diagnostics);
            }

            var actual = diagnostics.Select(d => (d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).OrderBy(x => x.Start).ThenBy(x => x.Id).ToList();
            var wanted = expected.OrderBy(x => x.Start).ThenBy(x => x.Id).ToList();
            if (!actual.SequenceEqual(wanted))
            {
                Assert.Fail("Expected:\n" + Describe(text, wanted) + "\nActual:\n" + Describe(text, actual) + "\nMessages:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
            }

            return diagnostics;
        }

        private static string Describe(string text, IEnumerable<(string Id, int Start, int Length)> items)
            => string.Join("\n", items.Select(i => "  " + i.Id + " '" + text.Substring(i.Start, Math.Min(i.Length, text.Length - i.Start)) + "' at " + i.Start));
    }

    internal static class Markup
    {
        /// <summary><c>{|ID:text|}</c> → the text, plus the expected (id, start, length).</summary>
        public static (string Text, List<(string Id, int Start, int Length)> Spans) Parse(string markup)
        {
            var sb = new StringBuilder();
            var spans = new List<(string, int, int)>();
            var open = new Stack<(string Id, int Start)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    var colon = markup.IndexOf(':', i + 2);
                    open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                    i = colon + 1;
                }
                else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
                {
                    var (id, start) = open.Pop();
                    spans.Add((id, start, sb.Length - start));
                    i += 2;
                }
                else
                {
                    sb.Append(markup[i]);
                    i++;
                }
            }

            return (sb.ToString(), spans);
        }
    }

    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText? text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            this.text = SourceText.From(text);
        }

        public InMemoryText(string path, SourceText? text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text;
    }

    /// <summary>Options as the compiler builds them from .editorconfig/.globalconfig files (the real AnalyzerConfigSet).</summary>
    internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet set;

        public ConfigOptionsProvider(params (string Path, string Text)[] configs)
        {
            set = AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray(), out _);
            GlobalOptions = new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public AnalyzerConfigOptionsResult ResultFor(string path) => set.GetOptionsForSourcePath(path);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public DictionaryOptions(ImmutableDictionary<string, string> values)
            {
                this.values = values;
            }

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
