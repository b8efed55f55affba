using System.Threading.Tasks;
using IacAnalyzers.Model;
using IacAnalyzers.Rules.OpenSearch;
using Xunit;
using static IacAnalyzers.Tests.Rules.EncryptionRuleHarness;

namespace IacAnalyzers.Tests.Rules.OpenSearch
{
    public class IAC1006_OpenSearchDomainNotEncryptedAtRestTests
    {
        private static readonly IAC1006_OpenSearchDomainNotEncryptedAtRest Rule = new IAC1006_OpenSearchDomainNotEncryptedAtRest();

        [Fact]
        public void Domain_without_options_is_flagged_with_the_full_message_and_a_dotted_path_fix()
        {
            var finding = Assert.Single(Verify(Rule, """
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
        public void Options_without_Enabled_is_flagged_at_the_options_key_and_the_fix_targets_the_options_map()
        {
            const string yaml = """
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      EncryptionAtRestOptions: { KmsKeyId: abc }
                """;
            Verify(Rule, """
                Resources:
                  Search:
                    Type: AWS::OpenSearchService::Domain
                    Properties:
                      [|EncryptionAtRestOptions|]: { KmsKeyId: abc }
                """);
            var fix = Assert.IsType<SetPropertyFix>(Assert.Single(Run(Rule, yaml)).Fix);
            Assert.Equal("Enabled", fix.Property);
            Assert.StartsWith("{ KmsKeyId", yaml.Substring(fix.Container.Start), System.StringComparison.Ordinal);
        }

        [Fact]
        public void Enabled_false_is_flagged_on_both_domain_types_and_true_is_clean()
        {
            var findings = Verify(Rule, """
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
        public void Domain_without_properties_gets_a_fix_that_creates_them()
        {
            var finding = Assert.Single(Verify(Rule, """
                Resources:
                  [|Search|]:
                    Type: AWS::OpenSearchService::Domain
                """));
            Assert.True(Assert.IsType<SetPropertyFix>(finding.Fix).CreateProperties);
        }

        [Fact]
        public void Json_domains_are_checked()
        {
            Verify(Rule, """
                { "Resources": {
                    [|"Search"|]: { "Type": "AWS::OpenSearchService::Domain", "Properties": {} },
                    "Off": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": [|false|] } } },
                    "On": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EncryptionAtRestOptions": { "Enabled": true } } } } }
                """, "search.json");
        }

        [Fact]
        public void Fn_If_removing_the_options_block_is_flagged_in_that_branch()
        {
            var findings = Verify(Rule, """
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
            var view = View(IAC1006_OpenSearchDomainNotEncryptedAtRest.OpenSearchDomain, "Search",
                Map(10, ("EncryptionAtRestOptions", If("Prod", Map(30, ("Enabled", Bool(true, 32))), Map(40, ("Enabled", Bool(false, 42))), 25))));
            var finding = Assert.Single(Run(Rule, view));
            Assert.Equal(42, finding.Location.Start);
            Assert.Null(finding.Fix);
            Assert.Contains("(when condition 'Prod' is false)", finding.FormatMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public Task Missing_options_block_is_added_with_Enabled_true() =>
            VerifyFixAsync(Rule, """
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
            VerifyFixAsync(Rule, """
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
            VerifyFixAsync(Rule, """
                { "Resources": { [|"Search"|]: { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EngineVersion": "OpenSearch_2.13" } } } }
                """, """
                { "Resources": { "Search": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EngineVersion": "OpenSearch_2.13", "EncryptionAtRestOptions": { "Enabled": true } } } } }
                """, "template.json");
    }
}
