using System;
using System.Collections.Generic;
using System.IO;

namespace IacAnalyzers.Cli
{
    /// <summary>A unified diff of two texts by lines (LCS; texts too large for it are shown as one hunk).</summary>
    public static class Diff
    {
        public static void Write(TextWriter w, string path, string before, string after, int context = 3)
        {
            var a = Lines(before);
            var b = Lines(after);
            w.WriteLine("--- a/" + path);
            w.WriteLine("+++ b/" + path);
            var ops = Operations(a, b);
            var i = 0;
            while (i < ops.Count)
            {
                if (ops[i].Kind == ' ')
                {
                    i++;
                    continue;
                }

                var start = Math.Max(0, i - context);
                var end = i;
                var lastChange = i;
                while (end < ops.Count && (ops[end].Kind != ' ' || end - lastChange <= context * 2))
                {
                    if (ops[end].Kind != ' ')
                    {
                        lastChange = end;
                    }

                    end++;
                }

                end = Math.Min(ops.Count, lastChange + context + 1);
                int aStart = ops[start].A, bStart = ops[start].B, aLen = 0, bLen = 0;
                for (var k = start; k < end; k++)
                {
                    aLen += ops[k].Kind != '+' ? 1 : 0;
                    bLen += ops[k].Kind != '-' ? 1 : 0;
                }

                w.WriteLine($"@@ -{aStart + 1},{aLen} +{bStart + 1},{bLen} @@");
                for (var k = start; k < end; k++)
                {
                    w.WriteLine(ops[k].Kind + ops[k].Text);
                }

                i = end;
            }
        }

        private static string[] Lines(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        private readonly record struct Op(char Kind, string Text, int A, int B);

        private static List<Op> Operations(string[] a, string[] b)
        {
            var ops = new List<Op>();
            int pre = 0;
            while (pre < a.Length && pre < b.Length && a[pre] == b[pre])
            {
                pre++;
            }

            int suf = 0;
            while (suf < a.Length - pre && suf < b.Length - pre && a[a.Length - 1 - suf] == b[b.Length - 1 - suf])
            {
                suf++;
            }

            for (var k = 0; k < pre; k++)
            {
                ops.Add(new Op(' ', a[k], k, k));
            }

            int n = a.Length - pre - suf, m = b.Length - pre - suf;
            if ((long)n * m > 4_000_000)
            {
                for (var k = 0; k < n; k++)
                {
                    ops.Add(new Op('-', a[pre + k], pre + k, pre));
                }

                for (var k = 0; k < m; k++)
                {
                    ops.Add(new Op('+', b[pre + k], pre + n, pre + k));
                }
            }
            else
            {
                var lcs = new int[n + 1, m + 1];
                for (var x = n - 1; x >= 0; x--)
                {
                    for (var y = m - 1; y >= 0; y--)
                    {
                        lcs[x, y] = a[pre + x] == b[pre + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                    }
                }

                int i = 0, j = 0;
                while (i < n || j < m)
                {
                    if (i < n && j < m && a[pre + i] == b[pre + j])
                    {
                        ops.Add(new Op(' ', a[pre + i], pre + i, pre + j));
                        i++;
                        j++;
                    }
                    else if (j < m && (i == n || lcs[i, j + 1] >= lcs[i + 1, j]))
                    {
                        ops.Add(new Op('+', b[pre + j], pre + i, pre + j));
                        j++;
                    }
                    else
                    {
                        ops.Add(new Op('-', a[pre + i], pre + i, pre + j));
                        i++;
                    }
                }
            }

            for (var k = 0; k < suf; k++)
            {
                ops.Add(new Op(' ', a[a.Length - suf + k], a.Length - suf + k, b.Length - suf + k));
            }

            return ops;
        }
    }
}
