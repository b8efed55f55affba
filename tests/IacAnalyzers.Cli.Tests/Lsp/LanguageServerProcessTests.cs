using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>The real tool process, as an editor starts it: <c>dotnet iac-analyzers.dll lsp</c> over stdin/stdout.</summary>
    public sealed class LanguageServerProcessTests
    {
        [Fact]
        public async Task The_tool_serves_LSP_over_stdio_and_exits_with_0_after_shutdown_and_exit()
        {
            var tool = Path.Combine(AppContext.BaseDirectory, "iac-analyzers.dll");
            Assert.True(File.Exists(tool), tool);
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var info = new ProcessStartInfo(dotnet)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(tool);
            info.ArgumentList.Add("lsp");
            info.ArgumentList.Add("--stdio");
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                const string uri = "file:///nonexistent-folder/db.yaml";
                await using (var client = LspClient.OverStreams(process.StandardInput.BaseStream, process.StandardOutput.BaseStream))
                {
                    var init = await client.InitializeAsync();
                    Assert.Equal("iac-analyzers", init.GetProperty("serverInfo").GetProperty("name").GetString());
                    await client.OpenAsync(uri, LanguageServerTests.SingleAzYaml);
                    var publish = await client.NextPublishAsync(uri);
                    var diagnostic = Assert.Single(publish.Diagnostics);
                    Assert.Equal("IAC2001", diagnostic.GetProperty("code").GetString());
                    LanguageServerTests.AssertRange(diagnostic.GetProperty("range"), 7, "      MultiAZ: ".Length, "      MultiAZ: false".Length);
                    await client.ShutdownAndExitAsync();
                }

                await process.WaitForExitAsync().WaitAsync(LspClient.Hang);
                Assert.True(process.ExitCode == 0, "exit code " + process.ExitCode + "; stderr: " + await stderr);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }
}
