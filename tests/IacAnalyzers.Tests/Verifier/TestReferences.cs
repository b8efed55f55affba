using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// The metadata references every test compilation gets, created once per test assembly: the running runtime's
    /// assemblies (the shared framework directory of <c>System.Private.CoreLib</c>) plus Amazon.CDK.Lib, Constructs and
    /// Amazon.JSII.Runtime from the test's bin folder. Reusing the same <see cref="MetadataReference"/> instances
    /// also lets Roslyn reuse the assembly symbols it built for them, so the 53 MB CDK assembly is read once.
    /// </summary>
    public static class TestReferences
    {
        /// <summary>The CDK assemblies a CDK app's code compiles against (the others are runtime dependencies only).</summary>
        public static readonly ImmutableArray<string> CdkAssemblyNames = ImmutableArray.Create(
            "Amazon.CDK.Lib", "Constructs", "Amazon.JSII.Runtime");

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyRuntime = new Lazy<ImmutableArray<MetadataReference>>(LoadRuntime);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyCdk = new Lazy<ImmutableArray<MetadataReference>>(LoadCdk);
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new Lazy<ImmutableArray<MetadataReference>>(
            () => Runtime.AddRange(Cdk));

        /// <summary>How long creating the references took (once), for the curious.</summary>
        public static TimeSpan LoadTime { get; private set; }

        /// <summary>How many times the reference set was built in this process (must stay 1).</summary>
        public static int LoadCount { get; private set; }

        public static ImmutableArray<MetadataReference> Runtime => LazyRuntime.Value;

        public static ImmutableArray<MetadataReference> Cdk => LazyCdk.Value;

        /// <summary>Runtime + CDK: what the test project compiles against.</summary>
        public static ImmutableArray<MetadataReference> All => LazyAll.Value;

        private static ImmutableArray<MetadataReference> LoadRuntime()
        {
            var watch = Stopwatch.StartNew();
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
                ?? throw new InvalidOperationException("Cannot find the runtime directory.");

            // The host's trusted platform assemblies restricted to the shared framework directory are exactly the
            // managed framework assemblies; fall back to scanning the directory if the host did not publish the list.
            var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
                .ToArray();
            var files = trusted is { Length: > 0 } ? trusted : Directory.GetFiles(runtimeDirectory, "*.dll").Where(IsManagedAssembly).ToArray();

            var references = files
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(CreateReference)
                .ToImmutableArray();
            LoadTime += watch.Elapsed;
            LoadCount++;
            return references;
        }

        private static ImmutableArray<MetadataReference> LoadCdk()
        {
            var watch = Stopwatch.StartNew();
            var directory = AppContext.BaseDirectory;
            var references = CdkAssemblyNames
                .Select(name =>
                {
                    var path = Path.Combine(directory, name + ".dll");
                    if (!File.Exists(path))
                    {
                        throw new InvalidOperationException(path + " is missing: the test project must reference Amazon.CDK.Lib.");
                    }

                    return CreateReference(path);
                })
                .ToImmutableArray();
            LoadTime += watch.Elapsed;
            return references;
        }

        /// <summary>
        /// A memory-mapped reference: only the pages the compiler touches are read (MetadataReference.CreateFromFile
        /// would copy every file, 53 MB for the CDK alone, into memory up front).
        /// </summary>
        private static MetadataReference CreateReference(string path) =>
            AssemblyMetadata.CreateFromFile(path).GetReference(filePath: path, display: Path.GetFileName(path));

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                return reader.HasMetadata;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
