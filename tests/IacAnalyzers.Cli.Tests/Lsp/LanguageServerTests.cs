using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cli.Lsp;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>LSP conversations with the server in-process over a pipe (no debounce unless a test sets one).</summary>
    public sealed class LanguageServerTests
    {
        private const string Uri = "file:///work/templates/db.yaml";

        internal const string SingleAzYaml =
            "Resources:\n" +
            "  Db:\n" +
            "    Type: AWS::RDS::DBInstance\n" +
            "    Properties:\n" +
            "      Engine: postgres\n" +
            "      DBInstanceClass: db.m6g.large\n" +
            "      StorageEncrypted: true\n" +
            "      MultiAZ: false\n";

        internal const string SingleAzJson =
            "{\n" +
            "  \"Resources\": {\n" +
            "    \"Db\": {\n" +
            "      \"Type\": \"AWS::RDS::DBInstance\",\n" +
            "      \"Properties\": { \"Engine\": \"postgres\", \"DBInstanceClass\": \"db.m6g.large\", \"StorageEncrypted\": true, \"MultiAZ\": false }\n" +
            "    }\n" +
            "  }\n" +
            "}\n";

        [Fact]
        public async Task Bad_template_gets_its_finding_the_fix_clears_it_and_the_server_exits_cleanly()
        {
            await using var client = LspClient.InProcess();
            var init = await client.InitializeAsync();
            var capabilities = init.GetProperty("capabilities");
            Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
            Assert.True(capabilities.GetProperty("codeActionProvider").GetProperty("resolveProvider").GetBoolean());
            Assert.Contains("source.fixAll", capabilities.GetProperty("codeActionProvider").GetProperty("codeActionKinds").EnumerateArray().Select(k => k.GetString()));
            Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());

            await client.OpenAsync(Uri, SingleAzYaml);
            var publish = await client.NextPublishAsync(Uri);
            Assert.Equal(1, publish.Version);
            var diagnostic = Assert.Single(publish.Diagnostics);
            Assert.Equal("IAC2001", diagnostic.GetProperty("code").GetString());
            Assert.Equal(2, diagnostic.GetProperty("severity").GetInt32());
            Assert.Equal(Catalog.RuleCatalog.Find("IAC2001")!.HelpLink, diagnostic.GetProperty("codeDescription").GetProperty("href").GetString());
            Assert.EndsWith("[Reliability · REL10-BP01]", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
            AssertRange(diagnostic.GetProperty("range"), line: 7, startCharacter: "      MultiAZ: ".Length, endCharacter: "      MultiAZ: false".Length);

            var actions = await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"));
            var fix = actions.Single(a => a.GetProperty("isPreferred").GetBoolean());
            Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
            Assert.Equal("IAC2001", fix.GetProperty("diagnostics")[0].GetProperty("code").GetString());
            var fixedText = LspClient.Apply(SingleAzYaml, fix.GetProperty("edit"), Uri);
            Assert.Equal(SingleAzYaml.Replace("MultiAZ: false", "MultiAZ: true", StringComparison.Ordinal), fixedText);

            await client.ChangeAsync(Uri, fixedText, 2);
            var after = await client.PublishOfVersionAsync(Uri, 2);
            Assert.Empty(after.Diagnostics);

            Assert.Equal(0, await client.ShutdownAndExitAsync());
        }

        [Fact]
        public async Task Ranges_count_UTF16_code_units_after_non_ASCII_and_astral_characters()
        {
            // "é" is one UTF-16 unit, "😀" (U+1F600) two: the finding's character is the UTF-16 index on its line.
            var text = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n" +
                       "    Properties: { Engine: postgres, Tags: [{ Key: café😀, Value: x😀y }], StorageEncrypted: true, MultiAZ: false }\n";
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, text);
            var diagnostic = Assert.Single((await client.NextPublishAsync(Uri)).Diagnostics);
            var line = text.Split('\n')[3];
            var character = line.IndexOf("false", StringComparison.Ordinal);
            AssertRange(diagnostic.GetProperty("range"), line: 3, startCharacter: character, endCharacter: character + "false".Length);
            Assert.True(character > line.IndexOf("😀", StringComparison.Ordinal), "the finding is after the astral characters");
        }

        [Fact]
        public async Task Broken_text_while_typing_gets_IAC0001_at_the_error_and_the_server_keeps_serving()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, SingleAzYaml);
            await client.NextPublishAsync(Uri);

            var broken = SingleAzYaml.Replace("      MultiAZ: false\n", "      MultiAZ: [false\n", StringComparison.Ordinal);
            await client.ChangeAsync(Uri, broken, 2);
            var publish = await client.PublishOfVersionAsync(Uri, 2);
            var diagnostic = Assert.Single(publish.Diagnostics);
            Assert.Equal("IAC0001", diagnostic.GetProperty("code").GetString());
            Assert.Equal(2, diagnostic.GetProperty("severity").GetInt32()); // IAC0001's default, warning
            Assert.True(diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() >= 7, "IAC0001 is at the error, not at the top: " + diagnostic);

            await client.ChangeAsync(Uri, SingleAzYaml, 3);
            Assert.Equal("IAC2001", Assert.Single((await client.PublishOfVersionAsync(Uri, 3)).Codes));
        }

        [Fact]
        public async Task A_file_that_is_not_a_template_gets_an_empty_publish_and_close_clears_and_frees()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            const string other = "file:///work/.github/workflows/ci.yml";
            await client.OpenAsync(other, "name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
            Assert.Empty((await client.NextPublishAsync(other)).Diagnostics);

            await client.OpenAsync(Uri, SingleAzYaml);
            Assert.Single((await client.NextPublishAsync(Uri)).Diagnostics);
            Assert.Equal(2, client.Server!.OpenDocuments);
            await client.CloseAsync(Uri);
            var cleared = await client.NextPublishAsync(Uri);
            Assert.Empty(cleared.Diagnostics);
            Assert.Equal(1, client.Server.OpenDocuments);
        }

        [Fact]
        public async Task A_newer_change_cancels_the_stale_analysis_whose_result_is_never_published()
        {
            var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new LanguageServerOptions
            {
                Debounce = TimeSpan.Zero,
                BeforeAnalysis = async (uri, version, token) =>
                {
                    if (version == 1)
                    {
                        // Holds the first analysis without looking at its token: the server itself must drop the result.
                        firstHeld.TrySetResult();
                        await releaseFirst.Task;
                    }
                },
            };
            await using var client = LspClient.InProcess(options);
            await client.InitializeAsync();
            await client.OpenAsync(Uri, SingleAzYaml, version: 1);
            await firstHeld.Task.WaitAsync(LspClient.Hang);

            var fixedText = SingleAzYaml.Replace("MultiAZ: false", "MultiAZ: true", StringComparison.Ordinal);
            await client.ChangeAsync(Uri, fixedText, 2);
            var second = await client.NextPublishAsync(Uri);
            Assert.Equal(2, second.Version);
            Assert.Empty(second.Diagnostics);

            releaseFirst.SetResult();
            using (var cts = new CancellationTokenSource(LspClient.Hang))
            {
                while (client.Server!.AnalysesCancelled + client.Server.StalePublishesDropped == 0)
                {
                    await Task.Delay(5, cts.Token);
                }
            }

            // Something after the stale analysis: a request the server answers in order.
            await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
            Assert.Equal(1, client.Server.AnalysesCancelled);
            Assert.Equal(1, client.Server.AnalysesCompleted);
            Assert.All(client.All.Where(p => p.Uri == Uri), p => Assert.Equal(2, p.Version));
            Assert.Single(client.All, p => p.Uri == Uri);
        }

        [Fact]
        public async Task Rapid_changes_with_the_debounce_publish_the_last_text_last()
        {
            await using var client = LspClient.InProcess(new LanguageServerOptions { Debounce = TimeSpan.FromMilliseconds(200) });
            await client.InitializeAsync();
            await client.OpenAsync(Uri, SingleAzYaml, version: 1);
            for (var v = 2; v <= 20; v++)
            {
                await client.ChangeAsync(Uri, v % 2 == 0 ? SingleAzYaml.Replace("MultiAZ: false", "MultiAZ: true", StringComparison.Ordinal) : SingleAzYaml, v);
            }

            var last = await client.PublishOfVersionAsync(Uri, 20);
            Assert.Empty(last.Diagnostics);
            var versions = client.All.Where(p => p.Uri == Uri).Select(p => p.Version!.Value).ToList();
            Assert.Equal(versions.OrderBy(v => v), versions);
            Assert.True(client.Server!.AnalysesCompleted + client.Server.AnalysesCancelled <= 20, "each change is analysed at most once");
            Assert.Equal(versions.Count, client.Server.AnalysesCompleted - client.Server.StalePublishesDropped);
        }

        [Theory]
        [InlineData("yaml")]
        [InlineData("json")]
        public async Task The_suppress_action_writes_a_suppression_that_suppresses_on_reanalysis(string format)
        {
            var uri = "file:///work/templates/db." + format;
            var text = format == "yaml" ? SingleAzYaml : SingleAzJson;
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(uri, text, languageId: format);
            var diagnostic = Assert.Single((await client.NextPublishAsync(uri)).Diagnostics);

            var actions = await client.CodeActionsAsync(uri, diagnostic.GetProperty("range"));
            var suppress = actions.Single(a => a.GetProperty("title").GetString() == "Suppress IAC2001 for Db with a reason");
            var suppressed = LspClient.Apply(text, suppress.GetProperty("edit"), uri);
            Assert.Contains(TemplateLanguageServer.PlaceholderReason, suppressed, StringComparison.Ordinal);
            Assert.Contains(format == "yaml" ? "MultiAZ: false" : "\"MultiAZ\": false", suppressed, StringComparison.Ordinal);

            await client.ChangeAsync(uri, suppressed, 2);
            var after = await client.PublishOfVersionAsync(uri, 2);
            Assert.Empty(after.Diagnostics);
        }

        [Fact]
        public async Task Severity_comes_from_the_editorconfig_above_the_file()
        {
            using var scratch = new Scratch();
            scratch.Write(".editorconfig", "root = true\n\n[*.yaml]\niac_analyzers.IAC2001.severity = error\n");
            var path = scratch.Write("templates/db.yaml", SingleAzYaml);
            var uri = new System.Uri(path).AbsoluteUri;
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(uri, SingleAzYaml);
            Assert.Equal(1, Assert.Single((await client.NextPublishAsync(uri)).Diagnostics).GetProperty("severity").GetInt32());

            // Configured off: nothing, as in the build; the edited file applies at the next change.
            scratch.Write(".editorconfig", "root = true\n\n[*.yaml]\niac_analyzers.IAC2001.severity = none\n");
            await client.ChangeAsync(uri, SingleAzYaml + "\n", 2);
            Assert.Empty((await client.PublishOfVersionAsync(uri, 2)).Diagnostics);

            // A watched configuration file changed: the open document is analysed again without an edit.
            scratch.Write(".editorconfig", "root = true\n\n[*.yaml]\niac_analyzers.IAC2001.severity = suggestion\n");
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = new System.Uri(Path.Combine(scratch.Root, ".editorconfig")).AbsoluteUri, ["type"] = 2 }) });
            Assert.Equal(3, Assert.Single((await client.NextPublishAsync(uri)).Diagnostics).GetProperty("severity").GetInt32());
        }

        [Fact]
        public async Task Hover_on_a_finding_explains_the_rule_and_symbols_list_the_resources()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, SingleAzYaml);
            await client.NextPublishAsync(Uri);
            var hover = await client.RequestAsync("textDocument/hover", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri },
                ["position"] = new JsonObject { ["line"] = 7, ["character"] = 17 },
            });
            var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
            var rule = Catalog.RuleCatalog.Find("IAC2001")!;
            Assert.Contains(rule.Title, markdown, StringComparison.Ordinal);
            Assert.Contains("Reliability · REL10-BP01", markdown, StringComparison.Ordinal);
            Assert.Contains("Why it matters", markdown, StringComparison.Ordinal);
            Assert.Contains(rule.Fix!, markdown, StringComparison.Ordinal);

            var nothing = await client.RequestAsync("textDocument/hover", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Uri },
                ["position"] = new JsonObject { ["line"] = 4, ["character"] = 8 },
            });
            Assert.Equal(JsonValueKind.Null, nothing.ValueKind);

            var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri } });
            var symbol = Assert.Single(symbols.EnumerateArray());
            Assert.Equal("Db", symbol.GetProperty("name").GetString());
            Assert.Equal("AWS::RDS::DBInstance", symbol.GetProperty("detail").GetString());
        }

        internal static void AssertRange(JsonElement range, int line, int startCharacter, int endCharacter)
        {
            Assert.Equal(line, range.GetProperty("start").GetProperty("line").GetInt32());
            Assert.Equal(startCharacter, range.GetProperty("start").GetProperty("character").GetInt32());
            Assert.Equal(line, range.GetProperty("end").GetProperty("line").GetInt32());
            Assert.Equal(endCharacter, range.GetProperty("end").GetProperty("character").GetInt32());
        }
    }
}
