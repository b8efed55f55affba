using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// One planned edit: replace <see cref="Target"/> by the node <see cref="BuildReplacement"/> makes. Planning decides
    /// (cheaply) that the edit applies and what it is called; the new syntax is built only when the action is applied.
    /// </summary>
    internal sealed class SetPropertyEdit
    {
        private readonly Func<SyntaxNode, SyntaxNode> build;

        public SetPropertyEdit(string title, SyntaxNode target, Func<SyntaxNode, SyntaxNode> build)
        {
            Title = title;
            Target = target;
            this.build = build;
        }

        public string Title { get; }

        public SyntaxNode Target { get; }

        /// <summary>The replacement for <paramref name="target"/> (the planned target as found in the document being changed).</summary>
        public SyntaxNode BuildReplacement(SyntaxNode target) => build(target);
    }

    /// <summary>
    /// Plans a <see cref="SetPropertyFix"/> in C#, or says it cannot (null). Value syntax: <c>true</c>/<c>false</c>,
    /// numbers, <c>"text"</c> (or the rule's string value), and enum-like members <c>Type.MEMBER</c> or <c>MEMBER</c>,
    /// looked up by symbol among the static members of the member's type (an enum, or a CDK class such as
    /// <c>DatabaseInstanceEngine</c>) and written fully qualified for the simplifier to shorten.
    /// </summary>
    internal static class SetPropertyWriter
    {
        public static SetPropertyEdit? Plan(SyntaxNode root, SemanticModel model, SetPropertyIntent intent, CancellationToken cancellationToken)
        {
            var memberName = intent.Member ?? intent.Property;
            return intent.Existing is Microsoft.CodeAnalysis.Text.TextSpan existing
                ? PlanReplace(root, model, intent, memberName, existing, cancellationToken)
                : PlanAdd(root, model, intent, memberName, cancellationToken);
        }

        private static SetPropertyEdit? PlanReplace(SyntaxNode root, SemanticModel model, SetPropertyIntent intent, string memberName, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(n => n.Span == span);
            if (node == null || !(node.Parent is AssignmentExpressionSyntax assignment) || assignment.Right != node || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return null;
            }

            // Only the value of the very member the intent names (MultiAz = false; props.MultiAz = false;).
            var symbol = WrittenMember(model, assignment, cancellationToken);
            if (symbol == null || !string.Equals(symbol.Name, memberName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var value = ValueFor(MemberType(symbol), intent, model.Compilation);
            if (value == null)
            {
                return null;
            }

            return new SetPropertyEdit(Title(symbol.Name, value), node, target => value.WithTriviaFrom(target));
        }

        private static SetPropertyEdit? PlanAdd(SyntaxNode root, SemanticModel model, SetPropertyIntent intent, string memberName, CancellationToken cancellationToken)
        {
            if (intent.Container.End > root.FullSpan.End)
            {
                return null;
            }

            var creation = root.FindNode(intent.Container, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault(n => n.Span == intent.Container);
            if (creation == null)
            {
                // A local completed later, a method result, a construct without props: nothing we can safely add to.
                return null;
            }

            if (creation.Initializer != null && !creation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                return null;
            }

            var type = CreatedType(model, creation, cancellationToken);
            var member = type == null ? null : FindMember(type, memberName);
            if (member == null)
            {
                return null;
            }

            if (creation.Initializer != null && creation.Initializer.Expressions.Any(e => e is AssignmentExpressionSyntax a && a.Left is IdentifierNameSyntax id
                                                                                          && string.Equals(id.Identifier.ValueText, member.Name, StringComparison.Ordinal)))
            {
                // Already written: the rule located the value elsewhere for a reason; do not add a second one.
                return null;
            }

            var value = ValueFor(MemberType(member), intent, model.Compilation);
            if (value == null)
            {
                return null;
            }

            var assignment = AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(member.Name), value)
                .WithOperatorToken(Token(TriviaList(Space), SyntaxKind.EqualsToken, TriviaList(Space)));
            return new SetPropertyEdit(Title(member.Name, value), creation, target =>
            {
                var current = (BaseObjectCreationExpressionSyntax)target;
                return current.Initializer == null
                    ? AddInitializer(current, assignment)
                    : current.WithInitializer(AddTo(current.Initializer, assignment));
            });
        }

        /// <summary>
        /// The type a creation makes. <c>new T(...)</c>: the type name alone is bound (speculatively, at its position),
        /// not the statement around it, which may hold a ten-thousand-item initializer. <c>new(...)</c> needs its target.
        /// </summary>
        private static ITypeSymbol? CreatedType(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            if (creation is ObjectCreationExpressionSyntax explicitNew)
            {
                var named = model.GetSpeculativeTypeInfo(explicitNew.Type.SpanStart, explicitNew.Type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
                if (named != null && named.TypeKind != TypeKind.Error)
                {
                    return named;
                }
            }

            return model.GetTypeInfo(creation, cancellationToken).Type;
        }

        /// <summary>
        /// The member an assignment writes, found from the type that owns it without binding the statement: the created
        /// type for <c>new T { M = v }</c>, the receiver's type (bound alone) for <c>x.M = v</c>; otherwise bound in place.
        /// </summary>
        private static ISymbol? WrittenMember(SemanticModel model, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
        {
            ITypeSymbol? owner = null;
            string? name = null;
            if (assignment.Left is IdentifierNameSyntax id && assignment.Parent is InitializerExpressionSyntax initializer
                && initializer.IsKind(SyntaxKind.ObjectInitializerExpression) && initializer.Parent is BaseObjectCreationExpressionSyntax creation)
            {
                owner = CreatedType(model, creation, cancellationToken);
                name = id.Identifier.ValueText;
            }
            else if (assignment.Left is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax)
            {
                owner = model.GetSpeculativeTypeInfo(access.Expression.SpanStart, access.Expression, SpeculativeBindingOption.BindAsExpression).Type;
                name = access.Name.Identifier.ValueText;
            }

            if (owner != null && owner.TypeKind != TypeKind.Error && name != null)
            {
                for (var t = owner; t != null; t = t.BaseType)
                {
                    foreach (var m in t.GetMembers(name))
                    {
                        if (!m.IsStatic && (m is IPropertySymbol || m is IFieldSymbol))
                        {
                            return m;
                        }
                    }
                }
            }

            return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
        }

        private static string Title(string member, ExpressionSyntax value)
        {
            var text = value.HasAnnotation(Simplifier.Annotation) && value is MemberAccessExpressionSyntax access && access.Expression is MemberAccessExpressionSyntax qualified
                ? qualified.Name.Identifier.ValueText + "." + access.Name.Identifier.ValueText
                : value.ToString();
            return "Set " + member + " to " + text;
        }

        /// <summary>A settable instance property or field named <paramref name="name"/> (exact case first, then ignoring case).</summary>
        private static ISymbol? FindMember(ITypeSymbol type, string name)
        {
            ISymbol? ignoringCase = null;
            for (var t = type; t != null; t = t.BaseType)
            {
                foreach (var m in t.GetMembers())
                {
                    if (m.IsStatic || !IsSettable(m) || !string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (string.Equals(m.Name, name, StringComparison.Ordinal))
                    {
                        return m;
                    }

                    ignoringCase ??= m;
                }
            }

            return ignoringCase;
        }

        private static bool IsSettable(ISymbol member)
        {
            switch (member)
            {
                case IPropertySymbol p:
                    return !p.IsIndexer && p.SetMethod != null && p.SetMethod.DeclaredAccessibility == Accessibility.Public;
                case IFieldSymbol f:
                    return !f.IsReadOnly && !f.IsConst && f.DeclaredAccessibility == Accessibility.Public;
                default:
                    return false;
            }
        }

        private static ITypeSymbol? MemberType(ISymbol member)
            => member switch
            {
                IPropertySymbol p => p.Type,
                IFieldSymbol f => f.Type,
                _ => null,
            };

        /// <summary>The C# expression for the intent's value, for a member of type <paramref name="type"/>; null when it cannot be written.</summary>
        internal static ExpressionSyntax? ValueFor(ITypeSymbol? type, SetPropertyIntent intent, Compilation compilation)
        {
            if (type == null)
            {
                return null;
            }

            if (type is INamedTypeSymbol nullable && nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                type = nullable.TypeArguments[0];
            }

            var text = intent.CSharpValue ?? intent.Value;
            var kind = intent.CSharpValue != null ? Classify(intent.CSharpValue) : intent.Kind;
            var isObject = type.SpecialType == SpecialType.System_Object;
            switch (kind)
            {
                case ScalarKind.Boolean when type.SpecialType == SpecialType.System_Boolean || isObject:
                    if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                    {
                        return LiteralExpression(SyntaxKind.TrueLiteralExpression);
                    }

                    if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        return LiteralExpression(SyntaxKind.FalseLiteralExpression);
                    }

                    return null;
                case ScalarKind.Number when IsNumeric(type) || isObject:
                    return Number(text, type);
                case ScalarKind.String when type.SpecialType == SpecialType.System_String || isObject:
                    return LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Unquote(text)));
                case ScalarKind.String:
                    return EnumLike(type, Unquote(text), compilation);
                default:
                    return null;
            }
        }

        /// <summary>The kind of a C# value in the writer's syntax.</summary>
        private static ScalarKind Classify(string csharpValue)
        {
            if (csharpValue == "true" || csharpValue == "false")
            {
                return ScalarKind.Boolean;
            }

            if (double.TryParse(csharpValue, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return ScalarKind.Number;
            }

            return ScalarKind.String;
        }

        private static string Unquote(string text)
            => text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"' ? text.Substring(1, text.Length - 2) : text;

        private static bool IsNumeric(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Decimal:
                    return true;
                default:
                    return false;
            }
        }

        private static ExpressionSyntax? Number(string text, ITypeSymbol type)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                if (type.SpecialType == SpecialType.System_Int32 && (integer < int.MinValue || integer > int.MaxValue))
                {
                    return null;
                }

                // Plain digits ("3", not Literal(long)'s "3L", which an int property would reject): C# types the literal
                // by its value, and the property's type converts it.
                var magnitude = integer < 0 ? (ulong)(-(integer + 1)) + 1 : (ulong)integer;
                var digits = ParseExpression(magnitude.ToString(CultureInfo.InvariantCulture));
                return integer < 0 ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, digits) : digits;
            }

            if (type.SpecialType == SpecialType.System_Double || type.SpecialType == SpecialType.System_Object)
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && !double.IsInfinity(d))
                {
                    return LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(d.ToString("R", CultureInfo.InvariantCulture), d));
                }
            }

            return null;
        }

        /// <summary>
        /// <c>Type.MEMBER</c> or <c>MEMBER</c>: a static field or property of the member's type (or of a type named
        /// <c>Type</c> in the same namespace) assignable to it. Written as <c>global::Ns.Type.MEMBER</c> with the
        /// simplifier annotation, so it reads <c>Type.MEMBER</c> where the namespace is imported.
        /// </summary>
        private static ExpressionSyntax? EnumLike(ITypeSymbol memberType, string text, Compilation compilation)
        {
            var dot = text.LastIndexOf('.');
            var typeName = dot > 0 ? text.Substring(0, dot) : null;
            var name = dot > 0 ? text.Substring(dot + 1) : text;
            if (name.Length == 0 || !SyntaxFacts.IsValidIdentifier(name))
            {
                return null;
            }

            var candidates = new List<INamedTypeSymbol>();
            if (memberType is INamedTypeSymbol named && (typeName == null || named.Name == typeName))
            {
                candidates.Add(named);
            }

            if (typeName != null && memberType.ContainingNamespace != null)
            {
                candidates.AddRange(memberType.ContainingNamespace.GetTypeMembers(typeName));
            }

            foreach (var candidate in candidates)
            {
                var member = candidate.GetMembers(name).FirstOrDefault(IsStaticValue)
                             ?? candidate.GetMembers().FirstOrDefault(m => IsStaticValue(m) && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
                if (member == null || !IsAssignable(MemberType(member), memberType, compilation))
                {
                    continue;
                }

                var qualified = ParseName(candidate.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                return MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, qualified, IdentifierName(member.Name))
                    .WithAdditionalAnnotations(Simplifier.Annotation);
            }

            return null;
        }

        private static bool IsStaticValue(ISymbol member)
            => member.IsStatic && member.DeclaredAccessibility == Accessibility.Public
               && (member is IFieldSymbol || (member is IPropertySymbol p && !p.IsIndexer && p.GetMethod != null));

        private static bool IsAssignable(ITypeSymbol? from, ITypeSymbol to, Compilation compilation)
            => from != null && compilation.ClassifyCommonConversion(from, to).IsImplicit;

        // ---- layout -----------------------------------------------------------------------------------------

        private static BaseObjectCreationExpressionSyntax AddInitializer(BaseObjectCreationExpressionSyntax creation, AssignmentExpressionSyntax assignment)
        {
            // new X(a) → new X(a) { M = v }: the creation's trailing trivia moves after the new initializer.
            var trailing = creation.GetTrailingTrivia();
            var initializer = InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    Token(TriviaList(Space), SyntaxKind.OpenBraceToken, TriviaList(Space)),
                    SingletonSeparatedList<ExpressionSyntax>(assignment),
                    Token(TriviaList(Space), SyntaxKind.CloseBraceToken, trailing));
            var bare = creation.WithoutTrailingTrivia();
            if (bare is ObjectCreationExpressionSyntax explicitNew && explicitNew.ArgumentList == null)
            {
                // new X { } needs no parentheses, but new X alone cannot exist; keep it robust anyway.
                return explicitNew.WithType(explicitNew.Type.WithoutTrailingTrivia()).WithInitializer(initializer);
            }

            return bare.WithInitializer(initializer);
        }

        /// <summary>Appends <paramref name="assignment"/> to an initializer, one per line or inline as the others are.</summary>
        private static InitializerExpressionSyntax AddTo(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax assignment)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(Space))
                    .WithExpressions(SingletonSeparatedList<ExpressionSyntax>(assignment))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(Space));
            }

            var last = expressions[expressions.Count - 1];
            var indentation = Indentation(last.GetLeadingTrivia());
            var nodes = new List<SyntaxNodeOrToken>();
            var withSeparators = expressions.GetWithSeparators();
            if (expressions.SeparatorCount == expressions.Count)
            {
                // A trailing comma: the new member goes after it, and gets its own trailing comma.
                var lastComma = withSeparators[withSeparators.Count - 1].AsToken();
                var multiline = lastComma.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
                nodes.AddRange(withSeparators);
                nodes.Add(assignment.WithLeadingTrivia(multiline ? indentation : TriviaList()));
                nodes.Add(Token(TriviaList(), SyntaxKind.CommaToken, multiline ? LineEnd(lastComma.TrailingTrivia) : lastComma.TrailingTrivia));
            }
            else
            {
                var trailing = last.GetTrailingTrivia();
                var multiline = trailing.Any(SyntaxKind.EndOfLineTrivia);
                for (var i = 0; i < withSeparators.Count - 1; i++)
                {
                    nodes.Add(withSeparators[i]);
                }

                nodes.Add(last.WithoutTrailingTrivia());
                nodes.Add(Token(TriviaList(), SyntaxKind.CommaToken, multiline ? trailing : TriviaList(Space)));
                nodes.Add(assignment.WithLeadingTrivia(multiline ? indentation : TriviaList()).WithTrailingTrivia(multiline ? LineEnd(trailing) : trailing));
            }

            return initializer.WithExpressions(SeparatedList<ExpressionSyntax>(nodes));
        }

        /// <summary>The whitespace that starts the element's line (after any comment lines in its leading trivia).</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            var result = new List<SyntaxTrivia>();
            for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
            {
                result.Insert(0, leading[i]);
            }

            return TriviaList(result);
        }

        /// <summary>Only the end of line of a trailing trivia list (so a comment is not copied).</summary>
        private static SyntaxTriviaList LineEnd(SyntaxTriviaList trailing)
        {
            foreach (var t in trailing)
            {
                if (t.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return TriviaList(t);
                }
            }

            return TriviaList(ElasticCarriageReturnLineFeed);
        }
    }
}
