using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

#pragma warning disable RS2008 // Release tracking: these analyzers exist only to test the verifier.
#pragma warning disable RS1038 // Workspaces reference: test-only analyzers live next to test-only fixers.
#pragma warning disable RS1036, RS1041 // Test-only analyzers inside a net10.0 test assembly, never loaded by a compiler.

namespace IacAnalyzers.Tests.VerifierTests
{
    /// <summary>DEMO001 on the identifier of every class: "Class '{0}' found".</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClassNameAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "DEMO001", "Class found", "Class '{0}' found", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var identifier = ((ClassDeclarationSyntax)c.Node).Identifier;
                    c.ReportDiagnostic(Diagnostic.Create(Rule, identifier.GetLocation(), identifier.ValueText));
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>Two ids: DEMO201 (info) on the whole class declaration, DEMO202 (warning) on its identifier.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TwoIdAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Declaration = new DiagnosticDescriptor(
            "DEMO201", "Declaration", "Declaration of '{0}'", "Demo", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Name = new DiagnosticDescriptor(
            "DEMO202", "Name", "Name '{0}'", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Declaration, Name);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var declaration = (ClassDeclarationSyntax)c.Node;
                    c.ReportDiagnostic(Diagnostic.Create(Declaration, declaration.GetLocation(), declaration.Identifier.ValueText));
                    c.ReportDiagnostic(Diagnostic.Create(Name, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>DEMO101 on every "BAD" in an additional file: "'BAD' in {0}" (the file name).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BadWordAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "DEMO101", "BAD found", "'BAD' in {0}", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(c =>
            {
                var text = c.AdditionalFile.GetText(c.CancellationToken);
                if (text == null)
                {
                    return;
                }

                var content = text.ToString();
                var name = c.AdditionalFile.Path.Substring(c.AdditionalFile.Path.LastIndexOf('/') + 1);
                for (var index = content.IndexOf("BAD", StringComparison.Ordinal); index >= 0; index = content.IndexOf("BAD", index + 3, StringComparison.Ordinal))
                {
                    var span = new TextSpan(index, 3);
                    c.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(c.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span)), name));
                }
            });
        }
    }

    /// <summary>DEMO301 on a class name starting with a lower-case letter (fixable); DEMO302 on a name with '_' (not fixable).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LowercaseClassAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Lowercase = new DiagnosticDescriptor(
            "DEMO301", "Lower-case class", "Class '{0}' starts with a lower-case letter", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Underscore = new DiagnosticDescriptor(
            "DEMO302", "Underscore", "Class '{0}' has an underscore", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Lowercase, Underscore);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var identifier = ((ClassDeclarationSyntax)c.Node).Identifier;
                    var name = identifier.ValueText;
                    if (name.Length > 0 && char.IsLower(name[0]))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Lowercase, identifier.GetLocation(), name));
                    }

                    if (name.Contains('_', StringComparison.Ordinal))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Underscore, identifier.GetLocation(), name));
                    }
                },
                SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>DEMO501 once per compilation, without a location.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoLocationAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "DEMO501", "Compilation", "Compilation '{0}' analyzed", "Demo", DiagnosticSeverity.Info, isEnabledByDefault: true, customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(c => c.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, c.Compilation.AssemblyName)));
        }
    }

    /// <summary>Throws on every class: the verifier must turn the AD0001 into a failure.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "DEMO901", "Never", "Never", "Demo", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("demo analyzer failure"), SyntaxKind.ClassDeclaration);
        }
    }

    /// <summary>
    /// Fixes DEMO301 with two actions: [0] "Capitalize" (key Capitalize: a → A) and [1] "Prefix with C" (key Prefix:
    /// a → Ca); fix-all by the batch fixer.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class CapitalizeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(LowercaseClassAnalyzer.Lowercase.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var token = root!.FindToken(context.Span.Start);
            var name = token.ValueText;
            context.RegisterCodeFix(
                CodeAction.Create("Capitalize", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(token, SyntaxFactory.Identifier(token.LeadingTrivia, char.ToUpperInvariant(name[0]) + name.Substring(1), token.TrailingTrivia)))), "Capitalize"),
                context.Diagnostics);
            context.RegisterCodeFix(
                CodeAction.Create("Prefix with C", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(token, SyntaxFactory.Identifier(token.LeadingTrivia, "C" + name, token.TrailingTrivia)))), "Prefix"),
                context.Diagnostics);
        }
    }

    /// <summary>Offers a fix for DEMO301 that returns the document unchanged.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class NoOpFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(LowercaseClassAnalyzer.Lowercase.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            context.RegisterCodeFix(CodeAction.Create("Do nothing", _ => Task.FromResult(context.Document), "NoOp"), context.Diagnostics);
            return Task.CompletedTask;
        }
    }

    /// <summary>Registered for DEMO301 but never offers anything.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class SilentFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(LowercaseClassAnalyzer.Lowercase.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }

    /// <summary>Adds a trailing underscore: changes the text but keeps DEMO301 (and adds DEMO302).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UselessRenameFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(LowercaseClassAnalyzer.Lowercase.Id);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var token = root!.FindToken(context.Span.Start);
            context.RegisterCodeFix(
                CodeAction.Create("Append _", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(token, SyntaxFactory.Identifier(token.LeadingTrivia, token.ValueText + "_", token.TrailingTrivia)))), "Append"),
                context.Diagnostics);
        }
    }

    /// <summary>Capitalizes like <see cref="CapitalizeFix"/>, but its fix-all only fixes the first document (a bug to catch).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class FirstDocumentOnlyFixAllFix : CodeFixProvider
    {
        private readonly CapitalizeFix _inner = new CapitalizeFix();

        public override ImmutableArray<string> FixableDiagnosticIds => _inner.FixableDiagnosticIds;

        public override FixAllProvider GetFixAllProvider() => new FirstDocumentOnly();

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => _inner.RegisterCodeFixesAsync(context);

        private sealed class FirstDocumentOnly : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Project };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                Task.FromResult<CodeAction?>(CodeAction.Create("Capitalize all (buggy)", async ct =>
                {
                    var document = fixAllContext.Project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).First();
                    var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var root = (await document.GetSyntaxRootAsync(ct).ConfigureAwait(false))!;
                    var tokens = diagnostics.Select(d => root.FindToken(d.Location.SourceSpan.Start)).ToList();
                    var fixedRoot = root.ReplaceTokens(tokens, (original, _) => SyntaxFactory.Identifier(original.LeadingTrivia, char.ToUpperInvariant(original.ValueText[0]) + original.ValueText.Substring(1), original.TrailingTrivia));
                    return document.WithSyntaxRoot(fixedRoot).Project.Solution;
                }, "Capitalize"));
        }
    }

    /// <summary>
    /// Fixes DEMO101 in additional files ("BAD" → "GOOD") through <see cref="CodeFixContext.TextDocument"/>, with its own
    /// FixAllProvider (Project and Solution scope) since the batch fixer only visits source documents.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
    public sealed class BadWordFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(BadWordAnalyzer.Rule.Id);

        public override FixAllProvider GetFixAllProvider() => new AllAdditionalFiles();

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            var span = context.Span;
            context.RegisterCodeFix(
                CodeAction.Create("Replace BAD with GOOD", ct => ReplaceAsync(document.Project.Solution, document.Id, new[] { span }, ct), "GOOD"),
                context.Diagnostics);
            return Task.CompletedTask;
        }

        private static async Task<Solution> ReplaceAsync(Solution solution, DocumentId id, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
        {
            var document = solution.GetAdditionalDocument(id)!;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changed = text.WithChanges(spans.Select(s => new TextChange(s, "GOOD")));
            return solution.WithAdditionalDocumentText(id, changed);
        }

        private sealed class AllAdditionalFiles : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
                Task.FromResult<CodeAction?>(CodeAction.Create("Replace every BAD with GOOD", async ct =>
                {
                    var solution = fixAllContext.Solution;
                    var diagnostics = await fixAllContext.GetProjectDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false);
                    foreach (var group in diagnostics.GroupBy(d => d.Location.GetLineSpan().Path))
                    {
                        var document = fixAllContext.Project.AdditionalDocuments.Single(d => d.FilePath == group.Key);
                        solution = await ReplaceAsync(solution, document.Id, group.Select(d => d.Location.SourceSpan), ct).ConfigureAwait(false);
                    }

                    return solution;
                }, "GOOD"));
        }
    }
}
