using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
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
    /// <para>
    /// Files: this one dispatches (budgets, conversions, constants, conditionals, concatenation);
    /// <c>ValueResolver.DataFlow.cs</c> follows locals and parameters; <c>ValueResolver.Objects.cs</c> reads objects,
    /// collections and static CDK members; <c>ValueResolver.Members.cs</c> reads fields, properties and helper methods
    /// through <see cref="DeclarationReader"/>; <see cref="TypeFacts"/> caches type facts per compilation.
    /// </para>
    /// </summary>
    public sealed partial class ValueResolver
    {
        private const int MaxDepth = 24;
        private const int MaxSteps = 20000;
        private const int MaxLabelLength = 60;

        /// <summary>A <c>foreach</c> over more elements than this: its variable stays unknown (one branch per element otherwise).</summary>
        private const int MaxLoopItems = 16;

        /// <summary>Callers followed up from a parameter (a call's argument may itself be the caller's parameter).</summary>
        private const int MaxCallHops = 3;

        private static readonly OperationKind? CollectionExpressionKind = ParseKind("CollectionExpression");
        private static readonly OperationKind? SpreadKind = ParseKind("Spread");

        private readonly CdkSymbols symbols;
        private readonly BodyIndexes indexes;
        private readonly CancellationToken cancellationToken;
        private readonly DeclarationReader declarations;
        private readonly HashSet<ISymbol> active = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private int depth;
        private int steps;
        private int callHops;

        /// <summary>A resolver with its own body indexes (one resolution, outside an analyzer's per-body state).</summary>
        public ValueResolver(CdkSymbols symbols, CancellationToken cancellationToken)
            : this(symbols, new BodyIndexes(symbols.Facts), cancellationToken)
        {
        }

        public ValueResolver(CdkSymbols symbols, BodyIndexes indexes, CancellationToken cancellationToken)
        {
            this.symbols = symbols;
            this.indexes = indexes;
            this.cancellationToken = cancellationToken;
            declarations = new DeclarationReader(symbols.Compilation, cancellationToken);
        }

        public CdkSymbols Symbols => symbols;

        /// <summary>The local-write indexes of the analysis this resolver serves.</summary>
        public BodyIndexes Indexes => indexes;

        /// <summary>The value of <paramref name="operation"/>; an unknown located at <paramref name="fallback"/> when null.</summary>
        public Value Resolve(IOperation? operation, SyntaxNode fallback) => operation == null ? Unknown("no value", fallback) : Resolve(operation, Env.Empty);

        public Value Resolve(IOperation operation) => Resolve(operation, Env.Empty);

        /// <summary>The constant string an expression evaluates to (a construct id), or null.</summary>
        public string? ResolveString(IOperation? operation)
            => operation != null && Resolve(operation, Env.Empty) is ScalarValue s && s.Kind == ScalarKind.String ? s.Text : null;

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
            // Dispatch on the kind (one read) rather than testing the interfaces in turn: each `is IXxxOperation` test
            // scans the object's interface map, and this runs for every value of every construct.
            // Conversions are transparent (boxing bool? to object, int to double, implicit user types excepted).
            while (operation.Kind == OperationKind.Conversion)
            {
                var conversion = (IConversionOperation)operation;
                if (conversion.OperatorMethod != null)
                {
                    return Unknown("a user-defined conversion", operation.Syntax);
                }

                operation = conversion.Operand;
            }

            var kind = operation.Kind;
            if (kind == OperationKind.FieldReference && ((IFieldReferenceOperation)operation).Field.ContainingType?.TypeKind == TypeKind.Enum)
            {
                return new ScalarValue(((IFieldReferenceOperation)operation).Field.Name, ScalarKind.String, Locations.FromSyntax(operation.Syntax));
            }

            // Read once: each read computes the optional again (and boxes a numeric constant).
            var constantValue = operation.ConstantValue;
            if (constantValue.HasValue)
            {
                // A named constant is reported where it is used, naming the constant (and no fix rewrites the use).
                var constant = Constant(constantValue.Value, operation);
                switch (kind)
                {
                    case OperationKind.FieldReference:
                        var constField = (IFieldReferenceOperation)operation;
                        return constant.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the constant `" + constField.Field.ContainingType.Name + "." + constField.Field.Name + "`"));
                    case OperationKind.LocalReference:
                        return constant.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the constant `" + ((ILocalReferenceOperation)operation).Local.Name + "`"));
                    default:
                        return constant;
                }
            }

            switch (kind)
            {
                case OperationKind.Literal:
                    return Unknown("a literal without a constant value", operation.Syntax);
                case OperationKind.DefaultValue:
                    return new ScalarValue("null", ScalarKind.Null, Locations.FromSyntax(operation.Syntax));
                case OperationKind.Conditional when ((IConditionalOperation)operation).WhenFalse != null:
                    return ResolveConditional((IConditionalOperation)operation, env);
                case OperationKind.SwitchExpression:
                    return ResolveSwitch((ISwitchExpressionOperation)operation, env);
                case OperationKind.ArrayInitializer:
                    return ResolveArrayInitializer((IArrayInitializerOperation)operation, env);
                case OperationKind.Coalesce:
                    return ResolveCoalesce((ICoalesceOperation)operation, env);
                case OperationKind.Binary:
                    return ResolveBinary((IBinaryOperation)operation, env);
                case OperationKind.InterpolatedString:
                    return ResolveInterpolation((IInterpolatedStringOperation)operation, env);
                case OperationKind.ObjectCreation:
                    return ResolveCreation((IObjectCreationOperation)operation, env);
                case OperationKind.With:
                    return ResolveWith((IWithOperation)operation, env);
                case OperationKind.AnonymousObjectCreation:
                    return ResolveAnonymous((IAnonymousObjectCreationOperation)operation, env);
                case OperationKind.ArrayCreation:
                    return ResolveArray((IArrayCreationOperation)operation, env);
                case OperationKind.LocalReference:
                    return ResolveLocal((ILocalReferenceOperation)operation, env);
                case OperationKind.ParameterReference:
                    return ResolveParameter((IParameterReferenceOperation)operation, env);
                case OperationKind.FieldReference:
                    return ResolveField((IFieldReferenceOperation)operation, env);
                case OperationKind.PropertyReference:
                    return ResolveProperty((IPropertyReferenceOperation)operation, env);
                case OperationKind.Invocation:
                    return ResolveInvocation((IInvocationOperation)operation, env);
                case OperationKind.Parenthesized:
                    return Resolve(((IParenthesizedOperation)operation).Operand, env);
            }

            if (CollectionExpressionKind.HasValue && kind == CollectionExpressionKind.Value)
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
            if (whenTrue is ScalarValue t && whenFalse is ScalarValue f && t.Kind == f.Kind && t.Text == f.Text && t.Provenance == f.Provenance)
            {
                // `isProd ? false : false`: one value whatever the condition, one finding, at the whole expression.
                return new ScalarValue(t.Text, t.Kind, Locations.FromSyntax(conditional.Syntax), t.Provenance);
            }

            return new OneOfValue(
                new[]
                {
                    new Branch(Condition.CSharp(text), true, whenTrue),
                    new Branch(Condition.CSharp(text), false, whenFalse),
                },
                Locations.FromSyntax(conditional.Syntax));
        }

        /// <summary>
        /// <c>x switch { a =&gt; 1, _ =&gt; 2 }</c>: like a conditional, a one-of labelled by each arm ("when `x` is a"); a known
        /// value with constant patterns picks its arm. Arms with guards, or patterns we do not read, are labelled by their text.
        /// </summary>
        private Value ResolveSwitch(ISwitchExpressionOperation switchExpression, Env env)
        {
            var subject = Resolve(switchExpression.Value, env);
            var text = Label(switchExpression.Value.Syntax);
            var branches = new List<Branch>(switchExpression.Arms.Length);
            foreach (var arm in switchExpression.Arms)
            {
                var match = arm.Guard == null ? Matches(subject, arm.Pattern, env) : null;
                if (match == true)
                {
                    return branches.Count == 0 ? Resolve(arm.Value, env) : AddBranch(branches, arm, text, env, switchExpression);
                }

                if (match == false)
                {
                    continue;
                }

                branches.Add(new Branch(Condition.Case(ArmLabel(arm, text)), true, Resolve(arm.Value, env)));
            }

            if (branches.Count == 0)
            {
                return Unknown("a switch expression without a matching arm", switchExpression.Syntax);
            }

            return branches.Count == 1 ? branches[0].Value : new OneOfValue(branches, Locations.FromSyntax(switchExpression.Syntax));
        }

        private Value AddBranch(List<Branch> branches, ISwitchExpressionArmOperation arm, string text, Env env, ISwitchExpressionOperation switchExpression)
        {
            branches.Add(new Branch(Condition.Case(ArmLabel(arm, text)), true, Resolve(arm.Value, env)));
            return new OneOfValue(branches, Locations.FromSyntax(switchExpression.Syntax));
        }

        private static string ArmLabel(ISwitchExpressionArmOperation arm, string subject)
        {
            if (arm.Pattern is IDiscardPatternOperation && arm.Guard == null)
            {
                return "`" + subject + "` matches no other arm";
            }

            var label = "`" + subject + "` is " + Label(arm.Pattern.Syntax);
            return arm.Guard == null ? label : label + " and `" + Label(arm.Guard.Syntax) + "`";
        }

        /// <summary>True/false when a known scalar subject surely matches / does not match a constant or discard pattern; null otherwise.</summary>
        private bool? Matches(Value subject, IPatternOperation pattern, Env env)
        {
            if (pattern is IDiscardPatternOperation)
            {
                return subject is ScalarValue ? true : (bool?)null;
            }

            if (subject is ScalarValue s && pattern is IConstantPatternOperation constant && Resolve(constant.Value, env) is ScalarValue c)
            {
                return s.Kind == c.Kind && s.Text == c.Text;
            }

            return null;
        }

        private Value ResolveArrayInitializer(IArrayInitializerOperation initializer, Env env)
        {
            // `static readonly string[] A = { "*" };` — an array initializer without `new[]`.
            var items = new List<Value>(initializer.ElementValues.Length);
            foreach (var element in initializer.ElementValues)
            {
                items.Add(Resolve(element, env));
            }

            return new ListValue(items, Locations.FromSyntax(initializer.Syntax));
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
                    case IInterpolatedStringTextOperation text when text.Text.ConstantValue is { HasValue: true } textValue:
                        sb.Append(textValue.Value as string);
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
        /// <remarks>
        /// One pass over the text, runs of blanks and line breaks become one space, and it stops once the label is known
        /// to be too long (labels are built for every branch and member read, most of them never shown).
        /// </remarks>
        public static string Label(SyntaxNode condition)
        {
            // The node's text is its span of the tree's text: read it there (a parsed tree keeps its text) rather than
            // have the node write itself out into a new string first.
            var span = condition.Span;
            Microsoft.CodeAnalysis.Text.SourceText? text = null;
            string? source = null;
            if (!condition.SyntaxTree.TryGetText(out text) || text.Length < span.End)
            {
                text = null;
                source = condition.ToString();
            }

            var total = source?.Length ?? span.Length;
            var buffer = new char[Math.Min(total, MaxLabelLength + 1)];
            var length = 0;
            var pendingSpace = false;
            for (var i = 0; i < total; i++)
            {
                var c = source != null ? source[i] : text![span.Start + i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    pendingSpace = length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    pendingSpace = false;
                    if (length == buffer.Length)
                    {
                        break;
                    }

                    buffer[length++] = ' ';
                }

                if (length == buffer.Length)
                {
                    break;
                }

                buffer[length++] = c;
            }

            // One character past the limit means the text goes on: shorten it with an ellipsis.
            return length <= MaxLabelLength ? new string(buffer, 0, length) : new string(buffer, 0, MaxLabelLength - 1) + "…";
        }

        private static OperationKind? ParseKind(string name)
            => Enum.TryParse<OperationKind>(name, out var kind) && Enum.IsDefined(typeof(OperationKind), kind) ? kind : (OperationKind?)null;

        /// <summary>
        /// Arguments bound to a helper method's (or a constructor's) parameters while its expression is read, and the
        /// object creation <c>this</c> stands for while a member of another object is read (null when not known).
        /// </summary>
        private sealed class Env
        {
            public static readonly Env Empty = new Env(null, null, string.Empty);

            public Env(Dictionary<IParameterSymbol, IOperation>? arguments, Env? outer, string method, IObjectCreationOperation? instance = null)
            {
                Arguments = arguments;
                Outer = outer;
                Method = method;
                Instance = instance;
            }

            public Dictionary<IParameterSymbol, IOperation>? Arguments { get; }

            public Env? Outer { get; }

            public string Method { get; }

            public IObjectCreationOperation? Instance { get; }
        }
    }
}
