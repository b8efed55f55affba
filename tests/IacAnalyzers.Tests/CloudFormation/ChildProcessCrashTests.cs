using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// The inputs of issue 7 that once overflowed the stack (alias cycles, a 16,000-link alias chain, deep nesting, deep
    /// intrinsic trees), analysed in a child process: the fuzzer's <c>--probe</c> mode, built next to this assembly
    /// through the project reference. A stack overflow aborts the child, never the test host, and the test names the
    /// case it was in. One child runs the whole batch; each case's verdict is asserted on its own.
    /// </summary>
    public class ChildProcessCrashTests : IClassFixture<ChildProcessCrashTests.Batch>
    {
        private readonly Batch batch;

        public ChildProcessCrashTests(Batch batch)
        {
            this.batch = batch;
        }

        public static TheoryData<string> Cases => new(CrashCases.All.Keys);

        [Fact]
        public void The_child_process_ends_normally()
        {
            Assert.True(batch.ExitCode == 0, "the probe exited with " + batch.ExitCode + " (a stack overflow aborts with 134 or -1073741571); last case started: " + batch.LastBegun + "\n" + batch.Output);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Each_case_is_one_clear_IAC0001_at_its_position_and_no_crash(string name)
        {
            var (_, line, column) = CrashCases.All[name];
            Assert.True(batch.Results.TryGetValue(name, out var lines), "case '" + name + "' never finished in the child (exit " + batch.ExitCode + "; last case started: " + batch.LastBegun + ")");
            Assert.DoesNotContain(lines, l => l.StartsWith("IAC0002", StringComparison.Ordinal) || l.StartsWith("AD0001", StringComparison.Ordinal) || l.StartsWith("FAILED", StringComparison.Ordinal));
            var tool = lines.Where(l => l.StartsWith("IAC0001", StringComparison.Ordinal)).ToList();
            Assert.True(tool.Count == 1, name + ": expected one IAC0001, got:\n" + string.Join("\n", lines));
            Assert.StartsWith("IAC0001 @" + line + ":" + column + ": ", tool[0], StringComparison.Ordinal);
        }

        /// <summary>Writes the cases under the test output folder, runs one probe child over them and splits its output per case.</summary>
        public sealed class Batch : IDisposable
        {
            private readonly string folder = Path.Combine(AppContext.BaseDirectory, "crash-cases-" + Guid.NewGuid().ToString("N"));

            public Batch()
            {
                Directory.CreateDirectory(folder);
                var files = new List<string>();
                foreach (var (name, (text, _, _)) in CrashCases.All)
                {
                    var file = Path.Combine(folder, name);
                    File.WriteAllText(file, text);
                    files.Add(file);
                }

                var probe = Path.Combine(AppContext.BaseDirectory, "IacAnalyzers.Fuzz.dll");
                // The muxer that runs the tests (dotnet test sets DOTNET_HOST_PATH), else this process when it is dotnet.
                var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath ?? "dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add(probe);
                start.ArgumentList.Add("--probe");
                foreach (var f in files)
                {
                    start.ArgumentList.Add(f);
                }

                // Test hosts run as "dotnet testhost.dll": ProcessPath is dotnet then. Under another host, use dotnet.
                if (!Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                {
                    start.FileName = "dotnet";
                }

                using var process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEndAsync();
                Output = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(300_000))
                {
                    process.Kill(entireProcessTree: true);
                }

                Output += stderr.Result;
                ExitCode = process.HasExited ? process.ExitCode : -1;

                string? current = null;
                foreach (var raw in Output.Split('\n'))
                {
                    var line = raw.TrimEnd('\r');
                    if (line.StartsWith("begin ", StringComparison.Ordinal))
                    {
                        LastBegun = Path.GetFileName(line.Substring(6));
                    }
                    else if (line.StartsWith("file ", StringComparison.Ordinal))
                    {
                        current = Path.GetFileName(line.Substring(5, line.LastIndexOf(": ", StringComparison.Ordinal) - 5));
                        Results[current] = new List<string>();
                    }
                    else if (current != null && line.StartsWith("  ", StringComparison.Ordinal))
                    {
                        Results[current].Add(line.Trim());
                    }
                }
            }

            public string Output { get; }

            public int ExitCode { get; }

            public string? LastBegun { get; private set; }

            public Dictionary<string, List<string>> Results { get; } = new();

            public void Dispose()
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>The cases: name (the file name, whose extension picks the reader), text, and where IAC0001 must point (1-based).</summary>
    internal static class CrashCases
    {
        public static readonly IReadOnlyDictionary<string, (string Text, int Line, int Column)> All = Build();

        private static Dictionary<string, (string, int, int)> Build()
        {
            var cases = new Dictionary<string, (string, int, int)>();

            void At(string name, string text, string marker, int occurrence = 1)
            {
                var index = -1;
                for (var i = 0; i < occurrence; i++)
                {
                    index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
                }

                var line = 1 + text.Take(index).Count(c => c == '\n');
                var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
                cases[name] = (text, line, column);
            }

            const string Head = "AWSTemplateFormatVersion: '2010-09-09'\n";
            At("self-anchor-properties.yaml", Head + "Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: &p {Size: 1, Self: *p}\n", "*p");
            At("self-anchor-default.yaml", Head + "Parameters:\n  P:\n    Type: CommaDelimitedList\n    Default: &d [*d]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n", "*d");
            At("merge-key-cycle.yaml", Head + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      <<: &m {a: *m}\n", "*m");
            At("metadata-cycle.yaml", Head + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata: &x\n      Inner: {Back: *x}\n", "*x");

            // 16,000 links, each wrapping the previous: the expanded height passes 128 at some link, reported there.
            var chain = new StringBuilder(Head + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Chain:\n        - &a0 [x]\n");
            for (var i = 1; i <= 16_000; i++)
            {
                chain.Append("        - &a").Append(i).Append(" [*a").Append(i - 1).Append("]\n");
            }

            At("alias-chain-16000.yaml", chain.ToString(), "*a" + (ChainCutAt - 1) + "]");

            // Flow nesting far past the depth limit, on one line.
            var depth = 20_000;
            At("deep-flow.yaml", Head + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: " + new string('[', depth) + new string(']', depth) + "\n", "[", DeepFlowCutAt);

            // A deep Fn::If chain and a deep nested intrinsic tree in JSON.
            var ifs = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                ifs.Append("{\"Fn::If\": [\"C\", ");
            }

            ifs.Append("true");
            for (var i = 0; i < depth; i++)
            {
                ifs.Append(", false]}");
            }

            At("deep-if.json", "{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"MultiAZ\": " + ifs + "}}}}", "{", DeepIfCutAt);

            var joins = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                joins.Append("{\"Fn::Join\": [\"\", [{\"Fn::Sub\": \"x\"}, ");
            }

            joins.Append("\"y\"");
            for (var i = 0; i < depth; i++)
            {
                joins.Append("]]}");
            }

            At("deep-intrinsics.json", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": " + joins + "}}}}", "[", DeepJoinCutAt);
            return cases;
        }

        // Where the reader's 128-level limit (TemplateLimits.MaxDepth) cuts, counted from the document's root mapping:
        // the alias in link 123 (its expansion is 128 deep below Metadata); the 125th '[' (Resources, B, Properties and
        // Tags come first); the 67th '{' of the JSON, i.e. the 63rd Fn::If (a map and a list per level, 4 maps above);
        // the 83rd '[' of the Join tree (a map and two lists per level).
        private const int ChainCutAt = 123;

        private const int DeepFlowCutAt = 125;

        private const int DeepIfCutAt = 67;

        private const int DeepJoinCutAt = 83;
    }
}
