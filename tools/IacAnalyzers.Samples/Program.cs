using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Samples
{
    /// <summary>
    /// <c>dotnet run --project tools/IacAnalyzers.Samples [-- --check] [-- --sarif path]</c>:
    /// builds samples/CdkApp with the analyzers from src/ (as a user's build would run them), writes a SARIF 2.1 log,
    /// prints the IacAnalyzers findings grouped by Well-Architected pillar, and compares them with the samples'
    /// <c>// IACnnnn</c> comments. Exit code 0 when the analyzers ran (findings, even build errors, are the point);
    /// 1 when the samples do not compile or an analyzer failed to load; 1 with --check also when the findings and
    /// the comments disagree.
    /// </summary>
    public static class Program
    {
        /// <summary>Diagnostics that mean the analyzers did not run as shipped.</summary>
        public static readonly IReadOnlyList<string> LoadFailureIds = new[] { "AD0001", "CS8032", "CS9057" };

        public static int Main(string[] args)
        {
            if (args.Contains("-h") || args.Contains("--help"))
            {
                Console.WriteLine("Usage: dotnet run --project tools/IacAnalyzers.Samples [-- [--check] [--sarif <path>]]");
                return 0;
            }

            var check = args.Contains("--check");
            var root = FindRepositoryRoot();
            if (root == null)
            {
                Console.Error.WriteLine("Cannot find the repository root (a folder holding IacAnalyzers.sln) above the current directory.");
                return 1;
            }

            var sampleDir = Path.Combine(root, "samples", "CdkApp");
            var sarifIndex = Array.IndexOf(args, "--sarif");
            var sarif = sarifIndex >= 0 && sarifIndex + 1 < args.Length
                ? Path.GetFullPath(args[sarifIndex + 1])
                : Path.Combine(root, "artifacts", "samples", "CdkApp.sarif");
            Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
            if (File.Exists(sarif))
            {
                File.Delete(sarif);
            }

            // 1. The analyzers, incrementally. 2. The sample, always recompiled (a no-op build reports nothing).
            Console.WriteLine("Building the analyzers (src/) ...");
            var analyzers = DotNetCli.Run(root, new[] { "build", Path.Combine("src", "IacAnalyzers.CodeFixes", "IacAnalyzers.CodeFixes.csproj"), "-nologo", "-v:q" });
            if (analyzers.ExitCode != 0)
            {
                Console.Error.WriteLine(analyzers.Output);
                Console.Error.WriteLine("The analyzers do not build.");
                return 1;
            }

            Console.WriteLine("Building samples/CdkApp with them ...");
            var build = DotNetCli.Run(root, new[]
            {
                "build", Path.Combine("samples", "CdkApp", "CdkApp.csproj"), "--no-incremental", "--no-dependencies",
                "-nologo", "-p:ErrorLog=" + sarif + "%2Cversion=2.1",
            });
            if (!File.Exists(sarif))
            {
                Console.Error.WriteLine(build.Output);
                Console.Error.WriteLine($"The build wrote no SARIF log (exit code {build.ExitCode}).");
                return 1;
            }

            var log = SarifLog.Load(sarif);
            var report = Report(log, root);
            Console.WriteLine();
            Console.Write(report);

            var problems = log.Findings.Where(f => LoadFailureIds.Contains(f.RuleId)
                                                   || (f.Level == "error" && !f.RuleId.StartsWith("IAC", StringComparison.Ordinal)))
                .ToList();
            foreach (var id in LoadFailureIds.Where(id => build.Output.Contains(id, StringComparison.Ordinal) && problems.All(p => p.RuleId != id)))
            {
                problems.Add(new SarifFinding(id, "warning", "reported in the build output", null, 0, 0, 0, 0));
            }

            var gaps = KnownGaps.Load(Path.Combine(root, "samples", "known-gaps.txt"));
            var checkResult = ExpectationCheck.Compare(
                SampleExpectations.SampleFiles(sampleDir), log.Findings, e => RuleCatalog.Find(e.Id) != null, e => gaps.Contains(e, sampleDir));
            Console.WriteLine();
            Console.Write(DescribeCheck(checkResult, root));
            Console.WriteLine();
            Console.WriteLine($"Build exit code {build.ExitCode} ({(build.ExitCode == 0 ? "no error-severity finding" : "error-severity findings fail a build, as they should")}). SARIF 2.1 log: {Path.GetRelativePath(root, sarif)}");

            if (problems.Count > 0)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine("The samples did not compile cleanly or an analyzer failed to load:");
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine("  " + problem);
                }

                return 1;
            }

            return check && !checkResult.Passed ? 1 : 0;
        }

        /// <summary>The IacAnalyzers findings grouped by pillar (from the rules' <c>Pillar:</c> SARIF tags).</summary>
        public static string Report(SarifLog log, string root)
        {
            var writer = new StringWriter();
            var ours = log.Findings.Where(f => f.RuleId.StartsWith("IAC", StringComparison.Ordinal)).ToList();
            writer.WriteLine($"IacAnalyzers findings in samples/CdkApp: {ours.Count}");
            var byPillar = ours
                .GroupBy(f => PillarOf(log, f.RuleId))
                .OrderBy(g => PillarOrder(g.Key))
                .ThenBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in byPillar)
            {
                var errors = group.Count(f => f.Level == "error");
                var warnings = group.Count(f => f.Level == "warning");
                writer.WriteLine();
                writer.WriteLine($"{group.Key}: {group.Count()} finding(s) ({errors} error(s), {warnings} warning(s), {group.Count() - errors - warnings} other)");
                foreach (var finding in group.OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.StartLine).ThenBy(f => f.StartColumn))
                {
                    var rule = log.Rules.TryGetValue(finding.RuleId, out var r) ? r : null;
                    var practice = rule?.BestPractice is { Length: > 0 } bp ? " [" + bp + "]" : "";
                    var where = finding.FilePath == null ? "(no location)" : $"{Relative(root, finding.FilePath)}({finding.StartLine},{finding.StartColumn})";
                    writer.WriteLine($"  {where}: {finding.Level} {finding.RuleId}{practice}: {finding.Message}");
                }
            }

            return writer.ToString();
        }

        public static string DescribeCheck(ExpectationCheck check, string root)
        {
            var writer = new StringWriter();
            writer.WriteLine($"Against the samples' IACnnnn comments: {check.Matched.Count} reported as declared, {check.Missing.Count} missing, {check.Unexpected.Count} unexpected, {check.ClosedGaps.Count} stale known gap(s).");
            foreach (var missing in check.Missing)
            {
                writer.WriteLine($"  missing: {missing.Id} at {Relative(root, missing.FilePath)}({missing.FirstLine}{(missing.LastLine != missing.FirstLine ? "-" + missing.LastLine : "")})");
            }

            foreach (var closed in check.ClosedGaps)
            {
                writer.WriteLine($"  reported now, so delete it from samples/known-gaps.txt: {closed.Id} at {Relative(root, closed.FilePath)}({closed.FirstLine})");
            }

            foreach (var unexpected in check.Unexpected)
            {
                writer.WriteLine($"  unexpected: {unexpected.RuleId} at {Relative(root, unexpected.FilePath!)}({unexpected.StartLine},{unexpected.StartColumn})");
            }

            if (check.KnownGaps.Count > 0)
            {
                writer.WriteLine($"  {check.KnownGaps.Count} known gap(s) (samples/known-gaps.txt), not reported yet: "
                                 + string.Join(", ", check.KnownGaps.Select(e => $"{e.Id} at {Path.GetFileName(e.FilePath)}({e.FirstLine})")));
            }

            if (check.Pending.Count > 0)
            {
                var ids = check.Pending.Select(e => e.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal);
                writer.WriteLine($"  {check.Pending.Count} more declared for rules not in the catalog yet: {string.Join(", ", ids)}");
            }

            return writer.ToString();
        }

        private static string PillarOf(SarifLog log, string id)
        {
            if (log.Rules.TryGetValue(id, out var rule) && rule.Pillar is { Length: > 0 } pillar)
            {
                return pillar;
            }

            return RuleCatalog.Find(id)?.Pillar.ToString() ?? "Unknown";
        }

        private static int PillarOrder(string pillar)
            => Enum.TryParse<Pillar>(pillar, out var p) ? (p == Pillar.Tool ? 100 : (int)p) : 200;

        private static string Relative(string root, string path)
        {
            var relative = Path.GetRelativePath(root, path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        }

        private static string? FindRepositoryRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "IacAnalyzers.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            return null;
        }
    }
}
