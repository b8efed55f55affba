using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>The provider as an IDE drives it: a workspace with the template as an additional document.</summary>
    public class TemplateCodeFixProviderTests
    {
        private const string TemplatePath = "/src/infra/db.yaml";

        private static (AdhocWorkspace Workspace, DocumentId Id) Create(string yaml)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "App", "App", LanguageNames.CSharp, filePath: "/src/App.csproj")
                    .WithMetadataReferences(new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }))
                .AddDocument(DocumentId.CreateNewId(projectId), "C.cs", SourceText.From("class C { }"), filePath: "/src/C.cs")
                .AddAdditionalDocument(DocumentInfo.Create(documentId, "db.yaml", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(yaml), VersionStamp.Create())), filePath: TemplatePath));
            Assert.True(workspace.TryApplyChanges(solution));
            return (workspace, documentId);
        }

        private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var all = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TemplateAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            return all.Where(d => d.Id == "IAC2001" || d.Id.StartsWith("AD", StringComparison.Ordinal)).ToImmutableArray();
        }

        private static async Task<List<CodeAction>> Actions(TextDocument document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await new TemplateCodeFixProvider().RegisterCodeFixesAsync(context);
            return actions;
        }

        [Fact]
        public async Task Fix_is_offered_on_the_additional_document_and_applies()
        {
            var (workspace, id) = Create("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false # todo\n");
            var project = workspace.CurrentSolution.Projects.Single();
            var diagnostic = Assert.Single(await Diagnostics(project));
            var document = workspace.CurrentSolution.GetAdditionalDocument(id)!;

            var action = Assert.Single(await Actions(document, diagnostic));
            Assert.Equal("Set MultiAZ to true", action.Title);
            var operation = Assert.IsType<ApplyChangesOperation>(Assert.Single(await action.GetOperationsAsync(CancellationToken.None)));
            operation.Apply(workspace, CancellationToken.None);

            var text = (await workspace.CurrentSolution.GetAdditionalDocument(id)!.GetTextAsync()).ToString();
            Assert.Equal("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true # todo\n", text);
            Assert.Empty(await Diagnostics(workspace.CurrentSolution.Projects.Single()));
        }

        [Fact]
        public async Task No_fix_is_offered_when_the_writer_cannot_apply_it()
        {
            var (workspace, id) = Create("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n");
            var diagnostic = Assert.Single(await Diagnostics(workspace.CurrentSolution.Projects.Single()));

            // The document changed after the analysis: the offsets no longer name the value.
            var changed = workspace.CurrentSolution.WithAdditionalDocumentText(id, SourceText.From("# edited\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n"));
            Assert.Empty(await Actions(changed.GetAdditionalDocument(id)!, diagnostic));
        }

        [Fact]
        public void Provider_is_exported_for_additional_documents_and_fixes_catalog_rules_with_fixes()
        {
            var export = (ExportCodeFixProviderAttribute)Attribute.GetCustomAttribute(typeof(TemplateCodeFixProvider), typeof(ExportCodeFixProviderAttribute))!;
            Assert.Contains(nameof(TextDocumentKind.AdditionalDocument), export.DocumentKinds);
            Assert.Contains("IAC2001", new TemplateCodeFixProvider().FixableDiagnosticIds);
            Assert.DoesNotContain("IAC0001", new TemplateCodeFixProvider().FixableDiagnosticIds);
        }

        [Fact]
        public async Task Fix_all_fixes_every_resource_of_the_document()
        {
            var (workspace, id) = Create("Resources:\n  A:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n  B:\n    Type: AWS::RDS::DBInstance\n  C:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql }\n");
            var project = workspace.CurrentSolution.Projects.Single();
            var diagnostics = await Diagnostics(project);
            Assert.Equal(3, diagnostics.Length);
            var document = workspace.CurrentSolution.GetAdditionalDocument(id)!;
            var provider = new TemplateCodeFixProvider();
            var action = (await Actions(document, diagnostics[0])).Single();

            var fixAll = provider.GetFixAllProvider()!;
            var context = new FixAllContext(
                project,
                provider,
                FixAllScope.Project,
                action.EquivalenceKey,
                provider.FixableDiagnosticIds,
                new DiagnosticsProvider(diagnostics),
                CancellationToken.None);
            var fix = await fixAll.GetFixAsync(context);
            Assert.NotNull(fix);
            var operation = (await fix!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            operation.Apply(workspace, CancellationToken.None);
            Assert.Equal(
                "Resources:\n  A:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n  B:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n  C:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql, MultiAZ: true }\n",
                (await workspace.CurrentSolution.GetAdditionalDocument(id)!.GetTextAsync()).ToString());
        }

        private sealed class DiagnosticsProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public DiagnosticsProvider(ImmutableArray<Diagnostic> diagnostics)
            {
                this.diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
        }
    }
}
