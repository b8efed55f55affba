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
            var limit = timeout ?? TimeSpan.FromMinutes(10);
            var result = RunProgram("dotnet", args, "dotnet " + string.Join(" ", args), workingDirectory, environment, limit, out var timedOut);
            if (timedOut)
            {
                throw new TimeoutException($"`{result.CommandLine}` did not finish within {limit}. Output so far:\n{result.Output}");
            }

            Completed?.Invoke(result);
            return result;
        }

        /// <summary>
        /// Runs <paramref name="program"/> with the clean environment described on this class (plus
        /// <paramref name="environment"/>; a null value removes a variable), stdin closed, stdout and stderr interleaved.
        /// Past <paramref name="timeout"/> the process tree is killed and <paramref name="timedOut"/> is true.
        /// </summary>
        public static CommandResult RunProgram(
            string program, IReadOnlyList<string> arguments, string commandLine, string workingDirectory,
            IDictionary<string, string?>? environment, TimeSpan timeout, out bool timedOut)
        {
            var info = new ProcessStartInfo(program)
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
            foreach (var arg in arguments)
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
            timedOut = !process.WaitForExit(timeout);
            if (timedOut)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                process.WaitForExit();
            }

            // The process has exited; give its pipes a moment to drain, without waiting on a helper that kept them open.
            stdoutClosed.Wait(TimeSpan.FromSeconds(10));
            stderrClosed.Wait(TimeSpan.FromSeconds(10));
            watch.Stop();
            return new CommandResult(commandLine, timedOut ? -1 : process.ExitCode, Text(output), watch.Elapsed);
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
