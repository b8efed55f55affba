using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using IacAnalyzers.Host;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// Finds candidate files under the given paths: the analyzer's candidates (<c>.yaml .yml .json .template</c>;
    /// content decides later), skipping <c>bin/ obj/ node_modules/ .git/</c> and CDK asset folders
    /// (<c>cdk.out/asset.*</c>), honouring <c>--exclude</c> globs, and never following a link to a place outside the
    /// scanned root (nor around a cycle). A file named explicitly is taken whatever its extension.
    /// </summary>
    public sealed class FileWalker
    {
        private static readonly HashSet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "bin", "obj", "node_modules", ".git",
        };

        private readonly Func<string, string> display;
        private readonly IReadOnlyList<Glob> excludes;

        public FileWalker(Func<string, string> display, IEnumerable<string> excludes)
        {
            this.display = display;
            this.excludes = excludes.Select(e => new Glob(e)).ToList();
        }

        /// <summary>Inputs that do not exist (a usage error).</summary>
        public List<string> Missing { get; } = new List<string>();

        /// <summary>Folders that could not be listed, and links that were not followed, with the reason.</summary>
        public List<(string Path, string Reason)> Skipped { get; } = new List<(string, string)>();

        public List<string> Walk(IEnumerable<string> inputs)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                var full = Path.GetFullPath(input);
                if (File.Exists(full))
                {
                    files.Add(full);
                }
                else if (Directory.Exists(full))
                {
                    WalkFolder(full, files);
                }
                else
                {
                    Missing.Add(display(full));
                }
            }

            return files.ToList();
        }

        private void WalkFolder(string root, SortedSet<string> files)
        {
            var rootReal = RealPath(root);
            var visited = new HashSet<string>(StringComparer.Ordinal) { rootReal };
            var stack = new Stack<string>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var folder = stack.Pop();
                IEnumerable<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
                {
                    Skipped.Add((display(folder), "cannot be listed: " + ex.Message));
                    continue;
                }

                foreach (var entry in entries)
                {
                    var isFolder = (entry.Attributes & FileAttributes.Directory) != 0;
                    var isLink = entry.LinkTarget != null;
                    if (isFolder && (SkippedFolders.Contains(entry.Name) || IsCdkAsset(folder, entry.Name)))
                    {
                        continue;
                    }

                    if (IsExcluded(entry.FullName))
                    {
                        continue;
                    }

                    if (isLink)
                    {
                        string target;
                        try
                        {
                            target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? string.Empty;
                        }
                        catch (IOException)
                        {
                            target = string.Empty;
                        }

                        if (target.Length == 0 || !(File.Exists(target) || Directory.Exists(target)))
                        {
                            Skipped.Add((display(entry.FullName), "a link whose target does not exist"));
                            continue;
                        }

                        if (!IsUnder(RealPath(target), rootReal))
                        {
                            Skipped.Add((display(entry.FullName), "a link to a place outside " + display(root) + "; not followed"));
                            continue;
                        }
                    }

                    if (isFolder)
                    {
                        if (visited.Add(RealPath(entry.FullName)))
                        {
                            stack.Push(entry.FullName);
                        }
                    }
                    else if (TemplateAnalyzer.IsCandidate(entry.Name))
                    {
                        files.Add(entry.FullName);
                    }
                }
            }
        }

        private bool IsExcluded(string fullPath)
        {
            if (excludes.Count == 0)
            {
                return false;
            }

            var relative = display(fullPath);
            return excludes.Any(g => g.IsMatch(relative));
        }

        private static bool IsCdkAsset(string folder, string name)
            => name.StartsWith("asset.", StringComparison.OrdinalIgnoreCase)
               && string.Equals(Path.GetFileName(folder), "cdk.out", StringComparison.OrdinalIgnoreCase);

        private static bool IsUnder(string path, string root)
            => path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>The path with every link along it resolved.</summary>
        public static string RealPath(string path)
        {
            var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
            if (full.Length == 0)
            {
                return Path.DirectorySeparatorChar.ToString();
            }

            var parent = Path.GetDirectoryName(full);
            var resolvedParent = parent == null ? null : RealPath(parent);
            var current = resolvedParent == null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
            for (var hops = 0; hops < 40; hops++)
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                var target = info.LinkTarget;
                if (target == null)
                {
                    return current;
                }

                current = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current) ?? "/", target));
                var p = Path.GetDirectoryName(current);
                current = p == null ? current : Path.Combine(RealPath(p), Path.GetFileName(current));
            }

            return current;
        }
    }

    /// <summary>
    /// A path glob over '/'-separated relative paths: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c>
    /// one character. A pattern without '/' matches a file or folder name anywhere (<c>legacy</c>, <c>*.json</c>);
    /// a matched folder excludes everything under it.
    /// </summary>
    public sealed class Glob
    {
        private readonly Regex regex;

        public Glob(string pattern)
        {
            Pattern = pattern;
            var p = pattern.Replace('\\', '/').Trim();
            if (p.StartsWith("./", StringComparison.Ordinal))
            {
                p = p.Substring(2);
            }

            p = p.TrimEnd('/');
            var anchored = p.Contains('/', StringComparison.Ordinal);
            var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
            for (var i = 0; i < p.Length; i++)
            {
                var c = p[i];
                if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
                {
                    var slash = i + 2 < p.Length && p[i + 2] == '/';
                    sb.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                }
                else if (c == '*')
                {
                    sb.Append("[^/]*");
                }
                else if (c == '?')
                {
                    sb.Append("[^/]");
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            sb.Append("(?:/.*)?$");
            regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        }

        public string Pattern { get; }

        public bool IsMatch(string relativePath) => regex.IsMatch(relativePath.Replace('\\', '/'));
    }
}
