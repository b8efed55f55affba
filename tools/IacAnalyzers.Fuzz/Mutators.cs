using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using IacAnalyzers.CloudFormation;

namespace IacAnalyzers.Fuzz
{
    /// <summary>One generated input: the text, the operator that made it, and whether its findings must equal its seed's.</summary>
    public sealed class Mutant
    {
        public Mutant(string op, string seedPath, string path, string text, bool preservesMeaning)
        {
            SeedPath = seedPath;
            Op = op;
            Path = path;
            Text = text;
            PreservesMeaning = preservesMeaning;
        }

        public string Op { get; }

        /// <summary>The repository (or seed folder) file the mutant was made from.</summary>
        public string SeedPath { get; }

        public string Path { get; }

        public string Text { get; }

        public bool PreservesMeaning { get; }
    }

    /// <summary>
    /// The structured template mutator: destructive operators (byte flips, truncations, line edits, odd tags, alias
    /// cycles and chains, merge keys, deep flow collections, huge scalars, BOMs and line endings, Fn::If/Fn::Sub bombs,
    /// odd port/protocol/CIDR spellings) and meaning-preserving rewrites (key order, YAML↔JSON, flow↔block, quoting,
    /// long↔short intrinsics, JSON escapes, line endings) whose findings must not change. Deterministic per random seed.
    /// </summary>
    public static class Mutators
    {
        private static readonly string Palette = "{}[],:&*!|>'\"\n\t #-?%@<=\\0123456789abcXYZ\u2028\u0085\uFEFF\u00e9";

        private static readonly (string Name, Func<Random, string, string, string?> Apply)[] Destructive =
        {
            ("flip", Flip),
            ("truncate", (r, t, p) => t.Length < 2 ? null : t.Substring(0, r.Next(t.Length))),
            ("line-edit", LineEdit),
            ("odd-tag", OddTag),
            ("alias-cycle", AliasCycle),
            ("alias-chain", AliasChain),
            ("merge-key", MergeKey),
            ("deep-flow", DeepFlow),
            ("huge-scalar", HugeScalar),
            ("bom-newlines", BomAndNewlines),
            ("if-bomb", IfBomb),
            ("sub-bomb", SubBomb),
            ("odd-spelling", OddSpelling),
            ("flow-list", FlowList),
            ("unicode", UnicodeEdit),
        };

        private static readonly string[] Rewrites = { "key-order", "to-json", "to-yaml-block", "to-yaml-flow", "quote-all", "short-intrinsics", "long-intrinsics", "json-escapes", "crlf" };

        /// <summary>The mutant number <paramref name="id"/> of a run seeded <paramref name="runSeed"/>.</summary>
        public static Mutant Make(IReadOnlyList<(string Path, string Text)> seeds, int runSeed, long id)
        {
            var r = new Random(unchecked(runSeed * 1_000_003 + (int)id * 7919 + (int)(id >> 32)));
            var seed = seeds[r.Next(seeds.Count)];
            if (r.Next(4) == 0)
            {
                var op = Rewrites[r.Next(Rewrites.Length)];
                var rewritten = Rewrite(op, r, seed.Text, seed.Path);
                if (rewritten != null)
                {
                    return new Mutant(op, seed.Path, rewritten.Value.Path, rewritten.Value.Text, true);
                }
            }

            // One to three destructive operators in a row.
            var text = seed.Text;
            var ops = new List<string>();
            for (var n = 1 + (r.Next(3) == 0 ? r.Next(1, 3) : 0); n > 0; n--)
            {
                var (name, apply) = Destructive[r.Next(Destructive.Length)];
                var next = apply(r, text, seed.Path);
                if (next != null)
                {
                    text = next;
                    ops.Add(name);
                }
            }

            return new Mutant(ops.Count == 0 ? "none" : string.Join("+", ops), seed.Path, seed.Path, text, false);
        }

        // ---- meaning-preserving ----
        private static (string Path, string Text)? Rewrite(string op, Random r, string text, string path)
        {
            if (op == "crlf")
            {
                return text.Contains('\r') ? null : (path, text.Replace("\n", "\r\n"));
            }

            // Comments carry checkov suppressions: a rewrite that drops them changes the findings on purpose.
            if (text.Contains("checkov:skip", StringComparison.Ordinal))
            {
                return null;
            }

            var document = TemplateDocuments.Parse(text, CancellationToken.None);
            if (document.Error != null || document.Root == null)
            {
                return null;
            }

            var options = new EmitOptions { Random = r };
            var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            switch (op)
            {
                case "key-order":
                    options.ShuffleKeys = r;
                    options.Format = json ? EmitFormat.Json : EmitFormat.YamlBlock;
                    break;
                case "to-json":
                    options.Format = EmitFormat.Json;
                    break;
                case "to-yaml-block":
                    options.Format = EmitFormat.YamlBlock;
                    options.ShortIntrinsics = r.Next(2) == 0;
                    break;
                case "to-yaml-flow":
                    options.Format = EmitFormat.YamlFlow;
                    options.ShortIntrinsics = r.Next(2) == 0;
                    break;
                case "quote-all":
                    options.Format = json ? EmitFormat.YamlFlow : EmitFormat.YamlBlock;
                    options.QuoteAll = true;
                    break;
                case "short-intrinsics":
                    options.Format = EmitFormat.YamlBlock;
                    options.ShortIntrinsics = true;
                    break;
                case "long-intrinsics":
                    options.Format = r.Next(2) == 0 ? EmitFormat.YamlBlock : EmitFormat.YamlFlow;
                    break;
                case "json-escapes":
                    options.Format = EmitFormat.Json;
                    options.EscapeShare = 0.3;
                    break;
            }

            var emitted = Emitter.Emit(document.Root, options);
            if (emitted == null)
            {
                return null;
            }

            var extension = options.Format == EmitFormat.Json ? ".json" : ".yaml";
            return (System.IO.Path.ChangeExtension(path, extension), emitted);
        }

        // ---- destructive ----
        private static string? Flip(Random r, string text, string path)
        {
            if (text.Length == 0)
            {
                return null;
            }

            var chars = text.ToCharArray();
            for (var n = r.Next(1, 9); n > 0; n--)
            {
                chars[r.Next(chars.Length)] = Palette[r.Next(Palette.Length)];
            }

            return new string(chars);
        }

        private static string? LineEdit(Random r, string text, string path)
        {
            var lines = text.Split('\n').ToList();
            if (lines.Count < 2)
            {
                return null;
            }

            var i = r.Next(lines.Count);
            switch (r.Next(5))
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    break;
                case 2:
                    var j = r.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3:
                    lines[i] = new string(' ', r.Next(1, 4)) + lines[i];
                    break;
                default:
                    lines[i] = lines[i].TrimStart();
                    break;
            }

            return string.Join("\n", lines);
        }

        /// <summary>A random "key: value" position (the offset just after ": "), or -1.</summary>
        private static int ValueSpot(Random r, string text)
        {
            var spots = Regex.Matches(text, @"(?m)^\s*[-]?\s*""?[A-Za-z0-9_]+""?\s*:\s");
            if (spots.Count == 0)
            {
                return -1;
            }

            var m = spots[r.Next(spots.Count)];
            return m.Index + m.Length;
        }

        private static string? Insert(Random r, string text, string what)
        {
            var at = ValueSpot(r, text);
            return at < 0 ? null : text.Insert(at, what);
        }

        private static string? OddTag(Random r, string text, string path)
            => Insert(r, text, new[] { "!Foo ", "!!binary ", "!Ref ", "!If ", "!Sub ", "!!str ", "! ", "!GetAtt ", "!!map ", "!!int ", "!<tag:x> ", "!Condition " }[r.Next(12)]);

        private static string? AliasCycle(Random r, string text, string path)
        {
            var name = "c" + r.Next(1000);
            var forms = new[]
            {
                "&" + name + " {Size: 1, Self: *" + name + "} #",
                "&" + name + " [*" + name + "] #",
                "&" + name + " {<<: *" + name + "} #",
                "&" + name + " {a: [b, {c: *" + name + "}]} #",
                "&" + name + " !If [C, *" + name + ", x] #",
            };
            return Insert(r, text, forms[r.Next(forms.Length)]);
        }

        private static string? AliasChain(Random r, string text, string path)
        {
            var length = r.Next(40) == 0 ? r.Next(100, 20_000) : r.Next(2, 200);
            var sb = new StringBuilder("&z0 [x]");
            var chain = new StringBuilder();
            for (var i = 1; i < length; i++)
            {
                chain.Append(", &z").Append(i).Append(" [*z").Append(i - 1).Append(']');
            }

            return Insert(r, text, "[" + sb + chain + ", *z" + (length - 1) + "] #");
        }

        private static string? MergeKey(Random r, string text, string path)
        {
            var forms = new[] { "{<<: {MultiAZ: false}, a: 1} #", "{<<: [{a: 1}, {b: 2}]} #", "&mm {x: 1} #", "{<<: *nowhere} #", "{<<: &m2 {a: *m2}} #" };
            return Insert(r, text, forms[r.Next(forms.Length)]);
        }

        private static string? DeepFlow(Random r, string text, string path)
        {
            var depth = r.Next(3) == 0 ? r.Next(100, 140) : r.Next(1, 2000);
            var sb = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                sb.Append(r.Next(2) == 0 ? "[" : "{a: ");
            }

            var open = sb.ToString();
            for (var i = open.Length - 1; i >= 0; i--)
            {
                if (open[i] == '[')
                {
                    sb.Append(']');
                }
                else if (open[i] == '{')
                {
                    sb.Append('}');
                }
            }

            return Insert(r, text, sb + " #");
        }

        private static string? HugeScalar(Random r, string text, string path)
        {
            var n = r.Next(40) == 0 ? r.Next(100_000, 2_000_000) : r.Next(100, 20_000);
            var c = "aZ9 '\"\\"[r.Next(7)];
            var body = new string(c, n);
            return Insert(r, text, r.Next(2) == 0 ? "'" + body.Replace("'", "''") + "' #" : "\"" + body.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\" #");
        }

        private static string? BomAndNewlines(Random r, string text, string path)
        {
            switch (r.Next(5))
            {
                case 0: return "\uFEFF" + text;
                case 1: return text.Replace("\n", "\r");
                case 2: return text.Replace("\n", "\u2028");
                case 3: return text.Replace("\n", "\u0085");
                default: return string.Concat(text.Split('\n').Select((l, i) => l + (i % 2 == 0 ? "\r\n" : "\n")));
            }
        }

        private static string? IfBomb(Random r, string text, string path)
        {
            var depth = r.Next(2, 40);
            if (r.Next(2) == 0)
            {
                // Shared through aliases: a small text, an exponential tree.
                var sb = new StringBuilder("[&i0 !If [C, false, false]");
                for (var i = 1; i < depth; i++)
                {
                    sb.Append(", &i").Append(i).Append(" !If [C, *i").Append(i - 1).Append(", *i").Append(i - 1).Append(']');
                }

                return Insert(r, text, sb + ", *i" + (depth - 1) + "] #");
            }

            var d = r.Next(20) == 0 ? Math.Min(depth, 14) : Math.Min(depth, 8);
            var tree = "false";
            for (var i = 0; i < d; i++)
            {
                tree = "{\"Fn::If\": [\"C" + i + "\", " + tree + ", " + tree + "]}";
            }

            return Insert(r, text, tree + " #");
        }

        private static string? SubBomb(Random r, string text, string path)
        {
            var n = r.Next(40) == 0 ? r.Next(10_000, 60_000) : r.Next(1, 500);
            var sb = new StringBuilder("!Sub \"");
            for (var i = 0; i < n; i++)
            {
                sb.Append(r.Next(3) == 0 ? "${AWS::Region}" : r.Next(2) == 0 ? "${P" + (i % 50) + "}" : "${!x}");
            }

            return Insert(r, text, sb + "\" #");
        }

        private static string? OddSpelling(Random r, string text, string path)
        {
            var ports = new[] { "22", "'22'", "22.0", "0022", "2.2e1", "-1", "'-1'", "0x16", "+22", "\"22\"", "3389", "0", "65535", "22 ", "null", "[22]" };
            var protocols = new[] { "tcp", "TCP", "6", "'6'", "-1", "'-1'", "all", "Tcp", "udp", "icmp", "\"-1\"", "17" };
            var cidrs = new[] { "0.0.0.0/0", "0.0.0.0/00", "'0.0.0.0/0 '", "::/0", "0::0/0", "0.0.0.0/1", "000.000.000.000/0", "0.0.0.0", "::0/0", "0:0:0:0:0:0:0:0/0", "'::/0'", "10.0.0.0/8" };
            switch (r.Next(3))
            {
                case 0: return Replace(r, text, @"(?<=(FromPort|ToPort|Port)""?\s*:\s*)[^\s,}\n]+", ports);
                case 1: return Replace(r, text, @"(?<=IpProtocol""?\s*:\s*)[^\s,}\n]+", protocols);
                default: return Replace(r, text, @"(?<=CidrIpv?6?""?\s*:\s*)[^\s,}\n]+", cidrs);
            }
        }

        private static string? Replace(Random r, string text, string pattern, string[] choices)
        {
            var matches = Regex.Matches(text, pattern);
            if (matches.Count == 0)
            {
                return null;
            }

            var m = matches[r.Next(matches.Count)];
            return text.Substring(0, m.Index) + choices[r.Next(choices.Length)] + text.Substring(m.Index + m.Length);
        }

        private static string? FlowList(Random r, string text, string path)
        {
            var n = r.Next(40) == 0 ? r.Next(50_000, 200_000) : r.Next(10, 2000);
            var sb = new StringBuilder("[");
            for (var i = 0; i < n; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ").Append("item").Append(i);
            }

            return Insert(r, text, sb + "] #");
        }

        private static string? UnicodeEdit(Random r, string text, string path)
        {
            var forms = new[] { "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud800\\ud800\"", "\"a\u2028b\"", "a\u0085b", "\"\\U0000d800\"", "\"\\ud83d\\ude00\"", "\"\\U0010ffff\"", "\"\\x41\"", "'\u2029'" };
            return Insert(r, text, forms[r.Next(forms.Length)] + " #");
        }
    }
}
