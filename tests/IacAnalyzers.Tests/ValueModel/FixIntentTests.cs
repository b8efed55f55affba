using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Catalog;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace IacAnalyzers.Tests.ValueModel
{
    /// <summary>
    /// Fix intents: each kind reads back what it wrote; the one CIDR pattern refuses the world; each code fix provider
    /// claims exactly the rules whose intent kinds its writer handles (from the catalog), with a Fix All provider.
    /// </summary>
    public class FixIntentTests
    {
        [Theory]
        [InlineData("0.0.0.0/0")]
        [InlineData("10.1.2.3/0")]
        [InlineData("0.0.0.0/00")]
        [InlineData("203.0.113.0/33")]
        [InlineData("256.0.0.0/8")]
        [InlineData("203.0.113.0")]
        [InlineData("")]
        public void The_ipv4_pattern_refuses_the_world_and_malformed_values(string cidr)
            => Assert.DoesNotMatch(new Regex(CidrPattern.Ipv4), cidr);

        [Theory]
        [InlineData("::/0")]
        [InlineData("2001:db8::/0")]
        [InlineData("::/00")]
        [InlineData("2001:db8::/129")]
        [InlineData("0.0.0.0/0")]
        public void The_ipv6_pattern_refuses_the_world_and_malformed_values(string cidr)
            => Assert.DoesNotMatch(new Regex(CidrPattern.Ipv6), cidr);

        [Theory]
        [InlineData("203.0.113.0/24")]
        [InlineData("10.0.0.1/32")]
        [InlineData("0.0.0.0/1")]
        [InlineData("192.168.0.0/16")]
        public void The_ipv4_pattern_accepts_real_ranges(string cidr) => Assert.Matches(new Regex(CidrPattern.Ipv4), cidr);

        [Theory]
        [InlineData("2001:db8::/32")]
        [InlineData("::1/128")]
        [InlineData("fe80::1:2:3:4/64")]
        public void The_ipv6_pattern_accepts_real_ranges(string cidr) => Assert.Matches(new Regex(CidrPattern.Ipv6), cidr);

        [Theory]
        [InlineData("0.0.0.0/0", CidrPattern.Ipv4)]
        [InlineData("::/0", CidrPattern.Ipv6)]
        public void The_cidr_intent_uses_the_one_pattern_of_its_family(string world, string pattern)
        {
            var intent = ReplaceWithParameterFix.ForCidr(At(5, 9), world, "SshIngressCidr", "CIDR block allowed to reach SSH");
            Assert.Equal(pattern, intent.AllowedPattern);
            Assert.DoesNotMatch(new Regex(intent.AllowedPattern), world);
        }

        [Fact]
        public void Every_intent_kind_reads_back_what_it_wrote()
        {
            var set = new SetPropertyFix("MultiAZ", "true", ScalarKind.Boolean, new FixSpan(10, 20), new FixSpan(15, 5), createProperties: false);
            var setBack = Assert.IsType<SetPropertyFix>(FixIntent.Read(Props(set)));
            Assert.Equal((set.Property, set.Value, set.ValueKind, set.Container, set.Existing, set.CreateProperties, set.Title),
                (setBack.Property, setBack.Value, setBack.ValueKind, setBack.Container, setBack.Existing, setBack.CreateProperties, setBack.Title));

            var add = new SetPropertyFix("EncryptionAtRestOptions.Enabled", "true", ScalarKind.Boolean, new FixSpan(3, 4), null, createProperties: true);
            var addBack = SetPropertyFix.TryRead(Props(add))!;
            Assert.Null(addBack.Existing);
            Assert.True(addBack.CreateProperties);

            var replace = ReplaceWithParameterFix.ForCidr(At(7, 9), "0.0.0.0/0", "SshIngressCidr", "CIDR block allowed to reach SSH", "Allow SSH only from a new parameter");
            var replaceBack = Assert.IsType<ReplaceWithParameterFix>(FixIntent.Read(Props(replace)));
            Assert.Equal((replace.Target, replace.ParameterName, replace.Description, replace.AllowedPattern, replace.ConstraintDescription, replace.Title),
                (replaceBack.Target, replaceBack.ParameterName, replaceBack.Description, replaceBack.AllowedPattern, replaceBack.ConstraintDescription, replaceBack.Title));

            var reader = new AddReaderFix(new FixSpan(40, 12));
            Assert.Equal(reader.Cluster, Assert.IsType<AddReaderFix>(FixIntent.Read(Props(reader))).Cluster);
        }

        [Fact]
        public void Malformed_or_foreign_properties_read_as_no_intent()
        {
            Assert.Null(FixIntent.Read(new Dictionary<string, string?>()));
            Assert.Null(FixIntent.Read(new Dictionary<string, string?> { [FixIntent.KindKey] = "SetProperty" }));
            Assert.Null(FixIntent.Read(new Dictionary<string, string?> { [FixIntent.KindKey] = "Nonsense" }));
            var props = Props(new AddReaderFix(new FixSpan(1, 2)));
            props[AddReaderFix.ClusterStartKey] = "-3";
            Assert.Null(FixIntent.Read(props));
            Assert.Null(SetPropertyFix.TryRead(Props(new AddReaderFix(new FixSpan(1, 2)))));
        }

        public static IEnumerable<object[]> Providers() => new[]
        {
            new object[] { new CSharpSetPropertyFixProvider(), FixKind.SetProperty, Surfaces.Cdk },
            new object[] { new CSharpWorldPeerFixProvider(), FixKind.ReplaceWithParameter, Surfaces.Cdk },
            new object[] { new CSharpAddReaderFixProvider(), FixKind.AddReader, Surfaces.Cdk },
            new object[] { new TemplateCodeFixProvider(), TemplateFixWriter.SupportedKinds, Surfaces.CloudFormation },
        };

        [Theory]
        [MemberData(nameof(Providers))]
        public void Each_provider_claims_exactly_the_rules_that_emit_its_kinds_on_its_surface(CodeFixProvider provider, FixKind kinds, Surfaces surface)
        {
            var expected = RuleCatalog.All.Where(r => (r.Fixes & kinds) != 0 && (r.Surfaces & surface) != 0).Select(r => r.Id).OrderBy(i => i);
            Assert.Equal(expected, provider.FixableDiagnosticIds.OrderBy(i => i));
            foreach (var id in provider.FixableDiagnosticIds)
            {
                var rule = RuleCatalog.All.Single(r => r.Id == id);
                Assert.NotNull(rule.Fix);
            }

            // dotnet format asks the provider for a Fix All action per id it claims: every claimed id has one.
            Assert.NotNull(provider.GetFixAllProvider());
        }

        [Fact]
        public void The_set_property_provider_no_longer_claims_rules_it_never_fixes()
        {
            var ids = new CSharpSetPropertyFixProvider().FixableDiagnosticIds;
            Assert.Contains("IAC1001", ids);
            Assert.Contains("IAC1002", ids);
            Assert.Contains("IAC2001", ids);
            Assert.DoesNotContain("IAC1007", ids);
            Assert.DoesNotContain("IAC1101", ids);
            Assert.DoesNotContain("IAC1201", ids);
            Assert.DoesNotContain("IAC2002", ids);
            Assert.DoesNotContain("IAC0002", ids);
        }

        [Fact]
        public void Every_rule_with_a_fix_is_claimed_by_some_provider_on_each_surface_its_writers_cover()
        {
            var claimed = Providers().SelectMany(p => ((CodeFixProvider)p[0]).FixableDiagnosticIds).ToImmutableHashSet();
            foreach (var rule in RuleCatalog.All.Where(r => r.Fix != null))
            {
                Assert.True(claimed.Contains(rule.Id), rule.Id + " declares a fix but no provider claims it");
            }

            foreach (var rule in RuleCatalog.All.Where(r => r.Fix == null))
            {
                Assert.Equal(FixKind.None, rule.Fixes);
                Assert.False(claimed.Contains(rule.Id), rule.Id + " has no fix but is claimed");
            }
        }

        private static Dictionary<string, string?> Props(FixIntent intent) => new Dictionary<string, string?>(intent.ToProperties());

        [Fact]
        public void Kinds_are_written_by_their_enum_names_and_read_back()
        {
            // The names come from a table indexed by value (not Enum.ToString, not a dictionary keyed by the enum): each
            // value of both enums must still be written as its name and read back as itself.
            foreach (var kind in (ScalarKind[])System.Enum.GetValues(typeof(ScalarKind)))
            {
                var written = new SetPropertyFix("P", "v", kind, new FixSpan(1, 2), null, createProperties: false).ToProperties();
                Assert.Equal(kind.ToString(), written[SetPropertyFix.ValueKindKey]);
                Assert.Equal(FixKind.SetProperty.ToString(), written[FixIntent.KindKey]);
                var read = Assert.IsType<SetPropertyFix>(FixIntent.Read(written.ToDictionary(p => p.Key, p => p.Value)));
                Assert.Equal(kind, read.ValueKind);
            }

            var parameter = ReplaceWithParameterFix.ForCidr(At(5, 9), "0.0.0.0/0", "SshIngressCidr", "CIDR block allowed to reach SSH").ToProperties();
            Assert.Equal(nameof(FixKind.ReplaceWithParameter), parameter[FixIntent.KindKey]);
        }

        private static SourceLocation At(int start, int length) => new SourceLocation("t", start, length, 0, start, 0, start + length);
    }
}
