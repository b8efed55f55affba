using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// A small harness for the CDK front-end: compiles C# (with the runtime's assemblies and Amazon.CDK.Lib 2.160.0,
    /// loaded once) and runs <see cref="CdkAnalyzer"/> through <see cref="CompilationWithAnalyzers"/>. Markup:
    /// <c>{|IAC2001:...|}</c> marks an expected diagnostic's span; <c>[|...|]</c> one of the default id.
    /// Test sources must compile without errors.
    /// </summary>
    public static class CdkTestHost
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.KMS;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            using Constructs;

            """;

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntimeOnly = new Lazy<ImmutableArray<MetadataReference>>(() => LoadReferences().Where(r => !IsCdk(r.Display)).ToImmutableArray());

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        /// <summary>The runtime's assemblies without any CDK one.</summary>
        public static ImmutableArray<MetadataReference> RuntimeReferences => LazyRuntimeOnly.Value;

        public static CSharpCompilation Compile(IEnumerable<string> sources, ImmutableArray<MetadataReference>? references = null)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Preview), path: "/src/Test" + i + ".cs")).ToArray();
            var compilation = CSharpCompilation.Create(
                "CdkTestApp",
                trees,
                references ?? References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            return compilation;
        }

        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer? analyzer = null)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer ?? new CdkAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Where(d => d.Id.StartsWith("IAC", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
        }

        /// <summary>
        /// Analyzes the marked-up source(s) and asserts the diagnostics of <paramref name="defaultId"/> (and of the ids the
        /// markup names, and any AD0001/IAC0002) are exactly the marked spans.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string defaultId = "IAC2001", params string[] otherSources)
        {
            var parsed = Markup.Parse(Usings + markup, defaultId);
            var compilation = Compile(new[] { parsed.Source }.Concat(otherSources.Select(s => Usings + s)));
            // Only the rule under test (and the ids the markup names) count; tool failures always do.
            var ids = new HashSet<string>(parsed.Spans.Select(x => x.Id)) { defaultId, "AD0001", "IAC0002" };
            var diagnostics = (await AnalyzeAsync(compilation)).Where(d => ids.Contains(d.Id)).ToImmutableArray();
            var actual = diagnostics
                .Where(d => d.Location.SourceTree == compilation.SyntaxTrees.First())
                .Select(d => (d.Id, d.Location.SourceSpan))
                .OrderBy(x => x.SourceSpan.Start).ThenBy(x => x.Id)
                .ToArray();
            var elsewhere = diagnostics.Where(d => d.Location.SourceTree != compilation.SyntaxTrees.First()).ToArray();
            var expected = parsed.Spans.OrderBy(x => x.Span.Start).ThenBy(x => x.Id).ToArray();
            var text = parsed.Source;
            string Show((string Id, TextSpan Span) x) => x.Id + " at `" + text.Substring(x.Span.Start, x.Span.Length) + "`";
            Assert.True(
                elsewhere.Length == 0 && expected.SequenceEqual(actual),
                "Expected:\n  " + string.Join("\n  ", expected.Select(Show)) + "\nActual:\n  " + string.Join("\n  ", actual.Select(Show))
                + string.Concat(elsewhere.Select(d => "\n  elsewhere: " + d)) + "\nMessages:\n  " + string.Join("\n  ", diagnostics.Select(d => d.Id + ": " + d.GetMessage())));
            return diagnostics;
        }

        private static bool IsCdk(string? path)
        {
            var name = Path.GetFileNameWithoutExtension(path ?? string.Empty);
            return name.StartsWith("Amazon.", StringComparison.Ordinal) || name == "Constructs";
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return tpa
                .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDir, StringComparison.Ordinal) || IsCdk(p))
                .Where(p => !Path.GetFileName(p).StartsWith("Amazon.JSII.Runtime.", StringComparison.Ordinal) || Path.GetFileName(p) == "Amazon.JSII.Runtime.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }

    /// <summary>Markup <c>{|ID:text|}</c> and <c>[|text|]</c> → plain source and expected spans.</summary>
    public static class Markup
    {
        public static (string Source, List<(string Id, TextSpan Span)> Spans) Parse(string markup, string defaultId)
        {
            var sb = new StringBuilder(markup.Length);
            var spans = new List<(string, TextSpan)>();
            var open = new Stack<(string Id, int Start)>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    var colon = markup.IndexOf(':', i + 2);
                    open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                    i = colon;
                }
                else if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    open.Push((defaultId, sb.Length));
                    i++;
                }
                else if (markup[i] == '|' && i + 1 < markup.Length && (markup[i + 1] == '}' || markup[i + 1] == ']') && open.Count > 0)
                {
                    var (id, start) = open.Pop();
                    spans.Add((id, TextSpan.FromBounds(start, sb.Length)));
                    i++;
                }
                else
                {
                    sb.Append(markup[i]);
                }
            }

            Assert.True(open.Count == 0, "Unclosed markup span.");
            return (sb.ToString(), spans);
        }
    }
}
