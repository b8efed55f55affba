using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Turns C# expressions into neutral values the way a reader of the code would: literals and constants, object
    /// and collection initializers, <c>new()</c>, locals (last write before the use, member writes in order),
    /// <c>static readonly</c> fields, string concatenation and interpolation, conditionals (a one-of, each branch
    /// labelled with the condition's text), CDK enum members and static members (see <see cref="CdkValues"/>), and
    /// helper methods with a single <c>return</c>. Everything else is an <see cref="UnknownValue"/>.
    /// <para>
    /// Locations: a value written in place is located where it is written. A scalar reached through a name (a local,
    /// a field, a helper's result) is located at the name's use, with a provenance naming it ("the local `multiAz`"),
    /// so a finding lands on the construct that uses it and no fix rewrites a shared definition.
    /// </para>
    /// One resolver serves one analysis callback; it is not thread-safe, and it never throws for odd input.
    /// </summary>
    public sealed class ValueResolver
    {
        private const int MaxDepth = 24;
        private const int MaxSteps = 20000;
        private const int MaxLabelLength = 60;

        private static readonly OperationKind? CollectionExpressionKind = ParseKind("CollectionExpression");
        private static readonly OperationKind? SpreadKind = ParseKind("Spread");

        private readonly CdkSymbols symbols;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ISymbol> active = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private int depth;
        private int steps;

        public ValueResolver(CdkSymbols symbols, CancellationToken cancellationToken)
        {
            this.symbols = symbols;
            this.cancellationToken = cancellationToken;
        }

        public CdkSymbols Symbols => symbols;

        /// <summary>The value of <paramref name="operation"/>; an unknown located at <paramref name="fallback"/> when null.</summary>
        public Value Resolve(IOperation? operation, SyntaxNode fallback) => operation == null ? Unknown("no value", fallback) : Resolve(operation, Env.Empty);

        public Value Resolve(IOperation operation) => Resolve(operation, Env.Empty);

        /// <summary>The constant string an expression evaluates to (a construct id), or null.</summary>
        public string? ResolveString(IOperation? operation)
            => operation != null && Resolve(operation, Env.Empty) is ScalarValue s && s.Kind == ScalarKind.String ? s.Text : null;

        /// <summary>
        /// A construct's own property writes after its creation (<c>var db = new CfnDBInstance(...); db.MultiAz = true;</c>),
        /// in order: last write wins. Conditional writes become unknown. Empty when the construct is not held in a local.
        /// </summary>
        public IReadOnlyList<MapEntry> WritesAfterCreation(IObjectCreationOperation creation)
        {
            var local = DeclaredLocal(creation);
            if (local == null)
            {
                return Array.Empty<MapEntry>();
            }

            var index = BodyIndex.Of(creation);
            var result = new List<MapEntry>();
            foreach (var w in index.MemberWritesOf(local))
            {
                if (w.Start < creation.Syntax.Span.End || w.Path.Length != 1)
                {
                    continue;
                }

                var key = Locations.FromSyntax(w.Target.Syntax);
                var value = w.Value == null || !BodyIndex.Dominates(w.Node, creation)
                    ? Unknown("changed conditionally after creation", w.Node.Syntax)
                    : Resolve(w.Value, Env.Empty);
                result.Add(new MapEntry(w.Path[0], key, value));
            }

            return result;
        }

        /// <summary>The local a creation is stored in (<c>var x = new ...;</c> or <c>x = new ...;</c>), or null.</summary>
        public static ILocalSymbol? DeclaredLocal(IOperation creation)
        {
            var p = creation.Parent;
            while (p is IConversionOperation)
            {
                p = p.Parent;
            }

            if (p is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator)
            {
                return declarator.Symbol;
            }

            if (p is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target)
            {
                return target.Local;
            }

            return null;
        }

        private Value Resolve(IOperation operation, Env env)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++steps > MaxSteps || depth > MaxDepth)
            {
                return Unknown("too complex to follow", operation.Syntax);
            }

            depth++;
            try
            {
                return ResolveCore(operation, env);
            }
            finally
            {
                depth--;
            }
        }

        private Value ResolveCore(IOperation operation, Env env)
        {
            // Conversions are transparent (boxing bool? to object, int to double, implicit user types excepted).
            while (operation is IConversionOperation conversion)
            {
                if (conversion.OperatorMethod != null)
                {
                    return Unknown("a user-defined conversion", operation.Syntax);
                }

                operation = conversion.Operand;
            }

            if (operation is IFieldReferenceOperation enumField && enumField.Field.ContainingType?.TypeKind == TypeKind.Enum)
            {
                return new ScalarValue(enumField.Field.Name, ScalarKind.String, Locations.FromSyntax(operation.Syntax));
            }

            if (operation.ConstantValue.HasValue)
            {
                // A named constant is reported where it is used, naming the constant (and no fix rewrites the use).
                var constant = Constant(operation.ConstantValue.Value, operation);
                switch (operation)
                {
                    case IFieldReferenceOperation constField:
                        return constant.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the constant `" + constField.Field.ContainingType.Name + "." + constField.Field.Name + "`"));
                    case ILocalReferenceOperation constLocal:
                        return constant.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the constant `" + constLocal.Local.Name + "`"));
                    default:
                        return constant;
                }
            }

            switch (operation)
            {
                case ILiteralOperation literal:
                    return Unknown("a literal without a constant value", literal.Syntax);
                case IDefaultValueOperation dv:
                    return new ScalarValue("null", ScalarKind.Null, Locations.FromSyntax(dv.Syntax));
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return ResolveConditional(conditional, env);
                case ICoalesceOperation coalesce:
                    return ResolveCoalesce(coalesce, env);
                case IBinaryOperation binary:
                    return ResolveBinary(binary, env);
                case IInterpolatedStringOperation interpolated:
                    return ResolveInterpolation(interpolated, env);
                case IObjectCreationOperation creation:
                    return ResolveCreation(creation, env);
                case IAnonymousObjectCreationOperation anonymous:
                    return ResolveAnonymous(anonymous, env);
                case IArrayCreationOperation array:
                    return ResolveArray(array, env);
                case ILocalReferenceOperation local:
                    return ResolveLocal(local, env);
                case IParameterReferenceOperation parameter:
                    return ResolveParameter(parameter, env);
                case IFieldReferenceOperation field:
                    return ResolveField(field, env);
                case IPropertyReferenceOperation property:
                    return ResolveProperty(property, env);
                case IInvocationOperation invocation:
                    return ResolveInvocation(invocation, env);
                case IParenthesizedOperation parenthesized:
                    return Resolve(parenthesized.Operand, env);
            }

            if (CollectionExpressionKind.HasValue && operation.Kind == CollectionExpressionKind.Value)
            {
                return ResolveCollectionExpression(operation, env);
            }

            return Unknown(Describe(operation), operation.Syntax);
        }

        // ---- scalars ------------------------------------------------------------------------------------

        private static ScalarValue Constant(object? value, IOperation operation)
        {
            var location = Locations.FromSyntax(operation.Syntax);
            switch (value)
            {
                case null:
                    return new ScalarValue("null", ScalarKind.Null, location);
                case bool b:
                    return new ScalarValue(b ? "true" : "false", ScalarKind.Boolean, location);
                case string s:
                    return new ScalarValue(s, ScalarKind.String, location);
                case char c:
                    return new ScalarValue(c.ToString(), ScalarKind.String, location);
                case double d:
                    return new ScalarValue(d.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number, location);
                case float f:
                    return new ScalarValue(f.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number, location);
                case IFormattable number:
                    return new ScalarValue(number.ToString(null, CultureInfo.InvariantCulture), ScalarKind.Number, location);
                default:
                    return new ScalarValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, ScalarKind.String, location);
            }
        }

        private Value ResolveConditional(IConditionalOperation conditional, Env env)
        {
            var condition = Resolve(conditional.Condition, env);
            if (condition is ScalarValue s && s.AsBoolean() is bool known)
            {
                return Resolve(known ? conditional.WhenTrue : conditional.WhenFalse!, env);
            }

            var text = Label(conditional.Condition.Syntax);
            var whenTrue = Resolve(conditional.WhenTrue, env);
            var whenFalse = Resolve(conditional.WhenFalse!, env);
            return new OneOfValue(
                new[]
                {
                    new Branch(Condition.CSharp(text), true, whenTrue),
                    new Branch(Condition.CSharp(text), false, whenFalse),
                },
                Locations.FromSyntax(conditional.Syntax));
        }

        private Value ResolveCoalesce(ICoalesceOperation coalesce, Env env)
        {
            var left = Resolve(coalesce.Value, env);
            if (left is ScalarValue s && s.Kind == ScalarKind.Null)
            {
                return Resolve(coalesce.WhenNull, env);
            }

            if (left is ScalarValue || left is MapValue || left is ListValue)
            {
                return left;
            }

            return Unknown("a value that may be null", coalesce.Syntax);
        }

        private Value ResolveBinary(IBinaryOperation binary, Env env)
        {
            if (binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String)
            {
                var left = Resolve(binary.LeftOperand, env);
                var right = Resolve(binary.RightOperand, env);
                if (left is ScalarValue l && right is ScalarValue r)
                {
                    return new ScalarValue(Text(l) + Text(r), ScalarKind.String, Locations.FromSyntax(binary.Syntax), Provenance(l, r));
                }
            }

            return Unknown("a computed value", binary.Syntax);
        }

        private Value ResolveInterpolation(IInterpolatedStringOperation interpolated, Env env)
        {
            var sb = new StringBuilder();
            IacAnalyzers.Model.Provenance? provenance = null;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text when text.Text.ConstantValue.HasValue:
                        sb.Append(text.Text.ConstantValue.Value as string);
                        break;
                    case IInterpolationOperation hole when hole.Alignment == null && hole.FormatString == null:
                        var value = Resolve(hole.Expression, env);
                        if (!(value is ScalarValue scalar) || scalar.Kind == ScalarKind.Null)
                        {
                            return Unknown("an interpolated string with an unknown part", interpolated.Syntax);
                        }

                        provenance ??= scalar.Provenance;
                        sb.Append(scalar.Kind == ScalarKind.Boolean ? (scalar.AsBoolean() == true ? "True" : "False") : scalar.Text);
                        break;
                    default:
                        return Unknown("an interpolated string with an unknown part", interpolated.Syntax);
                }
            }

            return new ScalarValue(sb.ToString(), ScalarKind.String, Locations.FromSyntax(interpolated.Syntax), provenance);
        }

        private static string Text(ScalarValue s) => s.Kind == ScalarKind.Null ? string.Empty : s.Kind == ScalarKind.Boolean ? (s.AsBoolean() == true ? "True" : "False") : s.Text;

        private static IacAnalyzers.Model.Provenance? Provenance(Value a, Value b) => a.Provenance ?? b.Provenance;

        // ---- objects and collections --------------------------------------------------------------------

        private Value ResolveCreation(IObjectCreationOperation creation, Env env)
        {
            var type = creation.Type;
            var location = Locations.FromSyntax(creation.Syntax);
            if (type == null || type.TypeKind == TypeKind.Error)
            {
                return Unknown("an object of an unknown type", creation.Syntax);
            }

            if (symbols.IsConstruct(type))
            {
                var entries = new List<MapEntry>(3)
                {
                    Synthetic(CdkValues.TypeKey, type.Name, creation.Syntax),
                    Synthetic(CdkValues.MemberKey, CdkValues.NewMember, creation.Syntax),
                };
                var idArgument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                if (idArgument != null && ResolveString(idArgument.Value) is string id)
                {
                    entries.Add(Synthetic(CdkValues.IdKey, id, idArgument.Syntax));
                }

                return new MapValue(entries, location);
            }

            if (symbols.IsDictionary(type))
            {
                return creation.Arguments.Length > 0 && !AllDefault(creation.Arguments)
                    ? Unknown("a dictionary copied from another value", creation.Syntax)
                    : ResolveDictionary(creation.Initializer, location, creation.Syntax, env);
            }

            if (symbols.IsCollection(type))
            {
                return creation.Arguments.Length > 0 && !AllDefault(creation.Arguments) && !IsCapacityOnly(creation)
                    ? Unknown("a collection copied from another value", creation.Syntax)
                    : ResolveCollection(creation.Initializer, location, creation.Syntax, env);
            }

            if (!symbols.IsCdkType(type))
            {
                return Unknown("an object of a user-defined type", creation.Syntax);
            }

            var members = new List<MapEntry>();
            if (!symbols.IsDataType(type))
            {
                // A CDK class with behaviour (PolicyStatement, PolicyDocument, ...): its type and constructor arguments.
                members.Add(Synthetic(CdkValues.TypeKey, type.Name, creation.Syntax));
                members.Add(Synthetic(CdkValues.MemberKey, CdkValues.NewMember, creation.Syntax));
                AddArguments(creation.Arguments, members, env);
            }
            else if (creation.Arguments.Length > 0 && !AllDefault(creation.Arguments))
            {
                return Unknown("a data object built by a constructor", creation.Syntax);
            }

            if (creation.Initializer != null && !AddMembers(creation.Initializer, members, env))
            {
                return Unknown("an initializer we cannot read", creation.Syntax);
            }

            return new MapValue(members, location);
        }

        private static bool AllDefault(IEnumerable<IArgumentOperation> arguments) => arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue);

        private static bool IsCapacityOnly(IObjectCreationOperation creation)
            => creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32;

        private bool AddMembers(IObjectOrCollectionInitializerOperation initializer, List<MapEntry> members, Env env)
        {
            foreach (var init in initializer.Initializers)
            {
                switch (init)
                {
                    case ISimpleAssignmentOperation assignment when MemberName(assignment.Target) is string name:
                        members.Add(new MapEntry(name, Locations.FromSyntax(assignment.Target.Syntax), Resolve(assignment.Value, env)));
                        break;
                    case IMemberInitializerOperation nested when MemberName(nested.InitializedMember) is string nestedName:
                        var nestedType = nested.InitializedMember.Type;
                        var nestedLocation = Locations.FromSyntax(nested.Syntax);
                        Value nestedValue = symbols.IsDictionary(nestedType)
                            ? ResolveDictionary(nested.Initializer, nestedLocation, nested.Syntax, env)
                            : symbols.IsCollection(nestedType)
                                ? ResolveCollection(nested.Initializer, nestedLocation, nested.Syntax, env)
                                : Unknown("a member initialized in place", nested.Syntax);
                        members.Add(new MapEntry(nestedName, Locations.FromSyntax(nested.InitializedMember.Syntax), nestedValue));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private static string? MemberName(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation p when !p.Property.IsIndexer:
                    return p.Property.Name;
                case IFieldReferenceOperation f:
                    return f.Field.Name;
                default:
                    return null;
            }
        }

        private Value ResolveDictionary(IObjectOrCollectionInitializerOperation? initializer, SourceLocation location, SyntaxNode syntax, Env env)
        {
            var entries = new List<MapEntry>();
            if (initializer == null)
            {
                return new MapValue(entries, location);
            }

            foreach (var init in initializer.Initializers)
            {
                IOperation? keyOp = null;
                IOperation? valueOp = null;
                switch (init)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer && indexer.Property.IsIndexer && indexer.Arguments.Length == 1:
                        keyOp = indexer.Arguments[0].Value;
                        valueOp = assignment.Value;
                        break;
                    case IInvocationOperation add when add.TargetMethod.Name == "Add" && add.Arguments.Length == 2:
                        keyOp = add.Arguments[0].Value;
                        valueOp = add.Arguments[1].Value;
                        break;
                }

                if (keyOp == null || valueOp == null || !(Resolve(keyOp, env) is ScalarValue key) || key.Kind == ScalarKind.Null)
                {
                    return Unknown("a dictionary with a key we cannot read", syntax);
                }

                entries.Add(new MapEntry(key.Text, Locations.FromSyntax(keyOp.Syntax), Resolve(valueOp, env)));
            }

            return new MapValue(entries, location);
        }

        private Value ResolveCollection(IObjectOrCollectionInitializerOperation? initializer, SourceLocation location, SyntaxNode syntax, Env env)
        {
            var items = new List<Value>();
            if (initializer == null)
            {
                return new ListValue(items, location);
            }

            foreach (var init in initializer.Initializers)
            {
                if (init is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 1)
                {
                    items.Add(Resolve(add.Arguments[0].Value, env));
                }
                else
                {
                    return Unknown("a collection we cannot read", syntax);
                }
            }

            return new ListValue(items, location);
        }

        private Value ResolveAnonymous(IAnonymousObjectCreationOperation anonymous, Env env)
        {
            var members = new List<MapEntry>();
            foreach (var init in anonymous.Initializers)
            {
                if (init is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation p)
                {
                    members.Add(new MapEntry(p.Property.Name, Locations.FromSyntax(assignment.Syntax), Resolve(assignment.Value, env)));
                }
                else
                {
                    return Unknown("an anonymous object we cannot read", anonymous.Syntax);
                }
            }

            return new MapValue(members, Locations.FromSyntax(anonymous.Syntax));
        }

        private Value ResolveArray(IArrayCreationOperation array, Env env)
        {
            if (array.Initializer == null)
            {
                return Unknown("an array without elements written", array.Syntax);
            }

            var items = new List<Value>(array.Initializer.ElementValues.Length);
            foreach (var element in array.Initializer.ElementValues)
            {
                items.Add(Resolve(element, env));
            }

            return new ListValue(items, Locations.FromSyntax(array.Syntax));
        }

        private Value ResolveCollectionExpression(IOperation collection, Env env)
        {
            if (symbols.IsDictionary(collection.Type))
            {
                return Unknown("a dictionary collection expression", collection.Syntax);
            }

            var items = new List<Value>();
            foreach (var element in collection.ChildOperations)
            {
                if (SpreadKind.HasValue && element.Kind == SpreadKind.Value)
                {
                    return Unknown("a collection with a spread element", collection.Syntax);
                }

                items.Add(Resolve(element, env));
            }

            return new ListValue(items, Locations.FromSyntax(collection.Syntax));
        }

        private void AddArguments(IEnumerable<IArgumentOperation> arguments, List<MapEntry> entries, Env env)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation paramArray)
                {
                    entries.Add(new MapEntry(argument.Parameter.Name, Locations.FromSyntax(argument.Syntax), ResolveArray(paramArray, env)));
                    continue;
                }

                entries.Add(new MapEntry(argument.Parameter.Name, Locations.FromSyntax(argument.Syntax), Resolve(argument.Value, env)));
            }
        }

        private static MapEntry Synthetic(string key, string value, SyntaxNode at)
        {
            var location = Locations.FromSyntax(at);
            return new MapEntry(key, location, new ScalarValue(value, ScalarKind.String, location));
        }

        // ---- names: locals, parameters, fields, properties, helper methods ----------------------------------

        private Value ResolveLocal(ILocalReferenceOperation reference, Env env)
        {
            var local = reference.Local;
            if (local.IsRef || local.IsConst)
            {
                return Unknown("a ref local", reference.Syntax);
            }

            if (!active.Add(local))
            {
                return Unknown("a local that refers to itself", reference.Syntax);
            }

            try
            {
                var index = BodyIndex.Of(reference);
                var use = reference.Syntax.SpanStart;
                BodyIndex.Write? last = null;
                var uncertain = false;
                foreach (var write in index.WritesOf(local))
                {
                    if (write.End <= use)
                    {
                        if (!write.Opaque && write.Value != null && BodyIndex.Dominates(write.Node, reference))
                        {
                            last = write;
                            uncertain = false;
                        }
                        else
                        {
                            // A later conditional or opaque write makes the value uncertain; an earlier one is overwritten.
                            uncertain = true;
                        }
                    }
                    else if (write.Start > use && BodyIndex.InSameLoop(write.Node, reference))
                    {
                        uncertain = true;
                    }
                }

                if (last == null || uncertain)
                {
                    return Unknown(last == null ? "a local without a definite value" : "a local changed conditionally", reference.Syntax);
                }

                var value = Resolve(last.Value!, env);
                if (CdkValues.ConstructId(value) != null)
                {
                    // A construct is an identity, not data: passing it around or setting its properties does not change it.
                    return value;
                }

                if ((value is MapValue || value is ListValue) && MayBeChangedByOthers(local.Type))
                {
                    // A mutable object handed to other code before the use may have been changed there.
                    foreach (var escape in index.EscapesOf(local))
                    {
                        if (escape > last.End && escape < use)
                        {
                            return Unknown("an object passed elsewhere before use", reference.Syntax);
                        }
                    }
                }

                value = ApplyMemberWrites(value, index, local, last.End, reference, env, out var mutated);
                if (mutated && value is MapValue mutatedMap)
                {
                    // The object is completed by later statements: it is located at the use, so no fix edits its initializer.
                    return new MapValue(mutatedMap.Entries, Locations.FromSyntax(reference.Syntax), mutatedMap.Provenance);
                }

                return Relocate(value, reference.Syntax, "the local `" + local.Name + "`");
            }
            finally
            {
                active.Remove(local);
            }
        }

        private Value ApplyMemberWrites(Value value, BodyIndex index, ILocalSymbol local, int after, ILocalReferenceOperation use, Env env, out bool mutated)
        {
            mutated = false;
            var writes = index.MemberWritesOf(local);
            if (writes.Count == 0)
            {
                return value;
            }

            var position = use.Syntax.SpanStart;
            foreach (var write in writes)
            {
                if (write.Start < after || write.End > position)
                {
                    if (write.Start > position && BodyIndex.InSameLoop(write.Node, use))
                    {
                        return Unknown("an object changed in a loop", use.Syntax);
                    }

                    continue;
                }

                if (!(value is MapValue map))
                {
                    return Unknown("an object changed after it was built", use.Syntax);
                }

                mutated = true;
                var written = write.Value == null || !BodyIndex.Dominates(write.Node, use)
                    ? Unknown("changed conditionally", write.Node.Syntax)
                    : Resolve(write.Value, env);
                value = With(map, write.Path, 0, Locations.FromSyntax(write.Target.Syntax), written, write.Node.Syntax);
            }

            return value;
        }

        private static Value With(MapValue map, string[] path, int at, SourceLocation keyLocation, Value value, SyntaxNode writeSyntax)
        {
            var entries = new List<MapEntry>(map.Entries.Count + 1);
            entries.AddRange(map.Entries);
            if (at == path.Length - 1)
            {
                entries.Add(new MapEntry(path[at], keyLocation, value));
            }
            else
            {
                var inner = map.Get(path[at]);
                var replaced = inner is MapValue innerMap
                    ? With(innerMap, path, at + 1, keyLocation, value, writeSyntax)
                    : Unknown("a nested object changed after it was built", writeSyntax);
                entries.Add(new MapEntry(path[at], keyLocation, replaced));
            }

            return new MapValue(entries, map.Location, map.Provenance);
        }

        private Value ResolveParameter(IParameterReferenceOperation reference, Env env)
        {
            for (var frame = env; frame != null && frame.Arguments != null; frame = frame.Outer)
            {
                if (frame.Arguments.TryGetValue(reference.Parameter, out var argument))
                {
                    var value = Resolve(argument, frame.Outer ?? Env.Empty);
                    return value is ScalarValue s && s.Provenance == null
                        ? s.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the argument for `" + reference.Parameter.Name + "` of `" + frame.Method + "`"))
                        : value;
                }
            }

            return Unknown("a parameter", reference.Syntax);
        }

        private Value ResolveField(IFieldReferenceOperation reference, Env env)
        {
            var field = reference.Field;
            if (field.IsStatic && symbols.IsCdkType(field.ContainingType))
            {
                return StaticMember(field.ContainingType, field.Name, Array.Empty<IArgumentOperation>(), reference.Syntax, env, field.Type);
            }

            if (!field.IsStatic || !field.IsReadOnly)
            {
                return Unknown(field.IsStatic ? "a mutable static field" : "an instance field", reference.Syntax);
            }

            var initializer = DeclaredInitializer(field);
            if (initializer == null)
            {
                return Unknown("a field without an initializer", reference.Syntax);
            }

            return FromDeclaration(field, initializer, reference, env, "the field `" + field.ContainingType.Name + "." + field.Name + "`");
        }

        private Value ResolveProperty(IPropertyReferenceOperation reference, Env env)
        {
            var property = reference.Property;
            if (property.IsStatic && symbols.IsCdkType(property.ContainingType))
            {
                return StaticMember(property.ContainingType, property.Name, Array.Empty<IArgumentOperation>(), reference.Syntax, env, property.Type);
            }

            if (property.IsStatic && property.SetMethod == null && !property.IsIndexer && !property.IsVirtual && !property.IsAbstract)
            {
                // static T X { get; } = value;   static T X => value;
                var expression = DeclaredGetterExpression(property);
                if (expression != null)
                {
                    return FromDeclaration(property, expression, reference, env, "the property `" + property.ContainingType.Name + "." + property.Name + "`");
                }
            }

            if (!property.IsStatic && reference.Instance != null && symbols.IsConstruct(reference.Instance.Type))
            {
                return ConstructAttribute(reference.Instance, property.Name, reference.Syntax, env);
            }

            return Unknown(symbols.IsCdkType(property.ContainingType) ? "a CDK token" : "a property", reference.Syntax);
        }

        /// <summary>
        /// <c>cluster.Ref</c>, <c>cluster.AttrEndpointAddress</c>, <c>sg.SecurityGroupId</c>: a token, unknown, but a
        /// reference to the construct (by its id, when the construct is created in reach) that rules can follow through
        /// the resource context. <c>Ref</c> is a <c>Ref</c>; <c>AttrX</c> is <c>Fn::GetAtt X</c>; any other member is named as is.
        /// </summary>
        private Value ConstructAttribute(IOperation instance, string member, SyntaxNode syntax, Env env)
        {
            var target = Resolve(instance, env);
            var id = CdkValues.ConstructId(target);
            var location = Locations.FromSyntax(syntax);
            if (id == null)
            {
                return new UnknownValue("a CDK token", location);
            }

            string? attribute = member == "Ref" ? null : member.StartsWith("Attr", StringComparison.Ordinal) && member.Length > 4 ? member.Substring(4) : member;
            return new UnknownValue("a CDK token", location, null, id, attribute);
        }

        private Value ResolveInvocation(IInvocationOperation invocation, Env env)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic && symbols.IsCdkType(method.ContainingType))
            {
                return StaticMember(method.ContainingType, method.Name, invocation.Arguments, invocation.Syntax, env, method.ReturnType);
            }

            var body = HelperReturn(method);
            if (body == null)
            {
                return Unknown("a method result", invocation.Syntax);
            }

            if (!active.Add(method.OriginalDefinition))
            {
                return Unknown("a recursive method", invocation.Syntax);
            }

            try
            {
                var operation = OperationOf(body, invocation);
                if (operation == null)
                {
                    return Unknown("a method result", invocation.Syntax);
                }

                var arguments = new Dictionary<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter != null)
                    {
                        arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                        arguments[argument.Parameter] = argument.Value;
                    }
                }

                var value = Resolve(operation, new Env(arguments, env, method.Name));
                return Relocate(value, invocation.Syntax, "the result of `" + method.Name + "`");
            }
            finally
            {
                active.Remove(method.OriginalDefinition);
            }
        }

        private Value StaticMember(INamedTypeSymbol type, string member, IEnumerable<IArgumentOperation> arguments, SyntaxNode syntax, Env env, ITypeSymbol? resultType)
        {
            if (symbols.IsToken(resultType))
            {
                // Fn.Join(...), Aws.REGION, Token.AsString(...), Fn.ConditionIf(...): resolved at deploy time.
                return Unknown("a CDK token", syntax);
            }

            var entries = new List<MapEntry>(4)
            {
                Synthetic(CdkValues.TypeKey, type.Name, syntax),
                Synthetic(CdkValues.MemberKey, member, syntax),
            };
            AddArguments(arguments, entries, env);
            return new MapValue(entries, Locations.FromSyntax(syntax));
        }

        private Value FromDeclaration(ISymbol symbol, ExpressionSyntax expression, IOperation reference, Env env, string provenance)
        {
            if (!active.Add(symbol))
            {
                return Unknown("a value that refers to itself", reference.Syntax);
            }

            try
            {
                var operation = OperationOf(expression, reference);
                if (operation == null)
                {
                    return Unknown("a value declared elsewhere", reference.Syntax);
                }

                return Relocate(Resolve(operation, Env.Empty), reference.Syntax, provenance);
            }
            finally
            {
                active.Remove(symbol);
            }
        }

        /// <summary>
        /// The operation for a declaration's expression. Declarations in another file are read through the compilation's
        /// semantic model for that file (the analyzer driver caches it).
        /// </summary>
        private IOperation? OperationOf(SyntaxNode expression, IOperation from)
        {
            var model = from.SemanticModel;
            if (model == null)
            {
                return null;
            }

            if (!ReferenceEquals(model.SyntaxTree, expression.SyntaxTree))
            {
                if (!symbols.Compilation.ContainsSyntaxTree(expression.SyntaxTree))
                {
                    return null;
                }

#pragma warning disable RS1030 // Needed for declarations in other files; the analyzer driver's semantic model provider caches models.
                model = symbols.Compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
            }

            return model.GetOperation(expression, cancellationToken);
        }

        private ExpressionSyntax? DeclaredInitializer(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value;
        }

        private ExpressionSyntax? DeclaredGetterExpression(IPropertySymbol property)
        {
            if (property.DeclaringSyntaxReferences.Length != 1
                || !(property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration))
            {
                return null;
            }

            if (declaration.ExpressionBody != null)
            {
                return declaration.ExpressionBody.Expression;
            }

            // Only an auto-property { get; } with an initializer: a getter with a body may compute anything.
            var accessors = declaration.AccessorList?.Accessors;
            if (declaration.Initializer != null && accessors != null && accessors.Value.All(a => a.Body == null && a.ExpressionBody == null))
            {
                return declaration.Initializer.Value;
            }

            return null;
        }

        /// <summary>The single returned expression of a non-virtual method declared in source, or null.</summary>
        private ExpressionSyntax? HelperReturn(IMethodSymbol method)
        {
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || method.IsPartialDefinition
                || method.DeclaringSyntaxReferences.Length != 1 || method.ReturnsVoid || method.ReturnsByRef)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            ArrowExpressionClauseSyntax? arrow = null;
            BlockSyntax? block = null;
            switch (syntax)
            {
                case MethodDeclarationSyntax m:
                    arrow = m.ExpressionBody;
                    block = m.Body;
                    break;
                case LocalFunctionStatementSyntax f:
                    arrow = f.ExpressionBody;
                    block = f.Body;
                    break;
            }

            if (arrow != null)
            {
                return arrow.Expression;
            }

            if (block == null || block.Statements.Count == 0 || !(block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax last) || last.Expression == null)
            {
                return null;
            }

            // One exit only: no other return (outside lambdas and local functions) before the last statement.
            foreach (var node in block.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax r && r != last)
                {
                    return null;
                }
            }

            return last.Expression;
        }

        /// <summary>A scalar (or unknown) reached through a name is located at the name's use, with a provenance.</summary>
        private static Value Relocate(Value value, SyntaxNode use, string provenance)
        {
            switch (value)
            {
                case ScalarValue s:
                    return new ScalarValue(s.Text, s.Kind, Locations.FromSyntax(use), IacAnalyzers.Model.Provenance.NamedConstant(provenance));
                case UnknownValue u:
                    return new UnknownValue(u.Reason, Locations.FromSyntax(use), IacAnalyzers.Model.Provenance.NamedConstant(provenance));
                default:
                    return value;
            }
        }

        // ---- helpers ----------------------------------------------------------------------------------------

        private static UnknownValue Unknown(string reason, SyntaxNode at) => new UnknownValue(reason, Locations.FromSyntax(at));

        private static string Describe(IOperation operation)
        {
            switch (operation)
            {
                case IInstanceReferenceOperation _:
                    return "this";
                case IAnonymousFunctionOperation _:
                    return "a lambda";
                default:
                    return "an expression we do not evaluate";
            }
        }

        /// <summary>The condition's text on one line, shortened, for a branch label.</summary>
        public static string Label(SyntaxNode condition)
        {
            var text = string.Join(" ", condition.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= MaxLabelLength ? text : text.Substring(0, MaxLabelLength - 1) + "…";
        }

        private static OperationKind? ParseKind(string name)
            => Enum.TryParse<OperationKind>(name, out var kind) && Enum.IsDefined(typeof(OperationKind), kind) ? kind : (OperationKind?)null;

        /// <summary>Arguments bound to a helper method's parameters while its return expression is read.</summary>
        private sealed class Env
        {
            public static readonly Env Empty = new Env(null, null, string.Empty);

            public Env(Dictionary<IParameterSymbol, IOperation>? arguments, Env? outer, string method)
            {
                Arguments = arguments;
                Outer = outer;
                Method = method;
            }

            public Dictionary<IParameterSymbol, IOperation>? Arguments { get; }

            public Env? Outer { get; }

            public string Method { get; }
        }
        /// <summary>
        /// False for objects other code cannot change: types without public setters or <c>Add*</c> methods (an
        /// <c>IClusterEngine</c> from <c>DatabaseClusterEngine.AuroraPostgres(...)</c>, a <c>Port</c>, an <c>IPeer</c>), so
        /// sharing one engine local between two constructs does not make it unknown for the second. Props classes (setters),
        /// arrays and lists, statements and documents (<c>AddActions</c>, <c>AddStatements</c>) may be changed.
        /// </summary>
        private static bool MayBeChangedByOthers(ITypeSymbol? type)
        {
            if (type == null || type.TypeKind == TypeKind.Array || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
            {
                return true;
            }

            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) == true && t.SpecialType != SpecialType.System_Object)
                {
                    return true; // collections and other framework types
                }

                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                    {
                        continue;
                    }

                    if ((member is IPropertySymbol property && property.SetMethod != null && !property.SetMethod.IsInitOnly)
                        || (member is IFieldSymbol field && !field.IsReadOnly && !field.IsConst)
                        || (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary && method.Name.StartsWith("Add", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            foreach (var face in type.AllInterfaces)
            {
                foreach (var member in face.GetMembers())
                {
                    if ((member is IPropertySymbol property && property.SetMethod != null)
                        || (member is IMethodSymbol method && method.Name.StartsWith("Add", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

    }
}
