using System.Linq;
using System.Threading;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>The suppression the server's "Suppress … with a reason" action writes, on every shape of resource it edits.</summary>
    public sealed class SuppressionWriterTests
    {
        private const string Reason = "TODO: say why";

        public static TheoryData<string, string> Shapes() => new TheoryData<string, string>
        {
            { "yaml-no-metadata", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n      MultiAZ: false\n" },
            { "yaml-metadata", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      Comment: legacy\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n      MultiAZ: false\n" },
            { "yaml-block-list", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      IacAnalyzers:\n        Suppress:\n          - Id: IAC1001\n            Reason: encrypted by the snapshot it restores\n    Properties:\n      Engine: postgres\n      MultiAZ: false\n" },
            { "yaml-block-list-last", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MultiAZ: false\n    Metadata:\n      IacAnalyzers:\n        Suppress:\n        - Id: IAC1001\n          Reason: encrypted by the snapshot it restores\n" },
            { "yaml-flow-list", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      IacAnalyzers:\n        Suppress: [{ Id: IAC1001, Reason: restored snapshot }]\n    Properties:\n      Engine: postgres\n      MultiAZ: false\n" },
            { "yaml-without-suppress", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      IacAnalyzers: {}\n    Properties:\n      Engine: postgres\n      StorageEncrypted: true\n      MultiAZ: false\n" },
            { "yaml-flow-body", "Resources:\n  Db: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, StorageEncrypted: true, MultiAZ: false } }\n" },
            { "json-no-metadata", LanguageServerTests.SingleAzJson },
            { "json-metadata", "{\n  \"Resources\": {\n    \"Db\": {\n      \"Type\": \"AWS::RDS::DBInstance\",\n      \"Metadata\": { \"Comment\": \"legacy\" },\n      \"Properties\": { \"Engine\": \"postgres\", \"StorageEncrypted\": true, \"MultiAZ\": false }\n    }\n  }\n}\n" },
            { "json-list", "{\n  \"Resources\": {\n    \"Db\": {\n      \"Type\": \"AWS::RDS::DBInstance\",\n      \"Metadata\": { \"IacAnalyzers\": { \"Suppress\": [\n        { \"Id\": \"IAC1001\", \"Reason\": \"restored snapshot\" }\n      ] } },\n      \"Properties\": { \"Engine\": \"postgres\", \"MultiAZ\": false }\n    }\n  }\n}\n" },
            { "json-empty-list", "{ \"Resources\": { \"Db\": { \"Type\": \"AWS::RDS::DBInstance\", \"Metadata\": { \"IacAnalyzers\": { \"Suppress\": [] } }, \"Properties\": { \"Engine\": \"postgres\", \"StorageEncrypted\": true, \"MultiAZ\": false } } } }\n" },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void The_written_entry_suppresses_the_finding_and_keeps_the_others(string shape, string text)
        {
            var path = shape.StartsWith("json", System.StringComparison.Ordinal) ? "t.json" : "t.yaml";
            var before = TemplateEngine.Analyze(path, text, null, CancellationToken.None)!;
            var target = before.Findings.Single(f => f.Rule.Id == "IAC2001");
            Assert.False(target.IsSuppressed);
            var suppressedBefore = before.Findings.Count(f => f.IsSuppressed);

            var edits = SuppressionTemplateWriter.Edits(text, "Db", "IAC2001", Reason);
            Assert.NotNull(edits);
            var after = TemplateFixWriter.ApplyEdits(text, edits!);

            var analysis = TemplateEngine.Analyze(path, after, null, CancellationToken.None)!;
            Assert.DoesNotContain(analysis.Findings, f => f.Rule.Id is "IAC0001" or "IAC0003");
            var suppressed = analysis.Findings.Single(f => f.Rule.Id == "IAC2001");
            Assert.True(suppressed.IsSuppressed, shape + ":\n" + after);
            Assert.Equal(Reason, suppressed.Suppression!.Reason);
            Assert.Equal(suppressedBefore + 1, analysis.Findings.Count(f => f.IsSuppressed));
            // The same findings, less an IAC0003 for an IacAnalyzers entry without its list (the new list completes it).
            Assert.Equal(before.Findings.Count(f => f.Rule.Id != "IAC0003"), analysis.Findings.Count);
        }

        [Fact]
        public void An_unknown_resource_or_an_unreadable_text_gets_no_edit()
        {
            Assert.Null(SuppressionTemplateWriter.Edits(LanguageServerTests.SingleAzYaml, "Missing", "IAC2001", Reason));
            Assert.Null(SuppressionTemplateWriter.Edits("Resources: [", "Db", "IAC2001", Reason));
        }
    }
}
