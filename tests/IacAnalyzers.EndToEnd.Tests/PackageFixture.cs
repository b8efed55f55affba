using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IacAnalyzers.Samples;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>All end-to-end tests share one pack and one package folder, and run one after another.</summary>
    [CollectionDefinition(Name)]
    public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "End to end";
    }

    /// <summary>
    /// Packs IacAnalyzers once per test run with a unique prerelease version into a local folder feed, and gives every
    /// consumer the same NuGet settings: that feed, the machine's usual sources (for Amazon.CDK.Lib), an isolated
    /// packages folder for this run, and the machine's packages folder as a read-only fallback (so the 300 MB of
    /// Amazon.CDK.Lib is not extracted again). A unique version means a stale cached package can never hide a change.
    /// Set IAC_E2E_KEEP=1 to keep the work folder for inspection.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        private readonly Lazy<PackedAnalyzers> _packed;
        private readonly Dictionary<string, ConsumerBuild> _builds = new Dictionary<string, ConsumerBuild>(StringComparer.Ordinal);

        private readonly Stopwatch _lifetime = Stopwatch.StartNew();
        private readonly List<string> _timings = new List<string>();

        public PackageFixture()
        {
            DotNetCli.Completed += Record;
            RepositoryRoot = FindUp(AppContext.BaseDirectory, d => File.Exists(Path.Combine(d, "IacAnalyzers.sln")))
                ?? throw new InvalidOperationException("Cannot find the repository root (IacAnalyzers.sln) above " + AppContext.BaseDirectory);
            Version = BaseVersion(RepositoryRoot) + "-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            WorkRoot = Path.Combine(Path.GetTempPath(), "iac-e2e", Version);
            Feed = Path.Combine(WorkRoot, "feed");
            PackagesFolder = Path.Combine(WorkRoot, "packages");
            Directory.CreateDirectory(Feed);
            Directory.CreateDirectory(PackagesFolder);

            // Consumers live below WorkRoot: stop MSBuild and NuGet from looking further up than that.
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Packages.props"), "<Project />\n");
            var fallback = MachinePackagesFolder();
            File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{PackagesFolder}" />
                  </config>
                  <packageSources>
                    <add key="iac-e2e-feed" value="{Feed}" />
                  </packageSources>
                  {(fallback != null ? $"<fallbackPackageFolders><add key=\"machine\" value=\"{fallback}\" /></fallbackPackageFolders>" : "")}
                </configuration>
                """);

            // Restore without the run's version (a no-op after the solution's own restore), then pack without restoring:
            // the repository's obj/ restore state never records a test version, and a developer's next build is not
            // disturbed by it.
            var watch = Stopwatch.StartNew();
            var packageProject = Path.Combine("src", "IacAnalyzers.Package", "IacAnalyzers.Package.csproj");
            var restore = DotNetCli.Run(RepositoryRoot, new[] { "restore", packageProject, "-nologo" });
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet restore failed: " + restore);
            }

            Pack = DotNetCli.Run(RepositoryRoot, new[]
            {
                "pack", packageProject, "--no-restore", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo",
            });
            PackTime = watch.Elapsed;
            Package = Path.Combine(Feed, $"IacAnalyzers.{Version}.nupkg");
            if (Pack.ExitCode != 0 || !File.Exists(Package))
            {
                throw new InvalidOperationException("dotnet pack failed: " + Pack);
            }

            _packed = new Lazy<PackedAnalyzers>(() => PackedAnalyzers.Load(Package, Path.Combine(WorkRoot, "inspect")));
        }

        public string RepositoryRoot { get; }

        /// <summary>The unique prerelease version of this run's package.</summary>
        public string Version { get; }

        public string WorkRoot { get; }

        public string Feed { get; }

        public string PackagesFolder { get; }

        /// <summary>The .nupkg this run produced.</summary>
        public string Package { get; }

        public CommandResult Pack { get; }

        public TimeSpan PackTime { get; }

        /// <summary>What the packed assemblies provide (analyzers, code fixes), asked by loading them.</summary>
        public PackedAnalyzers Packed => _packed.Value;

        /// <summary>
        /// A consumer project built once and shared by the tests that read its results (keyed by name).
        /// </summary>
        public ConsumerBuild BuildOnce(string name, Func<ConsumerProject> create, params string[] extraArguments)
        {
            lock (_builds)
            {
                if (!_builds.TryGetValue(name, out var build))
                {
                    build = create().Build(extraArguments);
                    _builds[name] = build;
                }

                return build;
            }
        }

        public ConsumerProject NewConsumer(string name) => new ConsumerProject(this, Path.Combine(WorkRoot, name));

        /// <summary>The SARIF 2.1.0 JSON schema the repository carries (<c>schemas/sarif-schema-2.1.0.json</c>; see its README).</summary>
        public string SarifSchemaPath()
        {
            var path = Path.Combine(RepositoryRoot, "schemas", "sarif-schema-2.1.0.json");
            return File.Exists(path) ? path : throw new InvalidOperationException("The repository has no " + path);
        }

        public void Dispose()
        {
            DotNetCli.Completed -= Record;
            try
            {
                // Where the end-to-end time goes: artifacts/e2e/timings.txt (ignored by git).
                var log = Path.Combine(RepositoryRoot, "artifacts", "e2e", "timings.txt");
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
                lock (_timings)
                {
                    _timings.Add($"{_lifetime.Elapsed.TotalSeconds,7:0.0}s  fixture lifetime (all end-to-end tests)");
                    File.WriteAllLines(log, _timings);
                }
            }
            catch (IOException)
            {
            }

            if (Environment.GetEnvironmentVariable("IAC_E2E_KEEP") == "1")
            {
                return;
            }

            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private void Record(CommandResult result)
        {
            lock (_timings)
            {
                _timings.Add($"{result.Elapsed.TotalSeconds,7:0.0}s  exit {result.ExitCode}  {result.CommandLine}");
            }
        }

        private static string BaseVersion(string root)
        {
            var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
            var match = Regex.Match(props, @"<Version\b[^>]*>\s*([0-9]+\.[0-9]+\.[0-9]+)");
            return match.Success ? match.Groups[1].Value : "0.0.0";
        }

        private static string? MachinePackagesFolder()
        {
            var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            var folder = !string.IsNullOrEmpty(configured)
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
        }

        internal static string? FindUp(string start, Func<string, bool> found)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (found(dir.FullName))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
