using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// What the package's analyzers/dotnet/cs assemblies provide, found by loading them (in their own load context,
    /// sharing only Roslyn with this process) and asking: the analyzer types, and the ids each code-fix provider fixes.
    /// </summary>
    public sealed class PackedAnalyzers
    {
        private PackedAnalyzers(IReadOnlyList<string> analyzerTypes, IReadOnlyDictionary<string, IReadOnlyList<string>> fixersById)
        {
            AnalyzerTypes = analyzerTypes;
            FixersById = fixersById;
        }

        /// <summary>Full names of the non-abstract <see cref="DiagnosticAnalyzer"/> types.</summary>
        public IReadOnlyList<string> AnalyzerTypes { get; }

        /// <summary>Diagnostic id → full names of the <see cref="CodeFixProvider"/> types that fix it.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> FixersById { get; }

        /// <summary>The C# CDK front-end: an analyzer of the IacAnalyzers.Cdk namespace.</summary>
        public bool HasCdkFrontEnd => AnalyzerTypes.Any(a => a.StartsWith("IacAnalyzers.Cdk.", StringComparison.Ordinal));

        public bool CanFix(string id) => FixersById.ContainsKey(id);

        public static PackedAnalyzers Load(string package, string extractTo)
        {
            if (Directory.Exists(extractTo))
            {
                Directory.Delete(extractTo, recursive: true);
            }

            ZipFile.ExtractToDirectory(package, extractTo);
            var folder = Path.Combine(extractTo, "analyzers", "dotnet", "cs");
            var context = new PackageLoadContext(folder);
            var analyzers = new List<string>();
            var fixers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(folder, "IacAnalyzers*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                var assembly = context.LoadFromAssemblyPath(file);
                Type[] types;
                try
                {
                    types = assembly.GetTypes();
                }
                catch (ReflectionTypeLoadException ex)
                {
                    throw new InvalidOperationException(
                        $"{Path.GetFileName(file)} from the package does not load: " + string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message)), ex);
                }

                foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract))
                {
                    if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                    {
                        analyzers.Add(type.FullName!);
                    }

                    if (typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) != null)
                    {
                        var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
                        foreach (var id in provider.FixableDiagnosticIds)
                        {
                            if (!fixers.TryGetValue(id, out var list))
                            {
                                fixers[id] = list = new List<string>();
                            }

                            list.Add(type.FullName!);
                        }
                    }
                }
            }

            return new PackedAnalyzers(
                analyzers,
                fixers.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
        }

        /// <summary>Loads IacAnalyzers*.dll and YamlDotNet.dll from the package folder; everything else (Roslyn, the BCL)
        /// from this process, as the compiler would provide it.</summary>
        private sealed class PackageLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;

            public PackageLoadContext(string folder)
                : base("IacAnalyzers package " + folder, isCollectible: false)
            {
                _folder = folder;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
                return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
            }
        }
    }
}
