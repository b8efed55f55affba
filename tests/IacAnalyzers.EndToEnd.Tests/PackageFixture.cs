using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
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
    /// Packs IacAnalyzers once per test run by running the README's install block as written (a copy of the working
    /// tree stands in for its `git clone`): that pack has a version of its own (0.1.0-dev.&lt;UTC time&gt;), so a stale
    /// cached package can never hide a change. Every consumer then gets the same NuGet settings: that feed, the
    /// machine's usual sources (for Amazon.CDK.Lib), an isolated packages folder for this run, and the machine's
    /// packages folder as a read-only fallback. Set IAC_E2E_KEEP=1 to keep the work folder for inspection.
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
            WorkRoot = Path.Combine(Path.GetTempPath(), "iac-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture));
            PackagesFolder = Path.Combine(WorkRoot, "packages");
            ReadmeWorkspace = Path.Combine(WorkRoot, "readme");
            ReadmeHome = Path.Combine(ReadmeWorkspace, "home");
            Feed = Path.Combine(ReadmeHome, "iac-analyzers-feed");
            ConsumersRoot = Path.Combine(WorkRoot, "consumers");
            Directory.CreateDirectory(PackagesFolder);
            Directory.CreateDirectory(ReadmeHome);
            Directory.CreateDirectory(ConsumersRoot);

            // Everything lives below WorkRoot: stop MSBuild from looking further up than that.
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(WorkRoot, "Directory.Packages.props"), "<Project />\n");
            MachinePackages = MachinePackagesFolder();

            // The one pack of the run is the README's install block, run as written in a workspace that holds a copy of
            // the repository (the block's `git clone`) and a new C# CDK app in the `cdk init` layout; its ~ is the
            // workspace's home, so `dotnet nuget add source` writes a NuGet.config of its own there.
            var watch = Stopwatch.StartNew();
            WorkingTreeCopy.CopyTo(RepositoryRoot, Path.Combine(ReadmeWorkspace, "IacAnalyzers"));
            CdkApp.Write(Path.Combine(ReadmeWorkspace, CdkApp.Name));
            InstallBlock = ReadmeBlocks.Extract(RepositoryRoot, "install");
            const string Clone = "git clone https://github.com/IacAnalyzers/IacAnalyzers.git";
            if (!InstallBlock.Contains(Clone + "\n", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The README's install block no longer clones with `" + Clone + "`:\n" + InstallBlock);
            }

            Install = RunReadmeScript(ReadmeWorkspace, InstallBlock.Replace(Clone + "\n", ": the clone is the copy the test made\n", StringComparison.Ordinal));
            PackTime = watch.Elapsed;
            var packages = Directory.Exists(Feed) ? Directory.GetFiles(Feed, "IacAnalyzers.*.nupkg") : Array.Empty<string>();
            if (packages.Length != 1)
            {
                throw new InvalidOperationException("The README's install block did not pack exactly one IacAnalyzers package into " + Feed + ":\n" + Install);
            }

            Package = packages[0];
            Version = Path.GetFileNameWithoutExtension(Package).Substring("IacAnalyzers.".Length);

            // Consumers written by the tests take the package from the same folder through their own NuGet.config, with
            // an isolated packages folder and the machine's as a read-only fallback (so the 300 MB of Amazon.CDK.Lib is
            // not extracted again).
            File.WriteAllText(Path.Combine(ConsumersRoot, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{PackagesFolder}" />
                  </config>
                  <packageSources>
                    <add key="iac-e2e-feed" value="{Feed}" />
                  </packageSources>
                  {(MachinePackages != null ? $"<fallbackPackageFolders><add key=\"machine\" value=\"{MachinePackages}\" /></fallbackPackageFolders>" : "")}
                </configuration>
                """);

            _packed = new Lazy<PackedAnalyzers>(() => PackedAnalyzers.Load(Package, Path.Combine(WorkRoot, "inspect")));
        }

        /// <summary>The README's install block as the README has it.</summary>
        public string InstallBlock { get; }

        /// <summary>What running the README's install block printed, and its exit code.</summary>
        public CommandResult Install { get; }

        /// <summary>The folder the README's blocks run in (it holds the repository copy and the CDK app).</summary>
        public string ReadmeWorkspace { get; }

        /// <summary>The README workspace's home folder (~ in the README's blocks).</summary>
        public string ReadmeHome { get; }

        public string ConsumersRoot { get; }

        private string? MachinePackages { get; }

        /// <summary>Runs a README block with bash in <paramref name="directory"/>, as a reader would on a fresh machine.</summary>
        public CommandResult RunReadmeScript(string directory, string script)
        {
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["HOME"] = ReadmeHome,
                ["DOTNET_CLI_HOME"] = ReadmeHome,
                ["NUGET_PACKAGES"] = PackagesFolder,
                ["NUGET_FALLBACK_PACKAGES"] = MachinePackages,
                // ReadyToRun images for this machine's runtime only (a release pack compiles five; each needs its runtime pack).
                ["IacAnalyzersReadyToRunRuntimes"] = RuntimeInformation.RuntimeIdentifier,
            };
            var result = ShellScript.Run(directory, script, environment, TimeSpan.FromMinutes(20));
            Record(result);
            return result;
        }

        public string RepositoryRoot { get; }

        /// <summary>The unique prerelease version of this run's package.</summary>
        public string Version { get; }

        public string WorkRoot { get; }

        public string Feed { get; }

        public string PackagesFolder { get; }

        /// <summary>The .nupkg this run produced.</summary>
        public string Package { get; }

        /// <summary>The pack (the README's install block, which also builds a new CDK app).</summary>
        public CommandResult Pack => Install;

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

        public ConsumerProject NewConsumer(string name) => new ConsumerProject(this, Path.Combine(ConsumersRoot, name));

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
