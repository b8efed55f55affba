using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Reads a YAML or JSON file into resource views, or says it is not a CloudFormation template (null).
    /// Never throws for bad input: parse failures become <see cref="TemplateError"/>s.
    /// </summary>
    public static class TemplateReader
    {
        public static Template? Read(string path, string text, CancellationToken cancellationToken)
        {
            var lines = new LineMap(path, text);
            YamlStream stream;
            try
            {
                stream = new YamlStream();
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                if (!LooksLikeTemplate(text))
                {
                    return null;
                }

                var at = (int)Math.Min(Math.Max(ex.Start.Index, 0), text.Length);
                return new Template(path, Array.Empty<ResourceView>(), new[] { new TemplateError(ex.Message, lines.Span(at, at)) });
            }

            if (stream.Documents.Count == 0 || !(stream.Documents[0].RootNode is YamlMappingNode root) || !IsTemplate(root))
            {
                return null;
            }

            var context = new ListResourceContext();
            var resources = new List<ResourceView>();
            if (Child(root, "Resources") is YamlMappingNode resourceMap)
            {
                foreach (var pair in resourceMap.Children)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!(pair.Key is YamlScalarNode key) || !(pair.Value is YamlMappingNode body) || !(Child(body, "Type") is YamlScalarNode type))
                    {
                        continue;
                    }

                    var propsNode = Child(body, "Properties") as YamlMappingNode;
                    var keyLocation = Span(lines, key);
                    var props = propsNode != null ? (MapValue)Convert(lines, propsNode) : new MapValue(Array.Empty<MapEntry>(), Span(lines, body));
                    var metadata = Child(body, "Metadata") is YamlMappingNode m ? (MapValue)Convert(lines, m) : null;
                    var view = new ResourceView(type.Value ?? string.Empty, key.Value ?? string.Empty, keyLocation, props, Surfaces.CloudFormation, context, metadata, (Child(body, "Condition") as YamlScalarNode)?.Value, propsNode != null);
                    context.Add(view);
                    resources.Add(view);
                }
            }

            return new Template(path, resources, Array.Empty<TemplateError>());
        }

        private static bool LooksLikeTemplate(string text)
            => text.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0
               || (text.IndexOf("Resources", StringComparison.Ordinal) >= 0 && text.IndexOf("AWS::", StringComparison.Ordinal) >= 0);

        private static bool IsTemplate(YamlMappingNode root)
        {
            if (Child(root, "AWSTemplateFormatVersion") != null)
            {
                return true;
            }

            if (Child(root, "Resources") is YamlMappingNode resources)
            {
                foreach (var r in resources.Children.Values)
                {
                    if (r is YamlMappingNode body && Child(body, "Type") is YamlScalarNode t && t.Value != null && t.Value.Contains("::"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static YamlNode? Child(YamlMappingNode map, string key)
        {
            foreach (var pair in map.Children)
            {
                if (pair.Key is YamlScalarNode k && k.Value == key)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        private static SourceLocation Span(LineMap lines, YamlNode node)
            => lines.Span((int)node.Start.Index, (int)node.End.Index);

        private static Value Convert(LineMap lines, YamlNode node)
        {
            var location = Span(lines, node);
            if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith("!", StringComparison.Ordinal) && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal))
            {
                return new UnknownValue("intrinsic function " + node.Tag.Value, location);
            }

            switch (node)
            {
                case YamlScalarNode scalar:
                    return ConvertScalar(scalar, location);
                case YamlSequenceNode sequence:
                    var items = new List<Value>();
                    foreach (var child in sequence.Children)
                    {
                        items.Add(Convert(lines, child));
                    }

                    return new ListValue(items, location);
                case YamlMappingNode mapping:
                    var entries = new List<MapEntry>();
                    foreach (var pair in mapping.Children)
                    {
                        if (pair.Key is YamlScalarNode k && k.Value != null)
                        {
                            if (mapping.Children.Count == 1 && (k.Value == "Ref" || k.Value.StartsWith("Fn::", StringComparison.Ordinal)))
                            {
                                return new UnknownValue("intrinsic function " + k.Value, location);
                            }

                            entries.Add(new MapEntry(k.Value, Span(lines, k), Convert(lines, pair.Value)));
                        }
                    }

                    return new MapValue(entries, location);
                default:
                    return new UnknownValue("unsupported node", location);
            }
        }

        private static Value ConvertScalar(YamlScalarNode scalar, SourceLocation location)
        {
            var text = scalar.Value ?? string.Empty;
            if (scalar.Style == ScalarStyle.Plain)
            {
                if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL")
                {
                    return new ScalarValue(text, ScalarKind.Null, location);
                }

                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return new ScalarValue(text.ToLowerInvariant(), ScalarKind.Boolean, location);
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return new ScalarValue(text, ScalarKind.Number, location);
                }
            }

            return new ScalarValue(text, ScalarKind.String, location);
        }
    }
}
