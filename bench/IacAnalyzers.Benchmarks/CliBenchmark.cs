using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using YamlDotNet.RepresentationModel;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--cli [N]</c>: the iac-analyzers tool as CI starts it — a fresh process per run — over N generated templates
    /// (default 300), next to a bare YamlDotNet parse of the same files in a process of its own (the floor: read every
    /// file and build YamlDotNet's document model, in parallel on all cores). Wall time is measured from outside the
    /// process (start-up included); peak memory is the process's own high-water mark (VmHWM), reported by <c>--stats</c>.
    /// Best of 5 runs each, interleaved. With <c>--r2r</c> also a ReadyToRun publish of the tool; with <c>--cdk-nag</c> also
    /// the peer cdk-nag over the same files (<see cref="CdkNagPeer"/>).
    /// </summary>
    public static class CliBenchmark
    {
        public static int Run(int count, bool readyToRun, bool cdkNag = false)
        {
            var root = FindRoot();
            var work = Path.Combine(Path.GetTempPath(), "iac-bench-cli", count.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(work))
            {
                Directory.Delete(work, true);
            }

            long bytes = 0;
            foreach (var (path, text) in TemplateCorpus.Generate(count))
            {
                var full = Path.Combine(work, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                bytes += new FileInfo(full).Length;
            }

            Console.WriteLine($"Corpus: {count} templates, {bytes / 1024.0 / 1024.0:0.00} MB in {work}; {Environment.ProcessorCount} cores");
            Console.WriteLine("Building the tool (Release) ...");
            var build = Dotnet(root, "build", Path.Combine("src", "IacAnalyzers.Cli", "IacAnalyzers.Cli.csproj"), "-c", "Release", "-nologo", "-v:q");
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(build.Output);
                return 1;
            }

            var cli = Path.Combine(root, "src", "IacAnalyzers.Cli", "bin", "Release", "net10.0", "iac-analyzers.dll");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var json = Path.Combine(work, "..", "report-" + count + ".json");
            var variants = new List<(string Name, string Exe, string[] Args)>
            {
                ("iac-analyzers check (JIT)", dotnet, new[] { cli, "check", work, "--format", "json=" + json, "--fail-on", "never", "--stats" }),
                ("bare YamlDotNet parse", dotnet, new[] { typeof(CliBenchmark).Assembly.Location, "--bare-parse", work }),
            };

            if (readyToRun)
            {
                var r2r = Path.Combine(work, "..", "r2r");
                Console.WriteLine("Publishing the tool ReadyToRun ...");
                var publish = Dotnet(root, "publish", Path.Combine("src", "IacAnalyzers.Cli", "IacAnalyzers.Cli.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", r2r, "-nologo", "-v:q");
                if (publish.ExitCode == 0)
                {
                    variants.Insert(1, ("iac-analyzers check (ReadyToRun)", Path.Combine(r2r, "iac-analyzers"), new[] { "check", work, "--format", "json=" + json, "--fail-on", "never", "--stats" }));
                }
                else
                {
                    Console.WriteLine("ReadyToRun publish failed:\n" + publish.Output);
                }
            }

            if (cdkNag && CdkNagPeer.Prepare(root) is { } nagScript)
            {
                variants.Add(("cdk-nag AwsSolutions (node)", "node", new[] { nagScript, work }));
            }

            var best = variants.ToDictionary(v => v.Name, _ => (Wall: double.MaxValue, PeakMb: 0.0, Stats: string.Empty));
            for (var round = 0; round < 5; round++)
            {
                foreach (var (name, exe, args) in variants)
                {
                    var (wall, peak, stats) = Measure(exe, args);
                    if (wall < best[name].Wall)
                    {
                        best[name] = (wall, peak, stats);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"{"",-36} {"wall (best of 5)",18} {"peak memory",12}");
            foreach (var (name, _, _) in variants)
            {
                // A run that printed no stats line failed (its stderr was shown): its time is not a measurement.
                Console.WriteLine(best[name].Stats.Length == 0
                    ? $"{name,-36} {"failed (see stderr above)",28}"
                    : $"{name,-36} {best[name].Wall,15:0.000} s {best[name].PeakMb,9:0.0} MB   {best[name].Stats}");
            }

            var ours = best[variants[0].Name].Wall;
            var floor = best["bare YamlDotNet parse"].Wall;
            Console.WriteLine($"check / bare parse: {ours / floor:0.00}");
            if (best.TryGetValue("cdk-nag AwsSolutions (node)", out var nag) && nag.Stats.Length > 0)
            {
                Console.WriteLine($"cdk-nag / check: wall {nag.Wall / ours:0.0}x, peak memory {nag.PeakMb / best[variants[0].Name].PeakMb:0.0}x");
            }

            Console.WriteLine(FormattableString.Invariant($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}"));
            return 0;
        }

        /// <summary>The floor: every file read and loaded into YamlDotNet's model, in parallel; prints VmHWM.</summary>
        public static int BareParse(string folder)
        {
            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            var nodes = 0L;
            Parallel.ForEach(files, file =>
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                System.Threading.Interlocked.Add(ref nodes, stream.Documents.Count);
            });
            Console.Error.WriteLine($"stats: documents={nodes} peak_rss_kb={PeakRssKb()}");
            return 0;
        }

        public static long PeakRssKb()
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            return 0;
        }

        private static (double Wall, double PeakMb, string Stats) Measure(string exe, string[] args)
        {
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            var watch = Stopwatch.StartNew();
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            watch.Stop();
            _ = stdout.Result;
            var kb = stderr.Split("peak_rss_kb=").Skip(1).Select(s => long.Parse(new string(s.TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture)).FirstOrDefault();
            if (kb == 0)
            {
                Console.Error.WriteLine($"{exe} {string.Join(' ', args)}: exit {p.ExitCode}\n{stderr}");
            }

            var stats = stderr.Split('\n').LastOrDefault(l => l.StartsWith("stats:", StringComparison.Ordinal))?.Trim() ?? string.Empty;
            return (watch.Elapsed.TotalSeconds, kb / 1024.0, stats);
        }

        internal static (int ExitCode, string Output) Dotnet(string cwd, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr);
        }

        internal static string FindRoot()
        {
            for (var dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "IacAnalyzers.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("IacAnalyzers.sln not found");
        }
    }
}
