using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Turns template nodes into neutral values, resolving the intrinsics that decide verdicts:
    /// <c>Ref</c> to a parameter (its Default, said in the provenance), <c>Fn::If</c> (both branches),
    /// <c>Fn::Sub</c>/<c>Fn::Join</c>/<c>Fn::Select</c>/<c>Fn::Split</c> of known parts, <c>Fn::FindInMap</c> with known
    /// keys. Everything else is unknown. <c>Ref</c>/<c>Fn::GetAtt</c> to a resource is an unknown value that names the
    /// resource. Work is bounded by a value budget (aliases can make a small text expand to a huge tree).
    /// </summary>
    internal sealed class ValueBuilder
    {
        private const string Partition = "aws";
        private const string UrlSuffix = "amazonaws.com";
        private const int MaxResolveDepth = 32;

        private readonly LineMap lines;
        private readonly YamlNode? parameters;
        private readonly YamlNode? mappings;
        private readonly HashSet<string> resourceNames;
        private readonly List<TemplateError> errors;
        private int budget;
        private bool budgetReported;
        private int resolveDepth;

        public ValueBuilder(LineMap lines, YamlNode root, HashSet<string> resourceNames, List<TemplateError> errors, int budget)
        {
            this.lines = lines;
            parameters = root.Get("Parameters") is YamlNode p && p.IsMapping ? p : null;
            mappings = root.Get("Mappings") is YamlNode m && m.IsMapping ? m : null;
            this.resourceNames = resourceNames;
            this.errors = errors;
            this.budget = budget;
        }

        public SourceLocation Span(YamlNode node) => lines.Span(node.Start, node.End);

        /// <summary>The <c>Fn::ForEach</c> identifier and value of the resource being built, or null (set by the caller, under its lock).</summary>
        public IReadOnlyDictionary<string, string>? LoopBindings { get; set; }

        public Value Convert(YamlNode node)
        {
            if (--budget < 0)
            {
                if (!budgetReported)
                {
                    budgetReported = true;
                    errors.Add(new TemplateError(
                        "aliases expand to more values than the analyzer reads from one template; the rest is treated as unknown",
                        lines.Span(node.Start, node.Start)));
                }

                return new UnknownValue("the template's value budget is exhausted", Span(node));
            }

            var location = Span(node);
            if (node.HasLocalTag)
            {
                return Intrinsic(FunctionOfTag(node.Tag!), node, location);
            }

            switch (node.Kind)
            {
                case NodeKind.Scalar:
                    return Scalar(node, location);
                case NodeKind.Sequence:
                {
                    var items = new List<Value>(node.Items.Count);
                    foreach (var item in node.Items)
                    {
                        items.Add(Convert(item));
                    }

                    return new ListValue(items, location);
                }

                default:
                {
                    if (node.Pairs.Count == 1 && node.Pairs[0].Key.IsScalar && IsFunctionName(node.Pairs[0].Key.Text))
                    {
                        return Intrinsic(node.Pairs[0].Key.Text, node.Pairs[0].Value, location);
                    }

                    var entries = new List<MapEntry>(node.Pairs.Count);
                    foreach (var pair in node.Pairs)
                    {
                        if (pair.Key.IsScalar)
                        {
                            entries.Add(new MapEntry(pair.Key.Text, Span(pair.Key), Convert(pair.Value)));
                        }
                    }

                    return new MapValue(entries, location);
                }
            }
        }

        private static bool IsFunctionName(string key)
            => key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal);

        /// <summary><c>!Ref</c> is <c>Ref</c>, <c>!Condition</c> is <c>Condition</c>, <c>!X</c> is <c>Fn::X</c>.</summary>
        private static string FunctionOfTag(string tag)
        {
            var name = tag.Substring(1);
            return name == "Ref" || name == "Condition" ? name : "Fn::" + name;
        }

        public static Value Scalar(YamlNode node, SourceLocation location)
        {
            var text = node.Text;
            var tag = node.Tag;
            if (tag != null)
            {
                switch (tag)
                {
                    case "tag:yaml.org,2002:bool":
                        return new ScalarValue(text.ToLowerInvariant(), ScalarKind.Boolean, location);
                    case "tag:yaml.org,2002:int":
                    case "tag:yaml.org,2002:float":
                        return new ScalarValue(text, ScalarKind.Number, location);
                    case "tag:yaml.org,2002:null":
                        return new ScalarValue(string.Empty, ScalarKind.Null, location);
                    default:
                        return new ScalarValue(text, ScalarKind.String, location);
                }
            }

            if (node.Style != NodeStyle.Plain)
            {
                return new ScalarValue(text, ScalarKind.String, location);
            }

            if (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL")
            {
                return new ScalarValue(string.Empty, ScalarKind.Null, location);
            }

            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return new ScalarValue(text.ToLowerInvariant(), ScalarKind.Boolean, location);
            }

            if (LooksNumeric(text))
            {
                return new ScalarValue(text, ScalarKind.Number, location);
            }

            return new ScalarValue(text, ScalarKind.String, location);
        }

        private static bool LooksNumeric(string text)
        {
            var c = text[0];
            if (!(char.IsDigit(c) || ((c == '-' || c == '+' || c == '.') && text.Length > 1)))
            {
                return false;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        private Value Intrinsic(string function, YamlNode argument, SourceLocation location)
        {
            if (resolveDepth > MaxResolveDepth)
            {
                return new UnknownValue(function + " nested too deeply", location);
            }

            resolveDepth++;
            try
            {
                switch (function)
                {
                    case "Ref":
                        return Ref(argument, location);
                    case "Fn::GetAtt":
                        return GetAtt(argument, location);
                    case "Fn::If":
                        return If(argument, location);
                    case "Fn::Sub":
                        return Sub(argument, location);
                    case "Fn::Join":
                        return Join(argument, location);
                    case "Fn::Select":
                        return Select(argument, location);
                    case "Fn::Split":
                        return Split(argument, location);
                    case "Fn::FindInMap":
                        return FindInMap(argument, location);
                    default:
                        return new UnknownValue("the result of " + function, location);
                }
            }
            finally
            {
                resolveDepth--;
            }
        }

        private Value Ref(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsScalar || (argument.HasLocalTag && argument.Tag != "!Ref"))
            {
                return new UnknownValue("a Ref to a computed name", location);
            }

            var name = argument.Text;
            switch (name)
            {
                case "AWS::Partition":
                    return new ScalarValue(Partition, ScalarKind.String, location, "AWS::Partition, taken as '" + Partition + "'");
                case "AWS::URLSuffix":
                    return new ScalarValue(UrlSuffix, ScalarKind.String, location, "AWS::URLSuffix, taken as '" + UrlSuffix + "'");
                case "AWS::NoValue":
                    return new UnknownValue("AWS::NoValue (the property is removed)", location);
            }

            if (name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                return new UnknownValue("the pseudo parameter " + name, location);
            }

            if (LoopBindings != null && LoopBindings.TryGetValue(name, out var loopValue))
            {
                return new ScalarValue(loopValue, ScalarKind.String, location, "the Fn::ForEach value '" + loopValue + "' of '" + name + "'");
            }

            if (parameters?.Get(name) is YamlNode parameter)
            {
                return Parameter(name, parameter, location);
            }

            if (resourceNames.Contains(name))
            {
                return new UnknownValue("a Ref to resource '" + name + "'", location, null, name, null);
            }

            return new UnknownValue("a Ref to '" + name + "', which the template does not declare", location);
        }

        private Value Parameter(string name, YamlNode parameter, SourceLocation location)
        {
            var provenance = "the Default of parameter '" + name + "'";
            var def = parameter.IsMapping ? parameter.Get("Default") : null;
            if (def == null)
            {
                return new UnknownValue("parameter '" + name + "' has no Default", location);
            }

            var type = parameter.Get("Type") is YamlNode t && t.IsScalar ? t.Text : "String";
            if (type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
            {
                return new UnknownValue("parameter '" + name + "' is read from SSM Parameter Store", location);
            }

            if (!def.IsScalar || def.HasLocalTag)
            {
                return new UnknownValue("parameter '" + name + "' has a Default that is not a plain value", location);
            }

            if (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal))
            {
                var items = new List<Value>();
                foreach (var part in def.Text.Split(','))
                {
                    items.Add(new ScalarValue(part.Trim(), ScalarKind.String, location, provenance));
                }

                return new ListValue(items, location, provenance);
            }

            var scalar = (ScalarValue)Scalar(def, location);
            return new ScalarValue(scalar.Text, scalar.Kind, location, provenance);
        }

        private Value GetAtt(YamlNode argument, SourceLocation location)
        {
            string? resource = null;
            string? attribute = null;
            if (argument.IsScalar)
            {
                var dot = argument.Text.IndexOf('.');
                if (dot > 0)
                {
                    resource = argument.Text.Substring(0, dot);
                    attribute = argument.Text.Substring(dot + 1);
                }
            }
            else if (argument.IsSequence && argument.Items.Count == 2 && argument.Items[0].IsScalar && !argument.Items[0].HasLocalTag)
            {
                resource = argument.Items[0].Text;
                attribute = argument.Items[1].IsScalar && !argument.Items[1].HasLocalTag ? argument.Items[1].Text : null;
            }

            if (resource != null && resourceNames.Contains(resource))
            {
                return new UnknownValue("the attribute " + (attribute ?? "(computed)") + " of resource '" + resource + "'", location, null, resource, attribute);
            }

            return new UnknownValue("the result of Fn::GetAtt", location);
        }

        private Value If(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsSequence || argument.Items.Count != 3 || !argument.Items[0].IsScalar)
            {
                return new UnknownValue("a malformed Fn::If", location);
            }

            var condition = argument.Items[0].Text;
            return new OneOfValue(
                new[]
                {
                    new Branch("when condition '" + condition + "' is true", Convert(argument.Items[1])),
                    new Branch("when condition '" + condition + "' is false", Convert(argument.Items[2])),
                },
                location);
        }

        private Value Sub(YamlNode argument, SourceLocation location)
        {
            YamlNode? templateNode;
            YamlNode? variables = null;
            if (argument.IsScalar)
            {
                templateNode = argument;
            }
            else if (argument.IsSequence && argument.Items.Count == 2)
            {
                templateNode = argument.Items[0];
                variables = argument.Items[1].IsMapping ? argument.Items[1] : null;
            }
            else
            {
                return new UnknownValue("a malformed Fn::Sub", location);
            }

            if (!templateNode.IsScalar || (templateNode != argument && templateNode.HasLocalTag))
            {
                return new UnknownValue("Fn::Sub of a computed string", location);
            }

            var text = templateNode.Text;
            var result = new StringBuilder(text.Length);
            var notes = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOf("${", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    result.Append(text, i, text.Length - i);
                    break;
                }

                result.Append(text, i, open - i);
                var close = text.IndexOf('}', open + 2);
                if (close < 0)
                {
                    result.Append(text, open, text.Length - open);
                    break;
                }

                var name = text.Substring(open + 2, close - open - 2);
                i = close + 1;
                if (name.StartsWith("!", StringComparison.Ordinal))
                {
                    // ${!Literal} is written as ${Literal}.
                    result.Append("${").Append(name, 1, name.Length - 1).Append('}');
                    continue;
                }

                var value = SubVariable(name.Trim(), variables, location);
                if (!(value is ScalarValue scalar) || scalar.Kind == ScalarKind.Null)
                {
                    return new UnknownValue("Fn::Sub with ${" + name + "}, which is not known", location);
                }

                result.Append(scalar.Text);
                notes.Add("${" + name + "} as '" + scalar.Text + "'" + (scalar.Provenance != null ? " from " + scalar.Provenance : string.Empty));
            }

            var provenance = notes.Count == 0 ? null : "Fn::Sub with " + string.Join(", ", notes);
            return new ScalarValue(result.ToString(), ScalarKind.String, location, provenance);
        }

        private Value SubVariable(string name, YamlNode? variables, SourceLocation location)
        {
            if (variables?.Get(name) is YamlNode variable)
            {
                return Convert(variable);
            }

            if (name.IndexOf('.') >= 0)
            {
                return new UnknownValue("an attribute", location);
            }

            return Ref(new YamlNode(NodeKind.Scalar, null, 0, NodeStyle.Plain) { Text = name }, location);
        }

        private Value Join(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsSequence || argument.Items.Count != 2 || !argument.Items[0].IsScalar || argument.Items[0].HasLocalTag)
            {
                return new UnknownValue("a malformed Fn::Join", location);
            }

            var delimiter = argument.Items[0].Text;
            if (!(Convert(argument.Items[1]) is ListValue list))
            {
                return new UnknownValue("Fn::Join of a computed list", location);
            }

            var parts = new List<string>(list.Items.Count);
            var notes = new List<string>();
            foreach (var item in list.Items)
            {
                if (!(item is ScalarValue scalar) || scalar.Kind == ScalarKind.Null)
                {
                    return new UnknownValue("Fn::Join of parts that are not all known", location);
                }

                parts.Add(scalar.Text);
                if (scalar.Provenance != null)
                {
                    notes.Add("'" + scalar.Text + "' from " + scalar.Provenance);
                }
            }

            return new ScalarValue(string.Join(delimiter, parts), ScalarKind.String, location, notes.Count == 0 ? null : "Fn::Join with " + string.Join(", ", notes));
        }

        private Value Select(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsSequence || argument.Items.Count != 2)
            {
                return new UnknownValue("a malformed Fn::Select", location);
            }

            if (!(Convert(argument.Items[0]) is ScalarValue index) || !(index.AsInteger() is long n) || !(Convert(argument.Items[1]) is ListValue list))
            {
                return new UnknownValue("Fn::Select with a computed index or list", location);
            }

            if (n < 0 || n >= list.Items.Count)
            {
                return new UnknownValue("Fn::Select out of range", location);
            }

            return Relocate(list.Items[(int)n], location, list.Items[(int)n].Provenance);
        }

        private Value Split(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsSequence || argument.Items.Count != 2 || !argument.Items[0].IsScalar || argument.Items[0].HasLocalTag)
            {
                return new UnknownValue("a malformed Fn::Split", location);
            }

            if (!(Convert(argument.Items[1]) is ScalarValue source) || source.Kind == ScalarKind.Null || argument.Items[0].Text.Length == 0)
            {
                return new UnknownValue("Fn::Split of a computed string", location);
            }

            var items = new List<Value>();
            foreach (var part in source.Text.Split(new[] { argument.Items[0].Text }, StringSplitOptions.None))
            {
                items.Add(new ScalarValue(part, ScalarKind.String, location, source.Provenance));
            }

            return new ListValue(items, location, source.Provenance);
        }

        private Value FindInMap(YamlNode argument, SourceLocation location)
        {
            if (!argument.IsSequence || argument.Items.Count < 3)
            {
                return new UnknownValue("a malformed Fn::FindInMap", location);
            }

            var keys = new string[3];
            for (var k = 0; k < 3; k++)
            {
                if (!(Convert(argument.Items[k]) is ScalarValue s) || s.Kind == ScalarKind.Null || s.Provenance != null)
                {
                    // Only literal keys: a key from a parameter's Default or AWS::Region depends on the deployment.
                    return new UnknownValue("Fn::FindInMap with keys that are not literal", location);
                }

                keys[k] = s.Text;
            }

            var value = mappings?.Get(keys[0])?.Get(keys[1])?.Get(keys[2]);
            if (value == null)
            {
                return new UnknownValue("Fn::FindInMap of an entry the Mappings do not have", location);
            }

            var provenance = "Mappings " + keys[0] + "." + keys[1] + "." + keys[2];
            return Relocate(Convert(value), location, provenance);
        }

        /// <summary>A value found elsewhere (a mapping, a list) reported at the place that uses it, with its provenance.</summary>
        private static Value Relocate(Value value, SourceLocation location, string? provenance)
        {
            switch (value)
            {
                case ScalarValue s:
                    return new ScalarValue(s.Text, s.Kind, location, provenance);
                case ListValue l:
                {
                    var items = new List<Value>(l.Items.Count);
                    foreach (var item in l.Items)
                    {
                        items.Add(item is ScalarValue si ? new ScalarValue(si.Text, si.Kind, location, provenance) : item);
                    }

                    return new ListValue(items, location, provenance);
                }

                default:
                    return value.WithProvenance(provenance);
            }
        }
    }
}
