using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>The server reports what <c>iac-analyzers check</c> reports (which the build reports, see <see cref="EngineParityTests"/>).</summary>
    public sealed class LanguageServerParityTests
    {
        [Fact]
        public async Task Server_and_check_report_the_same_findings_on_the_sample_templates()
        {
            var folder = Path.Combine(CliRunner.Samples, "CdkApp", "templates");
            var scan = Scanner.Scan(folder, new[] { folder }, new List<string>(), new List<string>(), null, CancellationToken.None);
            var tool = scan.Findings
                .Where(f => !f.IsSuppressed)
                .Select(f => $"{Path.GetFileName(f.Path)}({f.StartLine},{f.StartColumn}): {f.Severity} {f.Rule.Id}: {f.Message}")
                .OrderBy(x => x, StringComparer.Ordinal)
                .ToList();

            var server = new List<string>();
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            foreach (var file in Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal))
            {
                var uri = new Uri(file).AbsoluteUri;
                await client.OpenAsync(uri, File.ReadAllText(file), languageId: file.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml");
                foreach (var d in (await client.NextPublishAsync(uri)).Diagnostics)
                {
                    var start = d.GetProperty("range").GetProperty("start");
                    var severity = d.GetProperty("severity").GetInt32() switch { 1 => "Error", 2 => "Warning", 3 => "Info", _ => "Hidden" };
                    server.Add($"{Path.GetFileName(file)}({start.GetProperty("line").GetInt32() + 1},{start.GetProperty("character").GetInt32() + 1}): {severity} {d.GetProperty("code").GetString()}: {d.GetProperty("message").GetString()}");
                }
            }

            Assert.NotEmpty(tool);
            Assert.Equal(tool, server.OrderBy(x => x, StringComparer.Ordinal).ToList());
        }
    }
}
