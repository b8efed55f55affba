using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace IacAnalyzers.Fuzz
{
    /// <summary>
    /// Runs mutants in batches in a child process (this same program with <c>--child</c>), so that a stack overflow,
    /// which no catch stops, costs one child: the parent knows the mutant it was on, saves it, and starts the next
    /// child after it. Failures (exceptions, IAC0002, internal messages, changed findings after a meaning-preserving
    /// rewrite, crashes) are written to the output folder with the seed and operator that made them.
    /// </summary>
    public static class Fuzzer
    {
        public static int Parent(int count, int runSeed, string output, IReadOnlyList<string> seedDirs)
        {
            var seeds = LoadSeeds(seedDirs);
            Directory.CreateDirectory(output);
            Console.WriteLine("seeds: " + seeds.Count + " templates; mutants: " + count + "; run seed " + runSeed + "; failures go to " + output);
            var watch = Stopwatch.StartNew();
            long next = 0;
            var failures = 0;
            var crashes = 0;
            var slowest = new List<(double Ms, long Id, string Op, int Length)>();
            var byOp = new Dictionary<string, int>();
            while (next < count)
            {
                var start = next;
                var last = start - 1;
                var done = false;
                var info = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                info.ArgumentList.Add(typeof(Fuzzer).Assembly.Location);
                info.ArgumentList.Add("--child");
                info.ArgumentList.Add(runSeed.ToString(CultureInfo.InvariantCulture));
                info.ArgumentList.Add(start.ToString(CultureInfo.InvariantCulture));
                info.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
                foreach (var dir in seedDirs)
                {
                    info.ArgumentList.Add(dir);
                }

                using (var child = Process.Start(info)!)
                {
                    string? line;
                    while ((line = child.StdoutReadLine()) != null)
                    {
                        var parts = line.Split(' ', 4);
                        switch (parts[0])
                        {
                            case ">":
                                last = long.Parse(parts[1], CultureInfo.InvariantCulture);
                                break;
                            case "t":
                                slowest.Add((double.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), parts[3].Split(' ')[0], int.Parse(parts[3].Split(' ')[1], CultureInfo.InvariantCulture)));
                                slowest = slowest.OrderByDescending(s => s.Ms).Take(10).ToList();
                                break;
                            case "!":
                                failures++;
                                var id = long.Parse(parts[1], CultureInfo.InvariantCulture);
                                Save(seeds, runSeed, id, output, parts.Length > 3 ? parts[2] + " " + parts[3] : parts[2]);
                                Console.WriteLine("FAIL mutant " + id + ": " + (parts.Length > 3 ? parts[3] : string.Empty));
                                break;
                            case "o":
                                byOp[parts[1]] = byOp.TryGetValue(parts[1], out var n) ? n + int.Parse(parts[2], CultureInfo.InvariantCulture) : int.Parse(parts[2], CultureInfo.InvariantCulture);
                                break;
                            case "=":
                                done = true;
                                break;
                        }

                        if (last >= 0 && last % 10_000 == 0 && parts[0] == ">")
                        {
                            Console.WriteLine("  ... " + last + " mutants, " + failures + " failures, " + crashes + " crashes, " + watch.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s");
                        }
                    }

                    child.WaitForExit();
                    if (!done)
                    {
                        // The child died on mutant `last` (a stack overflow, or worse): save it and go on after it.
                        crashes++;
                        var crashed = Math.Max(last, start);
                        Save(seeds, runSeed, crashed, output, "crash exit code " + child.ExitCode);
                        Console.WriteLine("CRASH mutant " + crashed + " (exit code " + child.ExitCode + ")");
                        next = crashed + 1;
                        continue;
                    }
                }

                next = count;
            }

            Console.WriteLine();
            Console.WriteLine("mutants tried: " + count + " in " + watch.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s; failures: " + failures + "; crashes: " + crashes);
            Console.WriteLine("mutants by operator: " + string.Join(", ", byOp.OrderByDescending(k => k.Value).Select(k => k.Key + " " + k.Value)));
            Console.WriteLine("slowest mutants (TemplateAnalyzer.Analyze, wall ms on this machine; fix writer not included):");
            foreach (var s in slowest)
            {
                Console.WriteLine("  " + s.Ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms  mutant " + s.Id + " (" + s.Op + ", " + s.Length + " chars)");
            }

            return failures + crashes == 0 ? 0 : 1;
        }

        public static int Child(int runSeed, long start, long count, IReadOnlyList<string> seedDirs)
        {
            var seeds = LoadSeeds(seedDirs);
            var baselines = new Dictionary<string, List<string>>();
            var byOp = new Dictionary<string, int>();
            for (var id = start; id < count; id++)
            {
                Console.Out.WriteLine("> " + id.ToString(CultureInfo.InvariantCulture));
                Console.Out.Flush();
                var mutant = Mutators.Make(seeds, runSeed, id);
                var op = mutant.Op.Split('+')[0];
                byOp[op] = byOp.TryGetValue(op, out var n) ? n + 1 : 1;
                var result = Probe.Run(mutant.Path, mutant.Text);
                var ms = result.AnalysisMilliseconds;
                if (ms > 50)
                {
                    Console.Out.WriteLine("t " + id.ToString(CultureInfo.InvariantCulture) + " " + ms.ToString("0.0", CultureInfo.InvariantCulture) + " " + mutant.Op + " " + mutant.Text.Length.ToString(CultureInfo.InvariantCulture));
                }

                if (result.Failure != null)
                {
                    Console.Out.WriteLine("! " + id.ToString(CultureInfo.InvariantCulture) + " " + mutant.Op + " " + OneLine(result.Failure));
                    continue;
                }

                if (mutant.PreservesMeaning)
                {
                    var seed = seeds.First(s => s.Path == mutant.SeedPath);
                    if (!baselines.TryGetValue(seed.Path, out var expected))
                    {
                        expected = Findings(Probe.Run(seed.Path, seed.Text));
                        baselines[seed.Path] = expected;
                    }

                    var actual = Findings(result);
                    if (!expected.SequenceEqual(actual))
                    {
                        var missing = expected.Except(actual).FirstOrDefault();
                        var extra = actual.Except(expected).FirstOrDefault();
                        Console.Out.WriteLine("! " + id.ToString(CultureInfo.InvariantCulture) + " " + mutant.Op + " findings changed: expected " + expected.Count + ", got " + actual.Count + "; missing: " + OneLine(missing ?? "-") + "; extra: " + OneLine(extra ?? "-"));
                    }
                }
            }

            foreach (var pair in byOp)
            {
                Console.Out.WriteLine("o " + pair.Key + " " + pair.Value.ToString(CultureInfo.InvariantCulture));
            }

            Console.Out.WriteLine("=");
            return 0;
        }

        /// <summary>Findings that must survive a rewrite: rule findings, not tool diagnostics, ordered.</summary>
        private static List<string> Findings(ProbeResult result)
            => result.Diagnostics.Where(d => !d.StartsWith("IAC0", StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal).ToList();

        private static string OneLine(string text)
        {
            var s = text.Replace('\n', ' ').Replace('\r', ' ');
            return s.Length > 400 ? s.Substring(0, 400) : s;
        }

        private static void Save(IReadOnlyList<(string Path, string Text)> seeds, int runSeed, long id, string output, string why)
        {
            var mutant = Mutators.Make(seeds, runSeed, id);
            var name = "mutant-" + runSeed.ToString(CultureInfo.InvariantCulture) + "-" + id.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(mutant.Path);
            File.WriteAllText(Path.Combine(output, name), mutant.Text, new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(output, name + ".txt"), "seed file: " + mutant.SeedPath + "\noperator: " + mutant.Op + "\nwhy: " + why + "\n");
        }

        /// <summary>Every template-looking file (YAML, JSON) under the folders, outside bin/obj, ordered by path.</summary>
        public static List<(string Path, string Text)> LoadSeeds(IReadOnlyList<string> dirs)
        {
            var result = new List<(string, string)>();
            foreach (var dir in dirs)
            {
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var parts = file.Split(Path.DirectorySeparatorChar);
                    if (parts.Contains("bin") || parts.Contains("obj") || !Host.TemplateAnalyzer.IsCandidate(file))
                    {
                        continue;
                    }

                    var text = File.ReadAllText(file);
                    if (text.Length < 500_000 && CloudFormation.TemplateReader.MightBeTemplate(text))
                    {
                        result.Add((file, text));
                    }
                }
            }

            return result;
        }

        private static string? StdoutReadLine(this Process process) => process.StandardOutput.ReadLine();
    }
}
