using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// Documents as (file name, text). A relative name lives under the project folder <c>/0/</c>
    /// (<c>"templates/db.yaml"</c> is <c>/0/templates/db.yaml</c>); a name starting with <c>/</c> is used as it is.
    /// </summary>
    public class SourceFileCollection : List<(string filename, SourceText content)>
    {
        public void Add((string filename, string content) file) =>
            Add((file.filename, SourceText.From(file.content, Encoding.UTF8)));
    }

    /// <summary>C# sources: a bare string gets the next default name, <c>/0/Test0.cs</c>, <c>/0/Test1.cs</c>, ...</summary>
    public class SourceFileList : SourceFileCollection
    {
        public void Add(string content) =>
            Add((TestPaths.DefaultSourcePath(Count), SourceText.From(content, Encoding.UTF8)));
    }

    /// <summary>Extra metadata references for one state (the runtime and CDK references are always there).</summary>
    public class MetadataReferenceCollection : List<MetadataReference>
    {
    }

    /// <summary>
    /// The documents of the test project and what is expected of them (Microsoft.CodeAnalysis.Testing's
    /// <c>SolutionState</c>): the test's input (<c>TestState</c>) or the expected result of a code fix (<c>FixedState</c>).
    /// </summary>
    public class SolutionState
    {
        public SourceFileList Sources { get; } = new SourceFileList();

        /// <summary>Additional files (CloudFormation YAML/JSON); markup is processed in them too.</summary>
        public SourceFileCollection AdditionalFiles { get; } = new SourceFileCollection();

        /// <summary>
        /// <c>.editorconfig</c> / <c>.globalconfig</c> files, e.g. <c>("/.editorconfig", "root = true\n[*.cs]\n...")</c>
        /// or <c>("/.globalconfig", "is_global = true\n...")</c>. No markup processing.
        /// </summary>
        public SourceFileCollection AnalyzerConfigFiles { get; } = new SourceFileCollection();

        public MetadataReferenceCollection AdditionalReferences { get; } = new MetadataReferenceCollection();

        /// <summary>Expected diagnostics besides those written as markup.</summary>
        public List<DiagnosticResult> ExpectedDiagnostics { get; } = new List<DiagnosticResult>();

        /// <summary>Null means <see cref="MarkupMode.Allow"/>.</summary>
        public MarkupMode? MarkupHandling { get; set; }

        internal bool HasDocuments => Sources.Count > 0 || AdditionalFiles.Count > 0;
    }

    /// <summary>The file layout of the test project.</summary>
    public static class TestPaths
    {
        /// <summary>The project folder; documents with relative names live under it.</summary>
        public const string ProjectDirectory = "/0/";

        public const string ProjectName = "TestProject";

        public static string DefaultSourcePath(int index) =>
            ProjectDirectory + "Test" + index.ToString(CultureInfo.InvariantCulture) + ".cs";

        /// <summary>The path a document name maps to (<c>templates\db.yaml</c> → <c>/0/templates/db.yaml</c>).</summary>
        public static string Normalize(string name)
        {
            var path = name.Replace('\\', '/');
            if (path.StartsWith('/') || System.IO.Path.IsPathRooted(name))
            {
                return path;
            }

            return ProjectDirectory + path;
        }
    }
}
