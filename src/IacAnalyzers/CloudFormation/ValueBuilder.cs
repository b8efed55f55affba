using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Turns template nodes into neutral values, resolving the intrinsics that decide verdicts:
    /// <c>Ref</c> to a parameter (its Default, said in the provenance), <c>Fn::If</c> (both branches),
    /// <c>Fn::Sub</c>/<c>Fn::Join</c>/<c>Fn::Select</c>/<c>Fn::Split</c> of known parts, <c>Fn::FindInMap</c> with known
    /// keys. Everything else is unknown. <c>Ref</c>/<c>Fn::GetAtt</c> to a resource is an unknown value that names the
    /// resource. Work is bounded, whatever the text: a value budget (aliases can make a small text expand to a huge
    /// tree; list items made by <c>Fn::Split</c> and list parameters count too), a character budget for strings made by
    /// <c>Fn::Sub</c>/<c>Fn::Join</c>/<c>Fn::Split</c>, a depth limit (the reader bounds the tree's height, but
    /// <c>Fn::FindInMap</c> jumps elsewhere), and a budget of one-of alternatives along any path: past
    /// <see cref="MaxAlternatives"/> an <c>Fn::If</c> tree is unknown, so rules never see an exponential number of
    /// branches. Each limit is reported once per template (IAC0001) at the first value it cut. Cancellation is observed.
    /// </summary>
    internal sealed class ValueBuilder
    {
        private const string Partition = "aws";
        private const string UrlSuffix = "amazonaws.com";
        private const int MaxResolveDepth = 32;

        /// <summary>Values nested deeper than this (aliases and intrinsic jumps followed) are unknown.</summary>
        public const int MaxValueDepth = 2 * TemplateLimits.MaxDepth;

        /// <summary>The most one-of alternatives a value may offer along one path (a chain of 6 nested <c>Fn::If</c> gives 7; a tree of depth 6 gives 64).</summary>
        public const int MaxAlternatives = 64;

        /// <summary>Notes a <c>Fn::Sub</c>/<c>Fn::Join</c> provenance names before it says "and N more".</summary>
        private const int MaxNotes = 4;

        private readonly LineMap lines;
        private readonly YamlNode? parameters;
        private readonly YamlNode? mappings;
        private readonly HashSet<string> resourceNames;
        private readonly List<TemplateError> errors;
        private readonly CancellationToken cancellationToken;

        /// <summary>One-of alternatives of the values that offer more than one (all others offer one).</summary>
        private readonly Dictionary<Value, int> alternatives = new Dictionary<Value, int>();

        /// <summary>Sizes of the collection values (all others have size 1).</summary>
        private readonly Dictionary<Value, int> sizes = new Dictionary<Value, int>();
        private readonly HashSet<string> reported = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Values of nodes that aliases share, converted once. A value is the same wherever its node is used unless a
        /// depth limit cut it (depth depends on the place), so those are not kept; budgets only ever run down, and the
        /// alternatives limit depends on the node alone.
        /// </summary>
        private readonly Dictionary<YamlNode, Value> shared = new Dictionary<YamlNode, Value>();

        /// <summary>Depth cuts so far (see <see cref="shared"/>).</summary>
        private int cuts;
        private int budget;
        private long charBudget;
        private int resolveDepth;
        private int depth;
        private int work;

        public ValueBuilder(LineMap lines, YamlNode root, HashSet<string> resourceNames, List<TemplateError> errors, int budget, long charBudget = long.MaxValue, CancellationToken cancellationToken = default)
        {
            this.lines = lines;
            parameters = root.Get("Parameters") is YamlNode p && p.IsMapping ? p : null;
            mappings = root.Get("Mappings") is YamlNode m && m.IsMapping ? m : null;
            this.resourceNames = resourceNames;
            this.errors = errors;
            this.budget = budget;
            this.charBudget = charBudget;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Values built so far (each node converted, each list item made), for tests that bound the work.</summary>
        public int ValuesBuilt { get; private set; }

        /// <summary>How many times each limit cut a value, by limit ("values", "characters", "depth", "alternatives").</summary>
        public Dictionary<string, int> LimitHits { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public SourceLocation Span(YamlNode node) => lines.Span(node.Start, node.End);

        /// <summary>The <c>Fn::ForEach</c> identifier and value of the resource being built, or null (set by the caller, under its lock).</summary>
        public IReadOnlyDictionary<string, string>? LoopBindings { get; set; }

        public Value Convert(YamlNode node)
        {
            if (!Spend(1, node))
            {
                return new UnknownValue("the template's value budget is exhausted", Span(node));
            }

            if (depth >= MaxValueDepth)
            {
                cuts++;
                Limit("depth", "values nest deeper than " + MaxValueDepth + " levels once aliases and Fn::FindInMap are followed; the rest is treated as unknown", node);
                return new UnknownValue("a value nested too deeply", Span(node));
            }

            if (node.IsAliased && shared.TryGetValue(node, out var known))
            {
                // Converted once, but each use is as many values for the rules to walk: charged again.
                var size = SizeOf(known);
                return size <= 1 || Spend(size - 1, node) ? known : new UnknownValue("the template's value budget is exhausted", Span(node));
            }

            var cutsBefore = cuts;
            depth++;
            try
            {
                var value = ConvertNode(node);
                if (node.IsAliased && cuts == cutsBefore)
                {
                    shared[node] = value;
                }

                return value;
            }
            finally
            {
                depth--;
            }
        }

        /// <summary>Takes <paramref name="values"/> from the value budget; false (reported once) when it is exhausted.</summary>
        private bool Spend(int values, YamlNode at)
        {
            if ((++work & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ValuesBuilt += values;
            budget -= values;
            if (budget < 0)
            {
                budget = -1;
                Limit("values", "aliases expand to more values than the analyzer reads from one template; the rest is treated as unknown", at);
                return false;
            }

            return true;
        }

        /// <summary>Takes the length of a string the template computes from the character budget; false (reported once) past it.</summary>
        private bool SpendChars(long chars, YamlNode at)
        {
            charBudget -= chars;
            if (charBudget < 0)
            {
                charBudget = -1;
                Limit("characters", "intrinsic functions (Fn::Sub, Fn::Join, Fn::Split) build more text than the analyzer reads from one template; the rest is treated as unknown", at);
                return false;
            }

            return true;
        }

        private void Limit(string limit, string message, YamlNode at)
        {
            LimitHits[limit] = LimitHits.TryGetValue(limit, out var n) ? n + 1 : 1;
            if (reported.Add(limit))
            {
                errors.Add(new TemplateError(message, lines.Span(at.Start, at.Start)));
            }
        }

        /// <summary>The one-of alternatives <paramref name="value"/> offers along its richest path (1 for plain values).</summary>
        private int AlternativesOf(Value value) => alternatives.TryGetValue(value, out var n) ? n : 1;

        /// <summary>Values in <paramref name="value"/>'s tree (1 for plain values).</summary>
        private int SizeOf(Value value) => sizes.TryGetValue(value, out var n) ? n : 1;

        private Value Sized(Value value, long size)
        {
            if (size > 1)
            {
                sizes[value] = (int)Math.Min(size, int.MaxValue / 2);
            }

            return value;
        }

        private Value Track(Value value, int count)
        {
            if (count > 1)
            {
                alternatives[value] = count;
            }

            return value;
        }

        private Value ConvertNode(YamlNode node)
        {
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
                    var most = 1;
                    long size = 1;
                    foreach (var item in node.Items)
                    {
                        var value = Convert(item);
                        most = Math.Max(most, AlternativesOf(value));
                        size += SizeOf(value);
                        items.Add(value);
                    }

                    return Sized(Track(new ListValue(items, location), most), size);
                }

                default:
                {
                    if (node.Pairs.Count == 1 && node.Pairs[0].Key.IsScalar && IsFunctionName(node.Pairs[0].Key.Text))
                    {
                        return Intrinsic(node.Pairs[0].Key.Text, node.Pairs[0].Value, location);
                    }

                    var entries = new List<MapEntry>(node.Pairs.Count);
                    var most = 1;
                    long size = 1;
                    foreach (var pair in node.Pairs)
                    {
                        if (pair.Key.IsScalar)
                        {
                            var value = Convert(pair.Value);
                            most = Math.Max(most, AlternativesOf(value));
                            size += SizeOf(value);
                            entries.Add(new MapEntry(pair.Key.Text, Span(pair.Key), value));
                        }
                    }

                    return Sized(Track(new MapValue(entries, location), most), size);
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
                cuts++;
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
                    return new ScalarValue(Partition, ScalarKind.String, location, Provenance.Derived("AWS::Partition, taken as '" + Partition + "'"));
                case "AWS::URLSuffix":
                    return new ScalarValue(UrlSuffix, ScalarKind.String, location, Provenance.Derived("AWS::URLSuffix, taken as '" + UrlSuffix + "'"));
                case "AWS::NoValue":
                    return new NoValue(location);
            }

            if (name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                return new UnknownValue("the pseudo parameter " + name, location);
            }

            if (LoopBindings != null && LoopBindings.TryGetValue(name, out var loopValue))
            {
                return new ScalarValue(loopValue, ScalarKind.String, location, Provenance.Derived("the Fn::ForEach value '" + loopValue + "' of '" + name + "'"));
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
            var provenance = Provenance.ParameterDefault("the Default of parameter '" + name + "'");
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
                var parts = def.Text.Split(',');
                if (!Spend(parts.Length, def))
                {
                    return new UnknownValue("the template's value budget is exhausted", location);
                }

                var items = new List<Value>(parts.Length);
                foreach (var part in parts)
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
            var whenTrue = Convert(argument.Items[1]);
            var whenFalse = Convert(argument.Items[2]);
            var count = AlternativesOf(whenTrue) + AlternativesOf(whenFalse);
            if (count > MaxAlternatives)
            {
                Limit("alternatives", "Fn::If nests more than " + MaxAlternatives + " alternatives into one value; that value is treated as unknown and not checked", argument);
                return new UnknownValue("an Fn::If with more than " + MaxAlternatives + " alternatives", location);
            }

            return Sized(Track(
                new OneOfValue(
                    new[]
                    {
                        new Branch(Condition.Template(condition), true, whenTrue),
                        new Branch(Condition.Template(condition), false, whenFalse),
                    },
                    location),
                count), 1L + SizeOf(whenTrue) + SizeOf(whenFalse));
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
            var noted = 0;
            var references = 0;
            var i = 0;
            while (i < text.Length)
            {
                if ((++references & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

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

                var value = SubVariable(name.Trim(), variables, templateNode, location);
                if (!(value is ScalarValue scalar) || scalar.Kind == ScalarKind.Null)
                {
                    return new UnknownValue("Fn::Sub with ${" + Shorten(name) + "}, which is not known", location);
                }

                if (!SpendChars(scalar.Text.Length, templateNode))
                {
                    return new UnknownValue("Fn::Sub building more text than the analyzer reads", location);
                }

                result.Append(scalar.Text);
                if (notes.Count < MaxNotes)
                {
                    notes.Add("${" + Shorten(name) + "} as '" + Shorten(scalar.Text) + "'" + (scalar.Provenance != null ? " from " + Shorten(scalar.Provenance.Text) : string.Empty));
                }

                noted++;
            }

            var provenance = notes.Count == 0 ? null : Provenance.Derived("Fn::Sub with " + Notes(notes, noted));
            return new ScalarValue(result.ToString(), ScalarKind.String, location, provenance);
        }

        /// <summary>"a, b, c" or "a, b, c and 7 more".</summary>
        private static string Notes(List<string> notes, int total)
            => string.Join(", ", notes) + (total > notes.Count ? " and " + (total - notes.Count).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty);

        /// <summary>A text as a message may quote it: at most 80 characters.</summary>
        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

        private Value SubVariable(string name, YamlNode? variables, YamlNode at, SourceLocation location)
        {
            if (variables?.Get(name) is YamlNode variable)
            {
                return Convert(variable);
            }

            if (name.IndexOf('.') >= 0)
            {
                return new UnknownValue("an attribute", location);
            }

            return Ref(new YamlNode(NodeKind.Scalar, null, at.Start, NodeStyle.Plain) { Text = name, End = at.Start }, location);
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
            var noted = 0;
            long length = 0;
            foreach (var item in list.Items)
            {
                if (!(item is ScalarValue scalar) || scalar.Kind == ScalarKind.Null)
                {
                    return new UnknownValue("Fn::Join of parts that are not all known", location);
                }

                parts.Add(scalar.Text);
                length += scalar.Text.Length + delimiter.Length;
                if (scalar.Provenance != null)
                {
                    if (notes.Count < MaxNotes)
                    {
                        notes.Add("'" + Shorten(scalar.Text) + "' from " + Shorten(scalar.Provenance.Text));
                    }

                    noted++;
                }
            }

            if (!SpendChars(length, argument))
            {
                return new UnknownValue("Fn::Join building more text than the analyzer reads", location);
            }

            return new ScalarValue(string.Join(delimiter, parts), ScalarKind.String, location, notes.Count == 0 ? null : Provenance.Derived("Fn::Join with " + Notes(notes, noted)));
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

            var chosen = list.Items[(int)n];
            return Track(Relocate(chosen, location, chosen.Provenance, argument), AlternativesOf(chosen));
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

            var pieces = source.Text.Split(new[] { argument.Items[0].Text }, StringSplitOptions.None);
            if (!Spend(pieces.Length, argument) || !SpendChars(source.Text.Length, argument))
            {
                return new UnknownValue("Fn::Split making more values than the analyzer reads", location);
            }

            var items = new List<Value>(pieces.Length);
            foreach (var part in pieces)
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

            var provenance = Provenance.Derived("Mappings " + keys[0] + "." + keys[1] + "." + keys[2]);
            var found = Convert(value);
            return Track(Relocate(found, location, provenance, argument), AlternativesOf(found));
        }

        /// <summary>A value found elsewhere (a mapping, a list) reported at the place that uses it, with its provenance.</summary>
        private Value Relocate(Value value, SourceLocation location, Provenance? provenance, YamlNode at)
        {
            switch (value)
            {
                case ScalarValue s:
                    return new ScalarValue(s.Text, s.Kind, location, provenance);
                case ListValue l:
                {
                    if (!Spend(l.Items.Count, at))
                    {
                        return new UnknownValue("the template's value budget is exhausted", location);
                    }

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
