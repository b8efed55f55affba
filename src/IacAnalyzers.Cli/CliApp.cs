using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Cli.Reports;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli
{
    /// <summary>Where a run reads and writes; tests supply their own.</summary>
    public sealed class CliEnvironment
    {
        public CliEnvironment(TextWriter output, TextWriter error, string currentDirectory)
        {
            Out = output;
            Err = error;
            CurrentDirectory = currentDirectory;
        }

        public TextWriter Out { get; }

        public TextWriter Err { get; }

        public string CurrentDirectory { get; }

        public bool OutIsTerminal { get; init; }

        public bool ErrIsTerminal { get; init; }

        public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

        /// <summary>A test seam before each file read: may throw the I/O exception the file system would; null reads normally.</summary>
        public Func<string, string?>? ReadFile { get; init; }
    }

    /// <summary>The commands. Exit codes: see <see cref="ExitCodes"/>.</summary>
    public static class CliApp
    {
        public static string Version { get; } =
            typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

        public const string Usage = @"iac-analyzers: AWS Well-Architected checks for CloudFormation templates (the IacAnalyzers rules).

Usage:
  iac-analyzers check [paths...] [options]      check templates under the paths (default: .)
  iac-analyzers baseline create [paths...] [--output FILE] [options]
                                                write the current findings as a baseline (default iac-analyzers.baseline.json)
  iac-analyzers fix [paths...] [--dry-run]      apply the template fixes in place (--dry-run: print a diff)
  iac-analyzers sarif enrich|merge FILES... [--output FILE] [--keep-other]
                                                the compiler's ErrorLog files (SARIF 2.1) as one code-scanning-ready log
  iac-analyzers rules                           list the rules
  iac-analyzers explain <ID>                    show a rule's page
  iac-analyzers lsp [--stdio]                   a language server (LSP 3.17 over stdin/stdout) for template editors:
                                                diagnostics, quick fixes, suppressions, hover (docs/editors.md)
  iac-analyzers --version | --help

Options of check (and of baseline create / fix where they apply):
  --format LIST        comma-separated outputs, each NAME or NAME=FILE (stdout without FILE):
                       text, sarif, json, github (workflow annotations), markdown (e.g. markdown=$GITHUB_STEP_SUMMARY),
                       html (one self-contained page: chart per pillar, filterable findings table)
                       default: text
  --fail-on LEVEL      error (default), warning, note, never: the lowest level that fails the run
  --baseline FILE      findings listed in FILE do not fail the run; stale entries are reported
  --exclude GLOB       skip matching files/folders (repeatable; '**' spans folders; relative to --root)
  --root DIR           source root: paths in reports are relative to it (SARIF %SRCROOT%); default: current folder
  --config FILE        an extra .globalconfig to apply (repeatable); .editorconfig/.globalconfig files are found as a build finds them
  --project FILE       also analyse the C# CDK code of a .csproj or .sln (repeatable) through MSBuild, as a build would;
                       the project must be restored (dotnet restore) and compile
  --category ID        SARIF automationDetails.id (default: iac-analyzers)
  --show-suppressed    list suppressed findings in the text report
  --color / --no-color colours in the text report (default: on a terminal, unless NO_COLOR is set)
  --stats              print files, findings and the peak memory of the run on stderr

Exit codes:
  0  no active finding at or above --fail-on
  1  at least one active finding at or above --fail-on (suppressed and baselined findings are not active)
  2  usage error, a path that does not exist, a file that could not be read (named on stderr), or a baseline that cannot be read
";

        public static int Run(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
        {
            try
            {
                if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
                {
                    env.Out.Write(Usage);
                    return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
                }

                if (args[0] == "--version")
                {
                    env.Out.WriteLine(Version);
                    return ExitCodes.Ok;
                }

                var rest = args.Skip(1).ToArray();
                switch (args[0])
                {
                    case "check":
                        return Check(Options.Parse(rest), env, cancellationToken);
                    case "baseline":
                        if (rest.Length == 0 || rest[0] != "create")
                        {
                            return UsageError(env, "baseline: expected 'baseline create'");
                        }

                        return BaselineCreate(Options.Parse(rest.Skip(1).ToArray()), env, cancellationToken);
                    case "fix":
                        return Fix(Options.Parse(rest), env, cancellationToken);
                    case "sarif":
                        if (rest.Length == 0 || (rest[0] != "enrich" && rest[0] != "merge"))
                        {
                            return UsageError(env, "sarif: expected 'sarif enrich FILES...' or 'sarif merge FILES...'");
                        }

                        return Sarif(Options.Parse(rest.Skip(1).ToArray()), env, cancellationToken);
                    case "rules":
                        return Rules(env);
                    case "lsp":
                        return Lsp(rest, env);
                    case "explain":
                        return rest.Length == 1 ? Explain(rest[0], env) : UsageError(env, "explain: expected one rule id, e.g. iac-analyzers explain IAC1101");
                    default:
                        return UsageError(env, "unknown command '" + args[0] + "'");
                }
            }
            catch (UsageException ex)
            {
                return UsageError(env, ex.Message);
            }
        }

        private static int UsageError(CliEnvironment env, string message)
        {
            env.Err.WriteLine("iac-analyzers: " + message);
            env.Err.WriteLine("Run 'iac-analyzers --help' for usage.");
            return ExitCodes.Usage;
        }

        private static ScanResult Scan(Options o, CliEnvironment env, CancellationToken cancellationToken)
        {
            var root = Path.GetFullPath(o.Root ?? ".", env.CurrentDirectory);
            var inputs = (o.Paths.Count == 0 ? new List<string> { "." } : o.Paths).Select(p => Path.GetFullPath(p, env.CurrentDirectory)).ToList();
            var configs = o.Configs.Select(c => Path.GetFullPath(c, env.CurrentDirectory)).ToList();
            Action<int, int>? progress = null;
            if (env.ErrIsTerminal && string.IsNullOrEmpty(env.GetVariable("CI")))
            {
                var lastShown = 0;
                progress = (done, total) =>
                {
                    if (total >= 200 && (done == total || done - Volatile.Read(ref lastShown) >= 100))
                    {
                        Volatile.Write(ref lastShown, done);
                        lock (env.Err)
                        {
                            env.Err.Write($"\rchecked {done}/{total} files" + (done == total ? "\n" : string.Empty));
                        }
                    }
                };
            }

            var scan = Scanner.Scan(root, inputs, o.Excludes, configs, progress, cancellationToken, env.ReadFile);
            if (o.Projects.Count == 0)
            {
                return scan;
            }

            var projects = o.Projects.Select(p => Path.GetFullPath(p, env.CurrentDirectory)).ToList();
            var missing = projects.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                throw new UsageException("--project: no such file: " + string.Join(", ", missing.Select(m => Scanner.Display(env.CurrentDirectory, m))));
            }

            return ProjectScanner.AddTo(scan, projects, configs, env.Err, cancellationToken);
        }

        private static int Check(Options o, CliEnvironment env, CancellationToken cancellationToken)
        {
            var outputs = OutputSpec.Parse(o.Format ?? "text");
            Baseline? baseline = null;
            if (o.Baseline != null)
            {
                try
                {
                    baseline = Baseline.Load(Path.GetFullPath(o.Baseline, env.CurrentDirectory));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException || ex is System.Text.Json.JsonException)
                {
                    env.Err.WriteLine($"iac-analyzers: cannot read the baseline {o.Baseline}: {ex.Message}");
                    return ExitCodes.Usage;
                }
            }

            var scan = Scan(o, env, cancellationToken);
            var summary = new RunSummary();
            if (baseline != null)
            {
                summary.StaleBaseline = baseline.Apply(scan.Findings.Where(f => !f.IsSuppressed));
                summary.Baselined = scan.Findings.Count(f => f.InBaseline == true && !f.IsSuppressed);
            }

            foreach (var output in outputs)
            {
                var toFile = output.File != null;
                using var stream = toFile ? OpenOutput(output.File!, env) : null;
                var writer = stream != null ? new StreamWriter(stream, new UTF8Encoding(false)) : env.Out;
                switch (output.Name)
                {
                    case "text":
                        TextReport.Write(writer, scan, summary, o.Color ?? (!toFile && env.OutIsTerminal && string.IsNullOrEmpty(env.GetVariable("NO_COLOR"))), o.ShowSuppressed);
                        break;
                    case "sarif":
                        writer.Flush();
                        WriteBytes(writer, stream, s => SarifReport.Write(s, scan.Findings, scan.Root, o.Category ?? "iac-analyzers", baseline != null, scan.Unreadable.Count == 0, scan.Unreadable));
                        break;
                    case "json":
                        writer.Flush();
                        WriteBytes(writer, stream, s => JsonReport.Write(s, scan, summary, baseline != null));
                        break;
                    case "github":
                        GithubReport.Write(writer, scan);
                        break;
                    case "markdown":
                        MarkdownReport.Write(writer, scan, summary);
                        break;
                    case "html":
                        HtmlReport.Write(writer, scan, summary);
                        break;
                }

                writer.Flush();
                if (stream != null)
                {
                    writer.Dispose();
                }
            }

            if (o.Stats)
            {
                env.Err.WriteLine($"stats: files={scan.FilesRead} templates={scan.Templates} findings={scan.Findings.Count} peak_rss_kb={PeakRssKb()}");
            }

            return Exit(scan, o, env);
        }

        /// <summary>The process's peak resident memory (VmHWM, Linux), or the peak working set elsewhere.</summary>
        private static long PeakRssKb()
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        return long.Parse(line.Substring(6).Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
            }

            return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024;
        }

        private static void WriteBytes(TextWriter writer, Stream? file, Action<Stream> write)
        {
            if (file != null)
            {
                write(file);
                return;
            }

            using var buffer = new MemoryStream();
            write(buffer);
            writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static FileStream OpenOutput(string path, CliEnvironment env)
        {
            var full = Path.GetFullPath(path, env.CurrentDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var append = env.GetVariable("GITHUB_STEP_SUMMARY") is string summary && summary.Length > 0 && Path.GetFullPath(summary) == full;
            return new FileStream(full, append ? FileMode.Append : FileMode.Create, FileAccess.Write);
        }

        private static int Exit(ScanResult scan, Options o, CliEnvironment env)
        {
            foreach (var missing in scan.Missing)
            {
                env.Err.WriteLine("iac-analyzers: no such file or folder: " + missing);
            }

            foreach (var (path, reason) in scan.Unreadable)
            {
                env.Err.WriteLine($"iac-analyzers: could not read {path}: {reason}");
            }

            if (scan.Missing.Count > 0 || scan.Unreadable.Count > 0)
            {
                return ExitCodes.Usage;
            }

            var threshold = o.FailOn;
            return scan.Findings.Any(f => f.IsActive && f.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Ok;
        }

        private static int BaselineCreate(Options o, CliEnvironment env, CancellationToken cancellationToken)
        {
            var path = Path.GetFullPath(o.Output ?? "iac-analyzers.baseline.json", env.CurrentDirectory);
            Baseline? previous = null;
            if (File.Exists(path))
            {
                try
                {
                    previous = Baseline.Load(path);
                }
                catch (Exception ex) when (ex is IOException || ex is FormatException || ex is System.Text.Json.JsonException)
                {
                    previous = null;
                }
            }

            var scan = Scan(o, env, cancellationToken);
            var baseline = Baseline.From(scan.Findings);
            baseline.Save(path, previous);
            env.Out.WriteLine($"Wrote {RiskReport.Plural(baseline.Entries.Count, "entry").Replace("entrys", "entries")} to {Scanner.Display(env.CurrentDirectory, path)}. Review it and fill in each reason.");
            return scan.Missing.Count > 0 || scan.Unreadable.Count > 0 ? Exit(scan, o, env) : ExitCodes.Ok;
        }

        private static int Sarif(Options o, CliEnvironment env, CancellationToken cancellationToken)
        {
            if (o.Paths.Count == 0)
            {
                throw new UsageException("sarif enrich: give the compiler's SARIF files (ErrorLog) to read");
            }

            var root = Path.GetFullPath(o.Root ?? ".", env.CurrentDirectory);
            var files = new List<string>();
            foreach (var path in o.Paths.Select(p => Path.GetFullPath(p, env.CurrentDirectory)))
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.GetFiles(path, "*.sarif", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    env.Err.WriteLine("iac-analyzers: no such file or folder: " + Scanner.Display(env.CurrentDirectory, path));
                    return ExitCodes.Usage;
                }
            }

            var read = SarifEnrich.Read(files, root, o.KeepOther, cancellationToken);
            var output = o.Output ?? (o.Format is string f && f.StartsWith("sarif=", StringComparison.Ordinal) ? f.Substring(6) : null);
            using (var stream = output != null ? OpenOutput(output, env) : null)
            {
                var writer = env.Out;
                WriteBytes(writer, stream, s => SarifReport.Write(s, read.Findings, root, o.Category ?? "iac-analyzers", false, read.Problems.Count == 0, read.Problems, read.OtherRules, read.OtherResults));
            }

            foreach (var (path, reason) in read.Problems)
            {
                env.Err.WriteLine($"iac-analyzers: {path}: {reason}");
            }

            if (output != null)
            {
                env.Err.WriteLine($"Wrote {RiskReport.Plural(read.Findings.Count, "IacAnalyzers result")} from {RiskReport.Plural(files.Count, "log")} to {output}.");
            }

            return read.Problems.Count > 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        private static int Rules(CliEnvironment env)
        {
            env.Out.WriteLine($"{"Id",-8} {"Pillar",-12} {"Best practice",-13} {"Default",-10} {"Fix",-4} Title");
            foreach (var rule in RuleCatalog.All)
            {
                env.Out.WriteLine($"{rule.Id,-8} {rule.Pillar,-12} {(rule.BestPractice.Length > 0 ? rule.BestPractice : "-"),-13} {TextReport.Level(rule),-10} {(rule.Fix != null ? "yes" : "-"),-4} {rule.Title}");
            }

            return ExitCodes.Ok;
        }

        /// <summary>The language server on the process's stdin/stdout (the editor starts it; nothing else may write to stdout).</summary>
        private static int Lsp(string[] args, CliEnvironment env)
        {
            var debounce = 200;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--stdio":
                        break;
                    case "--debounce-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms):
                        debounce = ms;
                        i++;
                        break;
                    default:
                        return UsageError(env, "lsp: unknown option '" + args[i] + "' (the server talks LSP over stdin/stdout: iac-analyzers lsp [--stdio] [--debounce-ms N])");
                }
            }

            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return Cli.Lsp.TemplateLanguageServer.RunAsync(input, output, new Cli.Lsp.LanguageServerOptions { Debounce = TimeSpan.FromMilliseconds(debounce) }).GetAwaiter().GetResult();
        }

        private static int Explain(string id, CliEnvironment env)
        {
            var rule = RuleCatalog.Find(id.Trim().ToUpperInvariant());
            if (rule == null)
            {
                env.Err.WriteLine($"iac-analyzers: '{id}' is not a rule id (iac-analyzers rules lists them)");
                return ExitCodes.Usage;
            }

            env.Out.WriteLine(RuleDocs.Markdown(rule) ?? RuleDocs.Text(rule));
            env.Out.WriteLine("Online: " + rule.HelpLink);
            return ExitCodes.Ok;
        }

        /// <summary>
        /// Applies the fixes of the active findings, file by file, through <see cref="TemplateFixAll"/> (the IDE's
        /// template writer, pass after pass).
        /// </summary>
        private static int Fix(Options o, CliEnvironment env, CancellationToken cancellationToken)
        {
            var scan = Scan(o, env, cancellationToken);
            var configs = new ConfigResolver(o.Configs.Select(c => Path.GetFullPath(c, env.CurrentDirectory)).ToList());
            var changedFiles = 0;
            var applied = 0;
            foreach (var file in scan.Findings.Where(f => f.IsActive && f.Fix != null).Select(f => (f.FullPath, f.Path)).Distinct())
            {
                var original = File.ReadAllText(file.FullPath);
                var severities = configs.For(file.FullPath).SeveritiesFor(file.FullPath);
                var (text, count) = TemplateFixAll.Apply(file.FullPath, original, severities, cancellationToken);
                applied += count;
                if (text == original)
                {
                    continue;
                }

                changedFiles++;
                if (o.DryRun)
                {
                    Diff.Write(env.Out, file.Path, original, text);
                }
                else
                {
                    File.WriteAllText(file.FullPath, text, new UTF8Encoding(original.Length > 0 && HasBom(file.FullPath)));
                }
            }

            env.Out.WriteLine((o.DryRun ? "Would fix" : "Fixed") + $" {RiskReport.Plural(applied, "finding")} in {RiskReport.Plural(changedFiles, "file")}.");
            return scan.Missing.Count > 0 || scan.Unreadable.Count > 0 ? Exit(scan, o, env) : ExitCodes.Ok;
        }

        private static bool HasBom(string path)
        {
            using var s = File.OpenRead(path);
            var b = new byte[3];
            return s.Read(b, 0, 3) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
        }
    }

    public static class ExitCodes
    {
        /// <summary>Nothing at or above --fail-on.</summary>
        public const int Ok = 0;

        /// <summary>Findings at or above --fail-on.</summary>
        public const int Findings = 1;

        /// <summary>Usage error, missing input, unreadable file or baseline.</summary>
        public const int Usage = 2;
    }

    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }

    /// <summary>One requested output: a format name and, optionally, a file.</summary>
    internal sealed record OutputSpec(string Name, string? File)
    {
        public static readonly string[] Names = { "text", "sarif", "json", "github", "markdown", "html" };

        public static List<OutputSpec> Parse(string spec)
        {
            var list = new List<OutputSpec>();
            foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                var name = (eq < 0 ? part : part.Substring(0, eq)).ToLowerInvariant();
                if (name == "md")
                {
                    name = "markdown";
                }

                if (!Names.Contains(name))
                {
                    throw new UsageException($"unknown format '{name}' (known: {string.Join(", ", Names)})");
                }

                var file = eq < 0 ? null : part.Substring(eq + 1);
                list.Add(new OutputSpec(name, string.IsNullOrEmpty(file) ? null : file));
            }

            if (list.Count(o => o.File == null) > 1)
            {
                throw new UsageException("only one format can go to stdout; give the others a file (NAME=FILE)");
            }

            return list;
        }
    }

    internal sealed class Options
    {
        public List<string> Paths { get; } = new List<string>();

        public List<string> Excludes { get; } = new List<string>();

        public List<string> Configs { get; } = new List<string>();

        /// <summary>C# projects or solutions (<c>--project</c>) whose CDK code is analysed through MSBuildWorkspace.</summary>
        public List<string> Projects { get; } = new List<string>();

        public string? Format { get; private set; }

        public DiagnosticSeverity FailOn { get; private set; } = DiagnosticSeverity.Error;

        public string? Baseline { get; private set; }

        public string? Root { get; private set; }

        public string? Category { get; private set; }

        public string? Output { get; private set; }

        public bool ShowSuppressed { get; private set; }

        public bool DryRun { get; private set; }

        public bool KeepOther { get; private set; }

        public bool Stats { get; private set; }

        public bool? Color { get; private set; }

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                string? inline = null;
                if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq && eq > 0 && arg != "--")
                {
                    inline = arg.Substring(eq + 1);
                    arg = arg.Substring(0, eq);
                }

                string Value()
                {
                    if (inline != null)
                    {
                        return inline;
                    }

                    if (i + 1 >= args.Length)
                    {
                        throw new UsageException(arg + " needs a value");
                    }

                    return args[++i];
                }

                switch (arg)
                {
                    case "--format":
                    case "-f":
                        o.Format = o.Format == null ? Value() : o.Format + "," + Value();
                        break;
                    case "--fail-on":
                        o.FailOn = Value().ToLowerInvariant() switch
                        {
                            "error" => DiagnosticSeverity.Error,
                            "warning" => DiagnosticSeverity.Warning,
                            "note" or "suggestion" or "info" => DiagnosticSeverity.Info,
                            "never" or "none" => (DiagnosticSeverity)int.MaxValue,
                            var v => throw new UsageException($"--fail-on: '{v}' is not one of error, warning, note, never"),
                        };
                        break;
                    case "--baseline":
                        o.Baseline = Value();
                        break;
                    case "--exclude":
                        o.Excludes.Add(Value());
                        break;
                    case "--config":
                        o.Configs.Add(Value());
                        break;
                    case "--project":
                    case "-p":
                        o.Projects.Add(Value());
                        break;
                    case "--root":
                        o.Root = Value();
                        break;
                    case "--category":
                        o.Category = Value();
                        break;
                    case "--output":
                    case "-o":
                        o.Output = Value();
                        break;
                    case "--show-suppressed":
                        o.ShowSuppressed = true;
                        break;
                    case "--dry-run":
                        o.DryRun = true;
                        break;
                    case "--stats":
                        o.Stats = true;
                        break;
                    case "--keep-other":
                        o.KeepOther = true;
                        break;
                    case "--color":
                        o.Color = true;
                        break;
                    case "--no-color":
                        o.Color = false;
                        break;
                    default:
                        if (arg.StartsWith('-') && arg.Length > 1)
                        {
                            throw new UsageException("unknown option '" + arg + "'");
                        }

                        o.Paths.Add(arg);
                        break;
                }
            }

            _ = OutputSpec.Parse(o.Format ?? "text");
            return o;
        }
    }
}
