using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Catalog;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// Guard rails: a rule claims a surface in the catalog only when tests exercise it there. The test files of a rule
    /// are those under tests/IacAnalyzers.Tests/Rules named after its id, plus any file there that names its id in markup.
    /// </summary>
    public class RuleCoverageTests
    {
        /// <summary>
        /// Rules whose CloudFormation types have no L2 construct in aws-cdk-lib 2.160.0 (ElastiCache replication groups
        /// and cache clusters, DAX clusters, Firehose delivery streams outside the alpha package, WorkSpaces, Glue,
        /// Redshift, Amazon MQ, DMS, DLM lifecycle policies, and FSx but Lustre exist only as <c>Cfn*</c> constructs): for them L1 tests are the
        /// whole CDK surface.
        /// </summary>
        private static readonly string[] WithoutL2Construct =
        {
            "IAC1005", "IAC1011", "IAC1012", "IAC1020", "IAC1022", "IAC1023", "IAC1024", "IAC1025",
            "IAC1031", "IAC1033",
            "IAC2003", "IAC2005", "IAC2007", "IAC2008", "IAC2009", "IAC2010",
            "IAC2011", "IAC2012", "IAC2013",
        };

        private static readonly Lazy<(string Name, string Text)[]> TestFiles = new Lazy<(string, string)[]>(() =>
            Directory.GetFiles(RepositoryPaths.Combine("tests", "IacAnalyzers.Tests", "Rules"), "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
                .ToArray());

        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleSet.All)
            {
                data.Add(rule.Info.Id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Claimed_template_surface_has_yaml_and_json_tests(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            if ((rule.Surfaces & Surfaces.CloudFormation) == 0)
            {
                return;
            }

            var files = FilesOf(id).Where(f => !f.Name.EndsWith("CdkTests.cs", StringComparison.Ordinal)).ToArray();
            Assert.True(files.Length > 0, id + " claims CloudFormation but has no template test file under tests/IacAnalyzers.Tests/Rules");
            Assert.True(files.Any(f => f.Text.Contains("Resources:", StringComparison.Ordinal)), id + ": no YAML template test");
            Assert.True(files.Any(f => f.Text.Contains("\"Resources\"", StringComparison.Ordinal)), id + ": no JSON template test");
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Claimed_cdk_surface_has_L1_and_L2_tests(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            if ((rule.Surfaces & Surfaces.Cdk) == 0)
            {
                return;
            }

            var files = FilesOf(id).Where(f => f.Text.Contains(": Stack", StringComparison.Ordinal) || f.Text.Contains("CdkVerifier.InStack(", StringComparison.Ordinal)).ToArray();
            Assert.True(files.Length > 0, id + " claims CDK C# but no test compiles a Stack that names it");
            Assert.True(files.Any(f => Regex.IsMatch(f.Text, @"public (async Task|void) L1_")), id + ": no L1_ test");
            if (Array.IndexOf(WithoutL2Construct, id) < 0)
            {
                Assert.True(files.Any(f => Regex.IsMatch(f.Text, @"public (async Task|void) L2_")), id + ": no L2_ test");
            }
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Claimed_fix_has_a_fix_test(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            if (rule.Fix == null)
            {
                return;
            }

            Assert.True(
                FilesOf(id).Any(f => Regex.IsMatch(f.Text, @"VerifyCodeFixAsync|VerifyFixAsync|FixedState|FixedCode")),
                id + " claims a code fix but no test of it applies a fix");
        }

        private static (string Name, string Text)[] FilesOf(string id)
            => TestFiles.Value
                .Where(f => f.Name.StartsWith(id + "_", StringComparison.Ordinal)
                    || f.Text.Contains("{|" + id + ":", StringComparison.Ordinal)
                    || f.Text.Contains("\"" + id + "\"", StringComparison.Ordinal))
                .ToArray();
    }
}
