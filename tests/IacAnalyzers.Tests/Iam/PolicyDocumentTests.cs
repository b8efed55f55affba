using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;
using IacAnalyzers.Tests.Verifier;

namespace IacAnalyzers.Tests.Iam
{
    public class PolicyDocumentTests
    {
        private readonly ViewBuilder v = new ViewBuilder();

        [Fact]
        public void Statement_as_map_or_list_and_elements_as_string_or_list_are_read()
        {
            var single = PolicyDocument.Read(v.M(("Statement", v.M(("Effect", v.S("Allow")), ("Action", v.S("s3:GetObject")), ("Resource", v.S("*"))))), PolicyKind.Identity, "PolicyDocument");
            var st = Assert.Single(single.Statements);
            Assert.Equal(-1, st.Index);
            Assert.Equal("the statement of PolicyDocument", st.Label);
            Assert.Equal(new[] { "s3:GetObject" }, st.Actions.Select(a => a.Text).ToArray());
            Assert.True(st.HasStarResource);

            var listed = PolicyDocument.Read(
                v.M(("Statement", v.L(
                    v.M(("Sid", v.S("One")), ("Effect", v.S("Deny")), ("Action", v.L(v.S("a:B"), v.S("c:D")))),
                    v.M(("Effect", v.S("Allow")), ("NotAction", v.S("iam:*")), ("Resource", v.L(v.S("arn:x"))))))),
                PolicyKind.Resource,
                "KeyPolicy");
            Assert.Equal(2, listed.Statements.Count);
            Assert.Equal("statement 'One' of KeyPolicy", listed.Statements[0].Label);
            Assert.Equal("statement 2 of KeyPolicy", listed.Statements[1].Label);
            Assert.False(listed.Statements[0].IsAllow);
            Assert.True(listed.Statements[1].IsAllow);
            Assert.Equal(new[] { "a:B", "c:D" }, listed.Statements[0].Actions.Select(a => a.Text).ToArray());
            Assert.NotNull(listed.Statements[1].NotActionEntry);
            Assert.False(listed.Statements[1].HasStarResource);
        }

        [Fact]
        public void Unknown_documents_statements_and_effects_yield_nothing_to_flag()
        {
            Assert.Empty(PolicyDocument.Read(v.Unknown(), PolicyKind.Identity, "PolicyDocument").Statements);
            Assert.Empty(PolicyDocument.Read(v.M(("Statement", v.Unknown())), PolicyKind.Identity, "PolicyDocument").Statements);
            var st = PolicyDocument.Read(v.M(("Statement", v.L(v.M(("Effect", v.Unknown()), ("Action", v.S("*")))))), PolicyKind.Identity, "P").Statements.Single();
            Assert.False(st.IsAllow);
            var unknownAction = PolicyDocument.Read(v.M(("Statement", v.L(v.M(("Effect", v.S("Allow")), ("Action", v.L(v.Unknown(), v.S("s3:*"))))))), PolicyKind.Identity, "P").Statements.Single();
            Assert.Equal(new string?[] { null, "s3:*" }, unknownAction.Actions.Select(a => a.Text).ToArray());
        }

        [Fact]
        public void One_of_branches_are_followed_and_named()
        {
            var action = v.If("Prod", v.S("s3:GetObject"), v.S("*"));
            var doc = PolicyDocument.Read(
                v.M(("Statement", v.L(v.If("Strict", v.M(("Effect", v.S("Deny")), ("Action", v.S("*"))), v.M(("Effect", v.S("Allow")), ("Action", action), ("Resource", v.S("*"))))))),
                PolicyKind.Identity,
                "PolicyDocument");
            Assert.Equal(2, doc.Statements.Count);
            var allow = doc.Statements.Single(s => s.IsAllow);
            Assert.Equal("when condition 'Strict' is false", allow.Branch?.Describe());
            var star = allow.Actions.Single(a => a.Text == "*");
            Assert.Equal(" (when condition 'Strict' is false and when condition 'Prod' is false)", star.Detail());

            var oneOfEffect = PolicyDocument.Read(v.M(("Statement", v.M(("Effect", v.If("Open", v.S("Allow"), v.S("Deny"))), ("Action", v.S("*"))))), PolicyKind.Identity, "P").Statements.Single();
            Assert.True(oneOfEffect.TryGetAllow(out var effectBranch));
            Assert.Equal("when condition 'Open' is true", effectBranch?.Describe());
        }

        [Fact]
        public void Rules_flag_a_one_of_branch_and_say_which()
        {
            var star = v.S("*");
            var view = v.Resource("AWS::IAM::ManagedPolicy", "P", v.M(("PolicyDocument", v.M(("Statement", v.L(v.M(("Effect", v.S("Allow")), ("Action", v.If("Admin", star, v.S("s3:GetObject"))), ("Resource", v.S("arn:aws:s3:::b/*")))))))));
            var findings = new List<Finding>();
            foreach (var rule in RuleSet.ForType(view.Type))
            {
                rule.Analyze(view, findings);
            }

            var finding = Assert.Single(findings);
            Assert.Equal("IAC1201", finding.Rule.Id);
            Assert.Same(star.Location, finding.Location);
            Assert.Equal("'P' allows every action (Action '*') in statement 1 of PolicyDocument (when condition 'Admin' is true): list only the actions the workload needs", finding.FormatMessage());
        }

        [Fact]
        public void Sources_find_documents_where_cloudformation_puts_them()
        {
            Assert.Contains("AWS::S3::BucketPolicy", PolicyDocumentSources.PrincipalDocumentTypes);
            Assert.Contains("AWS::IAM::Role", PolicyDocumentSources.PrincipalDocumentTypes);
            Assert.DoesNotContain("AWS::IAM::Policy", PolicyDocumentSources.PrincipalDocumentTypes);
            Assert.Contains("AWS::IAM::Role", PolicyDocumentSources.IdentityDocumentTypes);
            Assert.Contains("AWS::Serverless::Function", PolicyDocumentSources.IdentityDocumentTypes);
            Assert.DoesNotContain("AWS::S3::BucketPolicy", PolicyDocumentSources.IdentityDocumentTypes);

            var doc = v.M(("Statement", v.L()));
            var role = v.Resource(
                "AWS::IAM::Role",
                "R", v.M(("AssumeRolePolicyDocument", doc),
                ("Policies", v.L(v.M(("PolicyName", v.S("a")), ("PolicyDocument", doc)), v.M(("PolicyDocument", doc)))),
                ("ManagedPolicyArns", v.L(v.S("arn:aws:iam::aws:policy/ReadOnlyAccess"), v.Unknown()))));
            var docs = PolicyDocumentSources.Documents(role);
            Assert.Equal(new[] { "AssumeRolePolicyDocument", "Policies[0] 'a'", "Policies[1]" }, docs.Select(d => d.Description).ToArray());
            Assert.Equal(new[] { PolicyKind.Trust, PolicyKind.Identity, PolicyKind.Identity }, docs.Select(d => d.Kind).ToArray());
            Assert.Equal(new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess" }, PolicyDocumentSources.ManagedPolicies(role).Select(p => p.Text).ToArray());
            Assert.Empty(PolicyDocumentSources.Documents(v.Resource("AWS::S3::Bucket", "B")));
        }

        [Fact]
        public void A_views_documents_and_a_statements_elements_are_read_once_and_shared_by_the_rules()
        {
            // Every IAM rule that judges statements walks the same documents: one read per view, one per element.
            var props = v.M(("PolicyDocument", v.M(("Statement", v.M(("Effect", v.S("Allow")), ("Action", v.L(v.S("s3:GetObject"), v.S("s3:PutObject"))), ("Resource", v.S("*")))))));
            var view = v.Resource("AWS::IAM::Policy", "P", props);
            var first = PolicyDocumentSources.Documents(view);
            Assert.Same(first, PolicyDocumentSources.Documents(view));
            var statement = Assert.Single(Assert.Single(first).Statements);
            Assert.Same(statement.Actions, statement.Actions);
            Assert.Same(statement.Resources, statement.Resources);
            Assert.Equal(new[] { "s3:GetObject", "s3:PutObject" }, statement.Actions.Select(a => a.Text).ToArray());
            Assert.Empty(statement.NotActions);
            Assert.Empty(statement.NotResources);

            // Another view of the same properties (a copy a front-end made) reads its own, equal documents.
            var copy = v.Resource("AWS::IAM::Policy", "P", props);
            var again = PolicyDocumentSources.Documents(copy);
            Assert.NotSame(first, again);
            Assert.Equal(first.Select(d => d.Description), again.Select(d => d.Description));
        }
    }
}
