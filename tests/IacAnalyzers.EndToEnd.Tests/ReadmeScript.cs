using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using IacAnalyzers.Samples;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// The README's copy-paste blocks, taken from between <c>&lt;!-- readme-test:NAME:begin --&gt;</c> and
    /// <c>&lt;!-- readme-test:NAME:end --&gt;</c> (fence lines dropped), so a test runs exactly what a reader copies.
    /// </summary>
    public static class ReadmeBlocks
    {
        public static string Extract(string repositoryRoot, string name)
        {
            var readme = File.ReadAllText(Path.Combine(repositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var begin = "<!-- readme-test:" + name + ":begin -->";
            var end = "<!-- readme-test:" + name + ":end -->";
            var start = readme.IndexOf(begin, StringComparison.Ordinal);
            var stop = readme.IndexOf(end, StringComparison.Ordinal);
            if (start < 0 || stop < start)
            {
                throw new InvalidOperationException($"README.md has no block between '{begin}' and '{end}'.");
            }

            var lines = readme.Substring(start + begin.Length, stop - start - begin.Length).Split('\n')
                .Where(l => !l.TrimStart().StartsWith("```", StringComparison.Ordinal))
                .ToList();
            return string.Join("\n", lines).Trim('\n') + "\n";
        }
    }

    /// <summary>
    /// Runs a shell script with bash (<c>-e -x</c>: stops at the first failing command, echoes each command), with the
    /// same clean MSBuild environment as <see cref="DotNetCli"/> plus the given variables.
    /// </summary>
    public static class ShellScript
    {
        public static CommandResult Run(string workingDirectory, string script, IDictionary<string, string?> environment, TimeSpan timeout)
        {
            var result = DotNetCli.RunProgram("bash", new[] { "-e", "-x", "-c", script }, "bash -e -x -c <README block>", workingDirectory, environment, timeout, out var timedOut);
            return timedOut ? result with { Output = result.Output + "[killed after " + timeout + "]\n" } : result;
        }
    }

    /// <summary>A copy of the repository as a fresh clone has it: the files git tracks (or would track), nothing built.</summary>
    public static class WorkingTreeCopy
    {
        public static void CopyTo(string repositoryRoot, string destination)
        {
            foreach (var relative in Files(repositoryRoot))
            {
                var source = Path.Combine(repositoryRoot, relative);
                if (!File.Exists(source))
                {
                    continue;
                }

                var target = Path.Combine(destination, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
        }

        private static IEnumerable<string> Files(string root)
        {
            var info = new ProcessStartInfo("git")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" })
            {
                info.ArgumentList.Add(arg);
            }

            try
            {
                using var git = Process.Start(info)!;
                var listed = git.StandardOutput.ReadToEnd();
                git.WaitForExit();
                if (git.ExitCode == 0 && listed.Length > 0)
                {
                    return listed.Split('\0', StringSplitOptions.RemoveEmptyEntries);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No git on this machine: fall back to the folder walk below.
            }

            var skipped = new[] { "bin", "obj", "artifacts", ".git", "node_modules", "TestResults" };
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part, StringComparer.Ordinal)))
                .ToList();
        }
    }
}
