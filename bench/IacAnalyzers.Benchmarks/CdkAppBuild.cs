using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Tests.Cdk;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--cdk-app [stacks]</c>: writes the generated realistic CDK app (the tests' <see cref="CdkAppGenerator"/>) as a
    /// project that takes the analyzers by ProjectReference, builds it the way a user does
    /// (<c>dotnet build --no-incremental -p:ReportAnalyzer=true</c>, SARIF 2.1 error log, detailed verbosity) and prints
    /// the compiler's own per-analyzer timings for that one compilation, plus any AD0001/CS8032/CS9057.
    /// </summary>
    public static class CdkAppBuild
    {
        public static int Run(int stacks)
        {
            var src = Path.Combine(FindRepositoryRoot(), "src");
            var dir = WriteApp(stacks, string.Empty, $"""
                  <ItemGroup>
                    <ProjectReference Include="{src}/IacAnalyzers/IacAnalyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                """);
            var sarif = Path.Combine(dir, "build.sarif");
            var watch = Stopwatch.StartNew();
            var output = Dotnet(dir, $"build --no-incremental -v:d -p:ReportAnalyzer=true \"-p:ErrorLog={sarif}%2Cversion=2.1\"");
            watch.Stop();
            File.WriteAllText(Path.Combine(dir, "build.log"), output);

            var failures = Regex.Matches(output, @"\b(AD0001|CS8032|CS9057)\b").Select(m => m.Value).Distinct().ToArray();
            // The app's compile is the last Csc of the build (the analyzer projects' own compiles come first).
            var total = Regex.Matches(output, @"Total analyzer execution time: ([\d.]+) seconds").LastOrDefault();
            var ours = Regex.Matches(output, @"^\s*(<?[\d.]+)\s+(<?\d+)\s+(IacAnalyzers\.[\w.]+Analyzer)\b", RegexOptions.Multiline)
                .Select(m => (Time: m.Groups[1].Value, Percent: m.Groups[2].Value, Name: m.Groups[3].Value))
                .Distinct()
                .ToArray();
            var findings = Regex.Matches(output, @"(warning|error) (IAC\d{4}):").Select(m => m.Groups[2].Value)
                .GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + (g.Count() / 2)).ToArray();

            Console.WriteLine($"Build wall time: {watch.Elapsed.TotalSeconds:N1} s (includes restore, the analyzer project and the compile)");
            Console.WriteLine("Total analyzer execution time of the app's compilation (all analyzers, NetAnalyzers included): " + (total != null ? total.Groups[1].Value + " s" : "not found"));
            foreach (var (time, percent, name) in ours)
            {
                Console.WriteLine($"  {name}: {time} s ({percent} % of analyzer time)");
            }

            Console.WriteLine("Findings (as printed by the build): " + string.Join(", ", findings));
            Console.WriteLine("Analyzer load or crash diagnostics: " + (failures.Length == 0 ? "none" : string.Join(", ", failures)));
            Console.WriteLine("SARIF 2.1 log: " + sarif + "; build log: " + Path.Combine(dir, "build.log"));
            return failures.Length == 0 && ours.Length > 0 ? 0 : 1;
        }

        /// <summary>Writes the generated app of <paramref name="stacks"/> stacks as a project, with <paramref name="analyzers"/> (MSBuild items) to load.</summary>
        internal static string WriteApp(int stacks, string suffix, string analyzers)
        {
            var root = FindRepositoryRoot();
            var dir = Path.Combine(root, "artifacts", "bench", "cdk-app-" + stacks.ToString(CultureInfo.InvariantCulture) + (suffix.Length > 0 ? "-" + suffix : string.Empty));
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(dir);
            var lines = 0;
            foreach (var (path, text) in CdkAppGenerator.Generate(stacks))
            {
                var full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
                lines += text.Count(c => c == '\n');
            }

            File.WriteAllText(Path.Combine(dir, "BenchApp.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <NoWarn>$(NoWarn);CS0618</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" />
                  </ItemGroup>
                {analyzers}
                </Project>
                """);
            Console.WriteLine($"Generated {stacks} stacks ({lines:N0} lines) in {dir}");
            return dir;
        }

        internal static string Dotnet(string dir, string arguments) => Run("dotnet", dir, arguments).Output;

        /// <summary>Runs <paramref name="fileName"/> in <paramref name="dir"/>; its exit code and its output (stdout, then stderr).</summary>
        internal static (int ExitCode, string Output) Run(string fileName, string dir, string arguments, IReadOnlyDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                info.Environment[pair.Key] = pair.Value;
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }

        internal static string FindRepositoryRoot()
        {
            // Above the program (dotnet run), else above the working directory (a copy of the program run from the repository).
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                var current = new DirectoryInfo(start);
                while (current != null && !File.Exists(Path.Combine(current.FullName, "IacAnalyzers.sln")))
                {
                    current = current.Parent;
                }

                if (current != null)
                {
                    return current.FullName;
                }
            }

            throw new InvalidOperationException("IacAnalyzers.sln not found above " + AppContext.BaseDirectory + " or the working directory");
        }
    }
}
