using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Threading;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Iam
{
    /// <summary>
    /// The IAM statement rules follow one-of branches as the value model does: a value reached only on a path the
    /// statement's Effect cannot allow on ("IsDev is false" for the value, Allow only when IsDev is true) is not a
    /// finding, and many branches to the same risk give one finding per statement element, naming the first paths
    /// and "and N more".
    /// </summary>
    public class IamBranchPathTests
    {
        private const string Head = """
            Parameters:
              Env: { Type: String }
            Conditions:
              IsDev: !Equals [!Ref Env, dev]
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
            """;

        private const string BucketHead = """
            Parameters:
              Env: { Type: String }
            Conditions:
              IsDev: !Equals [!Ref Env, dev]
            Resources:
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: b
                  PolicyDocument:
                    Statement:
            """;

        [Fact]
        public async Task Star_action_on_a_branch_the_effect_denies_is_not_flagged()
        {
            await Run("IAC1201", Head + Statement("""
                - Effect: !If [IsDev, Allow, Deny]
                  Action: !If [IsDev, s3:GetObject, "*"]
                  Resource: "*"
                """));
        }

        [Fact]
        public async Task Star_action_on_the_branch_the_effect_allows_is_flagged_with_that_branch()
        {
            var diagnostics = await Run("IAC1201", Head + Statement("""
                - Effect: !If [IsDev, Allow, Deny]
                  Action: !If [IsDev, [|"*"|], s3:GetObject]
                  Resource: "*"
                """));
            Assert.Contains("(when condition 'IsDev' is true)", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Contradictory_statement_and_element_paths_are_dropped_for_every_statement_rule()
        {
            // The statement exists only when IsDev is true; its inner values asked for IsDev false are impossible.
            await Run("IAC1202", Head + Statement("""
                - !If
                  - IsDev
                  - Effect: Allow
                    Action: !If [IsDev, s3:GetObject, "s3:*"]
                    Resource: !If [IsDev, arn:aws:s3:::b/*, "*"]
                  - !Ref AWS::NoValue
                """));
        }

        [Fact]
        public async Task Any_principal_on_a_contradictory_path_is_not_flagged_and_on_a_possible_one_is()
        {
            const string Rest = """
                  Action: s3:GetObject
                  Resource: arn:aws:s3:::b/*
                """;
            await Run("IAC1205", BucketHead + Statement("""
                - Effect: !If [IsDev, Deny, Allow]
                  Principal: !If [IsDev, "*", { AWS: arn:aws:iam::123456789012:root }]

                """ + Rest));
            var diagnostics = await Run("IAC1205", BucketHead + Statement("""
                - Effect: !If [IsDev, Deny, Allow]
                  Principal: !If [IsDev, { AWS: arn:aws:iam::123456789012:root }, [|"*"|]]

                """ + Rest));
            Assert.Contains("when condition 'IsDev' is false", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_64_way_if_tree_of_star_actions_in_json_is_one_finding_naming_two_paths_and_the_count_of_the_rest()
        {
            // The value builder keeps up to 64 alternatives (ValueBuilder.MaxAlternatives): a depth-6 tree, every leaf "*".
            var diagnostics = await Run("IAC1201", Json(IfTree(6, first: true)), json: true);
            var message = diagnostics.Single().GetMessage();
            Assert.Contains(
                "when condition 'C1' is true and when condition 'C2' is true and when condition 'C3' is true and when condition 'C4' is true and when condition 'C5' is true and when condition 'C6' is true or ",
                message,
                System.StringComparison.Ordinal);
            Assert.Contains(", and 62 more)", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_4096_item_action_list_of_ifs_is_one_finding_per_statement_element()
        {
            // 2^12 paths to "*" through one list: one IAC1201 and one IAC1202 for the statement, not one per item.
            var items = new StringBuilder();
            for (var i = 0; i < 4096; i++)
            {
                var star = i == 0 ? "[|\"*\"|]" : "\"*\"";
                var wide = i == 1 ? "{|IAC1202:\"s3:*\"|}" : "\"s3:*\"";
                items.Append(i == 0 ? string.Empty : ", ").Append("{\"Fn::If\": [\"C").Append((i % 12) + 1).Append("\", ").Append(i % 2 == 0 ? star : wide).Append(", \"s3:GetObject\"]}");
            }

            var diagnostics = await Run("IAC1201", Json("[" + items + "]"), json: true);
            Assert.Equal(2, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Contains(" more", d.GetMessage(), System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_4096_way_if_tree_is_cut_by_the_value_builder_and_never_reaches_the_rules()
        {
            // Depth 12: past the 64-alternative budget the Action is unknown (IAC0001 once), so IAC1201 stays silent.
            var analysis = TemplateEngine.Analyze("policy.json", Json(IfTree(12, first: false)), null, CancellationToken.None)!;
            Assert.DoesNotContain(analysis.Findings, f => f.Rule.Id == "IAC1201");
            Assert.Single(analysis.Findings, f => f.Rule.Id == "IAC0001");
        }

        /// <summary>The dialect's template check (only <paramref name="rule"/> and the tool ids on), in policy.yaml or policy.json.</summary>
        private static Task<IReadOnlyList<Diagnostic>> Run(string rule, string template, bool json = false)
            => VerifyTemplateAsync(json ? "policy.json" : "policy.yaml", template, rule);

        /// <summary>Statement list items, indented under <c>Statement:</c> of the heads.</summary>
        private static string Statement(string items)
            => "\n" + string.Join("\n", items.Split('\n').Select(line => line.Length == 0 ? line : "        " + line));

        /// <summary>A JSON Fn::If tree over conditions C1..C{depth}, every leaf "*" (the first marked when asked).</summary>
        private static string IfTree(int depth, bool first)
        {
            var text = new StringBuilder();
            var marked = false;
            void Node(int level)
            {
                if (level > depth)
                {
                    text.Append(first && !marked ? "[|\"*\"|]" : "\"*\"");
                    marked = true;
                    return;
                }

                text.Append("{\"Fn::If\": [\"C").Append(level).Append("\", ");
                Node(level + 1);
                text.Append(", ");
                Node(level + 1);
                text.Append("]}");
            }

            Node(1);
            return text.ToString();
        }

        private static string Json(string action)
        {
            var conditions = string.Join(", ", Enumerable.Range(1, 12).Select(i => "\"C" + i + "\": {\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"v" + i + "\"]}"));
            return "{\"Parameters\": {\"Env\": {\"Type\": \"String\"}}, \"Conditions\": {" + conditions + "}, \"Resources\": {\"Policy\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {\"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": "
                   + action + "}]}}}}}";
        }
    }
}
