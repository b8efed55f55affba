using System;
using System.IO;
using System.Linq;
using IacAnalyzers.Catalog;
using Xunit;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// Docs cannot drift: the generated block of each rule page and the README rules table must equal what the catalog
    /// generates. Run with IAC_UPDATE_DOCS=1 to rewrite them (then review and commit the change).
    /// </summary>
    public class DocsTests
    {
        private static readonly string[] CommonSections =
        {
            "## Why it matters",
            "## Defaults and unknowns",
            "## Options",
            "## How to suppress",
            "## References",
        };

        private static readonly string[] CdkSections = { "## Non-compliant CDK C#", "## Compliant CDK C#" };

        private static readonly string[] TemplateSections = { "## Non-compliant CloudFormation", "## Compliant CloudFormation" };

        private static bool Update => Environment.GetEnvironmentVariable("IAC_UPDATE_DOCS") == "1";

        public static TheoryData<string> Ids() => CatalogTests.Ids();

        [Theory]
        [MemberData(nameof(Ids))]
        public void Rule_page_is_current_and_complete(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            var path = RepositoryPaths.Combine(rule.DocPath.Split('/'));
            Assert.True(File.Exists(path), "missing " + rule.DocPath);
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            Assert.StartsWith("# " + rule.Id + ": " + rule.Title + "\n", text, StringComparison.Ordinal);
            var required = CommonSections
                .Concat((rule.Surfaces & Surfaces.Cdk) != 0 ? CdkSections : Array.Empty<string>())
                .Concat((rule.Surfaces & Surfaces.CloudFormation) != 0 ? TemplateSections : Array.Empty<string>());
            foreach (var section in required)
            {
                Assert.True(text.Contains("\n" + section + "\n", StringComparison.Ordinal), rule.DocPath + " lacks the section '" + section + "'");
            }

            var expected = DocGenerator.ReplaceBetween(text, DocGenerator.BlockBegin, DocGenerator.BlockEnd, DocGenerator.RuleBlock(rule));
            CompareOrUpdate(path, text, expected);
        }

        [Fact]
        public void Readme_rules_table_is_current()
        {
            var path = RepositoryPaths.Combine("README.md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var expected = DocGenerator.ReplaceBetween(text, DocGenerator.TableBegin, DocGenerator.TableEnd, DocGenerator.ReadmeTable());
            CompareOrUpdate(path, text, expected);
        }

        [Fact]
        public void Release_tracking_of_unshipped_rules_is_current()
        {
            var shipped = File.ReadAllText(RepositoryPaths.Combine("src", "IacAnalyzers", "AnalyzerReleases.Shipped.md"));
            var path = RepositoryPaths.Combine("src", "IacAnalyzers", "AnalyzerReleases.Unshipped.md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            CompareOrUpdate(path, text, DocGenerator.UnshippedReleases(shipped));
        }

        [Fact]
        public void No_doc_page_without_a_rule()
        {
            var ids = RuleCatalog.All.Select(r => r.Id + ".md").ToHashSet();
            var orphans = Directory.GetFiles(RepositoryPaths.Combine("docs", "rules"), "*.md")
                .Select(Path.GetFileName)
                .Where(f => !ids.Contains(f!))
                .ToList();
            Assert.True(orphans.Count == 0, "doc pages without a catalog entry: " + string.Join(", ", orphans));
        }

        private static void CompareOrUpdate(string path, string actual, string expected)
        {
            if (actual == expected)
            {
                return;
            }

            if (Update)
            {
                File.WriteAllText(path, expected);
                return;
            }

            Assert.Fail(path + " is stale: run `IAC_UPDATE_DOCS=1 dotnet test tests/IacAnalyzers.Tests --filter FullyQualifiedName~DocsTests` and commit the result.");
        }
    }
}
