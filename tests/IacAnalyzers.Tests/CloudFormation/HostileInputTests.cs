using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CloudFormation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using Xunit.Abstractions;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>Hostile and broken input is normal input: a diagnostic or silence, never an exception, always bounded.</summary>
    public class HostileInputTests
    {
        private const string DbHeader = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n";
        private readonly ITestOutputHelper output;

        public HostileInputTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        public static string AliasBomb()
        {
            var sb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMappings:\n  Bomb:\n    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (var level = 1; level < 10; level++)
            {
                var name = ((char)('a' + level)).ToString();
                var prev = ((char)('a' + level - 1)).ToString();
                sb.Append("    ").Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
            }

            sb.Append("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Tags: *j\n");
            return sb.ToString();
        }

        public static string DeepNesting(int depth) => DbHeader + "      X: " + new string('[', depth) + new string(']', depth) + "\n";

        public static string Huge(int megabytes, bool template)
        {
            var sb = new StringBuilder(template ? "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n" : "items:\n");
            var i = 0;
            while (sb.Length < megabytes * 1024 * 1024)
            {
                sb.Append(template ? "  Queue" + i + ":\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: q" + i + " }\n" : "  - name: item" + i + "\n");
                i++;
            }

            return sb.ToString();
        }

        public static byte[] InvalidUtf8()
        {
            var head = Encoding.UTF8.GetBytes(DbHeader + "      DBName: \"");
            var tail = Encoding.UTF8.GetBytes("\"\n      Engine: mysql\n");
            return head.Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 }).Concat(tail).ToArray();
        }

        public static byte[] Binary()
        {
            var random = new Random(42);
            var bytes = new byte[64 * 1024];
            random.NextBytes(bytes);
            Encoding.ASCII.GetBytes("Resources: AWS::").CopyTo(bytes, 100);
            return bytes;
        }

        /// <summary>Every generated hostile file, as the compiler would hand it over.</summary>
        public static IEnumerable<(string Path, SourceText? Text)> HostileFiles()
        {
            yield return ("bomb.yaml", SourceText.From(AliasBomb()));
            yield return ("deep.yaml", SourceText.From(DeepNesting(10_000)));
            yield return ("deep.json", SourceText.From("{\"Resources\": {\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"X\": " + new string('[', 10_000) + new string(']', 10_000) + "}}}}"));
            yield return ("huge.template.yaml", SourceText.From(Huge(20, template: true)));
            yield return ("huge-data.json", SourceText.From(Huge(20, template: false)));
            yield return ("invalid-utf8.yaml", SourceText.From(InvalidUtf8(), InvalidUtf8().Length, Encoding.UTF8));
            yield return ("binary.json", SourceText.From(Binary(), Binary().Length, Encoding.UTF8));
            yield return ("empty.yaml", SourceText.From(string.Empty));
            yield return ("null-text.yaml", null);
            yield return ("only-comment.yaml", SourceText.From("# AWSTemplateFormatVersion\n"));
            yield return ("scalar.yaml", SourceText.From("AWSTemplateFormatVersion"));
            yield return ("list.json", SourceText.From("[\"AWSTemplateFormatVersion\", \"Resources\"]"));
            yield return ("two-docs.yaml", SourceText.From("AWSTemplateFormatVersion: x\n---\nResources: {}\n"));
            yield return ("undefined-alias.yaml", SourceText.From(DbHeader + "      X: *nowhere\n"));
            yield return ("tabs.yaml", SourceText.From(DbHeader + "\tMultiAZ: false\n"));
            yield return ("weird-types.yaml", SourceText.From("AWSTemplateFormatVersion: x\nResources:\n  A: 1\n  B: [1]\n  C: { Type: [AWS::S3::Bucket] }\n  D: { Type: AWS::RDS::DBInstance, Properties: [1, 2] }\n  E: { Type: AWS::RDS::DBInstance, Properties: !If [C, {}, {}] }\n  ? [complex, key]\n  : { Type: AWS::RDS::DBInstance }\n"));
            yield return ("bad-intrinsics.yaml", SourceText.From(DbHeader + "      A: !If x\n      B: !Sub [1, 2, 3]\n      C: !Join x\n      D: !Select [99, [a]]\n      E: !FindInMap [a]\n      F: !GetAtt\n      G: !Ref [x]\n      H: !Sub '${unclosed'\n      I: !Split [',', !Ref Db]\n      MultiAZ: !Select [-1, [a]]\n"));
        }

        [Fact]
        public async Task Every_hostile_file_gives_diagnostics_or_silence_never_an_exception()
        {
            foreach (var file in HostileFiles())
            {
                var watch = Stopwatch.StartNew();
                var diagnostics = await TemplateVerifier.AnalyzeAsync(new[] { file }, ruleUnderTest: null);
                watch.Stop();
                output.WriteLine(file.Path + ": " + watch.ElapsedMilliseconds + " ms, " + string.Join(", ", diagnostics.Select(d => d.Id)));
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
            }
        }

        [Fact]
        public async Task Alias_bomb_is_cut_off_with_IAC0001()
        {
            var diagnostics = await TemplateVerifier.AnalyzeAsync("bomb.yaml", AliasBomb());
            var d = Assert.Single(diagnostics, x => x.Id == "IAC0001");
            Assert.Contains("aliases expand", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("deep.yaml")]
        [InlineData("deep.json")]
        public async Task Deep_nesting_is_IAC0001(string path)
        {
            var file = HostileFiles().First(f => f.Path == path);
            var d = Assert.Single(await TemplateVerifier.AnalyzeAsync(new[] { file }, ruleUnderTest: null));
            Assert.Equal("IAC0001", d.Id);
            Assert.Contains("nested deeper than", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Huge_template_is_IAC0001_too_large_and_huge_data_is_ignored()
        {
            var template = await TemplateVerifier.AnalyzeAsync("huge.template.yaml", Huge(20, template: true));
            var data = await TemplateVerifier.AnalyzeAsync("huge-data.json", Huge(20, template: false));
            var d = Assert.Single(template);
            Assert.Equal("IAC0001", d.Id);
            Assert.Contains("more than the 1.5 M this analyzer reads", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Empty(data);
        }

        [Theory]
        [InlineData(0, false)]
        [InlineData(1, true)]
        public async Task The_size_limit_cuts_exactly_past_MaxChars(int over, bool tooLarge)
        {
            // A template with an SSH finding, padded by a comment to exactly MaxChars (+ over) characters.
            const string Head = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n# ";
            var text = Head + new string('x', TemplateLimits.MaxChars + over - Head.Length - 1) + "\n";
            Assert.Equal(TemplateLimits.MaxChars + over, text.Length);

            var found = await TemplateVerifier.AnalyzeAsync("sized.yaml", text, ruleUnderTest: "IAC1101");

            var d = Assert.Single(found);
            Assert.Equal(tooLarge ? "IAC0001" : "IAC1101", d.Id);
        }

        [Fact]
        public async Task Invalid_utf8_is_read_with_replacement_characters_and_binary_is_ignored()
        {
            var utf8 = await TemplateVerifier.AnalyzeAsync(new[] { HostileFiles().First(f => f.Path == "invalid-utf8.yaml") });
            Assert.Equal(new[] { "IAC2001" }, utf8.Select(d => d.Id));
            Assert.Empty(await TemplateVerifier.AnalyzeAsync(new[] { HostileFiles().First(f => f.Path == "binary.json") }));
        }

        [Fact]
        public void Cancellation_is_honoured()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var text = Huge(1, template: true);
            Assert.ThrowsAny<OperationCanceledException>(() => TemplateReader.Read("big.yaml", text, cts.Token));
        }

        [Fact]
        public async Task Every_template_in_the_repository_is_read_without_exception()
        {
            var root = RepositoryRoot();
            var files = new List<string>();
            foreach (var folder in new[] { "samples", "tests", "docs" })
            {
                var dir = Path.Combine(root, folder);
                if (Directory.Exists(dir))
                {
                    files.AddRange(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                        .Where(f => Host.TemplateAnalyzer.IsCandidate(f))
                        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p == "bin" || p == "obj")));
                }
            }

            var texts = files.Select(f => (f, (SourceText?)SourceText.From(File.ReadAllBytes(f), File.ReadAllBytes(f).Length))).Concat(HostileFiles()).ToList();
            var watch = Stopwatch.StartNew();
            var diagnostics = await TemplateVerifier.AnalyzeAsync(texts, ruleUnderTest: null);
            output.WriteLine(files.Count + " repository files + hostile set in " + watch.ElapsedMilliseconds + " ms");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001" || d.Id == "IAC0002");
        }

        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "IacAnalyzers.sln")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            return dir!.FullName;
        }
    }
}
