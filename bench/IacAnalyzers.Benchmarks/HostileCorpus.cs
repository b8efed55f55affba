using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.Host;

namespace IacAnalyzers.Benchmarks
{
    /// <summary>
    /// <c>--hostile [--sizes 0.375,0.75,1.5] [--rounds 3] [--only NAME]</c>: each hostile template shape of issue 7 generated at
    /// the given sizes (millions of characters) and analysed by <see cref="TemplateEngine"/> (what the analyzer and the
    /// tool run), best of the rounds. Prints wall time, CPU time (this process; the engine is single-threaded) and bytes
    /// allocated on this thread per size, and per doubling of the size the factor of each (2.0 is linear), so a
    /// quadratic shape shows as about 4. The bound: at most 1 s per template up to the size limit (TemplateLimits.MaxChars, 1.5 M characters), memory linear in size.
    /// </summary>
    public static class HostileCorpus
    {
        public static int Run(double[] sizesInMillions, int rounds, string? only, bool stages = false)
        {
            Console.WriteLine("Hostile corpus: TemplateEngine.Analyze, best of " + rounds + " rounds; load average " + LoadAverage());
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,10} {2,9} {3,9} {4,10} {5,8} {6,7} {7,8} {8,6}", "shape", "chars", "wall ms", "cpu ms", "alloc MB", "findings", "x wall", "x alloc", "<=1s"));
            var misses = new List<string>();
            foreach (var (name, make) in Shapes)
            {
                if (only != null && name != only)
                {
                    continue;
                }

                // Warm-up at the smallest size: JIT and the IAM table load are not the shape's cost.
                Measure(make((int)(sizesInMillions[0] * 1e6 / 10)), 1);
                (int Chars, double Wall, double Alloc)? previous = null;
                foreach (var millions in sizesInMillions)
                {
                    var text = make((int)(millions * 1e6));
                    var (wall, cpu, alloc, findings) = Measure(text, rounds);
                    string wallFactor = "", allocFactor = "";
                    if (previous is { } p)
                    {
                        var doublings = Math.Log(text.Length / (double)p.Chars, 2);
                        wallFactor = Math.Pow(wall / p.Wall, 1 / doublings).ToString("0.00", CultureInfo.InvariantCulture);
                        allocFactor = Math.Pow(alloc / p.Alloc, 1 / doublings).ToString("0.00", CultureInfo.InvariantCulture);
                    }

                    var ok = wall <= 1000;
                    if (!ok)
                    {
                        misses.Add(name + " at " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " chars: " + wall.ToString("0", CultureInfo.InvariantCulture) + " ms");
                    }

                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,10:N0} {2,9:0.0} {3,9:0.0} {4,10:0.0} {5,8} {6,7} {7,8} {8,6}", name, text.Length, wall, cpu, alloc / 1e6, findings, wallFactor, allocFactor, ok ? "yes" : "NO"));
                    if (stages)
                    {
                        var path = text.StartsWith("{", StringComparison.Ordinal) ? "hostile.json" : "hostile.yaml";
                        var (readWall, readAlloc, viewWall, viewAlloc) = Stages(path, text, rounds);
                        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-22} read {1:0.0} ms {2:0.0} MB; views {3:0.0} ms {4:0.0} MB; the rest (rules, reporting) {5:0.0} MB", "  stages", readWall, readAlloc / 1e6, viewWall, viewAlloc / 1e6, (alloc - readAlloc - viewAlloc) / 1e6));
                    }

                    previous = (text.Length, wall, alloc);
                }
            }

            Console.WriteLine(misses.Count == 0 ? "Every shape within 1 s up to the largest size." : "Over 1 s: " + string.Join("; ", misses));
            Console.WriteLine("Load average after: " + LoadAverage());
            return 0;
        }

        /// <summary>
        /// <c>--hostile --files FILE...</c>: the same measurement for given files (a fuzz mutant rebuilt with the fuzzer's
        /// <c>--make</c>, say), with the reading alone (<see cref="CloudFormation.TemplateReader"/>: parse, no values)
        /// beside the whole analysis, so a slow file shows which half is slow.
        /// </summary>
        public static int RunFiles(IReadOnlyList<string> files, int rounds)
        {
            Console.WriteLine("Files: TemplateEngine.Analyze, best of " + rounds + " rounds; load average " + LoadAverage());
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40} {1,10} {2,9} {3,9} {4,10} {5,9} {6,9} {7,9} {8,9} {9,8}", "file", "chars", "wall ms", "cpu ms", "alloc MB", "read ms", "read MB", "views ms", "views MB", "findings"));
            foreach (var file in files)
            {
                var text = System.IO.File.ReadAllText(file);
                Measure(text, 1, file);
                var (wall, cpu, alloc, findings) = Measure(text, rounds, file);
                var (readWall, readAlloc, viewWall, viewAlloc) = Stages(file, text, rounds);
                var name = System.IO.Path.GetFileName(file);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40} {1,10:N0} {2,9:0.0} {3,9:0.0} {4,10:0.0} {5,9:0.0} {6,9:0.0} {7,9:0.0} {8,9:0.0} {9,8}", name.Length > 40 ? name.Substring(0, 40) : name, text.Length, wall, cpu, alloc / 1e6, readWall, readAlloc / 1e6, viewWall, viewAlloc / 1e6, findings));
            }

            Console.WriteLine("Load average after: " + LoadAverage());
            return 0;
        }

        /// <summary>
        /// Best-of wall time and allocation of reading alone (parse into nodes) and of building every resource's view
        /// (values) after it; what is left of the whole is rules and reporting.
        /// </summary>
        private static (double ReadWall, double ReadAlloc, double ViewWall, double ViewAlloc) Stages(string path, string text, int rounds)
        {
            double readWall = double.MaxValue, readAlloc = double.MaxValue, viewWall = double.MaxValue, viewAlloc = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                GC.Collect();
                var alloc0 = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var template = CloudFormation.TemplateReader.Read(path, text, CancellationToken.None);
                readWall = Math.Min(readWall, watch.Elapsed.TotalMilliseconds);
                var alloc1 = GC.GetAllocatedBytesForCurrentThread();
                readAlloc = Math.Min(readAlloc, alloc1 - alloc0);
                watch.Restart();
                foreach (var entry in template?.Entries ?? Array.Empty<CloudFormation.TemplateResource>())
                {
                    template!.View(entry);
                }

                viewWall = Math.Min(viewWall, watch.Elapsed.TotalMilliseconds);
                viewAlloc = Math.Min(viewAlloc, GC.GetAllocatedBytesForCurrentThread() - alloc1);
            }

            return (readWall, readAlloc, viewWall, viewAlloc);
        }

        private static (double Wall, double Cpu, double Alloc, int Findings) Measure(string text, int rounds, string? path = null)
        {
            double bestWall = double.MaxValue, bestCpu = double.MaxValue, bestAlloc = double.MaxValue;
            var findings = 0;
            var process = Process.GetCurrentProcess();
            for (var r = 0; r < rounds; r++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var alloc0 = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var analysis = TemplateEngine.Analyze(path ?? (text.StartsWith("{", StringComparison.Ordinal) ? "hostile.json" : "hostile.yaml"), text, null, CancellationToken.None);
                var wall = watch.Elapsed.TotalMilliseconds;
                var alloc = GC.GetAllocatedBytesForCurrentThread() - alloc0;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
                findings = analysis?.Findings.Count ?? -1;
                bestWall = Math.Min(bestWall, wall);
                bestCpu = Math.Min(bestCpu, cpu);
                bestAlloc = Math.Min(bestAlloc, alloc);
            }

            return (bestWall, bestCpu, bestAlloc, findings);
        }

        private static string LoadAverage()
        {
            try
            {
                return System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (System.IO.IOException)
            {
                return "?";
            }
        }

        private const string Head = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Env: {Type: String, Default: dev}\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\n  C1: !Equals [!Ref Env, a]\n  C2: !Equals [!Ref Env, b]\nResources:\n";

        /// <summary>The shapes: each makes a template of about the given number of characters.</summary>
        public static readonly IReadOnlyList<(string Name, Func<int, string> Make)> Shapes = new (string, Func<int, string>)[]
        {
            ("flow-list", n => Fill(Head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [", n, i => "{Key: k" + i + ", Value: v" + i + "}, ", "{Key: end, Value: end}]\n")),
            ("long-scalar", n => Head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: \"" + new string('x', n - 120) + "\"\n"),
            ("sub-references", n => Fill(Head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub \"", n, i => (i % 3) switch { 0 => "${Env}-", 1 => "${AWS::Region}.", _ => "${B.Arn}/" }, "x\"\n")),
            ("if-tree-json", IfTreeJson),
            ("if-tree-alias-yaml", IfTreeAliasYaml),
            ("alias-chains", n => Fill(Head + "  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Chains:\n", n, i => i % 100 == 0 ? "        - &a" + i + " [x]\n" : "        - &a" + i + " [*a" + (i - 1) + "]\n", string.Empty)),
            ("deep-nesting", n => Fill(Head + "  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Deep:\n", n, i => "        - " + new string('[', 110) + i + new string(']', 110) + "\n", string.Empty)),
            ("many-resources", n => Fill(Head, n, i => "  Db" + i + ":\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MultiAZ: false\n      StorageEncrypted: !If [IsDev, false, true]\n", string.Empty)),
            ("star-actions-s3", n => Policy(n, i => "s3:" + string.Concat(Enumerable.Repeat("*" + (char)('a' + (i % 26)), 100)))),
            ("star-actions-any", n => Policy(n, i => "*:*" + (char)('a' + (i % 26)) + "*" + (char)('a' + (i / 26 % 26)) + "*" + (i % 10))),
            ("huge-join", n => Fill(Head + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Join\n        - ''\n        - [", n, i => (i % 2 == 0 ? "a" : "!Ref Env") + ", ", "z]\n")),
        };

        private static string Fill(string head, int target, Func<int, string> item, string tail)
        {
            var text = new StringBuilder(head, target + 1024);
            for (var i = 0; text.Length + tail.Length < target; i++)
            {
                text.Append(item(i));
            }

            return text.Append(tail).ToString();
        }

        private static string Policy(int n, Func<int, string> action)
            => Fill(Head + "  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Resource: '*'\n            Action:\n", n, i => "              - '" + action(i) + "'\n", string.Empty);

        /// <summary>Resources whose MultiAZ is a balanced Fn::If tree of depth 6 (64 leaves, the most one value keeps), in JSON.</summary>
        private static string IfTreeJson(int n)
        {
            var tree = new StringBuilder();
            void Node(int level)
            {
                if (level > 6)
                {
                    tree.Append(level % 2 == 0 ? "false" : "true");
                    return;
                }

                tree.Append("{\"Fn::If\": [\"C").Append(1 + (level % 2)).Append("\", ");
                Node(level + 1);
                tree.Append(", ");
                Node(level + 1);
                tree.Append("]}");
            }

            Node(1);
            var head = "{\"Parameters\": {\"Env\": {\"Type\": \"String\"}}, \"Conditions\": {\"C1\": {\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"a\"]}, \"C2\": {\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"b\"]}}, \"Resources\": {";
            var text = new StringBuilder(head, n + 4096);
            for (var i = 0; text.Length < n - 10; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append("\"Db").Append(i).Append("\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"Engine\": \"postgres\", \"MultiAZ\": ").Append(tree).Append("}}");
            }

            return text.Append("}}").ToString();
        }

        /// <summary>Resources whose MultiAZ is a 16-level Fn::If tree shared through aliases (2^16 leaves in 1 KB each).</summary>
        private static string IfTreeAliasYaml(int n)
            => Fill(Head, n, i =>
            {
                var r = new StringBuilder("  Db").Append(i).Append(":\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      Tree:\n        - &r").Append(i).Append("l0 !If [C1, false, true]\n");
                for (var l = 1; l < 16; l++)
                {
                    r.Append("        - &r").Append(i).Append('l').Append(l).Append(" !If [C").Append(1 + (l % 2)).Append(", *r").Append(i).Append('l').Append(l - 1).Append(", *r").Append(i).Append('l').Append(l - 1).Append("]\n");
                }

                return r.Append("    Properties:\n      Engine: postgres\n      MultiAZ: *r").Append(i).Append("l15\n").ToString();
            }, string.Empty);
    }
}
