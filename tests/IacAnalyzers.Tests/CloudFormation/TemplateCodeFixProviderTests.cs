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
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// The template fix provider. Fixes go through the official code-fix test (<see cref="TemplateVerifier.VerifyFixAsync"/>);
    /// the one workspace here is for what that test cannot express: a document edited after the analysis.
    /// </summary>
    public class TemplateCodeFixProviderTests
    {
        private const string TemplatePath = "/src/infra/db.yaml";

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
            await TemplateVerifier.VerifyFixAsync(
                "IAC2001",
                "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: [|false|] # todo\n",
                "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true # todo\n",
                TemplatePath,
                verifyAction: (action, verifier) => verifier.Equal("Set MultiAZ to true", action.Title));
        }

        [Fact]
        public async Task No_fix_is_offered_when_the_writer_cannot_apply_it()
        {
            const string Analysed = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n";
            var diagnostic = Assert.Single(await TemplateVerifier.AnalyzeAsync(TemplatePath, Analysed));

            // One action on the document as analysed; none once it changed after the analysis (the offsets no longer name the value).
            var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution.AddProject("App", "App", LanguageNames.CSharp);
            var id = DocumentId.CreateNewId(project.Id);
            var analysed = project.Solution.AddAdditionalDocument(DocumentInfo.Create(id, "db.yaml", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Analysed), VersionStamp.Create())), filePath: TemplatePath));
            Assert.Equal("Set MultiAZ to true", Assert.Single(await Actions(analysed.GetAdditionalDocument(id)!, diagnostic)).Title);
            var changed = analysed.WithAdditionalDocumentText(id, SourceText.From("# edited\n" + Analysed));
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
            // One at a time and by Fix All in project and solution scope (the verifier's additional-file loop).
            await TemplateVerifier.VerifyFixAsync(
                "IAC2001",
                "Resources:\n  A:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: [|false|]\n  [|B|]:\n    Type: AWS::RDS::DBInstance\n  [|C|]:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql }\n",
                "Resources:\n  A:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n  B:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n  C:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql, MultiAZ: true }\n",
                TemplatePath);
        }
    }
}
