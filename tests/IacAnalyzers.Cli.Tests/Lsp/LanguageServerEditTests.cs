using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.Templates;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>Incremental document sync and the fix-all code action.</summary>
    public sealed class LanguageServerEditTests
    {
        private const string Uri = "file:///work/templates/db.yaml";

        // Two fixable findings: IAC1001 (StorageEncrypted false) and IAC2001 (MultiAZ false).
        private const string TwoFindings =
            "Resources:\n" +
            "  Db:\n" +
            "    Type: AWS::RDS::DBInstance\n" +
            "    Properties:\n" +
            "      Engine: postgres\n" +
            "      DBInstanceClass: db.m6g.large\n" +
            "      StorageEncrypted: false # audit\n" +
            "      MultiAZ: false\n";

        private static readonly JsonObject ResolvingClient = new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["codeAction"] = new JsonObject { ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") } },
            },
        };

        [Fact]
        public async Task Ranged_changes_apply_in_order_to_the_text_each_previous_change_left()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, LanguageServerTests.SingleAzYaml);
            Assert.Equal("IAC2001", Assert.Single((await client.NextPublishAsync(Uri)).Codes));

            // One notification, three changes: MultiAZ false -> true (line 7), StorageEncrypted true -> false (line 6),
            // then a comment line inserted above Properties, which moves both down.
            await client.ChangeRangesAsync(
                Uri,
                2,
                (7, 15, 7, 20, "true"),
                (6, 24, 6, 28, "false"),
                (3, 0, 3, 0, "    # 😀 inserted\n"));
            var publish = await client.PublishOfVersionAsync(Uri, 2);
            var diagnostic = Assert.Single(publish.Diagnostics);
            Assert.Equal("IAC1001", diagnostic.GetProperty("code").GetString());
            Assert.Equal(7, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

            // The server's text is the one the changes describe: its fix's edit, applied to that text, gives exactly
            // the expected result.
            var expected = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    # 😀 inserted\n    Properties:\n" +
                           "      Engine: postgres\n      DBInstanceClass: db.m6g.large\n      StorageEncrypted: false\n      MultiAZ: true\n";
            var fix = (await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"))).Single(a => a.GetProperty("isPreferred").GetBoolean());
            Assert.Equal(expected.Replace("StorageEncrypted: false", "StorageEncrypted: true", StringComparison.Ordinal), LspClient.Apply(expected, fix.GetProperty("edit"), Uri));

            // A deletion across lines (the inserted comment and "Properties:" line joined back), then a whole-text change.
            await client.ChangeRangesAsync(Uri, 3, (3, 0, 4, 0, string.Empty));
            Assert.Equal("IAC1001", Assert.Single((await client.PublishOfVersionAsync(Uri, 3)).Codes));
            await client.ChangeAsync(Uri, LanguageServerTests.SingleAzYaml, 4);
            Assert.Equal("IAC2001", Assert.Single((await client.PublishOfVersionAsync(Uri, 4)).Codes));
        }

        [Fact]
        public async Task Ranged_changes_count_UTF16_units_and_CRLF_lines()
        {
            var crlf = LanguageServerTests.SingleAzYaml.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("Engine: postgres", "Engine: postgres # é😀", StringComparison.Ordinal);
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, crlf);
            Assert.Equal("IAC2001", Assert.Single((await client.NextPublishAsync(Uri)).Codes));

            // Line 4 is "      Engine: postgres # é😀": replace the comment's last character (two UTF-16 units) and then
            // MultiAZ's value on the last line.
            var line4 = "      Engine: postgres # é😀";
            await client.ChangeRangesAsync(Uri, 2, (4, line4.Length - 2, 4, line4.Length, "x"), (7, 15, 7, 20, "true"));
            Assert.Empty((await client.PublishOfVersionAsync(Uri, 2)).Diagnostics);
        }

        [Fact]
        public async Task Source_fix_all_fixes_every_finding_of_the_file_in_one_edit()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, TwoFindings);
            var publish = await client.NextPublishAsync(Uri);
            Assert.Equal(new[] { "IAC1001", "IAC2001" }, publish.Codes.OrderBy(c => c, StringComparer.Ordinal));

            var actions = await client.CodeActionsAsync(Uri, publish.Diagnostics[0].GetProperty("range"), "source.fixAll");
            var fixAll = Assert.Single(actions);
            Assert.Equal("source.fixAll", fixAll.GetProperty("kind").GetString());
            Assert.Equal("Fix all 2 IacAnalyzers findings in this file", fixAll.GetProperty("title").GetString());
            var edits = fixAll.GetProperty("edit").GetProperty("changes").GetProperty(Uri);
            Assert.Equal(1, edits.GetArrayLength());

            var fixedText = LspClient.Apply(TwoFindings, fixAll.GetProperty("edit"), Uri);
            Assert.Equal(TwoFindings.Replace("StorageEncrypted: false", "StorageEncrypted: true", StringComparison.Ordinal).Replace("MultiAZ: false", "MultiAZ: true", StringComparison.Ordinal), fixedText);
            await client.ChangeAsync(Uri, fixedText, 2);
            Assert.Empty((await client.PublishOfVersionAsync(Uri, 2)).Diagnostics);

            // "source" asks for every source action, so it includes source.fixAll; a clean file gets none.
            Assert.Empty(await client.CodeActionsAsync(Uri, publish.Diagnostics[0].GetProperty("range"), "source"));
        }

        [Fact]
        public async Task Without_resolve_support_the_light_bulb_offers_no_fix_all_and_asking_by_kind_excludes_quick_fixes()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync();
            await client.OpenAsync(Uri, TwoFindings);
            var diagnostic = (await client.NextPublishAsync(Uri)).Diagnostics[0];

            var lightBulb = await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"));
            Assert.All(lightBulb, a => Assert.Equal("quickfix", a.GetProperty("kind").GetString()));
            Assert.DoesNotContain(lightBulb, a => a.GetProperty("title").GetString()!.StartsWith("Fix all", StringComparison.Ordinal));

            var quickFixesOnly = await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"), "quickfix");
            Assert.Equal(lightBulb.Length, quickFixesOnly.Length);
            var fixAllOnly = await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"), "source.fixAll");
            Assert.Equal("source.fixAll", Assert.Single(fixAllOnly).GetProperty("kind").GetString());
        }

        [Fact]
        public async Task A_resolving_client_gets_fix_all_in_the_light_bulb_and_its_edit_only_on_resolve_for_the_current_version()
        {
            await using var client = LspClient.InProcess();
            await client.InitializeAsync(ResolvingClient.DeepClone().AsObject());
            await client.OpenAsync(Uri, TwoFindings);
            var diagnostic = (await client.NextPublishAsync(Uri)).Diagnostics[0];

            var fixAll = (await client.CodeActionsAsync(Uri, diagnostic.GetProperty("range"))).Single(a => a.GetProperty("title").GetString() == "Fix all 2 IacAnalyzers findings in this file");
            Assert.Equal("quickfix", fixAll.GetProperty("kind").GetString());
            Assert.False(fixAll.TryGetProperty("edit", out _), "the edit is computed when the action is chosen");

            var resolved = await client.RequestAsync("codeAction/resolve", JsonNode.Parse(fixAll.GetRawText())!.AsObject());
            var fixedText = LspClient.Apply(TwoFindings, resolved.GetProperty("edit"), Uri);
            Assert.DoesNotContain(": false", fixedText, StringComparison.Ordinal);

            // The same action resolved after a change: no edit (the client asks again for the new text).
            await client.ChangeAsync(Uri, TwoFindings + "\n", 2);
            await client.PublishOfVersionAsync(Uri, 2);
            var stale = await client.RequestAsync("codeAction/resolve", JsonNode.Parse(fixAll.GetRawText())!.AsObject());
            Assert.False(stale.TryGetProperty("edit", out _));

            // One fixable finding: no fix-all in the light bulb, only its own quick fix.
            await client.ChangeAsync(Uri, LanguageServerTests.SingleAzYaml, 3);
            var single = Assert.Single((await client.PublishOfVersionAsync(Uri, 3)).Diagnostics);
            Assert.DoesNotContain(await client.CodeActionsAsync(Uri, single.GetProperty("range")), a => a.GetProperty("title").GetString()!.StartsWith("Fix all", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("a: 1\nb: 2\n", "a: 1\nb: 3\n")]
        [InlineData("a\r\nb\r\n", "a\r\nc\r\nb\r\n")]
        [InlineData("x😀y", "x😁y")]
        [InlineData("same", "same")]
        [InlineData("", "added")]
        [InlineData("aaaa", "aa")]
        [InlineData("\r\n", "\r\r\n")]
        public void The_minimal_edit_turns_the_old_text_into_the_new_and_never_splits_a_pair(string before, string after)
        {
            var edit = TemplateFixAll.MinimalEdit(before, after);
            Assert.Equal(after, TemplateFixWriter.ApplyEdits(before, new[] { edit }));
            Assert.False(edit.Start > 0 && edit.Start < before.Length && char.IsLowSurrogate(before[edit.Start]), "starts inside a surrogate pair");
            var end = edit.Start + edit.Length;
            Assert.False(end > 0 && end < before.Length && char.IsLowSurrogate(before[end]), "ends inside a surrogate pair");
            Assert.False(edit.Start > 0 && edit.Start < before.Length && before[edit.Start - 1] == '\r' && before[edit.Start] == '\n', "starts inside a CRLF");
        }

        [Fact]
        public void The_minimal_edit_holds_on_random_texts()
        {
            var random = new Random(7);
            const string alphabet = "ab\r\n😀";
            for (var i = 0; i < 2000; i++)
            {
                var before = Make(random, alphabet);
                var after = Make(random, alphabet);
                Assert.Equal(after, TemplateFixWriter.ApplyEdits(before, new[] { TemplateFixAll.MinimalEdit(before, after) }));
            }
        }

        private static string Make(Random random, string alphabet)
        {
            var sb = new System.Text.StringBuilder();
            var n = random.Next(0, 12);
            for (var i = 0; i < n; i++)
            {
                // "😀" is two units in the alphabet string: pick it whole.
                var k = random.Next(0, 5);
                sb.Append(k == 4 ? "😀" : alphabet[k].ToString());
            }

            return sb.ToString();
        }
    }
}
