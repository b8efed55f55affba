using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// Coverage is a fact: every row of the storage inventory (docs/coverage/inventory.tsv) has exactly one verdict
    /// source, a rule or a line of docs/coverage/verdicts.tsv; docs/coverage.md is what <see cref="Coverage.Markdown"/>
    /// writes (IAC_UPDATE_DOCS=1 rewrites it); the to-do list of unreviewed rows may shrink but not grow.
    /// </summary>
    public class CoverageDocsTests
    {
        /// <summary>
        /// The number of inventory rows whose verdict is <c>unreviewed</c>. A ratchet: it fails when the count grows
        /// (review the new rows instead) and when it shrinks (lower it here, so it cannot grow back unnoticed).
        /// </summary>
        private const int UnreviewedCeiling = 6;

        private readonly ITestOutputHelper output;

        public CoverageDocsTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void Every_inventory_row_has_exactly_one_verdict_source()
        {
            var inventory = Coverage.ReadInventory(out _);
            Assert.True(inventory.Count > 0, "docs/coverage/inventory.tsv is empty");
            var verdicts = Coverage.ReadVerdicts().ToLookup(v => (v.Type, v.Class));
            var rules = Coverage.RulesByRow();
            var problems = inventory
                .Select(row =>
                {
                    var ruleIds = rules[(row.Type, row.Class)].Select(r => r.Info.Id).ToList();
                    var lines = verdicts[(row.Type, row.Class)].ToList();
                    return ruleIds.Count == 0 && lines.Count == 0 ? row + ": no verdict (write a rule or a line in docs/coverage/verdicts.tsv)"
                        : ruleIds.Count > 0 && lines.Count > 0 ? row + ": covered by " + string.Join(", ", ruleIds) + ", so drop its verdict line (" + string.Join(", ", lines) + ")"
                        : null;
                })
                .Where(p => p != null)
                .ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Verdict_lines_are_well_formed_and_name_inventory_rows()
        {
            var rows = Coverage.ReadInventory(out _).Select(r => (r.Type, r.Class)).ToHashSet();
            var lines = Coverage.ReadVerdicts();
            var problems = new System.Collections.Generic.List<string>();
            foreach (var line in lines)
            {
                if (line.Cells != 6)
                {
                    problems.Add(line + ": " + line.Cells + " tab-separated cells, expected 6 (type, class, verdict, since, reference, reason)");
                }

                if (!rows.Contains((line.Type, line.Class)))
                {
                    problems.Add(line + ": not in docs/coverage/inventory.tsv (a type the spec dropped, or a typo)");
                }

                if (Array.IndexOf(Coverage.Verdicts, line.Verdict) < 0)
                {
                    problems.Add(line + ": verdict '" + line.Verdict + "' is none of " + string.Join(", ", Coverage.Verdicts));
                }

                if (line.Reason.Length < 10)
                {
                    problems.Add(line + ": give the reason");
                }

                var hasUrl = line.Reference.StartsWith("https://", StringComparison.Ordinal);
                if (!hasUrl && line.Reference != "-")
                {
                    problems.Add(line + ": the reference is an https:// URL or '-'");
                }

                switch (line.Verdict)
                {
                    case Coverage.AlwaysEncrypted:
                        if (line.Class != Coverage.Encryption)
                        {
                            problems.Add(line + ": always-encrypted is a verdict on encryption rows only");
                        }

                        if (!hasUrl || !Regex.IsMatch(line.Since, @"^(\d{4}(-\d{2}(-\d{2})?)?|launch|undated)$"))
                        {
                            problems.Add(line + ": always-encrypted needs since (yyyy[-mm[-dd]], 'launch' or 'undated') and the AWS page that says so");
                        }

                        break;
                    case Coverage.Planned:
                        if (!Regex.IsMatch(line.Reason, @"IAC\d{4}"))
                        {
                            problems.Add(line + ": a planned verdict names the rule id (range) being written");
                        }

                        break;
                }

                if (line.Verdict != Coverage.AlwaysEncrypted && line.Since != "-")
                {
                    problems.Add(line + ": since is '-' for verdicts other than always-encrypted");
                }
            }

            foreach (var duplicate in lines.GroupBy(l => (l.Type, l.Class)).Where(g => g.Count() > 1))
            {
                problems.Add(duplicate.First() + ": " + duplicate.Count() + " lines for one row");
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void Coverage_page_is_current()
        {
            var expected = Coverage.Markdown();
            var path = Coverage.MarkdownPath;
            var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : string.Empty;
            if (actual == expected)
            {
                return;
            }

            if (Environment.GetEnvironmentVariable("IAC_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
                return;
            }

            Assert.Fail("docs/coverage.md is stale: run `IAC_UPDATE_DOCS=1 dotnet test tests/IacAnalyzers.Tests --filter FullyQualifiedName~DocsTests` and commit the result.");
        }

        [Fact]
        public void Unreviewed_rows_may_shrink_but_not_grow()
        {
            var unreviewed = Coverage.ReadVerdicts().Where(v => v.Verdict == Coverage.Unreviewed).ToList();
            output.WriteLine(unreviewed.Count + " unreviewed inventory rows (ceiling " + UnreviewedCeiling + "):");
            foreach (var line in unreviewed)
            {
                output.WriteLine("  " + line.Type + " (" + line.Class + ")");
            }

            Assert.True(unreviewed.Count <= UnreviewedCeiling,
                unreviewed.Count + " unreviewed rows, more than the ceiling " + UnreviewedCeiling + ": review the new ones (rule, always-encrypted or out-of-scope)");
            Assert.True(unreviewed.Count == UnreviewedCeiling,
                "only " + unreviewed.Count + " unreviewed rows now: lower CoverageDocsTests.UnreviewedCeiling to " + unreviewed.Count);
        }
    }
}
