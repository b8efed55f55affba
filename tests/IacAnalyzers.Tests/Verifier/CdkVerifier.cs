using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Cdk;
using IacAnalyzers.CodeFixes.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// C# CDK rule tests on the official verifier: <see cref="VerifyRuleAsync"/> is
    /// <c>new CSharpAnalyzerVerifier&lt;CdkAnalyzer&gt;.Test { TestCode = Usings + source, RuleUnderTest = id }</c>, so
    /// <c>[|...|]</c> marks the rule under test, <c>{|IAC1001:...|}</c> another rule the test names, and every other
    /// rule is off. <see cref="Compile"/> and <see cref="AnalyzeAsync"/> are the raw path for front-end unit tests that
    /// inspect a compilation or the analyzer itself (registration counts, telemetry) rather than expected diagnostics.
    /// </summary>
    public static class CdkVerifier
    {
        /// <summary>The usings a CDK test source starts with (prepended by <see cref="VerifyRuleAsync"/>).</summary>
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.KMS;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            using Constructs;

            """;

        /// <summary>
        /// A CDK stack class <c>{name}Stack</c> (construct id <paramref name="name"/>) whose constructor takes
        /// <c>Construct scope</c> and <paramref name="parameters"/> and runs <paramref name="setup"/> then
        /// <paramref name="body"/>; <paramref name="usings"/> go first (<see cref="Usings"/> are prepended by the verify
        /// methods). For rule tests whose cases are statements in one constructor, so the class shell is written once.
        /// </summary>
        public static string InStack(string body, string parameters = "", string setup = "", string usings = "", string name = "App")
            => usings + "\n\npublic class " + name + "Stack : Stack\n{\n    public " + name + "Stack(Construct scope" + (parameters.Length > 0 ? ", " + parameters : string.Empty)
               + ") : base(scope, \"" + name + "\")\n    {\n" + setup + "\n" + body + "\n    }\n}\n";

        /// <summary>
        /// Verifies <paramref name="markup"/> (with <see cref="Usings"/> prepended; <paramref name="otherSources"/> too)
        /// with only <paramref name="ruleId"/>, the ids its markup names and the tool ids enabled. Returns what the
        /// analyzer reported, for assertions on part of a message.
        /// </summary>
        public static Task<ImmutableArray<Diagnostic>> VerifyRuleAsync(string markup, string ruleId = "IAC2001", params string[] otherSources)
            => VerifyRuleAsync(markup, ruleId, Array.Empty<DiagnosticResult>(), otherSources);

        /// <summary>
        /// <see cref="VerifyRuleAsync(string, string, string[])"/> with expectations beyond the markup, e.g. a finding with an
        /// additional location: <c>Finding("IAC1201").WithLocation(0).WithLocation(1)</c> for <c>{|#0:...|}</c> and <c>{|#1:...|}</c>.
        /// </summary>
        public static async Task<ImmutableArray<Diagnostic>> VerifyRuleAsync(string markup, string ruleId, DiagnosticResult[] expected, params string[] otherSources)
        {
            var test = new CSharpAnalyzerVerifier<CdkAnalyzer>.Test { TestCode = Usings + markup, RuleUnderTest = ruleId };
            test.ExpectedDiagnostics.AddRange(expected);
            foreach (var other in otherSources)
            {
                test.TestState.Sources.Add(Usings + other);
            }

            await test.RunAsync(CancellationToken.None).ConfigureAwait(false);
            return test.ReportedDiagnostics.ToImmutableArray();
        }

        /// <summary>
        /// An expected finding of <paramref name="id"/> at its default severity whose message is not compared (what markup
        /// expects); give its locations with <c>WithLocation(n)</c>: the first is where it is reported, the others its
        /// additional locations (a value written in another member of the document is one).
        /// </summary>
        public static DiagnosticResult Finding(string id)
            => new DiagnosticResult(id, new CdkAnalyzer().SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);

        /// <summary>
        /// The code fix of <typeparamref name="TFix"/> (default: the property-setting fix) turns <paramref name="before"/>
        /// into <paramref name="after"/>, one fix at a time and by Fix All (official <c>CSharpCodeFixTest</c>). Both get
        /// <see cref="Usings"/>. Markup in <paramref name="before"/> lists the diagnostics; with <paramref name="id"/>
        /// only that rule (and ids the markup names) is on, else every rule. Markup in <paramref name="after"/> lists
        /// the diagnostics that remain (the official default would ignore fixable ones there). <paramref name="verifyAction"/>
        /// is the official <c>CodeActionVerifier</c>: it sees each action applied (title, equivalence key).
        /// </summary>
        public static Task VerifyFixAsync<TFix>(string before, string after, string? id = null, CodeFixTestBehaviors behaviors = CodeFixTestBehaviors.None, Action<CodeAction, IVerifier>? verifyAction = null, params DiagnosticResult[] expected)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixVerifier<CdkAnalyzer, TFix>.Test
            {
                TestCode = Usings + before,
                FixedCode = Usings + after,
                RuleUnderTest = id,
                CodeFixTestBehaviors = behaviors,
                CodeActionVerifier = verifyAction,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            return test.RunAsync(CancellationToken.None);
        }

        /// <inheritdoc cref="VerifyFixAsync{TFix}(string, string, string?, CodeFixTestBehaviors, Action{CodeAction, IVerifier}?, DiagnosticResult[])"/>
        public static Task VerifyFixAsync(string before, string after, string? id = null, CodeFixTestBehaviors behaviors = CodeFixTestBehaviors.None, params DiagnosticResult[] expected)
            => VerifyFixAsync<CSharpSetPropertyFixProvider>(before, after, id, behaviors, null, expected);

        /// <summary>The marked diagnostics of <paramref name="source"/> get no fix from <typeparamref name="TFix"/>.</summary>
        public static Task VerifyNoFixAsync<TFix>(string source, string? id = null)
            where TFix : CodeFixProvider, new()
            => VerifyFixAsync<TFix>(source, source, id);

        /// <inheritdoc cref="VerifyNoFixAsync{TFix}(string, string?)"/>
        public static Task VerifyNoFixAsync(string source, string? id = null)
            => VerifyNoFixAsync<CSharpSetPropertyFixProvider>(source, id);

        /// <summary>A compilation of <paramref name="sources"/> over <see cref="TestReferences.All"/> (or the given references); must compile.</summary>
        public static CSharpCompilation Compile(IEnumerable<string> sources, ImmutableArray<MetadataReference>? references = null)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, (CSharpParseOptions)TestSetup.ParseOptions(), path: "/0/Test" + i + ".cs")).ToArray();
            var compilation = CSharpCompilation.Create("TestProject", trees, references ?? TestReferences.All, (CSharpCompilationOptions)TestSetup.CompilationOptions());
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "Test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            return compilation;
        }

        /// <summary>Every IAC diagnostic and analyzer failure (AD0001) of <paramref name="analyzer"/> (default: the CDK analyzer).</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, DiagnosticAnalyzer? analyzer = null)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer ?? new CdkAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            return diagnostics.Where(d => d.Id.StartsWith("IAC", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray();
        }
    }
}
