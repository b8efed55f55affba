using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// IacAnalyzers.csproj hands Core (and YamlDotNet) to its consumers as analyzer payload, so Core is copied next to
    /// the tool but not listed in its deps.json as a runtime dependency: resolve such assemblies from the tool's folder.
    /// </summary>
    internal static class AssemblyResolution
    {
        [ModuleInitializer]
        internal static void Register()
        {
            AssemblyLoadContext.Default.Resolving += (context, name) =>
            {
                var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
                return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
            };
        }
    }
}
