using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using IacAnalyzers.Samples;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// Same code, same verdict: samples/CdkApp is synthesized offline (the C# app itself runs; Amazon.CDK.Lib's jsii
    /// runtime needs only node, no CDK CLI and no AWS account), with path metadata on so every resource carries
    /// <c>aws:cdk:path</c>, into the consumer's <c>cdk.out</c>, where the package picks the templates up when asked to
    /// (<c>IacAnalyzersSynthesizedTemplates=true</c>: a CDK project checks its C# and leaves synthesized templates alone by default). One
    /// build with the package then reports both front-ends, and every construct must get the same rule ids from its C#
    /// source and from its synthesized template. Known, explained differences are listed in
    /// samples/consistency-exceptions.txt; an entry that no longer happens fails too, so the list can only shrink.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class CdkSynthConsistencyTests
    {
        private static readonly Regex Quoted = new Regex("'([^']+)'", RegexOptions.CultureInvariant);
        private static readonly Regex Creation = new Regex(@"(?:var\s+(?<var>\w+)\s*=\s*)?new\s+[\w.]+\s*\(\s*this\s*,\s*""(?<id>[^""]+)""", RegexOptions.CultureInvariant);

        private readonly PackageFixture _fixture;

        public CdkSynthConsistencyTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Every_construct_gets_the_same_rule_ids_from_its_csharp_and_from_its_synthesized_template()
        {
            var consumer = _fixture.NewConsumer("synth-consistency")
                .WriteProject("Exe", "<RootNamespace>CdkApp</RootNamespace>")
                .CopySourcesFrom(Path.Combine(_fixture.RepositoryRoot, "samples", "CdkApp"));
            var outDir = Path.Combine(consumer.Directory, "cdk.out");

            // 1. Synthesize: run the app as `cdk synth` would (the CLI only sets these two variables).
            var synth = DotNetCli.Run(
                consumer.Directory,
                new[] { "run", "--project", consumer.ProjectFile, "-p:RunAnalyzers=false", "-nologo" },
                new Dictionary<string, string?>
                {
                    ["CDK_OUTDIR"] = outDir,
                    ["CDK_CONTEXT_JSON"] = "{\"aws:cdk:enable-path-metadata\":true,\"aws:cdk:enable-asset-metadata\":false}",
                },
                TimeSpan.FromMinutes(20));
            Assert.True(synth.ExitCode == 0, "cdk synth (dotnet run of the sample app) failed; node must be on PATH:\n" + synth);
            var templates = Directory.GetFiles(outDir, "*.template.json");
            Assert.NotEmpty(templates);

            // 2. Analyze C# and templates in one build with the package. A project that references Amazon.CDK.Lib
            //    checks its synthesized templates only on request (build/IacAnalyzers.targets): request it here.
            var build = consumer.Build("-p:IacAnalyzersSynthesizedTemplates=true");
            var findings = build.RequireSarif().Findings;

            // 3. Per construct, the rule ids of each side.
            var csharp = new HashSet<string>(StringComparer.Ordinal);
            var sources = Directory.GetFiles(consumer.Directory, "*Stack.cs").ToDictionary(f => f, ReadCreations);
            foreach (var f in findings.Where(f => f.RuleId.StartsWith("IAC1", StringComparison.Ordinal) || f.RuleId.StartsWith("IAC2", StringComparison.Ordinal)))
            {
                if (f.FilePath != null && f.FilePath.EndsWith(".cs", StringComparison.Ordinal))
                {
                    var creations = sources.First(s => s.Key.EndsWith(Path.GetFileName(f.FilePath), StringComparison.Ordinal)).Value;
                    csharp.Add(f.RuleId + " " + (ConstructOf(f.Message, name => creations.TryGetValue(name, out var id) ? id : null) ?? "?" + f.Message));
                }
            }

            var template = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in templates)
            {
                var constructs = ReadPaths(path);
                foreach (var f in findings.Where(f => f.FilePath != null && Path.GetFullPath(f.FilePath) == Path.GetFullPath(path) && f.RuleId.StartsWith("IAC", StringComparison.Ordinal)))
                {
                    Assert.False(f.RuleId.StartsWith("IAC0", StringComparison.Ordinal), "the synthesized template could not be read: " + f);
                    template.Add(f.RuleId + " " + (ConstructOf(f.Message, name => constructs.TryGetValue(name, out var id) ? id : null) ?? "?" + f.Message));
                }
            }

            Assert.NotEmpty(csharp);
            var exceptions = ReadExceptions(Path.Combine(_fixture.RepositoryRoot, "samples", "consistency-exceptions.txt"));
            var onlyCsharp = csharp.Except(template).Select(k => k + " csharp-only");
            var onlyTemplate = template.Except(csharp).Select(k => k + " template-only");
            var differences = onlyCsharp.Concat(onlyTemplate).OrderBy(d => d, StringComparer.Ordinal).ToList();
            var unexplained = differences.Where(d => !exceptions.Contains(d)).ToList();
            var stale = exceptions.Where(e => !differences.Contains(e)).ToList();
            var agreeing = csharp.Intersect(template).Count();
            Assert.True(
                unexplained.Count == 0 && stale.Count == 0,
                $"C# and synthesized-template verdicts agree on {agreeing} of {csharp.Union(template).Count()} (rule, construct) pairs.\n" +
                "Unexplained differences (fix them, or list them with a reason in samples/consistency-exceptions.txt):\n  " + string.Join("\n  ", unexplained) +
                "\nExceptions that no longer happen (delete them):\n  " + string.Join("\n  ", stale) +
                "\nC#:\n  " + string.Join("\n  ", csharp.OrderBy(x => x, StringComparer.Ordinal)) +
                "\nTemplates:\n  " + string.Join("\n  ", template.OrderBy(x => x, StringComparer.Ordinal)));
        }

        /// <summary>The construct a message is about: the first quoted name that <paramref name="resolve"/> knows.</summary>
        private static string? ConstructOf(string message, Func<string, string?> resolve)
        {
            foreach (Match m in Quoted.Matches(message))
            {
                if (resolve(m.Groups[1].Value) is string id)
                {
                    return id;
                }
            }

            return null;
        }

        /// <summary>C# names of constructs created with <c>new X(this, "Id", ...)</c>: the id itself and the local holding it.</summary>
        private static Dictionary<string, string> ReadCreations(string file)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in Creation.Matches(File.ReadAllText(file)))
            {
                var id = m.Groups["id"].Value;
                result[id] = id;
                if (m.Groups["var"].Success)
                {
                    result[m.Groups["var"].Value] = id;
                }
            }

            return result;
        }

        /// <summary>Logical id → the construct directly under the stack, from <c>aws:cdk:path</c> (<c>BadStack/Database/Resource</c> → Database).</summary>
        private static Dictionary<string, string> ReadPaths(string templatePath)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            using var document = JsonDocument.Parse(File.ReadAllText(templatePath));
            foreach (var resource in document.RootElement.GetProperty("Resources").EnumerateObject())
            {
                if (resource.Value.TryGetProperty("Metadata", out var metadata) && metadata.TryGetProperty("aws:cdk:path", out var path))
                {
                    var parts = path.GetString()!.Split('/');
                    if (parts.Length >= 2)
                    {
                        result[resource.Name] = parts[1];
                    }
                }
            }

            return result;
        }

        /// <summary>Lines <c>IACnnnn Construct csharp-only|template-only: reason</c>; a reason is required.</summary>
        private static HashSet<string> ReadExceptions(string path)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                Assert.True(colon > 0 && line.Substring(colon + 1).Trim().Length > 0, "an exception needs a reason after ':': " + line);
                result.Add(line.Substring(0, colon).Trim());
            }

            return result;
        }
    }
}
