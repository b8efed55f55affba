using System;
using System.IO;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>Finds the repository root (the folder holding IacAnalyzers.sln) from the test's output folder.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> RootLazy = new Lazy<string>(() =>
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IacAnalyzers.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("IacAnalyzers.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => RootLazy.Value;

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
