using System;
using System.IO;
using System.Linq;
using IacAnalyzers.Samples;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// The README, followed from a fresh clone: its install block (run by <see cref="PackageFixture"/>, which packs
    /// once for the whole run) into a new C# CDK app, its template-only project and its strict CI build, each block
    /// taken from README.md as written.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class ReadmeWalkthroughTests
    {
        private const string DbTemplate = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Orders:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
                  StorageEncrypted: true

            """;

        private readonly PackageFixture _fixture;

        public ReadmeWalkthroughTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Install_block_packs_a_dev_version_adds_it_to_a_new_CDK_app_and_the_build_reports_in_CSharp_terms()
        {
            var install = _fixture.Install;
            Assert.True(install.ExitCode == 0, "The README's install block failed:\n" + install);
            Assert.Matches(@"^0\.1\.0-dev\.\d{14}$", _fixture.Version);

            var project = CdkApp.ProjectDirectory(Path.Combine(_fixture.ReadmeWorkspace, CdkApp.Name));
            var projectFile = File.ReadAllText(Path.Combine(project, CdkApp.Name + ".csproj"));
            Assert.Contains($"Include=\"IacAnalyzers\" Version=\"{_fixture.Version}\"", projectFile, StringComparison.Ordinal);
            Assert.Contains("PrivateAssets", projectFile, StringComparison.Ordinal);

            // The C# finding, with the C# property name and the Well-Architected mapping, once: the synthesized
            // template in cdk.out (at the app root) repeats it but is not checked in a C# CDK app by default.
            var stack = Path.Combine(project, "MyCdkAppStack.cs");
            var line = install.Output.Split('\n').FirstOrDefault(l => l.Contains($"{stack}({CdkApp.Stack.Line},{CdkApp.Stack.StartColumn}): warning IAC2001:", StringComparison.Ordinal));
            Assert.True(line != null, "No IAC2001 warning on the stack:\n" + install.Output);
            Assert.Contains("set MultiAz to true", line, StringComparison.Ordinal);
            Assert.Contains("[Reliability \u00b7 REL10-BP01]", line, StringComparison.Ordinal);
            Assert.DoesNotContain("MultiAZ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("cdk.out", install.Output.Replace(Path.Combine(_fixture.ReadmeWorkspace, "IacAnalyzers"), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            foreach (var id in Program.LoadFailureIds)
            {
                Assert.False(install.Output.Contains(id, StringComparison.Ordinal), $"{id} in the output:\n{install.Output}");
            }
        }

        [Fact]
        public void Synthesized_templates_of_a_cdk_init_app_are_found_at_the_app_root_only_on_request()
        {
            Assert.True(_fixture.Install.ExitCode == 0, "The README's install block failed:\n" + _fixture.Install);
            var project = CdkApp.ProjectDirectory(Path.Combine(_fixture.ReadmeWorkspace, CdkApp.Name));
            string[] AdditionalFiles(params string[] properties)
            {
                var result = DotNetCli.Run(project, new[] { "msbuild", "-getItem:AdditionalFiles", "-nologo" }.Concat(properties.Select(p => "-p:" + p)));
                Assert.True(result.ExitCode == 0, result.ToString());
                return result.Output.Split('\n').Where(l => l.Contains("\"FullPath\"", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
            }

            Assert.Empty(AdditionalFiles());
            var opted = AdditionalFiles("IacAnalyzersSynthesizedTemplates=true");
            var synthesized = Path.Combine(_fixture.ReadmeWorkspace, CdkApp.Name, "cdk.out", "MyCdkAppStack.template.json");
            Assert.Equal(new[] { $"\"FullPath\": \"{synthesized}\"," }, opted);
        }

        [Fact]
        public void Template_only_project_finds_its_editorconfigs_and_a_strict_build_fails_on_an_unreadable_template()
        {
            var consumer = _fixture.NewConsumer("templates-only");
            consumer.UseProjectFile("Infra.csproj", ReadmeBlocks.Extract(_fixture.RepositoryRoot, "templates-project"));
            Assert.Empty(Directory.GetFiles(consumer.Directory, "*.cs", SearchOption.AllDirectories));

            // Layout 1: a project without .cs files, its .editorconfig next to the templates.
            consumer.Write(".editorconfig", "root = true\n\n[*.yaml]\niac_analyzers.IAC2001.severity = error\n");
            var db = consumer.Write("db.yaml", DbTemplate);
            // Layout 2: a nested .editorconfig in a folder that holds only templates.
            consumer.Write(Path.Combine("legacy", ".editorconfig"), "[*]\niac_analyzers.IAC2001.severity = none\n");
            consumer.Write(Path.Combine("legacy", "old-db.yaml"), DbTemplate);
            var broken = consumer.Write("broken.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: [unclosed\n");
            consumer.Write("appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");

            var build = consumer.Build();
            var findings = build.Findings();
            Assert.True(build.ExitCode != 0, "db.yaml's IAC2001 is an error by the .editorconfig:\n" + build.Output);
            var onDb = Assert.Single(findings, f => f.FilePath == db);
            Assert.Equal(("IAC2001", "error"), (onDb.RuleId, onDb.Level));
            Assert.DoesNotContain(findings, f => (f.FilePath ?? string.Empty).Contains(Path.DirectorySeparatorChar + "legacy" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            var unreadable = Assert.Single(findings, f => f.FilePath == broken);
            Assert.Equal(("IAC0001", "warning"), (unreadable.RuleId, unreadable.Level));
            Assert.DoesNotContain(findings, f => (f.FilePath ?? string.Empty).EndsWith("appsettings.json", StringComparison.Ordinal));

            // The strict CI build from the README: with db.yaml fixed, the unreadable template alone fails it.
            consumer.Write("db.yaml", DbTemplate + "      MultiAZ: true\n");
            var strict = _fixture.RunReadmeScript(consumer.Directory, ReadmeBlocks.Extract(_fixture.RepositoryRoot, "strict"));
            Assert.True(strict.ExitCode != 0, "The strict build should fail on the unreadable template:\n" + strict);
            Assert.Contains($"{broken}(", strict.Output, StringComparison.Ordinal);
            Assert.Contains("error IAC0001", strict.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("IAC2001", strict.Output, StringComparison.Ordinal);
        }
    }
}
