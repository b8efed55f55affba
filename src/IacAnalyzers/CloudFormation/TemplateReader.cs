using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Reads a YAML or JSON file into a <see cref="Template"/>, or says it is not a CloudFormation template (null).
    /// Decides by content: a cheap text prefilter first (most additional files stop there), then the document's
    /// structure (<c>AWSTemplateFormatVersion</c>; a SAM <c>Transform</c>; or a <c>Resources</c> map whose entries have a
    /// <c>Type</c> of <c>AWS::…</c>, <c>Alexa::…</c> or <c>Custom::…</c>). Never throws for bad input: parse failures and
    /// exceeded limits become <see cref="TemplateError"/>s.
    /// </summary>
    public static class TemplateReader
    {
        // `Type: AWS::S3::Bucket`, `"Type": "AWS::S3::Bucket"`: evidence strong enough to report a file that does not
        // parse as a broken template rather than ignore it as some other YAML.
        private static readonly Regex TypeLine = new Regex(
            @"(^|[\s{,])[""']?Type[""']?[ \t]*:[ \t]*[""']?(AWS|Alexa|Custom)::",
            RegexOptions.Multiline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private const string ForEachPrefix = "Fn::ForEach::";

        public static Template? Read(string path, string text, CancellationToken cancellationToken)
        {
            if (!MightBeTemplate(text))
            {
                return null;
            }

            if (text.Length > TemplateLimits.MaxChars)
            {
                if (!LooksLikeTemplate(text, 64 * 1024))
                {
                    return null;
                }

                var lines0 = new LineMap(path, string.Empty);
                var mb = (text.Length / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                return new Template(path, lines0, null, null, new[]
                {
                    new TemplateError(
                        "the file has " + mb + " M characters, more than the " + (TemplateLimits.MaxChars / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) +
                        " M this analyzer reads (CloudFormation itself accepts templates of at most 1 MB); it was not checked",
                        lines0.Span(0, 0)),
                });
            }

            var document = TemplateDocuments.Parse(text, cancellationToken);
            var lines = new LineMap(path, text);
            if (document.Error != null)
            {
                if (!LooksLikeTemplate(text, text.Length))
                {
                    return null;
                }

                return new Template(path, lines, null, null, new[] { new TemplateError(document.Error, lines.Span(document.ErrorOffset, document.ErrorOffset)) });
            }

            var root = document.Root;
            if (root == null || !root.IsMapping || !IsTemplate(root))
            {
                return null;
            }

            var errors = new List<TemplateError>();
            var entries = new List<TemplateResource>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (root.Get("Resources") is YamlNode resources && resources.IsMapping)
            {
                foreach (var pair in resources.Pairs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (pair.Key.IsScalar && pair.Value.IsMapping && pair.Value.Get("Type") is YamlNode type && type.IsScalar && !type.HasLocalTag)
                    {
                        if (!names.Add(pair.Key.Text))
                        {
                            // A duplicate logical id: the last definition wins (as Get does and as CloudFormation's
                            // JSON reader does), so the shadowed one is not a resource.
                            entries.RemoveAll(e => string.Equals(e.Name, pair.Key.Text, StringComparison.Ordinal));
                        }

                        entries.Add(new TemplateResource(pair.Key.Text, type.Text, pair.Key, pair.Value));
                    }
                    else if (pair.Key.IsScalar && pair.Key.Text.StartsWith(ForEachPrefix, StringComparison.Ordinal))
                    {
                        var why = ExpandForEach(pair.Value, entries, names);
                        if (why != null)
                        {
                            errors.Add(new TemplateError(
                                "the resources of '" + pair.Key.Text + "' (AWS::LanguageExtensions) were not analysed: " + why + "; the other resources were checked",
                                lines.Span(pair.Key.Start, pair.Key.End)));
                        }
                    }
                }
            }

            var budget = TemplateLimits.BaseValueBudget + (int)Math.Min(int.MaxValue / 2, (long)document.NodeCount * TemplateLimits.ValueBudgetPerNode);
            var charBudget = TemplateLimits.BaseCharBudget + (long)text.Length * TemplateLimits.CharBudgetPerChar;
            var builder = new ValueBuilder(lines, root, names, errors, budget, charBudget, cancellationToken);
            var context = new TemplateResourceContext(builder, entries);
            return new Template(path, lines, root, context, errors);
        }

        /// <summary>
        /// Expands <c>Fn::ForEach::Name: [ Identifier, [ values ], { OutputKey: resource } ]</c> when the collection is a
        /// literal list of plain values: one resource per value and output key, named by replacing <c>${Identifier}</c>
        /// (and <c>&amp;{Identifier}</c>, the value without non-alphanumeric characters) in the key, its body reading
        /// <c>Ref Identifier</c> and <c>${Identifier}</c> as the value. Returns why it cannot, or null.
        /// </summary>
        private static string? ExpandForEach(YamlNode loop, List<TemplateResource> entries, HashSet<string> names)
        {
            if (!loop.IsSequence || loop.Items.Count != 3 || !loop.Items[0].IsScalar || loop.Items[0].HasLocalTag || !loop.Items[2].IsMapping)
            {
                return "the loop is not of the form [ Identifier, Collection, { OutputKey: OutputValue } ]";
            }

            var identifier = loop.Items[0].Text;
            var collection = loop.Items[1];
            if (!collection.IsSequence || collection.HasLocalTag)
            {
                return "its collection is computed (a Ref or another function), so the resources it creates are not known";
            }

            var values = new List<string>(collection.Items.Count);
            foreach (var item in collection.Items)
            {
                if (!item.IsScalar || item.HasLocalTag)
                {
                    return "its collection holds computed values, so the resources it creates are not known";
                }

                values.Add(item.Text);
            }

            var outputs = loop.Items[2].Pairs;
            if ((long)values.Count * outputs.Count > MaxLoopResources)
            {
                return "it would create more than " + MaxLoopResources + " resources";
            }

            foreach (var output in outputs)
            {
                if (!output.Key.IsScalar || output.Key.Text.StartsWith(ForEachPrefix, StringComparison.Ordinal))
                {
                    return "it nests another Fn::ForEach, which is not expanded";
                }

                if (!output.Value.IsMapping || !(output.Value.Get("Type") is YamlNode type) || !type.IsScalar || type.HasLocalTag)
                {
                    return "its output '" + output.Key.Text + "' is not a resource with a plain Type";
                }
            }

            foreach (var value in values)
            {
                var bindings = new Dictionary<string, string>(StringComparer.Ordinal) { [identifier] = value };
                foreach (var output in outputs)
                {
                    var name = output.Key.Text.Replace("${" + identifier + "}", value).Replace("&{" + identifier + "}", Alphanumeric(value));
                    if (!names.Add(name))
                    {
                        entries.RemoveAll(e => string.Equals(e.Name, name, StringComparison.Ordinal));
                    }

                    entries.Add(new TemplateResource(name, output.Value.Get("Type")!.Text, output.Key, output.Value, bindings));
                }
            }

            return null;
        }

        private const int MaxLoopResources = 500;

        private static string Alphanumeric(string value)
        {
            var result = new System.Text.StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (char.IsLetterOrDigit(c))
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        /// <summary>
        /// The cheap prefilter: false for binary content and for text that cannot be a template. True does not mean it
        /// is one; the document's structure decides.
        /// </summary>
        public static bool MightBeTemplate(string text)
        {
            if (text.Length == 0 || text.IndexOf('\0') >= 0)
            {
                return false;
            }

            if (text.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            // Escapes can spell any key (`"Re\u0073ources"`): such a text is parsed and its structure decides.
            if (text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\x", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            return text.IndexOf("Resources", StringComparison.Ordinal) >= 0
                && (text.IndexOf("AWS::", StringComparison.Ordinal) >= 0
                    || text.IndexOf("Alexa::", StringComparison.Ordinal) >= 0
                    || text.IndexOf("Custom::", StringComparison.Ordinal) >= 0);
        }

        /// <summary>Strong textual evidence of a template, for files that cannot be parsed (or are too large to).</summary>
        private static bool LooksLikeTemplate(string text, int prefix)
        {
            var head = text.Length > prefix ? text.Substring(0, prefix) : text;
            if (head.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            try
            {
                return head.IndexOf("Resources", StringComparison.Ordinal) >= 0 && TypeLine.IsMatch(head);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>The structural test on a parsed root mapping.</summary>
        public static bool IsTemplate(YamlNode root)
        {
            if (root.Get("AWSTemplateFormatVersion") != null)
            {
                return true;
            }

            if (root.Get("Transform") is YamlNode transform && MentionsServerless(transform))
            {
                return true;
            }

            if (root.Get("Resources") is YamlNode resources && resources.IsMapping)
            {
                foreach (var pair in resources.Pairs)
                {
                    if (pair.Value.IsMapping && pair.Value.Get("Type") is YamlNode t && t.IsScalar && IsResourceType(t.Text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool MentionsServerless(YamlNode transform)
        {
            if (transform.IsScalar)
            {
                return IsKnownTransform(transform.Text);
            }

            foreach (var item in transform.Items)
            {
                if (item.IsScalar && IsKnownTransform(item.Text))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsKnownTransform(string name)
            => name.StartsWith("AWS::Serverless", StringComparison.Ordinal) || name.StartsWith("AWS::LanguageExtensions", StringComparison.Ordinal);

        private static bool IsResourceType(string type)
            => type.StartsWith("AWS::", StringComparison.Ordinal)
               || type.StartsWith("Alexa::", StringComparison.Ordinal)
               || type.StartsWith("Custom::", StringComparison.Ordinal);
    }
}
