using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>
    /// A real editor: Neovim's built-in LSP client (Debian's neovim 0.7: <c>vim.lsp.start_client</c>), headless, runs
    /// Lsp/nvim-lsp-check.lua against the tool's process: diagnostics, a quick fix applied, diagnostics gone.
    /// Skipped where nvim is not installed (Debian: <c>apt-get install -y neovim</c>).
    /// </summary>
    public sealed class NeovimTests
    {
        [SkippableFact]
        public void Neovim_shows_the_finding_applies_the_quick_fix_and_the_finding_goes()
        {
            var nvim = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "nvim")).FirstOrDefault(File.Exists);
            Skip.If(nvim == null, "nvim is not on PATH (Debian: apt-get install -y neovim)");

            using var scratch = new Scratch();
            var template = scratch.Write("db.yaml", LanguageServerTests.SingleAzYaml);
            var report = Path.Combine(scratch.Root, "seen.txt");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var info = new ProcessStartInfo(nvim!)
            {
                WorkingDirectory = scratch.Root,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--headless", "-n", "-u", "NONE", "-i", "NONE", "-c", "luafile " + Path.Combine(AppContext.BaseDirectory, "nvim-lsp-check.lua"), "-c", "qall!" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["IAC_LSP_CMD"] = dotnet + " " + Path.Combine(AppContext.BaseDirectory, "iac-analyzers.dll") + " lsp --debounce-ms 50";
            info.Environment["IAC_TEMPLATE"] = template;
            info.Environment["IAC_OUT"] = report;
            info.Environment["XDG_STATE_HOME"] = Path.Combine(scratch.Root, "state");
            info.Environment["XDG_CACHE_HOME"] = Path.Combine(scratch.Root, "cache");
            using var process = Process.Start(info)!;
            process.StandardInput.Close(); // nvim reads a piped stdin as a buffer: give it an empty one
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("nvim did not finish");
            }

            Assert.True(File.Exists(report), "nvim wrote no report; stderr: " + stderr.Result + stdout.Result);
            var seen = File.ReadAllLines(report);
            var all = string.Join("\n", seen);
            Assert.Contains("diagnostic IAC2001 7:15-7:20 RDS DB instance 'Db' runs in a single Availability Zone", all, StringComparison.Ordinal);
            Assert.Contains("applied Set MultiAZ to true", seen);
            Assert.Contains("action Suppress IAC2001 for Db with a reason", seen);
            Assert.Contains("cleared", seen);
            Assert.Contains("line       MultiAZ: true", seen);
        }
    }
}
