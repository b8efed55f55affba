using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Cdk;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// The body index's own operation walk gives what Roslyn's <c>Descendants()</c> gives, in the same order, with each
    /// one's kind (it does not ask the kinds it takes for leaves for their children: a leaf kind that had children would
    /// lose them here).
    /// </summary>
    public class OperationWalkTests
    {
        private const string Shapes = """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            public class Shapes
            {
                private int field = 1 + 2;

                public int Property { get; set; } = 3;

                public Shapes() : this(1) { }

                public Shapes(int seed) { field = seed; }

                public IEnumerable<int> Iterate(int[] items, object o)
                {
                    foreach (var item in items.Where(i => i > field).Select(i => i * 2))
                    {
                        yield return item switch { > 10 => item, _ => -item };
                    }

                    if (o is string { Length: > 2 } s && s.Length != 0)
                    {
                        yield return s.Length;
                    }

                    try
                    {
                        using var disposable = new System.IO.MemoryStream();
                        yield return Local(disposable.Capacity);
                    }
                    finally
                    {
                        field++;
                    }

                    int Local(int x) => x + Property;
                }

                // Each kind the walk takes for a leaf, once.
                public int Leaves(int parameter)
                {
                    _ = typeof(string);
                    var local = default(int) + sizeof(int) + parameter + this.field;
                    ;
                    return local;
                }

                public string Describe((int A, string B) pair, int? maybe) => $"{pair.A}:{pair.B}:{maybe ?? 0}:{new[] { 1, 2 }.Length}";
            }
            """;

        public static IEnumerable<object[]> Sources()
        {
            yield return new object[] { "shapes", new[] { Shapes } };
            yield return new object[] { "a generated three-stack CDK app", CdkAppGenerator.Generate(3).Select(f => f.Text).ToArray() };
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void Walk_equals_Descendants_for_every_body(string what, string[] sources)
        {
            var compilation = CdkVerifier.Compile(sources);
            var bodies = 0;
            var operations = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
#pragma warning disable RS1030 // A test over a compilation of its own.
                var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (!(node is BaseMethodDeclarationSyntax || node is AccessorDeclarationSyntax || node is LocalFunctionStatementSyntax
                        || node is ArrowExpressionClauseSyntax || node is EqualsValueClauseSyntax || node is ConstructorInitializerSyntax))
                    {
                        continue;
                    }

                    var root = model.GetOperation(node);
                    if (root == null)
                    {
                        continue;
                    }

                    bodies++;
                    operations += AssertWalkEqualsDescendants(root);
                }
            }

            // Enough of each source was walked for the comparison to mean something.
            Assert.True(bodies >= 8 && operations >= 150, what + ": " + bodies + " bodies, " + operations + " operations");
        }

        [Fact]
        public void A_tree_deeper_than_the_walks_first_array_is_walked_whole()
        {
            // The walk keeps one enumerator per open level in an array that starts at 16 and grows: 200 nested additions
            // inside two ifs and a lambda go past it several times.
            var nested = string.Concat(Enumerable.Repeat("(1 + ", 200)) + "x" + new string(')', 200);
            var compilation = CdkVerifier.Compile(new[] { "using System; class Deep { int M(int x) { if (x > 0) { Func<int, int> f = y => { if (y > 1) { return " + nested + "; } return y; }; return f(x); } return 0; } }" });
            var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Deep"));
#pragma warning disable RS1030 // A test over a compilation of its own.
            var root = compilation.GetSemanticModel(tree).GetOperation(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single())!;
#pragma warning restore RS1030

            var deepest = root.Descendants().Max(o => Depth(o, root));
            Assert.True(deepest > 200, "depth " + deepest);
            Assert.True(AssertWalkEqualsDescendants(root) > 400);
        }

        /// <summary>The walk gives <c>Descendants()</c>, in order, each with its kind; returns how many.</summary>
        private static int AssertWalkEqualsDescendants(IOperation root)
        {
            var expected = root.Descendants().ToList();
            var walked = new List<IOperation>();
            var walk = new OperationWalk(root);
            while (walk.MoveNext())
            {
                Assert.Equal(walk.Current.Kind, walk.CurrentKind);
                walked.Add(walk.Current);
            }

            Assert.Equal(expected.Count, walked.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Same(expected[i], walked[i]);
            }

            return walked.Count;
        }

        private static int Depth(IOperation operation, IOperation root)
        {
            var depth = 0;
            for (var p = operation; p != null && !ReferenceEquals(p, root); p = p.Parent)
            {
                depth++;
            }

            return depth;
        }
    }
}
