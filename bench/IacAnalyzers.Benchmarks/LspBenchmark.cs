using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--lsp [N]</c>: the language server as an editor runs it — <c>iac-analyzers lsp</c> in its own process (Release
    /// build), LSP over stdin/stdout — on a generated 1,000-line YAML template. Each of N edits is a full-text
    /// didChange; the time is from sending it to receiving its publishDiagnostics. The server runs with
    /// <c>--debounce-ms 0</c>, so the figure is the re-analysis (plus the JSON-RPC round trip), not the debounce an editor
    /// adds on top. Then the server's memory with 20 open 1,000-line templates (VmRSS and VmHWM of its process).
    /// </summary>
    public static class LspBenchmark
    {
        private const string Uri = "file:///bench/stack.yaml";

        public static int Run(int edits)
        {
            var root = CliBenchmark.FindRoot();
            Console.WriteLine("Building the tool (Release) ...");
            var build = CliBenchmark.Dotnet(root, "build", Path.Combine("src", "IacAnalyzers.Cli", "IacAnalyzers.Cli.csproj"), "-c", "Release", "-nologo", "-v:q");
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(build.Output);
                return 1;
            }

            var cli = Path.Combine(root, "src", "IacAnalyzers.Cli", "bin", "Release", "net10.0", "iac-analyzers.dll");
            return RunAsync(cli, edits).GetAwaiter().GetResult();
        }

        private static async Task<int> RunAsync(string cli, int edits)
        {
            var text = TemplateCorpus.YamlOfLines(1000);
            var lines = text.Count(c => c == '\n');
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(cli);
            info.ArgumentList.Add("lsp");
            info.ArgumentList.Add("--debounce-ms");
            info.ArgumentList.Add("0");
            using var process = Process.Start(info)!;
            var published = new ConcurrentDictionary<(string, int), TaskCompletionSource<int>>();
            TaskCompletionSource<int> Slot(string uri, int version) => published.GetOrAdd((uri, version), _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
            using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new SystemTextJsonFormatter()));
            rpc.AddLocalRpcTarget(new Client(Slot), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
            rpc.StartListening();
            await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new Dictionary<string, object?> { ["processId"] = null, ["capabilities"] = new Dictionary<string, object?>() });
            await rpc.NotifyWithParameterObjectAsync("initialized", new Dictionary<string, object?>());

            await Open(rpc, Uri, text);
            var findings = await Slot(Uri, 1).Task.WaitAsync(TimeSpan.FromMinutes(2));
            Console.WriteLine($"Template: {lines} lines, {text.Length / 1024.0:0.0} KB, {findings} findings; {Environment.ProcessorCount} cores");

            // Warm-up edits (JIT), then the measured ones: each changes one value in the middle of the file.
            var times = new List<double>();
            var marker = text.IndexOf("Description: Generated service stack", StringComparison.Ordinal);
            for (var i = 0; i < edits + 10; i++)
            {
                var version = i + 2;
                var edited = text.Insert(marker + "Description: ".Length, "edit " + i.ToString(CultureInfo.InvariantCulture) + " ");
                var slot = Slot(Uri, version);
                var started = Stopwatch.GetTimestamp();
                await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new Dictionary<string, object?>
                {
                    ["textDocument"] = new Dictionary<string, object?> { ["uri"] = Uri, ["version"] = version },
                    ["contentChanges"] = new[] { new Dictionary<string, object?> { ["text"] = edited } },
                });
                await slot.Task.WaitAsync(TimeSpan.FromMinutes(2));
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (i >= 10)
                {
                    times.Add(ms);
                }
            }

            times.Sort();
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "didChange -> publishDiagnostics over {0} edits: median {1:0.0} ms, p95 {2:0.0} ms, min {3:0.0} ms, max {4:0.0} ms (goal: <= 50 ms)",
                times.Count, Percentile(times, 0.5), Percentile(times, 0.95), times[0], times[^1]));

            // Memory with 20 open templates of the same size (different seeds).
            var opened = new List<Task<int>>();
            for (var k = 0; k < 20; k++)
            {
                var uri = "file:///bench/stack" + k.ToString(CultureInfo.InvariantCulture) + ".yaml";
                opened.Add(Slot(uri, 1).Task);
                await Open(rpc, uri, TemplateCorpus.YamlOfLines(1000, seed: 100 + k));
            }

            await Task.WhenAll(opened).WaitAsync(TimeSpan.FromMinutes(5));
            GC.KeepAlive(opened);
            var (rss, hwm) = Memory(process.Id);
            Console.WriteLine($"Server memory with 21 open 1,000-line templates: VmRSS {rss / 1024.0:0.0} MB, peak (VmHWM) {hwm / 1024.0:0.0} MB");

            await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", null);
            await rpc.NotifyWithParameterObjectAsync("exit", null);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Console.WriteLine("Server exit code: " + process.ExitCode.ToString(CultureInfo.InvariantCulture));
            return process.ExitCode;
        }

        private sealed class Client
        {
            private readonly Func<string, int, TaskCompletionSource<int>> slot;

            public Client(Func<string, int, TaskCompletionSource<int>> slot)
            {
                this.slot = slot;
            }

            [JsonRpcMethod("textDocument/publishDiagnostics")]
            public void PublishDiagnostics(JsonElement p)
            {
                if (p.TryGetProperty("version", out var v))
                {
                    slot(p.GetProperty("uri").GetString()!, v.GetInt32()).TrySetResult(p.GetProperty("diagnostics").GetArrayLength());
                }
            }
        }

        private static Task Open(JsonRpc rpc, string uri, string text)
            => rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new Dictionary<string, object?>
            {
                ["textDocument"] = new Dictionary<string, object?> { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
            });

        private static double Percentile(List<double> sorted, double p)
            => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

        private static (long RssKb, long HwmKb) Memory(int pid)
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            return (rss, hwm);
        }
    }
}
