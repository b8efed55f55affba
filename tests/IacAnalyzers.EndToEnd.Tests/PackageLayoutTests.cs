using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>The .nupkg holds exactly what an analyzer package must, and nothing a consumer would compile against.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class PackageLayoutTests
    {
        private readonly PackageFixture _fixture;

        public PackageLayoutTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Analyzer_folder_holds_exactly_the_analyzer_the_code_fixes_the_core_and_YamlDotNet()
        {
            using var zip = ZipFile.OpenRead(_fixture.Package);
            var analyzerEntries = zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/cs/IacAnalyzers.CodeFixes.dll",
                    "analyzers/dotnet/cs/IacAnalyzers.Core.dll",
                    "analyzers/dotnet/cs/IacAnalyzers.dll",
                    "analyzers/dotnet/cs/YamlDotNet.dll",
                },
                analyzerEntries);
        }

        [Fact]
        public void ReadyToRun_folder_holds_the_same_four_assemblies_compiled_ahead_of_time_for_this_runtime()
        {
            var folder = Path.Combine(_fixture.WorkRoot, "layout");
            if (!Directory.Exists(folder))
            {
                ZipFile.ExtractToDirectory(_fixture.Package, folder);
            }

            using (var zip = ZipFile.OpenRead(_fixture.Package))
            {
                // The fixture packs this machine's runtime only (a release pack has five, see the package project).
                Assert.Equal(
                    new[] { "tools/r2r/" + RuntimeInformation.RuntimeIdentifier + "/" },
                    zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("tools/r2r/", StringComparison.Ordinal))
                        .Select(n => n.Substring(0, n.LastIndexOf('/') + 1)).Distinct().ToArray());
            }

            var images = Path.Combine(folder, "tools", "r2r", RuntimeInformation.RuntimeIdentifier);
            var il = Path.Combine(folder, "analyzers", "dotnet", "cs");
            Assert.Equal(
                Directory.GetFiles(il).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal),
                Directory.GetFiles(images).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var image in Directory.GetFiles(images))
            {
                using var imageReader = new PEReader(File.OpenRead(image));
                using var ilReader = new PEReader(File.OpenRead(Path.Combine(il, Path.GetFileName(image))));
                Assert.True(imageReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, image + " is not a ReadyToRun image");
                Assert.Equal(0, ilReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);

                // Same assembly (name, version, module id): the image is the packed IL plus native code.
                var imageMetadata = imageReader.GetMetadataReader();
                var ilMetadata = ilReader.GetMetadataReader();
                Assert.Equal(ilMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, imageMetadata.GetAssemblyDefinition().GetAssemblyName().FullName);
                Assert.Equal(ilMetadata.GetGuid(ilMetadata.GetModuleDefinition().Mvid), imageMetadata.GetGuid(imageMetadata.GetModuleDefinition().Mvid));
            }
        }

        [Fact]
        public void Package_has_build_props_readme_and_nothing_to_compile_against()
        {
            using var zip = ZipFile.OpenRead(_fixture.Package);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.DoesNotContain(names, n => n.StartsWith("lib/", StringComparison.Ordinal) || n.StartsWith("ref/", StringComparison.Ordinal)
                                              || n.StartsWith("runtimes/", StringComparison.Ordinal) || n.StartsWith("contentFiles/", StringComparison.Ordinal));
            Assert.Contains("build/IacAnalyzers.props", names);
            Assert.Contains("buildTransitive/IacAnalyzers.props", names);
            Assert.Contains("build/IacAnalyzers.targets", names);
            Assert.Contains("buildTransitive/IacAnalyzers.targets", names);
            Assert.Contains("README.md", names);

            var props = XDocument.Load(zip.GetEntry("build/IacAnalyzers.props")!.Open());
            Assert.Contains(props.Descendants().Where(e => e.Name.LocalName == "AdditionalFiles"), e => e.Attribute("Include") != null);
        }

        [Fact]
        public void Nuspec_is_a_development_dependency_with_no_dependencies_and_this_runs_version()
        {
            using var zip = ZipFile.OpenRead(_fixture.Package);
            var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal("IacAnalyzers", Value("id"));
            Assert.Equal(_fixture.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("README.md", Value("readme"));
            var dependencies = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies");
            Assert.True(dependencies == null || !dependencies.Descendants().Any(e => e.Name.LocalName == "dependency"), "The package must not depend on other packages: " + dependencies);
        }

        [Fact]
        public void Packed_assemblies_carry_the_package_version()
        {
            var folder = Path.Combine(_fixture.WorkRoot, "layout");
            if (!Directory.Exists(folder))
            {
                ZipFile.ExtractToDirectory(_fixture.Package, folder);
            }

            foreach (var name in new[] { "IacAnalyzers.dll", "IacAnalyzers.Core.dll", "IacAnalyzers.CodeFixes.dll" })
            {
                var info = FileVersionInfo.GetVersionInfo(Path.Combine(folder, "analyzers", "dotnet", "cs", name));
                Assert.StartsWith(_fixture.Version, info.ProductVersion, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Packed_analyzers_and_code_fixes_load_and_cover_both_front_ends()
        {
            Assert.Contains("IacAnalyzers.Host.TemplateAnalyzer", _fixture.Packed.AnalyzerTypes);
            Assert.True(_fixture.Packed.HasCdkFrontEnd, "No C# CDK analyzer in the package: " + string.Join(", ", _fixture.Packed.AnalyzerTypes));
            Assert.True(_fixture.Packed.CanFix("IAC2001"), "No code fix for IAC2001 in the package.");
        }
    }
}
