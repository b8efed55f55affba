using System;
using System.Collections.Generic;
using System.IO;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>Runs the tool in-process (fast) against a folder; a scratch folder per test for files it writes.</summary>
    internal static class CliRunner
    {
        public static string RepositoryRoot { get; } = FindRoot();

        public static string Samples => Path.Combine(RepositoryRoot, "samples");

        public static (int Exit, string Out, string Err) Run(string currentDirectory, params string[] args)
            => Run(currentDirectory, null, args);

        public static (int Exit, string Out, string Err) Run(string currentDirectory, IDictionary<string, string>? variables, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var env = new CliEnvironment(output, error, currentDirectory)
            {
                GetVariable = name => variables != null && variables.TryGetValue(name, out var v) ? v : null,
            };
            var exit = CliApp.Run(args, env);
            return (exit, output.ToString(), error.ToString());
        }

        private static string FindRoot()
        {
            for (var dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "IacAnalyzers.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("IacAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A temporary folder, deleted at the end of the test.</summary>
    internal sealed class Scratch : IDisposable
    {
        public Scratch()
        {
            Root = Path.Combine(Path.GetTempPath(), "iac-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string Write(string relative, string text)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

        /// <summary>Copies samples/CdkApp/templates into the scratch folder (tests that write never touch the repository).</summary>
        public void CopySampleTemplates(string into = "templates")
        {
            var source = Path.Combine(CliRunner.Samples, "CdkApp", "templates");
            Directory.CreateDirectory(Path.Combine(Root, into));
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(Root, into, Path.GetFileName(file)));
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
