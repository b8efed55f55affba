using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace IacAnalyzers.Samples
{
    /// <summary>The result of one <c>dotnet</c> command: exit code and the interleaved stdout/stderr text.</summary>
    public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() => $"`{CommandLine}` exited {ExitCode} after {Elapsed.TotalSeconds:0.0}s:\n{Output}";
    }

    /// <summary>
    /// Runs the <c>dotnet</c> CLI as a child process, non-interactively, with a clean MSBuild environment (variables a
    /// parent <c>dotnet test</c>/<c>dotnet run</c> may set are not inherited) and no build-node reuse, so no helper
    /// process outlives the command holding its output open.
    /// </summary>
    public static class DotNetCli
    {
        /// <summary>Raised after every command (e.g. to log timings).</summary>
        public static event Action<CommandResult>? Completed;

        public static CommandResult Run(string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
        {
            var args = arguments.ToList();
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var name in info.Environment.Keys.ToList())
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    info.Environment.Remove(name);
                }
            }

            info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            info.Environment["NUGET_XMLDOC_MODE"] = "skip";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    if (pair.Value == null)
                    {
                        info.Environment.Remove(pair.Key);
                    }
                    else
                    {
                        info.Environment[pair.Key] = pair.Value;
                    }
                }
            }

            var output = new StringBuilder();
            using var stdoutClosed = new ManualResetEventSlim();
            using var stderrClosed = new ManualResetEventSlim();
            var watch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(output, e.Data, stdoutClosed);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data, stderrClosed);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var limit = timeout ?? TimeSpan.FromMinutes(10);
            if (!process.WaitForExit(limit))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                throw new TimeoutException($"`dotnet {string.Join(" ", args)}` did not finish within {limit}. Output so far:\n{Text(output)}");
            }

            // The process has exited; give its pipes a moment to drain, without waiting on a helper that kept them open.
            stdoutClosed.Wait(TimeSpan.FromSeconds(10));
            stderrClosed.Wait(TimeSpan.FromSeconds(10));
            watch.Stop();
            var result = new CommandResult("dotnet " + string.Join(" ", args), process.ExitCode, Text(output), watch.Elapsed);
            Completed?.Invoke(result);
            return result;
        }

        private static void Append(StringBuilder output, string? line, ManualResetEventSlim closed)
        {
            if (line == null)
            {
                closed.Set();
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }

        private static string Text(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
