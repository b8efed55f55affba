using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.ValueModel
{
    /// <summary>The typed value model: conditions with polarity, consistent paths, bounded leaves, the finding text helpers.</summary>
    public class BranchPathTests
    {
        private static readonly SourceLocation Loc = new SourceLocation("t", 0, 1, 0, 0, 0, 1);

        private static Value If(string condition, Value whenTrue, Value whenFalse)
            => new OneOfValue(new[] { new Branch(Condition.Template(condition), true, whenTrue), new Branch(Condition.Template(condition), false, whenFalse) }, Loc);

        private static Value B(bool value) => new ScalarValue(value ? "true" : "false", ScalarKind.Boolean, Loc);

        [Fact]
        public void A_branch_names_its_condition_and_polarity()
        {
            var cfn = new Branch(Condition.Template("IsProd"), false, B(true));
            var cs = new Branch(Condition.CSharp("isProd"), true, B(true));
            Assert.Equal("when condition 'IsProd' is false", cfn.Label);
            Assert.Equal("when `isProd` is true", cs.Label);
            Assert.NotEqual(Condition.Template("isProd"), Condition.CSharp("isProd"));
            Assert.Equal(Condition.Template("IsProd"), cfn.WithValue(B(false)).Condition);
        }

        [Fact]
        public void Joined_paths_keep_each_step_once_and_know_when_they_contradict()
        {
            var c = Condition.Template("C");
            var d = Condition.Template("D");
            var joined = BranchPath.Join(BranchPath.Of(c, true), BranchPath.Of(d, false), BranchPath.Of(c, true))!;
            Assert.True(joined.IsConsistent);
            Assert.Equal(2, joined.Count);
            Assert.Equal("when condition 'C' is true and when condition 'D' is false", joined.Describe());
            Assert.False(BranchPath.Join(BranchPath.Of(c, true), BranchPath.Of(c, false))!.IsConsistent);
            Assert.True(BranchPath.Consistent(null, null));
            Assert.Null(BranchPath.Join(null, null));
        }

        [Fact]
        public void Leaves_drop_impossible_paths()
        {
            // !If [C, !If [C, true, false], true]: "C is true and C is false" cannot happen.
            var value = If("C", If("C", B(true), B(false)), B(true));
            var leaves = value.Leaves().ToList();
            Assert.Equal(2, leaves.Count);
            Assert.All(leaves, l => Assert.True(l.Value.IsTrue()));
            Assert.Equal("when condition 'C' is true", leaves[0].Branch);
        }

        [Fact]
        public void Leaves_of_a_shared_tree_are_bounded()
        {
            // A tree shared through aliases: 2^16 paths over 16 nodes. Leaves stop at the budget with one unknown.
            Value value = B(false);
            for (var i = 0; i < 16; i++)
            {
                value = If("C" + i, value, value);
            }

            var leaves = value.Leaves().ToList();
            Assert.Equal(ValueExtensions.MaxLeaves + 1, leaves.Count);
            Assert.IsType<UnknownValue>(leaves[leaves.Count - 1].Value);
        }

        [Fact]
        public void Leaves_do_not_enter_one_of_values_past_the_depth_bound()
        {
            Value value = B(false);
            for (var i = 0; i < ValueExtensions.MaxDepth + 4; i++)
            {
                value = new OneOfValue(new[] { new Branch(Condition.CSharp("c" + i), true, value) }, Loc);
            }

            Assert.IsType<OneOfValue>(Assert.Single(value.Leaves()).Value);
        }

        [Fact]
        public void Finding_text_names_the_first_paths_and_counts_the_rest()
        {
            var paths = new List<BranchPath?>();
            for (var i = 0; i < 5; i++)
            {
                paths.Add(BranchPath.Of(Condition.Template("C" + i), false));
            }

            Assert.Equal("when condition 'C0' is false or when condition 'C1' is false, and 3 more", FindingText.Paths(paths));
            Assert.Equal(" (a; b)", FindingText.Suffix("a", null, "b", "a", ""));
            Assert.Equal(string.Empty, FindingText.Suffix(null, ""));
        }

        [Fact]
        public void Provenance_has_an_origin_and_a_text_and_written_values_have_none()
        {
            var written = B(false);
            Assert.Equal(ValueOrigin.Written, written.Origin);
            var defaulted = written.WithProvenance(Provenance.CdkDefault("the CDK default (X: false)"));
            Assert.Equal(ValueOrigin.CdkDefault, defaulted.Origin);
            Assert.Equal("the CDK default (X: false)", defaulted.Provenance!.Text);
            Assert.True(new Leaf(defaulted, null).IsFixableInPlace());
            Assert.Null(new Leaf(defaulted, null).ExistingForFix());
            Assert.False(new Leaf(written.WithProvenance(Provenance.ParameterDefault("the Default of parameter 'P'")), null).IsFixableInPlace());
            Assert.False(new Leaf(written, BranchPath.Of(Condition.CSharp("c"), true)).IsFixableInPlace());
        }
    }
}
