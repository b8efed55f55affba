using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using IacAnalyzers.Catalog;
using IacAnalyzers.Host;
using Xunit;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// Docs that match the code: every relative link in README.md, docs/ and the package README resolves (file and
    /// anchor), each rule page's words about its code fix agree with the catalog, and help links are built from one
    /// base address.
    /// </summary>
    public class DocLinksTests
    {
        private static readonly Regex Link = new Regex(@"(?<!!)\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)\)", RegexOptions.Compiled);

        private static readonly Regex Heading = new Regex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.Compiled | RegexOptions.Multiline);

        public static TheoryData<string> MarkdownFiles()
        {
            var data = new TheoryData<string>();
            foreach (var file in Documents())
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
            }

            return data;
        }

        public static TheoryData<string> Ids() => CatalogTests.Ids();

        [Theory]
        [MemberData(nameof(MarkdownFiles))]
        public void Every_relative_link_resolves_to_a_file_and_anchor(string relativePath)
        {
            var path = RepositoryPaths.Combine(relativePath.Split('/'));
            var broken = new List<string>();
            foreach (var (target, line) in Links(File.ReadAllText(path)))
            {
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target.Substring(0, hash);
                var anchor = hash < 0 ? null : Uri.UnescapeDataString(target.Substring(hash + 1));
                var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"line {line}: {target} (no such file)");
                    continue;
                }

                if (anchor != null && (!File.Exists(resolved) || !Anchors(File.ReadAllText(resolved)).Contains(anchor)))
                {
                    broken.Add($"line {line}: {target} (no heading with that anchor)");
                }
            }

            Assert.True(broken.Count == 0, relativePath + " has broken links:\n" + string.Join("\n", broken));
        }

        [Fact]
        public void Anchors_follow_the_GitHub_slug_rules()
        {
            var anchors = Anchors("# IacAnalyzers\n## Templates that `cdk synth` writes\n## Configure severities\n## Configure severities\n### A/B: C.d\n");
            Assert.Contains("templates-that-cdk-synth-writes", anchors);
            Assert.Contains("configure-severities", anchors);
            Assert.Contains("configure-severities-1", anchors);
            Assert.Contains("ab-cd", anchors);
            Assert.DoesNotContain("Configure severities", anchors);
        }

        [Fact]
        public void The_link_check_sees_broken_links()
        {
            var links = Links("See [a](missing.md#x) and ![img](pic.png) and `[not](code.md)`.\n```\n[nor](fenced.md)\n```\n").Select(l => l.Target).ToList();
            Assert.Equal(new[] { "missing.md#x" }, links);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Rule_page_words_about_the_code_fix_agree_with_the_catalog(string id)
        {
            var rule = RuleCatalog.Find(id)!;
            var text = HandWritten(File.ReadAllText(RepositoryPaths.Combine(rule.DocPath.Split('/'))));
            if (rule.Fix == null)
            {
                Assert.False(Regex.IsMatch(text, @"\bThe code fix\b"), rule.Id + ": the catalog has no fix, but the page describes one");
                return;
            }

            Assert.False(Regex.IsMatch(text, @"^\s*-\s*No code fix\b", RegexOptions.Multiline), rule.Id + ": the catalog has a fix, but the page says there is none");
            var fixesCSharp = (rule.Surfaces & Surfaces.Cdk) != 0 && Regex.IsMatch(rule.Fix, @"\bC#");
            if (fixesCSharp)
            {
                Assert.False(
                    Regex.IsMatch(text, @"code fix \(templates only\)|in C# \(a `?CfnParameter`? writer does not exist yet\)|no C# fix", RegexOptions.IgnoreCase),
                    rule.Id + ": the catalog's fix covers C#, but the page says templates only");
            }
        }

        [Fact]
        public void Help_links_come_from_one_base_address_and_resolve_to_the_rule_pages()
        {
            Assert.EndsWith("/docs/rules/", RuleCatalog.HelpLinkBase, StringComparison.Ordinal);
            foreach (var descriptor in Descriptors.All)
            {
                var rule = RuleCatalog.Find(descriptor.Id)!;
                Assert.Equal(RuleCatalog.HelpLinkBase + rule.Id + ".md", descriptor.HelpLinkUri);
                var page = descriptor.HelpLinkUri.Substring(RuleCatalog.HelpLinkBase.Length - "docs/rules/".Length);
                Assert.True(File.Exists(RepositoryPaths.Combine(page.Split('/'))), descriptor.Id + ": help link " + descriptor.HelpLinkUri + " has no page " + page);
            }

            // The base address is written once: no other source file spells it out.
            var host = new Uri(RuleCatalog.HelpLinkBase).GetLeftPart(UriPartial.Path);
            var copies = Directory.GetFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f) && File.ReadAllText(f).Contains(host, StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
                .ToList();
            Assert.Equal(new[] { Path.Combine("src", "IacAnalyzers.Core", "Catalog", "RuleCatalog.cs") }, copies);
        }

        /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
        internal static HashSet<string> Anchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Match match in Heading.Matches(StripFences(markdown)))
            {
                var slug = new StringBuilder();
                foreach (var c in match.Groups["text"].Value.Trim().ToLowerInvariant())
                {
                    if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                    {
                        slug.Append(c);
                    }
                    else if (c == ' ')
                    {
                        slug.Append('-');
                    }
                }

                var anchor = slug.ToString();
                if (seen.TryGetValue(anchor, out var count))
                {
                    seen[anchor] = count + 1;
                    anchor += "-" + (count + 1);
                }
                else
                {
                    seen[anchor] = 0;
                }

                anchors.Add(anchor);
            }

            return anchors;
        }

        private static IEnumerable<(string Target, int Line)> Links(string markdown)
        {
            var lines = StripFences(markdown).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = Regex.Replace(lines[i], "`[^`]*`", string.Empty);
                foreach (Match match in Link.Matches(line))
                {
                    yield return (match.Groups["target"].Value, i + 1);
                }
            }
        }

        /// <summary>Fenced code blocks blanked out (line numbers kept): links and headings in code do not count.</summary>
        private static string StripFences(string markdown)
        {
            var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var inFence = false;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    lines[i] = string.Empty;
                }
                else if (inFence)
                {
                    lines[i] = string.Empty;
                }
            }

            return string.Join("\n", lines);
        }

        private static string HandWritten(string page)
        {
            var begin = page.IndexOf(DocGenerator.BlockBegin, StringComparison.Ordinal);
            var end = page.IndexOf(DocGenerator.BlockEnd, StringComparison.Ordinal);
            return begin >= 0 && end > begin ? page.Substring(0, begin) + page.Substring(end + DocGenerator.BlockEnd.Length) : page;
        }

        private static IEnumerable<string> Documents()
        {
            yield return RepositoryPaths.Combine("README.md");
            yield return RepositoryPaths.Combine("src", "IacAnalyzers.Package", "README.md");
            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("docs"), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return file;
            }
        }

        private static bool IsBuildOutput(string path)
        {
            var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return parts.Contains("bin") || parts.Contains("obj");
        }
    }
}
