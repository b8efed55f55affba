using System;
using System.IO;
using IacAnalyzers.Samples;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// The iac-analyzers dotnet tool as a user gets it: packed to a folder, installed with
    /// <c>dotnet tool install --add-source</c>, run on the repository's samples.
    /// </summary>
    public sealed class ToolInstallTests : IDisposable
    {
        private readonly string work = Path.Combine(Path.GetTempPath(), "iac-e2e-tool", Guid.NewGuid().ToString("N"));

        [Fact]
        public void Packed_tool_installs_from_a_folder_and_prints_the_pillar_report()
        {
            var root = PackageFixture.FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "IacAnalyzers.sln")))!;
            var version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Path.Combine(work, "feed");
            var tools = Path.Combine(work, "tools");
            var pack = DotNetCli.Run(root, new[] { "pack", Path.Combine("src", "IacAnalyzers.Cli", "IacAnalyzers.Cli.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version, "-nologo" });
            Assert.True(pack.ExitCode == 0, pack.Output);

            var install = DotNetCli.Run(work, new[] { "tool", "install", "IacAnalyzers.Cli", "--tool-path", tools, "--add-source", feed, "--version", version });
            Assert.True(install.ExitCode == 0, install.Output);

            var sarif = Path.Combine(work, "samples.sarif");
            var run = Run(Path.Combine(tools, "iac-analyzers"), root, "check", "samples", "--format", "text,sarif=" + sarif);
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains("Security: ", run.Output, StringComparison.Ordinal);
            Assert.Contains("high risk", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"name\": \"iac-analyzers\"", File.ReadAllText(sarif), StringComparison.Ordinal);
            Assert.Contains(version, Run(Path.Combine(tools, "iac-analyzers"), root, "--version").Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Release_pack_installs_the_ReadyToRun_package_of_this_platform_and_it_checks_a_CDK_project()
        {
            var root = PackageFixture.FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "IacAnalyzers.sln")))!;
            var rid = HostRid();
            var version = "0.1.0-e2e-r2r." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Path.Combine(work, "feed");
            var tools = Path.Combine(work, "tools");

            // The release pack (docs/cli.md), for this platform only: a pointer package, this RID's and the 'any' fallback.
            var pack = DotNetCli.Run(root, new[]
            {
                "pack", Path.Combine("src", "IacAnalyzers.Cli", "IacAnalyzers.Cli.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version,
                "-p:IacToolRelease=true", "-p:IacToolRids=" + rid, "-nologo",
            });
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, "IacAnalyzers.Cli." + version + ".nupkg")), pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, "IacAnalyzers.Cli." + rid + "." + version + ".nupkg")), pack.Output);
            Assert.True(File.Exists(Path.Combine(feed, "IacAnalyzers.Cli.any." + version + ".nupkg")), pack.Output);

            var install = DotNetCli.Run(work, new[] { "tool", "install", "IacAnalyzers.Cli", "--tool-path", tools, "--add-source", feed, "--version", version });
            Assert.True(install.ExitCode == 0, install.Output);

            // What was installed is this platform's package, precompiled: the tool's own assembly and Roslyn carry native code.
            var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "*.dll", SearchOption.AllDirectories);
            var main = Assert.Single(installed, f => Path.GetFileName(f) == "iac-analyzers.dll");
            Assert.Contains(Path.DirectorySeparatorChar + "iacanalyzers.cli." + rid + Path.DirectorySeparatorChar, main, StringComparison.Ordinal);
            Assert.True(IsReadyToRun(main), main + " is not ReadyToRun");

            // Every assembly of ours (Core reaches the publish list by another road and was once left out), YamlDotNet and Roslyn.
            foreach (var name in new[] { "IacAnalyzers.Core.dll", "IacAnalyzers.dll", "IacAnalyzers.CodeFixes.dll", "YamlDotNet.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll" })
            {
                var file = Assert.Single(installed, f => Path.GetFileName(f) == name);
                Assert.True(IsReadyToRun(file), file + " is not ReadyToRun");
            }

            // The MSBuildWorkspace path works from the installed package (its BuildHost folders travel with it).
            var project = Path.Combine(work, "cdk");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(project, "Stacks.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "DataStack.cs"), """
                using Amazon.CDK;
                using Amazon.CDK.AWS.RDS;
                using Constructs;

                public sealed class DataStack : Stack
                {
                    public DataStack(Construct scope, string id) : base(scope, id)
                    {
                        _ = new CfnDBInstance(this, "Reports", new CfnDBInstanceProps { Engine = "postgres", StorageEncrypted = true, MultiAz = false });
                    }
                }
                """);
            var restore = DotNetCli.Run(project, new[] { "restore", "Stacks.csproj", "-nologo" });
            Assert.True(restore.ExitCode == 0, restore.Output);

            var run = Run(Path.Combine(tools, "iac-analyzers"), project, "check", ".", "--project", "Stacks.csproj", "--fail-on", "warning");
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Contains("DataStack.cs(", run.Output, StringComparison.Ordinal);
            Assert.Contains("IAC2001", run.Output, StringComparison.Ordinal);
            Assert.Contains("[Reports]", run.Output, StringComparison.Ordinal);
        }

        /// <summary>The RID the release packs for this machine (the portable RIDs the tool ships; musl where /etc/alpine-release says so).</summary>
        private static string HostRid()
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : File.Exists("/etc/alpine-release") ? "linux-musl" : "linux";
            return os + "-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        }

        /// <summary>True when the assembly carries ReadyToRun code (a managed native header in its CLI header).</summary>
        private static bool IsReadyToRun(string path)
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        }

        private static (int ExitCode, string Output) Run(string exe, string cwd, params string[] args)
        {
            var info = new System.Diagnostics.ProcessStartInfo(exe) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = System.Diagnostics.Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
