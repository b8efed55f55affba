using System;
using System.Linq;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// Shared helpers for test fixtures (template or C# text), so that a test states once the text two checks share.
    /// </summary>
    public static class Fixture
    {
        /// <summary>
        /// <paramref name="text"/> with each <c>Find</c> replaced by its <c>Replace</c>: the "after" of a fix written as
        /// what the fix changes in the "before". Each <c>Find</c> must occur exactly once (else the fixture is wrong and
        /// this throws). A multi-line <c>Replace</c> continues at the indentation of the line <c>Find</c> stands on, so
        /// <c>("Key: [|false|]", "Key: true\nOther: 1")</c> adds <c>Other: 1</c> as a sibling of <c>Key</c>.
        /// </summary>
        public static string Edited(string text, params (string Find, string Replace)[] edits)
        {
            foreach (var (find, replace) in edits)
            {
                var at = text.IndexOf(find, StringComparison.Ordinal);
                if (at < 0 || text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
                {
                    throw new ArgumentException((at < 0 ? "Not found" : "Found more than once") + " in the fixture: " + find, nameof(edits));
                }

                var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
                var indent = new string(text.Skip(lineStart).TakeWhile(c => c == ' ').ToArray());
                var lines = replace.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                text = text.Substring(0, at) + string.Join(newline + indent, lines) + text.Substring(at + find.Length);
            }

            return text;
        }

        /// <summary>
        /// A table of YAML resources of one <paramref name="type"/>, to append to a template text that ends in
        /// <c>Resources:</c>: each row is a resource named <c>Name</c> (markup allowed, e.g. <c>{|#0:Db|}</c>) whose
        /// properties are the <paramref name="shared"/> ones followed by its own (lines separated by <c>\n</c>; indent a
        /// line to nest it under the last shared key). The cases of a rule test side by side, each written once.
        /// </summary>
        public static string Resources(string type, string shared, params (string Name, string Own)[] rows)
        {
            var text = new System.Text.StringBuilder();
            foreach (var (name, own) in rows)
            {
                text.Append("\n  ").Append(name).Append(":\n    Type: ").Append(type).Append("\n    Properties:");
                foreach (var line in Lines(shared).Concat(Lines(own)))
                {
                    text.Append("\n      ").Append(line);
                }
            }

            return text.ToString();
        }

        private static string[] Lines(string text)
            => text.Length == 0 ? Array.Empty<string>() : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }
}
