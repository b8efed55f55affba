using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.CloudFormation;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Issue 7: alias cycles and chains stop the read with IAC0001 (no recursion follows them), reading work is bounded
    /// by budgets (asserted as counts, never as time), and the JSON and YAML readers give one verdict on odd Unicode.
    /// </summary>
    public class ReaderBoundsTests
    {
        private const string Head = "AWSTemplateFormatVersion: '2010-09-09'\n";
        private const string Db = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n";

        private static Template Read(string text)
        {
            var template = TemplateReader.Read("t.yaml", text, CancellationToken.None);
            Assert.NotNull(template);
            _ = template!.Resources.Count;
            return template;
        }

        [Theory]
        [InlineData(Head + Db + "    Properties: &p {Size: 1, Self: *p}\n", "*p")]
        [InlineData(Head + "Parameters:\n  P:\n    Default: &d [*d]\n" + Db + "    Properties: {MultiAZ: !Ref P}\n", "*d")]
        [InlineData(Head + Db + "    Properties:\n      <<: &m {a: *m}\n", "*m")]
        [InlineData(Head + Db + "    Metadata: &m {x: [*m]}\n", "*m")]
        public void Alias_cycle_is_IAC0001_at_the_alias(string text, string alias)
        {
            var template = Read(text);
            var error = Assert.Single(template.Errors);
            Assert.Contains("contain itself", error.Message);
            Assert.Equal(text.IndexOf(alias, System.StringComparison.Ordinal), error.Location.Start);
            Assert.Empty(template.Resources);
        }

        [Fact]
        public void Alias_chain_deeper_than_the_nesting_limit_is_IAC0001()
        {
            var sb = new StringBuilder(Head + "Mappings:\n  M:\n    L:\n    - &a0 [x]\n");
            for (var i = 1; i < 16_000; i++)
            {
                sb.Append("    - &a").Append(i).Append(" [*a").Append(i - 1).Append("]\n");
            }

            sb.Append(Db).Append("    Properties: {Tags: *a15999}\n");
            var error = Assert.Single(Read(sb.ToString()).Errors);
            Assert.Contains("deeper than " + TemplateLimits.MaxDepth + " levels once aliases are expanded", error.Message);
        }

        [Fact]
        public void Short_alias_chain_is_read()
        {
            var sb = new StringBuilder(Head + "Mappings:\n  M:\n    L:\n    - &a0 [x]\n");
            for (var i = 1; i < 100; i++)
            {
                sb.Append("    - &a").Append(i).Append(" [*a").Append(i - 1).Append("]\n");
            }

            sb.Append(Db).Append("    Properties: {Tags: *a99}\n");
            var template = Read(sb.ToString());
            Assert.Empty(template.Errors);
            Assert.Single(template.Resources);
        }

        [Fact]
        public void If_tree_shared_through_aliases_is_cut_by_the_alternatives_budget_with_linear_work()
        {
            var sb = new StringBuilder(Head + "Mappings:\n  M:\n    L:\n    - &i0 !If [C, false, false]\n");
            for (var i = 1; i < 30; i++)
            {
                sb.Append("    - &i").Append(i).Append(" !If [C, *i").Append(i - 1).Append(", *i").Append(i - 1).Append("]\n");
            }

            sb.Append(Db).Append("    Properties: {MultiAZ: *i29, StorageEncrypted: *i29}\n");
            var template = Read(sb.ToString());
            Assert.Contains(template.Errors, e => e.Message.Contains("more than " + ValueBuilderLimits.Alternatives + " alternatives"));
            Assert.DoesNotContain(template.Errors, e => e.Message.Contains("aliases expand"));
            Assert.True(template.ValuesBuilt < 5_000, "values built: " + template.ValuesBuilt);
        }

        [Fact]
        public void Sub_with_fifty_thousand_references_costs_one_lookup_each_and_a_short_provenance()
        {
            var sb = new StringBuilder(Head + "Parameters:\n");
            for (var i = 0; i < 2_000; i++)
            {
                sb.Append("  P").Append(i).Append(": {Type: String, Default: v").Append(i).Append("}\n");
            }

            sb.Append(Db).Append("    Properties:\n      DBName: !Sub \"");
            for (var i = 0; i < 50_000; i++)
            {
                sb.Append("${P").Append(i % 2_000).Append('}');
            }

            sb.Append("\"\n");
            var template = Read(sb.ToString());
            var name = template.Resources[0].Properties.Get("DBName");
            var scalar = Assert.IsType<IacAnalyzers.Model.ScalarValue>(name);
            Assert.Contains("and 49996 more", scalar.Provenance!.Text);
            Assert.True(scalar.Provenance.Text.Length < 2_000);
        }

        [Fact]
        public void Sub_observes_cancellation()
        {
            var sb = new StringBuilder(Head + "Parameters:\n  P: {Type: String, Default: v}\n" + Db + "    Properties:\n      DBName: !Sub \"");
            for (var i = 0; i < 50_000; i++)
            {
                sb.Append("${P}");
            }

            sb.Append("\"\n");
            using var cts = new CancellationTokenSource();
            var template = TemplateReader.Read("t.yaml", sb.ToString(), cts.Token)!;
            cts.Cancel();
            Assert.ThrowsAny<System.OperationCanceledException>(() => template.Resources.Count);
        }

        [Theory]
        [InlineData("\"\\ud800\"", "\\ud800")]
        [InlineData("\"\\udc00\"", "\\udc00")]
        [InlineData("\"\\ud800\\ud800\"", "\\ud800")]
        [InlineData("\"\\udc00\\ud800\"", "\\udc00")]
        [InlineData("\"x\\ud800\"", "\\ud800")]
        public void Lone_surrogate_escape_is_one_verdict_in_json_and_yaml(string value, string escape)
        {
            var json = "{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"DBName\": " + value + "}}}}";
            var almostJson = json.Replace("}}}}", ",}}}}");
            var yaml = Head + Db + "    Properties:\n      DBName: " + value + "\n";
            foreach (var text in new[] { json, almostJson, yaml })
            {
                var document = TemplateDocuments.Parse(text, CancellationToken.None);
                Assert.Equal(UnicodeTextMessage(escape), document.Error);
                Assert.Equal(text.IndexOf(escape, System.StringComparison.Ordinal), document.ErrorOffset);
            }
        }

        [Theory]
        [InlineData("\u2028")]
        [InlineData("\u2029")]
        [InlineData("\u0085")]
        [InlineData("\\ud83d\\ude00")]
        public void Json_and_yaml_readers_agree_on_line_break_lookalikes_and_pairs(string inside)
        {
            foreach (var value in new[] { "\"" + inside + "\"", "\"a" + inside + "b\"" })
            {
                var json = "{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"DBName\": " + value + "}}}}";
                var fast = JsonDocumentReader.TryRead(json, CancellationToken.None);
                Assert.NotNull(fast);
                var expected = fast!.Root!.Get("Resources")!.Get("Db")!.Get("Properties")!.Get("DBName")!.Text;
                foreach (var text in new[] { json, Head + Db + "    Properties:\n      DBName: " + value + "\n", Head + Db + "    Properties: {DBName: " + value + "}\n" })
                {
                    var yaml = YamlDocumentReader.Read(text, CancellationToken.None);
                    Assert.Null(yaml.Error);
                    Assert.Equal(expected, yaml.Root!.Get("Resources")!.Get("Db")!.Get("Properties")!.Get("DBName")!.Text);
                }
            }
        }

        [Fact]
        public void Line_positions_match_roslyn_for_every_line_break()
        {
            var text = "a\u2028b\u0085c\u2029d\r\ne\rf\ng";
            var lines = new LineMap("t.yaml", text);
            var source = Microsoft.CodeAnalysis.Text.SourceText.From(text);
            for (var i = 0; i <= text.Length; i++)
            {
                var expected = source.Lines.GetLinePosition(i);
                Assert.Equal((expected.Line, expected.Character), lines.Position(i));
            }
        }

        [Fact]
        public void Json_with_escaped_key_names_is_still_a_template()
        {
            var json = "{\"A\\u0057STemplateFormatVersion\": \"x\", \"Re\\u0073ources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"MultiAZ\": false}}}}";
            var template = TemplateReader.Read("t.json", json, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Single(template!.Resources);
        }

        [Theory]
        [InlineData("    Properties: {A: [1, 2\n")]
        [InlineData("    Properties: [\n")]
        [InlineData("    Properties: {A: !If [C, {B: 1\n")]
        public void Parser_failures_never_show_an_internal_exception(string tail)
        {
            var document = TemplateDocuments.Parse(Head + Db + tail, CancellationToken.None);
            Assert.NotNull(document.Error);
            Assert.DoesNotContain("Exception", document.Error);
            Assert.DoesNotContain("state of the object", document.Error);
        }

        private static string UnicodeTextMessage(string escape)
            => "the escape " + escape + " is half of a UTF-16 surrogate pair without its other half, which is not a character; write the character itself, or both halves (e.g. \\ud83d\\ude00)";
    }
}
