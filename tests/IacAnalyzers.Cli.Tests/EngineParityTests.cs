using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>The tool and the build (the Roslyn analyzer host) report the same findings on the same templates.</summary>
    public class EngineParityTests
    {
        [Fact]
        public async Task Tool_and_analyzer_report_the_same_findings_on_the_sample_templates()
        {
            var folder = Path.Combine(CliRunner.Samples, "CdkApp", "templates");
            var files = Directory.GetFiles(folder).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
            var compilation = CSharpCompilation.Create("Parity", new[] { CSharpSyntaxTree.ParseText("class C { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(files.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray());
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var build = diagnostics
                .Select(d =>
                {
                    var span = d.Location.GetLineSpan();
                    return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
                })
                .OrderBy(x => x, System.StringComparer.Ordinal)
                .ToList();

            var scan = Scanner.Scan(folder, new[] { folder }, new List<string>(), new List<string>(), null, CancellationToken.None);
            var tool = scan.Findings
                .Where(f => !f.IsSuppressed)
                .Select(f => $"{Path.GetFileName(f.Path)}({f.StartLine},{f.StartColumn}): {f.Severity} {f.Rule.Id}: {f.Message}")
                .OrderBy(x => x, System.StringComparer.Ordinal)
                .ToList();

            Assert.NotEmpty(build);
            Assert.Equal(build, tool);
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path)
            {
                Path = path;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
