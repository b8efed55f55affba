using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IacAnalyzers.Samples;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>A user's project in a temp folder that references the packed IacAnalyzers by version.</summary>
    public sealed class ConsumerProject
    {
        private readonly PackageFixture _fixture;

        public ConsumerProject(PackageFixture fixture, string directory)
        {
            _fixture = fixture;
            Directory = directory;
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }

            System.IO.Directory.CreateDirectory(directory);
            ProjectFile = Path.Combine(directory, "Consumer.csproj");
            WriteProject(outputType: "Library", extraProperties: "");
        }

        public string Directory { get; }

        public string ProjectFile { get; private set; }

        /// <summary>Replaces the default project file with <paramref name="fileName"/> holding <paramref name="content"/>.</summary>
        public ConsumerProject UseProjectFile(string fileName, string content)
        {
            File.Delete(ProjectFile);
            ProjectFile = Path.Combine(Directory, fileName);
            File.WriteAllText(ProjectFile, content);
            return this;
        }

        /// <summary>Rewrites the project file: Amazon.CDK.Lib and IacAnalyzers (this run's version), nothing else.</summary>
        public ConsumerProject WriteProject(string outputType, string extraProperties)
        {
            File.WriteAllText(ProjectFile, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <NoWarn>$(NoWarn);NU1603;CA1861</NoWarn>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                    <PackageReference Include="IacAnalyzers" Version="{_fixture.Version}" />
                  </ItemGroup>
                </Project>
                """);
            return this;
        }

        /// <summary>Writes a file (path relative to the project directory) and returns its full path.</summary>
        public string Write(string relativePath, string content)
        {
            var path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Copies a folder's sources (not bin/obj/cdk.out, not project files) into this project.</summary>
        public ConsumerProject CopySourcesFrom(string sourceDirectory)
        {
            foreach (var file in SampleExpectations.SampleFiles(sourceDirectory))
            {
                var relative = Path.GetRelativePath(sourceDirectory, file);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Directory, relative))!);
                File.Copy(file, Path.Combine(Directory, relative), overwrite: true);
            }

            return this;
        }

        /// <summary><c>dotnet build --no-incremental</c> with a SARIF 2.1 error log; restores on the way.</summary>
        public ConsumerBuild Build(params string[] extraArguments)
        {
            var sarif = Path.Combine(Directory, "obj", "build.sarif");
            if (File.Exists(sarif))
            {
                File.Delete(sarif);
            }

            var arguments = new List<string> { "build", ProjectFile, "--no-incremental", "-nologo", "-p:ErrorLog=" + sarif + "%2Cversion=2.1" };
            arguments.AddRange(extraArguments);
            var result = DotNetCli.Run(Directory, arguments);
            return new ConsumerBuild(this, result, File.Exists(sarif) ? sarif : null);
        }

        /// <summary>Runs a dotnet command in the project directory.</summary>
        public CommandResult Run(params string[] arguments) => DotNetCli.Run(Directory, arguments);

        /// <summary>The AdditionalFiles items MSBuild evaluates for this project (needs a restore first).</summary>
        public IReadOnlyList<string> AdditionalFiles(params string[] properties)
            => Items("AdditionalFiles", null, properties)
                .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The full paths of the Analyzer items the compiler would be given (after NuGet's and the package's targets; needs a restore).</summary>
        public IReadOnlyList<string> Analyzers(params string[] properties)
            => Items("Analyzer", "ResolveLockFileAnalyzers", properties).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        private IReadOnlyList<string> Items(string itemType, string? target, string[] properties)
        {
            var arguments = new List<string> { "msbuild", ProjectFile, "-getItem:" + itemType, "-nologo" };
            if (target != null)
            {
                arguments.Add("-t:" + target);
            }

            arguments.AddRange(properties.Select(p => "-p:" + p));
            var result = DotNetCli.Run(Directory, arguments);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("MSBuild evaluation failed: " + result);
            }

            var json = result.Output.Substring(Math.Max(0, result.Output.IndexOf('{', StringComparison.Ordinal)));
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("Items", out var items) || !items.TryGetProperty(itemType, out var found))
            {
                return Array.Empty<string>();
            }

            return found.EnumerateArray().Select(f => f.GetProperty("FullPath").GetString()!).ToArray();
        }
    }

    /// <summary>The outcome of building a consumer: exit code, console output, SARIF log.</summary>
    public sealed class ConsumerBuild
    {
        public ConsumerBuild(ConsumerProject project, CommandResult result, string? sarifPath)
        {
            Project = project;
            Result = result;
            SarifPath = sarifPath;
            Sarif = sarifPath != null ? SarifLog.Load(sarifPath) : null;
        }

        public ConsumerProject Project { get; }

        public CommandResult Result { get; }

        public string? SarifPath { get; }

        public SarifLog? Sarif { get; }

        public int ExitCode => Result.ExitCode;

        public string Output => Result.Output;

        /// <summary>The SARIF log, or a failure that shows the build output.</summary>
        public SarifLog RequireSarif()
            => Sarif ?? throw new Xunit.Sdk.XunitException("The build wrote no SARIF log. " + Result);

        public IReadOnlyList<SarifFinding> Findings(string ruleIdPrefix = "IAC")
            => RequireSarif().Findings.Where(f => f.RuleId.StartsWith(ruleIdPrefix, StringComparison.Ordinal)).ToList();

        public override string ToString() => Result.ToString();
    }
}
