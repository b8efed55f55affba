using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// IacAnalyzers hands its Core dependency to consumers as an analyzer payload (see IacAnalyzers.csproj), so Core is
    /// copied next to this program but not listed in its deps.json: resolve it from the program's folder.
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
