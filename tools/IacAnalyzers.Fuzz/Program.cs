using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IacAnalyzers.Fuzz
{
    /// <summary>
    /// Commands (run from the repository root):
    /// <code>
    /// dotnet run -c Release --project tools/IacAnalyzers.Fuzz -- --fuzz 100000 [--seed 1] [--out /tmp/fuzz] [--seeds DIR]...
    ///     mutate the repository's templates (samples/, tests/, docs/, plus any DIR) and report failures, crashes and the slowest mutants
    /// dotnet run --project tools/IacAnalyzers.Fuzz -- --probe FILE...
    ///     analyse files in this process and print the diagnostics (exit 1 on a failure); the tests start it as a child process
    /// dotnet run --project tools/IacAnalyzers.Fuzz -- --make RUNSEED ID FILE [--seeds DIR]...
    ///     write mutant ID of run RUNSEED to FILE (to reproduce a failure the fuzzer reported)
    /// </code>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length >= 1 && args[0] == "--probe")
            {
                return Probe.RunFiles(args.Skip(1).ToList());
            }

            if (args.Length >= 4 && args[0] == "--child")
            {
                return Fuzzer.Child(
                    int.Parse(args[1], CultureInfo.InvariantCulture),
                    long.Parse(args[2], CultureInfo.InvariantCulture),
                    long.Parse(args[3], CultureInfo.InvariantCulture),
                    args.Skip(4).ToList());
            }

            if (args.Length >= 4 && args[0] == "--make")
            {
                // --make RUNSEED ID FILE [--seeds DIR]...: writes one mutant, to look at it or turn it into a test.
                var mutant = Mutators.Make(Fuzzer.LoadSeeds(SeedDirs(args)), int.Parse(args[1], CultureInfo.InvariantCulture), long.Parse(args[2], CultureInfo.InvariantCulture));
                File.WriteAllText(args[3], mutant.Text);
                Console.WriteLine(mutant.Op + " from " + mutant.SeedPath);
                return 0;
            }

            var fuzz = Array.IndexOf(args, "--fuzz");
            if (fuzz >= 0)
            {
                var count = fuzz + 1 < args.Length && int.TryParse(args[fuzz + 1], out var n) ? n : 100_000;
                var seedAt = Array.IndexOf(args, "--seed");
                var runSeed = seedAt >= 0 ? int.Parse(args[seedAt + 1], CultureInfo.InvariantCulture) : 1;
                var outAt = Array.IndexOf(args, "--out");
                var output = outAt >= 0 ? args[outAt + 1] : Path.Combine(Path.GetTempPath(), "iac-fuzz");
                return Fuzzer.Parent(count, runSeed, output, SeedDirs(args));
            }

            Console.Error.WriteLine("usage: --fuzz N [--seed S] [--out DIR] [--seeds DIR]... | --probe FILE...");
            return 2;
        }

        /// <summary>The repository's samples/, tests/ and docs/, then every <c>--seeds DIR</c>.</summary>
        private static System.Collections.Generic.List<string> SeedDirs(string[] args)
        {
            var root = FindRoot();
            var dirs = new[] { "samples", "tests", "docs" }.Select(d => Path.Combine(root, d)).ToList();
            for (var i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--seeds")
                {
                    dirs.Add(Path.GetFullPath(args[i + 1]));
                }
            }

            return dirs;
        }

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IacAnalyzers.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
