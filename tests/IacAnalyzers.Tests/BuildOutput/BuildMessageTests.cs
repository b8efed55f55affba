using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Cdk;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Cdk;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace IacAnalyzers.Tests.BuildOutput
{
    /// <summary>
    /// What `dotnet build` prints: every finding carries its Well-Architected pillar and best practice, and a C# finding
    /// names the C# property (MultiAz) where a template finding names the CloudFormation one (MultiAZ).
    /// </summary>
    public class BuildMessageTests
    {
        public static TheoryData<string> Ids() => Repository.CatalogTests.Ids();

        [Theory]
        [MemberData(nameof(Ids))]
        public void Message_ends_with_pillar_and_best_practice(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            var format = Descriptors.For(rule).MessageFormat.ToString(CultureInfo.InvariantCulture);
            if (rule.Pillar == Pillar.Tool)
            {
                Assert.Equal(rule.MessageFormat, format);
                return;
            }

            Assert.Equal(rule.MessageFormat + " [" + Descriptors.PillarName(rule.Pillar) + " \u00b7 " + rule.BestPractice + "]", format);
        }

        [Fact]
        public void Pillar_names_are_written_as_the_framework_writes_them()
        {
            Assert.Equal("Security", Descriptors.PillarName(Pillar.Security));
            Assert.Equal("Performance Efficiency", Descriptors.PillarName(Pillar.PerformanceEfficiency));
            Assert.Equal("Cost Optimization", Descriptors.PillarName(Pillar.CostOptimization));
            Assert.Equal("Operational Excellence", Descriptors.PillarName(Pillar.OperationalExcellence));
        }

        [Fact]
        public async Task CSharp_names_are_listed_per_construct_type_once_per_compilation_and_never_mixed()
        {
            // Two databases and two replication groups in one compilation: the names listed for CfnDBInstanceProps
            // (MultiAz) are reused for the second database, and never lent to a replication group (MultiAzEnabled).
            var compilation = CdkVerifier.Compile(new[]
            {
                """
                using Amazon.CDK;
                using Amazon.CDK.AWS.ElastiCache;
                using Amazon.CDK.AWS.RDS;
                using Constructs;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db1", new CfnDBInstanceProps { Engine = "postgres", StorageEncrypted = true, MultiAz = false });
                        new CfnDBInstance(this, "Db2", new CfnDBInstanceProps { Engine = "postgres", StorageEncrypted = true, MultiAz = false });
                        new CfnReplicationGroup(this, "Cache1", new CfnReplicationGroupProps { ReplicationGroupDescription = "c", Engine = "redis", NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = false, AtRestEncryptionEnabled = true, TransitEncryptionEnabled = true });
                        new CfnReplicationGroup(this, "Cache2", new CfnReplicationGroupProps { ReplicationGroupDescription = "c", Engine = "redis", NumCacheClusters = 2, AutomaticFailoverEnabled = true, MultiAzEnabled = false, AtRestEncryptionEnabled = true, TransitEncryptionEnabled = true });
                    }
                }
                """,
            });
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CdkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            var messages = diagnostics.Where(d => d.Id == "IAC2001" || d.Id == "IAC2003")
                .Select(d => (d.Id, Message: d.GetMessage(CultureInfo.InvariantCulture)))
                .OrderBy(d => d.Message, StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(new[] { "IAC2001", "IAC2001", "IAC2003", "IAC2003" }, messages.Select(m => m.Id).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(messages.Where(m => m.Id == "IAC2001"), m => Assert.Contains("set MultiAz to true", m.Message, StringComparison.Ordinal));
            Assert.All(messages.Where(m => m.Id == "IAC2003"), m => Assert.Contains("enable MultiAzEnabled and AutomaticFailoverEnabled", m.Message, StringComparison.Ordinal));
            Assert.All(messages, m => Assert.DoesNotContain("MultiAZ", m.Message, StringComparison.Ordinal));
        }

        [Fact]
        public async Task CSharp_finding_names_the_CSharp_property_and_keeps_the_rule_metadata()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.RDS;
                using Constructs;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", StorageEncrypted = true, MultiAz = [|false|] });
                    }
                }
                """, "IAC2001");
            var diagnostic = diagnostics.Single();
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            Assert.Contains("set MultiAz to true", message, StringComparison.Ordinal);
            Assert.DoesNotContain("MultiAZ", message, StringComparison.Ordinal);
            Assert.EndsWith("[Reliability \u00b7 REL10-BP01]", message, StringComparison.Ordinal);

            // Only the wording differs: id, severity, category, help link and tags are the catalog's.
            var catalog = Descriptors.For(RuleCatalog.Find("IAC2001")!);
            Assert.Equal(catalog.Id, diagnostic.Descriptor.Id);
            Assert.Equal(catalog.DefaultSeverity, diagnostic.Descriptor.DefaultSeverity);
            Assert.Equal(catalog.Category, diagnostic.Descriptor.Category);
            Assert.Equal(catalog.HelpLinkUri, diagnostic.Descriptor.HelpLinkUri);
            Assert.Equal(catalog.CustomTags, diagnostic.Descriptor.CustomTags);
        }

        [Fact]
        public void Only_casing_of_property_like_words_outside_quotes_changes()
        {
            var names = CSharpNames.Of("MultiAz", "Encrypted", "Kms", "MultiAzEnabled");
            Assert.Equal("set MultiAz to true", names.Rewrite("set MultiAZ to true"));
            Assert.Equal("MultiAzEnabled is false", names.Rewrite("MultiAZEnabled is false"));
            // English words and acronyms stay; quoted construct ids and code stay; longer words are not split.
            Assert.Equal("is not encrypted; use a KMS key", names.Rewrite("is not encrypted; use a KMS key"));
            Assert.Equal("instance 'MULTIAZ' (when `MultiAZ` is false)", names.Rewrite("instance 'MULTIAZ' (when `MultiAZ` is false)"));
            Assert.Equal("MultiAZX", names.Rewrite("MultiAZX"));
            var same = "nothing to change";
            Assert.Same(same, names.Rewrite(same));
        }

        [Fact]
        public void A_rules_descriptor_is_spelled_once_per_set_of_names()
        {
            var catalog = Descriptors.For(RuleCatalog.Find("IAC2001")!);
            var names = CSharpNames.Of("MultiAz");

            var first = names.Spell(catalog);

            Assert.Same(first, names.Spell(catalog));
            Assert.Equal(names.Rewrite(catalog.MessageFormat.ToString(CultureInfo.InvariantCulture)), first.MessageFormat.ToString(CultureInfo.InvariantCulture));
            Assert.Contains("MultiAz", first.MessageFormat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.DoesNotContain("MultiAZ", first.MessageFormat.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            // Names with nothing to rewrite hand back the catalog's own descriptor.
            Assert.Same(catalog, CSharpNames.Of("Unrelated").Spell(catalog));
        }

        [Fact]
        public void Names_differing_only_by_case_are_not_guessed()
        {
            var names = CSharpNames.Of("MultiAz", "MultiAZ2", "Multiaz");
            Assert.Equal("set MultiAZ to true", names.Rewrite("set MultiAZ to true"));
        }
    }
}
