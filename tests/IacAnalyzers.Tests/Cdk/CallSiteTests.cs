using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Parameters of constructors and helper methods whose calls are all in the compilation: the value each call passes
    /// (or the parameter's default), a one-of over the calls, reported at the use and naming the call; anything that
    /// keeps a call out of sight (a library's public member, a delegate, too many calls, a written parameter) stays unknown.
    /// </summary>
    public class CallSiteTests
    {
        [Fact]
        public async Task Stack_constructor_parameter_takes_the_value_its_only_call_passes()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class DbStack : Stack
                {
                    public DbStack(Construct scope, string id, bool multiAz) : base(scope, id)
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|] });
                    }
                }

                class SafeStack : Stack
                {
                    public SafeStack(Construct scope, string id, bool multiAz) : base(scope, id)
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        var app = new App();
                        new DbStack(app, "Db", false);
                        new SafeStack(app, "Safe", true);
                        app.Synth();
                    }
                }
                """);
            Assert.Equal(
                "RDS DB instance 'Db' runs in a single Availability Zone (from the argument for `multiAz` at `new DbStack(app, \"Db\", false)` in Test0.cs line 31): " +
                "set MultiAz to true so a standby in another zone takes over on failure [Reliability · REL10-BP01]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Optional_parameter_default_decides_when_no_call_passes_it()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class DbStack : Stack
                {
                    public DbStack(Construct scope, string id, IVpc vpc, bool multiAz = false) : base(scope, id)
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = [|multiAz|] });
                    }
                }

                class NetStack : Stack
                {
                    public IVpc Vpc { get; }

                    public NetStack(Construct scope) : base(scope, "Net")
                    {
                        Vpc = new Vpc(this, "Vpc");
                        new DbStack(this, "Db", Vpc);
                    }
                }
                """);
            var finding = diagnostics.Single();
            Assert.Contains("the default of `multiAz`, which `new DbStack(this, \"Db\", Vpc)`", finding.GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Calls_passing_different_values_give_a_one_of_named_by_call()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                class DbStack : Stack
                {
                    public DbStack(Construct scope, string id, bool multiAz = false) : base(scope, id)
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|] });
                    }
                }

                class Deployments
                {
                    public Deployments(App app)
                    {
                        new DbStack(app, "Prod", multiAz: true);
                        new DbStack(app, "Dev");
                        new DbStack(app, "Test", true);
                    }
                }
                """);
            var message = diagnostics.Single().GetMessage();
            Assert.Contains("when called at `new DbStack(app, \"Dev\")`", message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("Prod", message, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Private_helper_parameters_come_from_its_calls()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        AddDatabase("Orders", false);
                        AddDatabase("Users", true);
                        AddEncryptedDatabase("Audit", true);
                        AddEncryptedDatabase("Logs", true);
                    }

                    private void AddDatabase(string id, bool multiAz)
                    {
                        new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|] });
                    }

                    private void AddEncryptedDatabase(string id, bool multiAz)
                    {
                        new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                    }
                }
                """);
            Assert.Contains("when called at `AddDatabase(\"Orders\", false)`", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task Arguments_that_are_the_callers_parameters_are_followed_a_few_calls_up()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        AddTier("Orders", false);
                    }

                    private void AddTier(string name, bool highlyAvailable) => AddDatabase(name + "Db", highlyAvailable);

                    private void AddDatabase(string id, bool multiAz)
                    {
                        new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|] });
                    }
                }
                """);
        }

        [Fact]
        public async Task Calls_out_of_sight_leave_the_parameter_unknown()
        {
            var nineCalls = string.Join("\n", Enumerable.Range(0, CallSites.MaxCallSites + 1).Select(i => $"        Many(\"Db{i}\", false);"));
            await CdkVerifier.VerifyRuleAsync("""
                // A library's public constructor: other assemblies may call it.
                public class PublicStack : Stack
                {
                    public PublicStack(Construct scope, bool multiAz) : base(scope, "Public")
                    {
                        new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                    }
                }

                class AppStack : Stack
                {
                    public AppStack(Construct scope, string[] args) : base(scope, "App")
                    {
                        new PublicStack(this, false);
                        System.Action<string, bool> later = AsDelegate;
                        AsDelegate("Direct", false);
                        Written("Written", false);
                        FromArgs("Args", args.Length > 0);
                """ + nineCalls + """

                    }

                    private void AsDelegate(string id, bool multiAz) => new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });

                    private void Written(string id, bool multiAz)
                    {
                        if (id.Length > 3)
                        {
                            multiAz = true;
                        }

                        new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                    }

                    private void FromArgs(string id, bool multiAz) => new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });

                    private void Many(string id, bool multiAz) => new CfnDBInstance(this, id, new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });

                    private void NeverCalled(bool multiAz) => new CfnDBInstance(this, "Never", new CfnDBInstanceProps { Engine = "postgres", MultiAz = multiAz });
                }
                """);
        }

        [Fact]
        public async Task In_an_application_public_constructors_are_called_only_by_its_code()
        {
            var test = new CSharpAnalyzerVerifier<CdkAnalyzer>.Test
            {
                TestCode = CdkVerifier.Usings + """
                    public class DbStack : Stack
                    {
                        public DbStack(Construct scope, string id, bool multiAz = false) : base(scope, id)
                        {
                            new CfnDBInstance(this, "Db", new CfnDBInstanceProps { Engine = "postgres", MultiAz = [|multiAz|] });
                        }
                    }

                    public static class Program
                    {
                        public static void Main()
                        {
                            var app = new App();
                            new DbStack(app, "Db");
                            app.Synth();
                        }
                    }
                    """,
                RuleUnderTest = "IAC2001",
            };
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectCompilationOptions(projectId, solution.GetProject(projectId)!.CompilationOptions!.WithOutputKind(OutputKind.ConsoleApplication)));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void Calls_are_searched_once_per_method_and_only_where_the_name_appears()
        {
            var compilation = CdkVerifier.Compile(new[]
            {
                CdkVerifier.Usings + """
                    class DbStack : Stack
                    {
                        public DbStack(Construct scope, string id, bool multiAz) : base(scope, id) { }
                    }

                    class Program
                    {
                        static void Run(App app)
                        {
                            new DbStack(app, "A", false);
                            new DbStack(app, "B", true);
                        }
                    }
                    """,
                CdkVerifier.Usings + """
                    class Unrelated : Stack
                    {
                        public Unrelated(Construct scope) : base(scope, "Other") { new Bucket(this, "B"); }
                    }
                    """,
            });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var constructor = compilation.GetTypeByMetadataName("DbStack")!.InstanceConstructors.Single();

            var first = symbols.CallSites.Of(constructor, CancellationToken.None);
            var bound = symbols.CallSites.BindingCount;
            var second = symbols.CallSites.Of(constructor, CancellationToken.None);

            Assert.Equal(2, first.Sites!.Count);
            Assert.Same(first, second);
            Assert.Equal(bound, symbols.CallSites.BindingCount);

            // Bound: the two `DbStack` names in creations plus DbStack's own `: base(...)`; nothing in the other file.
            Assert.Equal(3, bound);

            // A public constructor can be called from any file: found through the index of names.
            Assert.True(symbols.CallSites.NameIndexBuilt);
        }
    
        [Fact]
        public void A_private_helper_is_searched_for_only_in_its_own_type()
        {
            // The same private helper in every stack of an app: each query binds only its own type's calls, not every
            // file that uses the name (that made a 50-stack app quadratic).
            var sources = Enumerable.Range(0, 6).Select(i => CdkVerifier.Usings + $$"""
                class Stack{{i}} : Stack
                {
                    public Stack{{i}}(Construct scope) : base(scope, "S{{i}}") { Make({{(i % 2 == 0 ? "true" : "false")}}); }

                    private void Make(bool multiAz) { }
                }
                """).ToArray();
            var compilation = CdkVerifier.Compile(sources);
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var make = compilation.GetTypeByMetadataName("Stack3")!.GetMembers("Make").OfType<IMethodSymbol>().Single();

            var result = symbols.CallSites.Of(make, CancellationToken.None);

            var site = Assert.Single(result.Sites!);
            Assert.Contains("Make(false)", site.Syntax.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, symbols.CallSites.BindingCount);

            // Nor does it need the compilation-wide index of names (a walk of every token of every file).
            Assert.False(symbols.CallSites.NameIndexBuilt);
        }

        [Fact]
        public void The_name_in_comments_strings_and_longer_identifiers_is_not_a_use()
        {
            // Uses are found by searching the text for the name: only real identifiers are bound.
            var compilation = CdkVerifier.Compile(new[] { CdkVerifier.Usings + """
                class Stack1 : Stack
                {
                    /// <summary>Calls <see cref="Make"/> once.</summary>
                    public Stack1(Construct scope) : base(scope, "S1")
                    {
                        // Make(true) in a comment
                        var text = "Make(true)";
                        MakeMore();
                        @Make(false);
                    }

                    private void Make(bool multiAz) { }

                    private void MakeMore() { }
                }
                """ });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var make = compilation.GetTypeByMetadataName("Stack1")!.GetMembers("Make").OfType<IMethodSymbol>().Single();

            var result = symbols.CallSites.Of(make, CancellationToken.None);

            var site = Assert.Single(result.Sites!);
            Assert.Contains("@Make(false)", site.Syntax.ToString(), StringComparison.Ordinal);

            // The call and the declaration's own name; not the comment, the string, the cref or MakeMore.
            Assert.Equal(1, symbols.CallSites.BindingCount);
        }

        [Fact]
        public void A_call_spelled_with_a_unicode_escape_is_still_found()
        {
            // \u004Dake is Make: the text search cannot see it, so the file is walked node by node instead.
            var compilation = CdkVerifier.Compile(new[] { CdkVerifier.Usings + """
                class Stack1 : Stack
                {
                    public Stack1(Construct scope) : base(scope, "S1")
                    {
                        Make(true);
                        \u004Dake(false);
                    }

                    private void Make(bool multiAz) { }
                }
                """ });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var make = compilation.GetTypeByMetadataName("Stack1")!.GetMembers("Make").OfType<IMethodSymbol>().Single();

            var result = symbols.CallSites.Of(make, CancellationToken.None);

            Assert.Equal(2, result.Sites!.Count);
            Assert.Contains(result.Sites, s => s.Syntax.ToString().Contains("(false)", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Make(false);", 2)]
        [InlineData("Make(false);", 1)]
        [InlineData("\\u004Dake(false);", 1)]
        public void A_name_or_escape_across_two_chunks_of_the_text_search_is_still_seen(string call, int beforeEnd)
        {
            // The search copies the text out in chunks: a name (or a \u escape) that starts `beforeEnd` characters before
            // a chunk's end must still be seen whole (a miss would leave the call out, and the value look known).
            string Source(int pad) => CdkVerifier.Usings + $$"""
                class Stack1 : Stack
                {
                    public Stack1(Construct scope) : base(scope, "S1")
                    {
                        Make(true);
                        // {{new string('x', pad)}}
                        {{call}}
                    }

                    private void Make(bool multiAz) { }
                }
                """;
            int Offset(string source)
            {
                // Where the call starts, counted from the helper's type (the text the search reads).
                var type = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
                return source.IndexOf(call, type.FullSpan.Start, StringComparison.Ordinal) - type.FullSpan.Start;
            }

            var padded = Source(CallSites.ChunkLength - beforeEnd - Offset(Source(0)));
            Assert.Equal(CallSites.ChunkLength - beforeEnd, Offset(padded));
            var compilation = CdkVerifier.Compile(new[] { padded });
            var symbols = CdkSymbols.TryCreate(compilation)!;
            var make = compilation.GetTypeByMetadataName("Stack1")!.GetMembers("Make").OfType<IMethodSymbol>().Single();

            var result = symbols.CallSites.Of(make, CancellationToken.None);

            Assert.Equal(2, result.Sites!.Count);
            Assert.Contains(result.Sites, s => s.Syntax.ToString().Contains("(false)", StringComparison.Ordinal));
        }
    }
}
