using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Catalog;
using IacAnalyzers.Host;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>Guard rails: the catalog is consistent with itself, the id ranges, the rules and the docs.</summary>
    public class CatalogTests
    {
        public static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }

        [Fact]
        public void Ids_are_unique()
        {
            var duplicates = RuleCatalog.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, "duplicate ids: " + string.Join(", ", duplicates));
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Id_is_in_its_pillars_range(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            Assert.Matches(new Regex("^IAC[0-9]{4}$"), id);
            var ranges = File.ReadAllLines(RepositoryPaths.Combine("src", "IacAnalyzers.Core", "Catalog", "IdRanges.txt"))
                .Where(l => l.Length > 0 && l[0] != '#')
                .Select(l => l.Split(':'))
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Split('-'));
            Assert.True(ranges.ContainsKey(rule.Pillar.ToString()), "IdRanges.txt has no range for " + rule.Pillar);
            var range = ranges[rule.Pillar.ToString()];
            Assert.True(
                string.CompareOrdinal(id, range[0]) >= 0 && string.CompareOrdinal(id, range[1]) <= 0,
                id + " is outside the " + rule.Pillar + " range " + range[0] + "-" + range[1]);
            Assert.Equal((int)rule.Pillar, id[3] - '0');
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Entry_is_complete_and_help_link_is_an_existing_doc_page(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), id + ": title");
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), id + ": description");
            Assert.False(string.IsNullOrWhiteSpace(rule.MessageFormat), id + ": message");
            Assert.False(rule.Title.EndsWith(".", StringComparison.Ordinal), id + ": a title has no final period");
            if (rule.Pillar != Pillar.Tool)
            {
                Assert.Matches(new Regex("^(SEC|REL|PERF|COST|OPS|SUS)[0-9]{2}-BP[0-9]{2}$"), rule.BestPractice);
                Assert.True(rule.Surfaces != Surfaces.None, id + ": surfaces");
            }

            Assert.True(rule.Fix != null ^ rule.NoFixReason != null, id + ": exactly one of Fix and NoFixReason");
            Assert.EndsWith(rule.DocPath, rule.HelpLink, StringComparison.Ordinal);
            Assert.True(File.Exists(RepositoryPaths.Combine(rule.DocPath.Split('/'))), id + ": missing " + rule.DocPath);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Descriptor_carries_pillar_best_practice_and_surfaces(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            var descriptor = Descriptors.For(rule);
            Assert.Equal(rule.Id, descriptor.Id);
            Assert.Equal(rule.Pillar.ToString(), descriptor.Category);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.Contains(Descriptors.PillarTagPrefix + rule.Pillar, descriptor.CustomTags);
            if (rule.BestPractice.Length > 0)
            {
                Assert.Contains(Descriptors.BestPracticeTagPrefix + rule.BestPractice, descriptor.CustomTags);
            }
        }

        [Fact]
        public void Every_rule_has_a_catalog_entry_and_every_entry_a_rule()
        {
            var ruleIds = RuleSet.All.Select(r => r.Info.Id).ToHashSet();
            var catalogIds = RuleCatalog.All.Where(r => r.Pillar != Pillar.Tool).Select(r => r.Id).ToHashSet();
            Assert.Empty(catalogIds.Except(ruleIds));
            Assert.Empty(ruleIds.Except(RuleCatalog.All.Select(r => r.Id)));
        }

        [Fact]
        public void Every_catalog_rule_id_has_exactly_one_rule()
        {
            foreach (var info in RuleCatalog.All.Where(r => r.Pillar != Pillar.Tool))
            {
                var rules = RuleSet.All.Where(r => r.Info.Id == info.Id).Select(r => r.GetType().Name).ToList();
                Assert.True(rules.Count == 1, info.Id + " has " + rules.Count + " rules: " + string.Join(", ", rules));
            }
        }

        [Fact]
        public void Every_rule_class_is_discovered()
        {
            // Discovery needs a public parameterless constructor; a rule without one would be silently left out.
            var discovered = RuleSet.All.Select(r => r.GetType()).ToHashSet();
            var missing = RuleSet.RuleTypes().Where(t => !discovered.Contains(t)).Select(t => t.Name).ToList();
            Assert.True(missing.Count == 0, "rule classes without a public parameterless constructor: " + string.Join(", ", missing));
            Assert.True(RuleSet.All.Count >= 20, "rule discovery found only " + RuleSet.All.Count + " rules");
        }

        [Fact]
        public void Every_catalog_field_is_discovered_and_found_by_id()
        {
            var fields = typeof(RuleCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(f => f.FieldType == typeof(RuleInfo))
                .ToList();
            Assert.All(fields, f => Assert.True(f.IsInitOnly, "RuleCatalog." + f.Name + " must be static readonly"));
            Assert.Equal(fields.Count, RuleCatalog.All.Count);
            Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal), RuleCatalog.All.Select(r => r.Id));
            foreach (var field in fields)
            {
                var info = (RuleInfo)field.GetValue(null)!;
                Assert.NotNull(info);
                Assert.Same(info, RuleCatalog.Find(info.Id));
            }

            Assert.Null(RuleCatalog.Find("IAC9999"));
        }

        [Fact]
        public void Each_catalog_entry_lives_in_the_file_of_its_id_range()
        {
            // RuleCatalog.<Range>.cs: an entry's declaration sits in the file whose range holds its id.
            var catalogDir = RepositoryPaths.Combine("src", "IacAnalyzers.Core", "Catalog");
            var ranges = new (string File, string From, string To)[]
            {
                ("RuleCatalog.Tool.cs", "IAC0000", "IAC0999"),
                ("RuleCatalog.SecurityEncryption.cs", "IAC1001", "IAC1099"),
                ("RuleCatalog.SecurityNetwork.cs", "IAC1100", "IAC1199"),
                ("RuleCatalog.SecurityIam.cs", "IAC1200", "IAC1299"),
                ("RuleCatalog.Reliability.cs", "IAC2000", "IAC2999"),
            };
            foreach (var rule in RuleCatalog.All)
            {
                var range = ranges.FirstOrDefault(r => string.CompareOrdinal(rule.Id, r.From) >= 0 && string.CompareOrdinal(rule.Id, r.To) <= 0);
                Assert.True(range.File != null, rule.Id + " has no catalog file for its range: add RuleCatalog.<Range>.cs and list it here");
                var text = File.ReadAllText(Path.Combine(catalogDir, range.File));
                Assert.True(text.Contains("\"" + rule.Id + "\","), rule.Id + " is not declared in " + range.File);
            }
        }

        [Fact]
        public void Each_rule_lives_in_a_file_named_after_its_id()
        {
            var rulesDir = RepositoryPaths.Combine("src", "IacAnalyzers.Core", "Rules");
            foreach (var rule in RuleSet.All)
            {
                var type = rule.GetType();
                Assert.StartsWith(rule.Info.Id + "_", type.Name, StringComparison.Ordinal);
                var files = Directory.GetFiles(rulesDir, type.Name + ".cs", SearchOption.AllDirectories);
                Assert.True(files.Length == 1, type.Name + ".cs not found once under src/IacAnalyzers.Core/Rules");
            }
        }

        [Fact]
        public void Release_tracking_lists_every_catalog_id_with_its_category_and_severity()
        {
            var lines = File.ReadAllLines(RepositoryPaths.Combine("src", "IacAnalyzers", "AnalyzerReleases.Shipped.md"))
                .Concat(File.ReadAllLines(RepositoryPaths.Combine("src", "IacAnalyzers", "AnalyzerReleases.Unshipped.md")))
                .Where(l => l.StartsWith("IAC", StringComparison.Ordinal))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
                .ToList();
            foreach (var rule in RuleCatalog.All)
            {
                var row = lines.FirstOrDefault(c => c[0] == rule.Id);
                Assert.True(row != null, rule.Id + " is missing from AnalyzerReleases.Unshipped.md");
                Assert.Equal(rule.Category, row![1]);
                var severity = rule.Level == RuleLevel.Disabled ? "Disabled" : Descriptors.SeverityOf(rule.Level).ToString();
                Assert.True(severity == row[2], rule.Id + ": release tracking says " + row[2] + ", catalog says " + severity);
            }

            var unknown = lines.Select(c => c[0]).Except(RuleCatalog.All.Select(r => r.Id)).ToList();
            Assert.True(unknown.Count == 0, "release tracking lists ids not in the catalog: " + string.Join(", ", unknown));
        }
    }
}
