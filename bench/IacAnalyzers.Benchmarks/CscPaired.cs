using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--csc-paired [runs] [--cdk-app-stacks N | --project PATH] [--server [--warmups N]] [--baseline DIR] [--r2r] [--with-floor | --with-silenced]</c>: what our analyzers add to the compiler's CPU, without
    /// MSBuild's noise around it. The project's exact compiler command line is taken from MSBuild and run directly
    /// (<c>dotnet &lt;sdk&gt;/Roslyn/bincore/csc.dll /noconfig @rsp</c>, in the project's directory, as the Csc task does),
    /// A = as it is, B = without the <c>/analyzer:</c> arguments of our assemblies (IacAnalyzers, IacAnalyzers.Core,
    /// IacAnalyzers.CodeFixes, YamlDotNet, by file name). Both get the same extra arguments: a global analyzer config that
    /// demotes every IAC id to warning (outranking other global configs) and <c>/warnaserror-:</c> for the IAC ids, since
    /// csc does not emit when there are errors and the side that skipped emit would look cheaper. Every run must exit 0
    /// and write the output assembly (it is deleted before each run). One warm-up each, then pairs alternating A B / B A;
    /// CPU = user + sys of the compiler process (<c>getrusage(RUSAGE_CHILDREN)</c> delta), wall = its elapsed time.
    /// Summary: the mean paired CPU difference with a 95 % bootstrap interval (fixed seed, 4000 resamples), that as % of
    /// B's mean, the median of the paired ratios, wall alike, the load average before and after, and A's IAC warnings.
    /// <para>
    /// <c>--server</c>: every compile goes through one compiler server started for the run (<c>-shared:pipe</c>, as
    /// <c>dotnet build</c> does by default), and CPU is the server process's own (<c>/proc/pid/stat</c>) for each compile:
    /// the warm case of a developer's build loop, where our assemblies stay loaded and compiled (the cold default pays
    /// their JIT in every run, as a build without a server, e.g. <c>UseSharedCompilation=false</c>, does).
    /// <c>--warmups N</c> (with <c>--server</c>): N warm-up compiles of each side instead of 3, for the steady state of a
    /// server that has built for a while (tiered compilation keeps re-compiling the compiler's hot methods for tens of
    /// compiles, on both sides, which widens the interval).
    /// <c>--with-floor</c>: a third side F, the floor analyzer instead of ours, run in turn with A and B in the same rounds
    /// (rotated), so that ours vs none, the floor vs none and ours vs the floor come from one stretch of the machine's time.
    /// <c>--with-silenced</c>: the third side is S instead, ours with every id it reports silenced (<c>/nowarn:</c> all
    /// the catalog's ids but IAC0002, so the analyzer still runs and reports, and the compiler drops what it reports):
    /// ours vs S is what the compiler's handling and printing of our warnings costs.
    /// <c>--baseline DIR</c>: B keeps our analyzers but takes them from <c>DIR</c> (a Release build of an earlier commit,
    /// same file names): a before/after comparison of our own cost, paired like the rest.
    /// <c>--floor</c>: A runs the do-nothing floor analyzer of <c>--cdk-app --paired --floor</c> instead of ours, B neither:
    /// what the driver and the binding it does for an operation analyzer add on top of the SDK's own analyzers.
    /// <c>--r2r</c>: A takes our assemblies as ReadyToRun images of the very same files, compiled for this machine's runtime
    /// by <c>src/IacAnalyzers.ReadyToRun</c> (what the package hands a compiler running on a runtime it has images for).
    /// </para>
    /// <para>
    /// The command line comes from <c>dotnet msbuild PROJ -t:Compile -p:SkipCompilerExecution=true
    /// -p:ProvideCommandLineArgs=true -getItem:CscCommandLineArgs -getProperty:RoslynTargetsPath</c>: the Csc task then
    /// only returns its arguments (JSON, one item per argument, switch values already quoted where the compiler needs it),
    /// and with SDK 10.0.401 they equal the <c>csc</c> line of a <c>-v:diag</c> build argument for argument. It is
    /// <c>-t:Compile</c>, not <c>-t:CoreCompile</c>: CoreCompile alone skips reference resolution (no <c>/reference:</c>
    /// at all); and <c>dotnet msbuild</c>, not <c>dotnet build</c>, which with <c>-t:CoreCompile</c> still tried to copy
    /// the apphost and failed (MSB3030). <c>-p:NonExistentFile=...</c> names a missing output of CoreCompile (the property
    /// MSBuild itself uses to force it inside Visual Studio): when the project's output was up to date, CoreCompile was
    /// skipped and the item list came back empty. The project is restored first; its default configuration is used (a
    /// single target framework; pass a project with one).
    /// </para>
    /// </summary>
    public static class CscPaired
    {
        private static readonly string[] OurAssemblies = { "IacAnalyzers.dll", "IacAnalyzers.Core.dll", "IacAnalyzers.CodeFixes.dll", "YamlDotNet.dll" };

        public static int Run(int runs, int stacks, string? project, bool server = false, string? baseline = null, bool readyToRun = false, bool floor = false, int serverWarmUps = DefaultServerWarmUps, bool withFloor = false, bool withSilenced = false)
        {
            if ((withFloor || withSilenced) && (floor || baseline != null || (withFloor && withSilenced)))
            {
                throw new ArgumentException("--with-floor and --with-silenced each add a third side to ours vs none; they do not combine with each other, --floor or --baseline");
            }

            var third = withFloor || withSilenced;

            if (serverWarmUps < 1)
            {
                throw new ArgumentException("--warmups needs at least one compile of each side (the first starts the server)");
            }

            if (floor && (baseline != null || readyToRun))
            {
                throw new ArgumentException("--floor compares the floor analyzer with none; it does not combine with --baseline or --r2r");
            }

            var projectPath = project != null
                ? ProjectFile(Path.GetFullPath(project))
                : Path.Combine(CdkAppBuild.WriteApp(stacks, "csc-paired", CdkAppPaired.AnalyzerItems(marginal: true, globalConfigItem: false)), "BenchApp.csproj");

            var projectDir = Path.GetDirectoryName(projectPath)!;
            var work = Path.Combine(CdkAppBuild.FindRepositoryRoot(), "artifacts", "bench", "csc-paired");
            Directory.CreateDirectory(work);

            var restore = CdkAppBuild.Run("dotnet", projectDir, "restore " + Quote(projectPath));
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("restore failed\n" + restore.Output);
            }

            var (args, csc) = CompilerCommandLine(projectPath, projectDir);
            var config = Path.Combine(work, "iac-bench.globalconfig");
            File.WriteAllText(config, CdkAppPaired.DemotingGlobalConfig(globalLevel: 1000));
            var extra = new[]
            {
                "/analyzerconfig:" + Quote(config),
                "/warnaserror-:" + string.Join(",", IacAnalyzers.Catalog.RuleCatalog.All.Select(r => r.Id)),
            };

            var ours = args.Where(IsOurAnalyzer).ToArray();
            if (ours.Length == 0)
            {
                throw new InvalidOperationException("the compiler command line of " + projectPath + " has no /analyzer: of ours (" + string.Join(", ", OurAssemblies) + "): nothing to compare");
            }

            var rspA = Path.Combine(work, "A.rsp");
            var rspB = Path.Combine(work, "B.rsp");
            var images = readyToRun ? ReadyToRunImages(ours.Select(a => AnalyzerPath(a)!), Path.Combine(work, "r2r")) : null;
            var argsA = floor
                // The floor analyzer instead of ours (it reports nothing: the compiler's per-analyzer report shows it ran).
                ? FloorInsteadOfOurs(args).Append("/reportanalyzer").ToArray()
                : images == null ? args : args.Select(a => IsOurAnalyzer(a) ? "/analyzer:" + Quote(Path.Combine(images, Path.GetFileName(AnalyzerPath(a)!))) : a).ToArray();
            File.WriteAllLines(rspA, argsA.Concat(extra).Select(RspArgument));
            var argsB = baseline == null
                ? args.Where(a => !IsOurAnalyzer(a))
                : args.Select(a => IsOurAnalyzer(a) ? "/analyzer:" + Quote(BaselineAssembly(baseline, a)) : a);
            File.WriteAllLines(rspB, argsB.Concat(extra).Select(RspArgument));
            var rspF = Path.Combine(work, "F.rsp");
            if (third)
            {
                var argsF = withSilenced
                    ? argsA.Append("/nowarn:" + string.Join(",", IacAnalyzers.Catalog.RuleCatalog.All.Select(r => r.Id).Where(id => id != IacAnalyzers.Catalog.RuleCatalog.RuleFailed.Id)))
                    : FloorInsteadOfOurs(args);
                File.WriteAllLines(rspF, argsF.Concat(extra).Select(RspArgument));
            }

            var output = OutputAssembly(args, projectDir);

            Console.WriteLine("Project: " + projectPath);
            Console.WriteLine("Compiler: dotnet " + csc + " /noconfig @rsp (working directory " + projectDir + ")");
            var ourNames = string.Join(", ", ours.Select(a => Path.GetFileName(AnalyzerPath(a))));
            Console.WriteLine(floor ? "A = the project's csc command line with the floor analyzer (a do-nothing analyzer registering our actions) instead of ours (" + rspA + "), B = the same without either (" + rspB + ")" : "A = the project's csc command line" + (images != null ? " with our assemblies as ReadyToRun images (" + images + ")" : string.Empty) + " (" + rspA + "), B = the same " + (baseline == null ? "without " + ourNames : "with " + ourNames + " taken from " + baseline) + " (" + rspB + ")");
            if (withSilenced)
            {
                Console.WriteLine("S = A with every id of ours but IAC0002 silenced by /nowarn: all our work, none of our warnings out (" + rspF + "); the three run in turn, rotated (A S B, S B A, B A S)");
            }
            else if (withFloor)
            {
                Console.WriteLine("F = the same with the floor analyzer (a do-nothing analyzer registering our actions) instead of ours (" + rspF + "); the three run in turn, rotated (A F B, F B A, B A F)");
            }

            Console.WriteLine(server
                ? "Through a compiler server started for this run (what `dotnet build` uses by default): CPU = the server process's user + sys for each compile (/proc/<pid>/stat), after " + serverWarmUps + " warm-up compiles of each side; our assemblies stay loaded and compiled between compiles"
                : "Each compile in its own compiler process (cold: the JIT compiles our code in every run)");
            Console.WriteLine("Both: " + string.Join(" ", extra.Select(e => e.Length > 60 ? e.Substring(0, 57) + "..." : e)));
            Console.WriteLine("Load average before: " + CdkAppPaired.LoadAverage());

            var pipe = "iac-csc-paired-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var compilerArguments = Quote(csc) + (server ? " -shared:" + pipe : string.Empty) + " /noconfig @";
            Func<bool, (double Cpu, double Wall, string Output)> compile = withOurs =>
                Compile(projectDir, compilerArguments + Quote(withOurs ? rspA : rspB), output, withOurs, baseline != null, server ? pipe : null);
            Func<(double Cpu, double Wall, string Output)> compileFloor = () =>
            {
                var run = Compile(projectDir, compilerArguments + Quote(rspF), output, withOurs: false, baselineHasOurs: withSilenced, server ? pipe : null);
                // F runs without /reportanalyzer (its timing would be charged to F only), so a floor analyzer that did not
                // load would go unseen as it is: its load warning stops the run instead.
                if (Regex.IsMatch(run.Output, @"\bwarning (CS8032|CS9057|CS8034)\b[^\r\n]*IacFloorAnalyzer"))
                {
                    throw new InvalidOperationException("F: the compiler could not load the floor analyzer\n" + run.Output);
                }

                return run;
            };

            // Warm-ups of each (disk cache, first JIT of the compiler's assemblies; with a server, the JIT of everything
            // both sides run), not counted; A's output is the one whose warnings are counted below (every A run reports the same).
            var warmA = compile(true);
            compile(false);
            if (withSilenced)
            {
                // S prints no warning of ours: the analyzer's own report (in a warm-up, not counted) shows it still ran.
                var report = Compile(projectDir, compilerArguments + Quote(rspF) + " /reportanalyzer", output, withOurs: false, baselineHasOurs: true, server ? pipe : null);
                if (!report.Output.Contains("IacAnalyzers.Cdk.CdkAnalyzer", StringComparison.Ordinal) || Regex.IsMatch(report.Output, @"\bwarning IAC\d{4}:"))
                {
                    throw new InvalidOperationException("S: our analyzer did not run silenced\n" + report.Output);
                }
            }
            else if (withFloor)
            {
                compileFloor();
            }

            for (var i = 1; server && i < serverWarmUps; i++)
            {
                compile(true);
                compile(false);
                if (third)
                {
                    compileFloor();
                }
            }

            if (images != null && !server)
            {
                Console.WriteLine(JitOfOurs(projectDir, compilerArguments + Quote(rspA), output, Path.Combine(work, "perf-map")));
            }

            var a = new List<(double Cpu, double Wall)>();
            var b = new List<(double Cpu, double Wall)>();
            var f = new List<(double Cpu, double Wall)>();
            for (var i = 0; i < runs; i++)
            {
                // A B, then B A: a drift of the machine within a pair, or a cost of running second, hits both sides alike.
                (double Cpu, double Wall, string Output) x, y;
                if (third)
                {
                    // Three in turn, each first, second and third equally often.
                    (double Cpu, double Wall, string Output) z;
                    switch (i % 3)
                    {
                        case 0:
                            x = compile(true);
                            z = compileFloor();
                            y = compile(false);
                            break;
                        case 1:
                            z = compileFloor();
                            y = compile(false);
                            x = compile(true);
                            break;
                        default:
                            y = compile(false);
                            x = compile(true);
                            z = compileFloor();
                            break;
                    }

                    if (server && !(z.Cpu > 0))
                    {
                        throw new InvalidOperationException("round " + (i + 1) + ": the floor's compile did not run in the compiler server");
                    }

                    f.Add((z.Cpu, z.Wall));
                }
                else if (i % 2 == 0)
                {
                    x = compile(true);
                    y = compile(false);
                }
                else
                {
                    y = compile(false);
                    x = compile(true);
                }

                if (server && (!(x.Cpu > 0) || !(y.Cpu > 0)))
                {
                    // No CPU charged to the server: the compile ran in the client (the server was gone) or it restarted.
                    throw new InvalidOperationException("pair " + (i + 1) + ": a compile did not run in the compiler server (server CPU " + x.Cpu + " / " + y.Cpu + " s)");
                }

                a.Add((x.Cpu, x.Wall));
                b.Add((y.Cpu, y.Wall));
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "pair {0} ({1}): A CPU {2:F2} s wall {3:F2} s | B CPU {4:F2} s wall {5:F2} s | CPU {6:+0.00;-0.00;0.00} s ({7:+0.0;-0.0;0.0} %), wall {8:+0.00;-0.00;0.00} s ({9:+0.0;-0.0;0.0} %)",
                    i + 1, third ? (i % 3 == 0 ? "A F B" : i % 3 == 1 ? "F B A" : "B A F").Replace('F', withSilenced ? 'S' : 'F') : i % 2 == 0 ? "A B" : "B A", x.Cpu, x.Wall, y.Cpu, y.Wall, x.Cpu - y.Cpu, CdkAppPaired.Percent(x.Cpu, y.Cpu), x.Wall - y.Wall, CdkAppPaired.Percent(x.Wall, y.Wall)));
            }

            Console.WriteLine(Summary("CPU ", a.Select(p => p.Cpu).ToArray(), b.Select(p => p.Cpu).ToArray()));
            Console.WriteLine(Summary("wall", a.Select(p => p.Wall).ToArray(), b.Select(p => p.Wall).ToArray()));
            if (withSilenced)
            {
                Console.WriteLine(Summary("CPU, A = S (ours silenced), B = none:", f.Select(p => p.Cpu).ToArray(), b.Select(p => p.Cpu).ToArray()));
                Console.WriteLine(Summary("CPU, A = ours, B = S (the compiler's handling of our warnings):", a.Select(p => p.Cpu).ToArray(), f.Select(p => p.Cpu).ToArray()));
            }
            else if (withFloor)
            {
                // The same rounds: the floor against none, and ours against the floor (our code beyond what any
                // operation analyzer registering our actions costs).
                Console.WriteLine(Summary("CPU, A = F (the floor), B = none:", f.Select(p => p.Cpu).ToArray(), b.Select(p => p.Cpu).ToArray()));
                Console.WriteLine(Summary("CPU, A = ours, B = F (ours beyond the floor):", a.Select(p => p.Cpu).ToArray(), f.Select(p => p.Cpu).ToArray()));
            }
            Console.WriteLine("Load average after: " + CdkAppPaired.LoadAverage());
            if (server && ServerProcess(pipe) is string serverPid)
            {
                if (images != null)
                {
                    Console.WriteLine(ImagesInServer(serverPid, Path.Combine(images, "IacAnalyzers.dll")));
                }

                // `dotnet build-server shutdown` stops only the servers of the default pipe names: stop ours by its pid.
                using var process = Process.GetProcessById(int.Parse(serverPid, CultureInfo.InvariantCulture));
                process.Kill();
            }

            if (floor)
            {
                if (!warmA.Output.Contains("FloorAnalyzer", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("the compiler did not run the floor analyzer\n" + warmA.Output);
                }

                Console.WriteLine("A ran the floor analyzer (the compiler's analyzer report names it)");
                return 0;
            }

            var findings = Regex.Matches(warmA.Output, @"warning (IAC\d{4}):").Select(m => m.Groups[1].Value)
                .GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count()).ToArray();
            var total = Regex.Matches(warmA.Output, @"warning IAC\d{4}:").Count;
            Console.WriteLine("IAC warnings reported by A: " + total.ToString(CultureInfo.InvariantCulture) + (total > 0 ? " (" + string.Join(", ", findings) + ")" : " (none: this project has no findings, or our analyzers did not run)"));
            var crashes = Regex.Matches(warmA.Output, @"warning AD0001:[^\r\n]*IacAnalyzers[^\r\n]*").Select(m => m.Value).Distinct().ToArray();
            if (crashes.Length > 0)
            {
                Console.WriteLine("Our analyzers crashed (AD0001), so A measured less than their work:\n  " + string.Join("\n  ", crashes));
            }

            return project == null && total == 0 ? 1 : 0;
        }

        /// <summary>The compiler's arguments as MSBuild would pass them (without <c>/noconfig</c>) and the path of csc.dll.</summary>
        private static (string[] Args, string Csc) CompilerCommandLine(string projectPath, string projectDir)
        {
            var result = CdkAppBuild.Run("dotnet", projectDir, "msbuild " + Quote(projectPath) + " -nologo -t:Compile -p:SkipCompilerExecution=true -p:ProvideCommandLineArgs=true -p:NonExistentFile=__csc_paired__/__always_compile__ -getItem:CscCommandLineArgs -getProperty:RoslynTargetsPath");
            var start = result.Output.IndexOf("{", StringComparison.Ordinal);
            if (result.ExitCode != 0 || start < 0)
            {
                throw new InvalidOperationException("MSBuild did not give the compiler command line (exit code " + result.ExitCode + ")\n" + result.Output);
            }

            // Only the JSON value: MSBuild may print a warning after it (a project's first evaluation did, about its restore).
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.Output.Substring(start)));
            using var json = JsonDocument.ParseValue(ref reader);
            var args = json.RootElement.GetProperty("Items").TryGetProperty("CscCommandLineArgs", out var items)
                ? items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToArray()
                : Array.Empty<string>();
            if (args.Length == 0)
            {
                throw new InvalidOperationException("MSBuild printed no CscCommandLineArgs for " + projectPath + " (a project with several target frameworks needs one chosen)\n" + result.Output);
            }

            var csc = Path.GetFullPath(Path.Combine(json.RootElement.GetProperty("Properties").GetProperty("RoslynTargetsPath").GetString()!, "bincore", "csc.dll"));
            if (!File.Exists(csc))
            {
                throw new FileNotFoundException("the SDK's compiler is not where RoslynTargetsPath says", csc);
            }

            // MSBuild passes /noconfig on the command line (csc ignores it in a response file, with a warning): so do we.
            return (args.Where(a => !string.Equals(a, "/noconfig", StringComparison.OrdinalIgnoreCase)).ToArray(), csc);
        }

        private static (double Cpu, double Wall, string Output) Compile(string projectDir, string arguments, string outputAssembly, bool withOurs, bool baselineHasOurs, string? pipe)
        {
            // Deleted before, so "written" below means this run wrote it: csc does not emit when there are errors, and
            // both sides must do the same work.
            File.Delete(outputAssembly);
            var server = pipe == null ? null : ServerProcess(pipe);
            var before = server != null ? ProcessCpuSeconds(server) : CdkAppPaired.ChildrenCpuSeconds();
            var watch = Stopwatch.StartNew();
            var (exitCode, output) = CdkAppBuild.Run("dotnet", projectDir, arguments);
            watch.Stop();
            double cpu;
            if (pipe == null)
            {
                cpu = CdkAppPaired.ChildrenCpuSeconds() - before;
            }
            else if (server != null && ServerProcess(pipe) == server)
            {
                cpu = ProcessCpuSeconds(server) - before;
            }
            else
            {
                // The first compile starts the server (and a server that restarted lost what it had compiled): not a measure.
                cpu = double.NaN;
            }
            var side = withOurs ? "A (with our analyzers)" : "B (without them)";
            if (exitCode != 0 || Regex.IsMatch(output, @"\berror [A-Z]+\d+:"))
            {
                throw new InvalidOperationException(side + ": the compiler failed (exit code " + exitCode + "), so it skipped work the other side did\n" + output);
            }

            if (!File.Exists(outputAssembly))
            {
                throw new InvalidOperationException(side + ": the compiler exited 0 but did not write " + outputAssembly + "\n" + output);
            }

            if (Regex.IsMatch(output, @"\bwarning (CS8032|CS9057|CS8034)\b[^\r\n]*(IacAnalyzers|YamlDotNet)"))
            {
                throw new InvalidOperationException(side + ": the compiler could not load our analyzers\n" + output);
            }

            if (!withOurs && !baselineHasOurs && Regex.IsMatch(output, @"\bwarning IAC\d{4}:"))
            {
                throw new InvalidOperationException("B still ran our analyzers (an IAC warning): an /analyzer: of ours was not recognised\n" + output);
            }

            return (cpu, watch.Elapsed.TotalSeconds, output);
        }

        /// <summary>
        /// How many compiles of each side warm a compiler server up before the measured pairs, unless <c>--warmups N</c>
        /// says otherwise. Three load and JIT everything once; the runtime goes on re-compiling hot methods of the
        /// compiler (tiered compilation) for tens of compiles after that, so a steady-state figure needs more.
        /// </summary>
        internal const int DefaultServerWarmUps = 3;

        /// <summary>The pid of the compiler server listening on <paramref name="pipe"/> (its command line names the pipe), or null.</summary>
        private static string? ServerProcess(string pipe)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var pid = Path.GetFileName(dir);
                if (pid.Length == 0 || !pid.All(char.IsDigit))
                {
                    continue;
                }

                try
                {
                    var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline"));
                    if (commandLine.Contains("VBCSCompiler", StringComparison.Ordinal) && commandLine.Contains(pipe, StringComparison.Ordinal))
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the compiler server runs our images' ReadyToRun code: the runtime uses it only for an assembly mapped
        /// from its file. The server of .NET 10's SDK loads analyzers from their bytes (no mapping of the file in
        /// <c>/proc/pid/maps</c>), so there the JIT compiles every method of ours that runs, tier 0 first, as for the IL.
        /// </summary>
        internal static string ImagesInServer(string pid, string image)
        {
            string maps;
            try
            {
                maps = File.ReadAllText("/proc/" + pid + "/maps");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return "(could not read the compiler server's memory map: whether it runs our images' code is not known)";
            }

            var name = Path.GetFileName(image);
            return maps.Contains(image, StringComparison.Ordinal) || maps.Contains("/" + name, StringComparison.Ordinal)
                ? "The compiler server mapped " + name + " from a file: its ReadyToRun code can run there"
                : "The compiler server did not map " + name + " from a file (it loaded the bytes): our images' ReadyToRun code does not run in it, the JIT compiles our code as for the IL";
        }

        /// <summary>User + system CPU seconds of a running process so far (fields 14 and 15 of <c>/proc/pid/stat</c>, in clock ticks of 1/100 s).</summary>
        private static double ProcessCpuSeconds(string pid)
        {
            var stat = File.ReadAllText("/proc/" + pid + "/stat");
            var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }

        /// <summary>The project file itself, or the one <c>.csproj</c> in a folder (as <c>dotnet build</c> finds it).</summary>
        private static string ProjectFile(string path)
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (!Directory.Exists(path))
            {
                throw new FileNotFoundException("--project: no such project file or folder", path);
            }

            var projects = Directory.GetFiles(path, "*.csproj");
            return projects.Length == 1
                ? projects[0]
                : throw new FileNotFoundException("--project: " + path + " holds " + projects.Length + " .csproj files; name one", path);
        }

        /// <summary>The path an <c>/analyzer:</c> (or <c>/a:</c>) argument names, else null.</summary>
        private static string? AnalyzerPath(string arg) => SwitchValue("analyzer")(arg) ?? SwitchValue("a")(arg);

        /// <summary>
        /// ReadyToRun images of <paramref name="assemblies"/> for this machine's runtime, in <paramref name="folder"/>:
        /// the package's own way (<c>dotnet publish src/IacAnalyzers.ReadyToRun</c>, the SDK's crossgen2).
        /// </summary>
        internal static string ReadyToRunImages(IEnumerable<string> assemblies, string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var root = CdkAppBuild.FindRepositoryRoot();
            var inputs = string.Join("%3B", assemblies.Select(Path.GetFullPath));
            var publish = CdkAppBuild.Run(
                "dotnet",
                root,
                "publish " + Quote(Path.Combine(root, "src", "IacAnalyzers.ReadyToRun", "IacAnalyzers.ReadyToRun.csproj")) + " -nologo -c Release -r "
                + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier + " -o " + Quote(folder) + " " + Quote("-p:IacAnalyzersAssemblies=" + inputs));
            if (publish.ExitCode != 0)
            {
                throw new InvalidOperationException("--r2r: publishing the ReadyToRun images failed\n" + publish.Output);
            }

            // An image of an earlier build (the publish's incremental check once kept one) would measure other code.
            foreach (var assembly in assemblies)
            {
                var image = Path.Combine(folder, Path.GetFileName(assembly));
                if (ModuleVersionId(image) != ModuleVersionId(assembly))
                {
                    throw new InvalidOperationException("--r2r: the image " + image + " is not of " + assembly + " (their module version ids differ)");
                }
            }

            return folder;
        }

        /// <summary>
        /// One more cold compile of A (not measured) with the runtime's perf map on: the methods the JIT compiled that name
        /// our assemblies' code or types. With the images, what is left is what they cannot hold: framework generics over
        /// our value types, and methods taking a Roslyn struct by value (its layout is Roslyn's, not our image's).
        /// </summary>
        private static string JitOfOurs(string projectDir, string arguments, string outputAssembly, string folder)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            File.Delete(outputAssembly);
            var environment = new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "3", ["DOTNET_PerfMapJitDumpPath"] = folder };
            var (exitCode, text) = CdkAppBuild.Run("dotnet", projectDir, arguments, environment);
            var map = Directory.EnumerateFiles(folder, "perf-*.map").FirstOrDefault();
            if (exitCode != 0 || map == null)
            {
                return "(the compile with the runtime's perf map failed or wrote none: the JIT of our code is not known)\n" + text;
            }

            // "<address> <size> <name>[<tier>]" per compiled method; stubs are the runtime's.
            var ours = File.ReadLines(map)
                .Select(line => line.Split(' ', 3))
                .Where(parts => parts.Length == 3 && !parts[2].StartsWith("stub ", StringComparison.Ordinal))
                .Select(parts => parts[2])
                .Where(name => name.Contains("IacAnalyzers", StringComparison.Ordinal) || name.Contains("YamlDotNet", StringComparison.Ordinal))
                .ToArray();
            return "A cold compile with the images JIT-compiled " + ours.Length.ToString(CultureInfo.InvariantCulture) + " methods of our code or over our types"
                + string.Concat(ours.Select(name => "\n  " + (name.Length > 160 ? name.Substring(0, 157) + "..." : name)));
        }

        /// <summary>The module version id of an assembly (an image keeps the one of the IL it was compiled from).</summary>
        private static Guid ModuleVersionId(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }

        /// <summary>The baseline's copy of one of our analyzer assemblies (same file name, in <paramref name="directory"/>).</summary>
        private static string BaselineAssembly(string directory, string arg)
        {
            var name = Path.GetFileName(AnalyzerPath(arg)!);
            var path = Path.GetFullPath(Path.Combine(directory, name));
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("--baseline: the baseline folder has no " + name, path);
            }

            return path;
        }

        /// <summary>The compiler's arguments with the do-nothing floor analyzer (compiled for the run) in place of ours.</summary>
        private static IEnumerable<string> FloorInsteadOfOurs(IEnumerable<string> args)
            => args.Where(a => !IsOurAnalyzer(a)).Append("/analyzer:" + Quote(CdkAppPaired.FloorAnalyzer()));

        /// <summary>The full path of the <c>/out:</c> assembly (relative paths are relative to the project directory).</summary>
        private static string OutputAssembly(IEnumerable<string> args, string projectDir)
        {
            var value = args.Select(SwitchValue("out")).LastOrDefault(v => v != null)
                ?? throw new InvalidOperationException("the compiler command line has no /out:");
            return Path.GetFullPath(Path.Combine(projectDir, value));
        }

        private static bool IsOurAnalyzer(string arg)
        {
            var value = AnalyzerPath(arg);
            return value != null && OurAssemblies.Contains(Path.GetFileName(value), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The unquoted value of <c>/name:value</c> or <c>-name:value</c>, else null.</summary>
        private static Func<string, string?> SwitchValue(string name) => arg =>
            arg.Length > name.Length + 2 && (arg[0] == '/' || arg[0] == '-') && arg[name.Length + 1] == ':'
                && string.Compare(arg, 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                ? Unquote(arg.Substring(name.Length + 2))
                : null;

        private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value.Substring(1, value.Length - 2) : value;

        private static string Quote(string path) => path.IndexOfAny(new[] { ' ', '\t', ';', ',' }) >= 0 ? "\"" + path + "\"" : path;

        /// <summary>
        /// One argument as a response-file line. MSBuild's items already quote switch values where the compiler needs it
        /// (<c>/embed:"a,b.cs"</c>) and leave lists meant to be split unquoted (<c>/define:A;B</c>, <c>/nowarn:1,2</c>), so
        /// switches pass as they are (a value with white space but no quotes gets them). Plain file names come unquoted;
        /// the compiler would split one at a space, ',' or ';', so those are quoted.
        /// </summary>
        private static string RspArgument(string arg)
        {
            if (arg.Contains('"', StringComparison.Ordinal))
            {
                return arg;
            }

            var option = Regex.Match(arg, @"^[/-][A-Za-z][A-Za-z0-9+-]*(:|$)");
            if (option.Success)
            {
                return arg.IndexOfAny(new[] { ' ', '\t' }) < 0 || option.Groups[1].Value.Length == 0
                    ? arg
                    : arg.Substring(0, option.Length) + "\"" + arg.Substring(option.Length) + "\"";
            }

            return Quote(arg);
        }

        /// <summary>Mean of the paired differences A − B with a 95 % percentile bootstrap interval, as % of B's mean, and the median paired ratio.</summary>
        internal static string Summary(string what, double[] a, double[] b)
        {
            var diffs = a.Zip(b, (x, y) => x - y).ToArray();
            var meanB = b.Average();
            var random = new Random(20261206);
            var means = new double[4000];
            for (var r = 0; r < means.Length; r++)
            {
                var sum = 0.0;
                for (var i = 0; i < diffs.Length; i++)
                {
                    sum += diffs[random.Next(diffs.Length)];
                }

                means[r] = sum / diffs.Length;
            }

            Array.Sort(means);
            var low = means[(int)(0.025 * means.Length)];
            var high = means[(int)(0.975 * means.Length) - 1];
            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} over {1} pairs: A mean {2:F3} s, B mean {3:F3} s; mean paired difference {4:+0.000;-0.000;0.000} s (95 % bootstrap CI {5:+0.000;-0.000;0.000} .. {6:+0.000;-0.000;0.000} s) = {7:+0.0;-0.0;0.0} % of B ({8:+0.0;-0.0;0.0} .. {9:+0.0;-0.0;0.0} %); median paired ratio {10:+0.0;-0.0;0.0} %",
                what,
                diffs.Length,
                a.Average(),
                meanB,
                diffs.Average(),
                low,
                high,
                diffs.Average() / meanB * 100,
                low / meanB * 100,
                high / meanB * 100,
                CdkAppPaired.Median(a.Zip(b, CdkAppPaired.Percent)));
        }
    }
}
