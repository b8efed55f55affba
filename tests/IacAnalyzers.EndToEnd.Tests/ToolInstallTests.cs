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
