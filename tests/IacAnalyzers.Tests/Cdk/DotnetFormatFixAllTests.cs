using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.CSharp;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// A combined <c>dotnet format analyzers --diagnostics A B C</c> run, step by step as the SDK's
    /// <c>AnalyzerFormatter</c>/<c>SolutionCodeFixApplier</c> do it (the official test framework has no such mode, so
    /// this is the one place that drives a Fix All by hand): for each id in turn it re-analyses the current solution,
    /// registers fixes for the <em>first</em> diagnostic of that analysis — whatever its id — takes that action's
    /// equivalence key (null when the provider offers nothing for it), and asks the id's provider for a Fix All in
    /// solution scope with that key. The end-to-end test <c>CodeFixTests.One_dotnet_format_run_fixes_several_rules_at_once</c>
    /// runs the real tool on the packed analyzers.
    /// </summary>
    public class DotnetFormatFixAllTests
    {
        private static readonly CodeFixProvider[] Providers =
        {
            new CSharpSetPropertyFixProvider(), new CSharpWorldPeerFixProvider(), new CSharpAddReaderFixProvider(),
        };

        // The world-open SSH rule comes first in the file, so when IAC1002 or IAC1009 is fixed the first diagnostic is
        // another provider's (a null key); the database carries two set-property findings on one creation.
        private const string Source = CdkVerifier.Usings + "using Amazon.CDK.AWS.SQS;\n" + """
            public class MixedStack : Stack
            {
                public MixedStack(Construct scope, IVpc vpc) : base(scope, "Mixed")
                {
                    var bastion = new SecurityGroup(this, "Bastion", new SecurityGroupProps { Vpc = vpc });
                    bastion.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "ssh");
                    _ = new CfnDBInstance(this, "Reports", new CfnDBInstanceProps
                    {
                        Engine = "postgres",
                        DbInstanceClass = "db.t3.micro",
                        AllocatedStorage = "20",
                        StorageEncrypted = false,
                        MultiAz = false,
                    });
                    _ = new CfnVolume(this, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 10, Encrypted = false });
                    _ = new CfnQueue(this, "Jobs", new CfnQueueProps { SqsManagedSseEnabled = false });
                }
            }
            """;

        public static TheoryData<string[]> Orders => new TheoryData<string[]>
        {
            new[] { "IAC1101", "IAC1001", "IAC1002", "IAC1009", "IAC2001" },
            new[] { "IAC2001", "IAC1009", "IAC1002", "IAC1001", "IAC1101" },
            new[] { "IAC1002", "IAC2001", "IAC1101", "IAC1009", "IAC1001" },
        };

        [Theory]
        [MemberData(nameof(Orders))]
        public async Task Every_id_of_a_combined_run_is_fixed_whatever_diagnostic_comes_first(string[] ids)
        {
            var solution = NewSolution(Source, out var documentId);
            var before = await AnalyzeAsync(solution, ids);
            Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), before.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
            Assert.Empty((await solution.Projects.Single().GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            foreach (var id in ids)
            {
                var diagnostics = await AnalyzeAsync(solution, ids);
                if (!diagnostics.Any(d => d.Id == id))
                {
                    continue;
                }

                var first = diagnostics[0];
                var document = solution.GetDocument(first.Location.SourceTree)!;
                var provider = Providers.Single(p => p.FixableDiagnosticIds.Contains(id));
                CodeAction? firstAction = null;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => firstAction ??= a, CancellationToken.None));

                var context = new FixAllContext(
                    document, provider, FixAllScope.Solution, firstAction?.EquivalenceKey!, new[] { id }, new Diagnostics(diagnostics), CancellationToken.None);
                var fix = await provider.GetFixAllProvider()!.GetFixAsync(context);
                Assert.True(fix != null, provider.GetType().Name + " returned no Fix All action for " + id + " (first diagnostic: " + first.Id + ")");
                var operations = await fix!.GetOperationsAsync(CancellationToken.None);
                solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }

            var after = await AnalyzeAsync(solution, ids);
            var text = (await solution.GetDocument(documentId)!.GetTextAsync()).ToString();
            Assert.True(after.IsEmpty, string.Join("\n", after) + "\n" + text);
            Assert.Contains("StorageEncrypted = true,", text, StringComparison.Ordinal);
            Assert.Contains("MultiAz = true,", text, StringComparison.Ordinal);
            Assert.Contains("Size = 10, Encrypted = true });", text, StringComparison.Ordinal);
            Assert.Contains("new CfnQueueProps { SqsManagedSseEnabled = true }", text, StringComparison.Ordinal);
            Assert.Contains("bastion.AddIngressRule(Peer.Ipv4(sshIngressCidr.ValueAsString), Port.Tcp(22), \"ssh\");", text, StringComparison.Ordinal);
            Assert.Empty((await solution.GetDocument(documentId)!.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void Sequential_fix_all_moves_spans_through_an_edit_and_drops_the_ones_it_cuts()
        {
            var change = new TextChange(new TextSpan(10, 5), "true");
            Assert.Equal(new TextSpan(19, 3), SequentialFixAll.Map(new TextSpan(20, 3), change));
            Assert.Equal(new TextSpan(0, 10), SequentialFixAll.Map(new TextSpan(0, 10), change));
            Assert.Equal(new TextSpan(5, 19), SequentialFixAll.Map(new TextSpan(5, 20), change));
            Assert.Null(SequentialFixAll.Map(new TextSpan(12, 10), change));
            Assert.Null(SequentialFixAll.Map(new TextSpan(5, 7), change));
            Assert.Equal(new TextChange(new TextSpan(4, 2), "xyz"), SequentialFixAll.MinimalChange("abcdEFgh", "abcdxyzgh"));
        }

        private static Solution NewSolution(string source, out DocumentId documentId)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            documentId = DocumentId.CreateNewId(projectId);
            return workspace.CurrentSolution
                .AddProject(projectId, "Consumer", "Consumer", LanguageNames.CSharp)
                .WithProjectCompilationOptions(projectId, TestSetup.CompilationOptions())
                .WithProjectParseOptions(projectId, TestSetup.ParseOptions())
                .AddMetadataReferences(projectId, TestReferences.All)
                .AddDocument(documentId, "MixedStack.cs", SourceText.From(source), filePath: "/0/MixedStack.cs");
        }

        /// <summary>The run's diagnostics of the given ids, in file order (as the formatter's analysis lists them).</summary>
        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution, string[] ids)
        {
            var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
            var diagnostics = await CdkVerifier.AnalyzeAsync(compilation);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _all;

            public Diagnostics(ImmutableArray<Diagnostic> all) => _all = all;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_all);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult(_all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
