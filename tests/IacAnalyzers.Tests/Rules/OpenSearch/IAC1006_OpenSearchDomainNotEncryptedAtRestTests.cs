using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.OpenSearch;
using Xunit;
using IacAnalyzers.Tests.Verifier;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    public class IAC1006_OpenSearchDomainNotEncryptedAtRestTests
    {
        private static readonly IAC1006_OpenSearchDomainNotEncryptedAtRest Rule = new IAC1006_OpenSearchDomainNotEncryptedAtRest();

        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public async Task Domain_without_options_is_flagged_with_the_full_message_and_a_dotted_path_fix()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
                Resources:
                  [|Search|]:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EngineVersion: OpenSearch_2.13
                """));
            Assert.Equal(
                "OpenSearch domain 'Search' is not encrypted at rest (EncryptionAtRestOptions is not set, so encryption at rest is off): " +
                "set EncryptionAtRestOptions.Enabled to true",
                finding.FormatMessage());
            var fix = Assert.IsType<SetPropertyFix>(finding.Fix);
            Assert.Equal("EncryptionAtRestOptions.Enabled", fix.Property);
            Assert.False(fix.CreateProperties);
        }

        [Fact]
        public async Task Options_without_Enabled_is_flagged_at_the_options_key_and_the_fix_targets_the_options_map()
        {
            const string yaml = """
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions: { KmsKeyId: abc }
                """;
            await VerifyRuleAsync(Rule, """
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      [|EncryptionAtRestOptions|]: { KmsKeyId: abc }
                """);
            var fix = Assert.IsType<SetPropertyFix>(Assert.Single(ViewBuilder.Run(Rule, ViewBuilder.FromTemplate(yaml))).Fix);
            Assert.Equal("Enabled", fix.Property);
            Assert.StartsWith("{ KmsKeyId", yaml.Substring(fix.Container.Start), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Enabled_false_is_flagged_on_both_domain_types_and_true_is_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                  Legacy:
                    Type: AWS::Elasticsearch::Domain
                    Properties:
                      ElasticsearchVersion: '7.10'
                      EncryptionAtRestOptions:
                        Enabled: [|false|]
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        Enabled: true
                  Unknown:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions: !Ref Options
                  UnknownFlag:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        Enabled: !Ref Encrypt
                """);
            Assert.StartsWith("Elasticsearch domain 'Legacy'", Assert.Single(findings).FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Domain_without_properties_gets_a_fix_that_creates_them()
        {
            var finding = Assert.Single(await VerifyRuleAsync(Rule, """
                Resources:
                  [|Search|]:
                    Type: AWS::OpenSearchService::Domain
                """));
            Assert.True(Assert.IsType<SetPropertyFix>(finding.Fix).CreateProperties);
        }

        [Fact]
        public async Task Json_domains_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Resources": {
                    [|"Search"|]: { "Type": "AWS::OpenSearchService::Domain", "Properties": {} },
                    "Off": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": [|false|] } } },
                    "On": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": true } } } } }
                """, "search.json");
        }

        [Fact]
        public async Task Json_legacy_elasticsearch_domains_are_checked()
        {
            await VerifyRuleAsync(Rule, """
                { "Parameters": { "Encrypt": { "Type": "String" } },
                  "Resources": {
                    [|"Legacy"|]: { "Type": "AWS::Elasticsearch::Domain", "Properties": { "ElasticsearchVersion": "7.10" } },
                    "Off": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": [|false|] } } },
                    "On": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": true, "KmsKeyId": "alias/es" } } },
                    "Unknown": { "Type": "AWS::Elasticsearch::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": { "Ref": "Encrypt" } } } } } }
                """, "legacy.json");
        }

        [Fact]
        public async Task Fn_If_removing_the_options_block_is_flagged_in_that_branch()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  Secure: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions: !If [Secure, { Enabled: true }, [|!Ref AWS::NoValue|]]
                """);
            var finding = Assert.Single(findings);
            Assert.Null(finding.Fix);
            Assert.Contains("AWS::NoValue leaves EncryptionAtRestOptions unset", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void One_of_at_the_options_block_names_the_branch()
        {
            var view = v.Resource(IAC1006_OpenSearchDomainNotEncryptedAtRest.OpenSearchDomain, "Search",
                v.M(("EncryptionAtRestOptions", v.If("Prod", v.M(("Enabled", v.B(true, at: 32))), v.M(("Enabled", v.B(false, at: 42))), at: 25))));
            var finding = Assert.Single(ViewBuilder.Run(Rule, view));
            Assert.Equal(42, finding.Location.Start);
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'Prod' is false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_options_block_is_added_with_Enabled_true() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  [|Search|]:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EngineVersion: OpenSearch_2.13
                """, """
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EngineVersion: OpenSearch_2.13
                      EncryptionAtRestOptions:
                        Enabled: true
                """);

        [Fact]
        public Task Enabled_false_is_replaced() =>
            VerifyFixAsync(Rule.Info.Id, """
                Resources:
                  Legacy:
                    Type: AWS::Elasticsearch::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        KmsKeyId: abc
                        Enabled: [|false|]
                """, """
                Resources:
                  Legacy:
                    Type: AWS::Elasticsearch::Domain
                    Properties:
                      EncryptionAtRestOptions:
                        KmsKeyId: abc
                        Enabled: true
                """);

        [Fact]
        public Task Missing_options_block_is_added_in_json() =>
            VerifyFixAsync(Rule.Info.Id, """
                { "Resources": { [|"Search"|]: { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EngineVersion": "OpenSearch_2.13" } } } }
                """, """
                { "Resources": { "Search": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EngineVersion": "OpenSearch_2.13", "EncryptionAtRestOptions": { "Enabled": true } } } } }
                """, "template.json");
    }
}
