using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;

namespace IacAnalyzers.CodeFixes.Templates
{
    /// <summary>
    /// The text style of one template as the writers see it: YAML or JSON, its line break, its indentation step, and
    /// positions (lines, indentation) and nodes (by span) in the text. No edits here.
    /// </summary>
    internal sealed class TemplateText
    {
        private readonly string text;
        private readonly YamlNode root;

        public TemplateText(string text, YamlNode root)
        {
            this.text = text;
            this.root = root;
            Json = root.IsFlow && FirstNonSpace(text) == '{';
            Newline = text.Contains("\r\n") ? "\r\n" : "\n";
            Step = DetectStep();
        }

        public string Text => text;

        public YamlNode Root => root;

        /// <summary>True for a JSON document (a flow mapping at the top that starts with a brace).</summary>
        public bool Json { get; }

        public string Newline { get; }

        /// <summary>The document's indentation step.</summary>
        public string Step { get; }

        /// <summary>The first node (key or value, aliases once) that matches, or null.</summary>
        public YamlNode? Find(Func<YamlNode, bool> match)
        {
            var seen = new HashSet<YamlNode>();
            var stack = new Stack<YamlNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node))
                {
                    continue;
                }

                if (match(node))
                {
                    return node;
                }

                foreach (var item in node.Items)
                {
                    stack.Push(item);
                }

                foreach (var pair in node.Pairs)
                {
                    stack.Push(pair.Key);
                    stack.Push(pair.Value);
                }
            }

            return null;
        }

        /// <summary>The document's indentation step: how much deeper a nested mapping's keys sit than their parent's.</summary>
        private string DetectStep()
        {
            foreach (var pair in root.Pairs)
            {
                var child = pair.Value;
                if (child.IsMapping && child.Pairs.Count > 0 && LineOf(child.Pairs[0].Key.Start) != LineOf(pair.Key.Start))
                {
                    var parent = IndentAt(pair.Key.Start);
                    var inner = IndentAt(child.Pairs[0].Key.Start);
                    if (inner.Length > parent.Length && inner.StartsWith(parent, StringComparison.Ordinal))
                    {
                        return inner.Substring(parent.Length);
                    }
                }
            }

            return "  ";
        }

        /// <summary>The indentation to reproduce a line that starts (after whitespace or a "- ") at <paramref name="position"/>.</summary>
        public string IndentAt(int position)
        {
            var lineStart = LineStart(position);
            var prefix = text.Substring(lineStart, position - lineStart);
            return prefix.Trim(' ', '\t').Length == 0 ? prefix : new string(' ', position - lineStart);
        }

        public int LineStart(int position)
        {
            if (position <= 0)
            {
                return 0;
            }

            var i = text.LastIndexOf('\n', position - 1);
            return i + 1;
        }

        public int LineEnd(int position)
        {
            var i = text.IndexOf('\n', position);
            if (i < 0)
            {
                return text.Length;
            }

            return i > 0 && text[i - 1] == '\r' ? i - 1 : i;
        }

        public int LineOf(int position)
        {
            var line = 0;
            for (var i = 0; i < position && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return line;
        }

        private static char FirstNonSpace(string s)
        {
            foreach (var ch in s)
            {
                if (!char.IsWhiteSpace(ch) && ch != '\uFEFF')
                {
                    return ch;
                }
            }

            return '\0';
        }
    }
}
