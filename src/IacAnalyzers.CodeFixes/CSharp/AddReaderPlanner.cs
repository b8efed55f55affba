using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// Plans the C# add-reader edit (<see cref="IacAnalyzers.Model.AddReaderFix"/>) on <c>new DatabaseCluster(scope, id, new DatabaseClusterProps { … })</c>, or says it
    /// cannot (null). Applies when: the diagnostic is on that creation (by symbol, Amazon.CDK.AWS.RDS); the props are
    /// an object creation with an object initializer written at the call; <c>Readers</c> is not written; and
    /// <c>Writer</c> is a <c>ClusterInstance.Provisioned/ServerlessV2(id[, props])</c> call with a constant id and props
    /// that are omitted or can be repeated (an object creation whose members are constants, static members, or
    /// CDK static factories of those; never an <c>InstanceIdentifier</c>, which must be unique). The reader is named
    /// "reader", or "reader2", … when the writer took that name. Without a writer, the deprecated
    /// <c>Instances = 1</c> becomes <c>Instances = 2</c>.
    /// </summary>
    internal static class AddReaderPlanner
    {
        private const string RdsNamespace = "Amazon.CDK.AWS.RDS";

        public static AddReaderEdit? Plan(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
        {
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            var creation = root.FindNode(span, getInnermostNodeForTie: true)
                .AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault(n => n.Span == span);
            if (creation?.ArgumentList == null
                || !(model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor)
                || !IsRdsType(constructor.ContainingType, "DatabaseCluster"))
            {
                return null;
            }

            var props = PropsArgument(creation.ArgumentList, constructor);
            if (!(props is BaseObjectCreationExpressionSyntax propsCreation)
                || propsCreation.Initializer == null
                || !propsCreation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                // A local (perhaps completed later), a method result, a conditional: nothing we can safely add to.
                return null;
            }

            var initializer = propsCreation.Initializer;
            var propsType = model.GetTypeInfo(propsCreation, cancellationToken).Type;
            if (propsType == null || propsType.GetMembers("Readers").IsEmpty)
            {
                return null;
            }

            AssignmentExpressionSyntax? writer = null;
            AssignmentExpressionSyntax? instances = null;
            foreach (var expression in initializer.Expressions)
            {
                if (!(expression is AssignmentExpressionSyntax assignment) || !(assignment.Left is IdentifierNameSyntax name))
                {
                    continue;
                }

                switch (name.Identifier.ValueText)
                {
                    case "Readers":
                        return null;
                    case "Writer":
                        writer = assignment;
                        break;
                    case "Instances":
                        instances = assignment;
                        break;
                }
            }

            if (writer != null)
            {
                return PlanReader(model, initializer, writer, cancellationToken);
            }

            if (instances != null)
            {
                return PlanInstances(model, instances, cancellationToken);
            }

            return null;
        }

        private static ExpressionSyntax? PropsArgument(ArgumentListSyntax arguments, IMethodSymbol constructor)
        {
            var parameter = constructor.Parameters.FirstOrDefault(p => p.Name == "props");
            if (parameter == null)
            {
                return null;
            }

            for (var i = 0; i < arguments.Arguments.Count; i++)
            {
                var argument = arguments.Arguments[i];
                if (argument.NameColon != null ? argument.NameColon.Name.Identifier.ValueText == parameter.Name : i == parameter.Ordinal)
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        private static AddReaderEdit? PlanInstances(SemanticModel model, AssignmentExpressionSyntax instances, CancellationToken cancellationToken)
        {
            if (!(instances.Right is LiteralExpressionSyntax literal) || !instances.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return null;
            }

            var value = model.GetConstantValue(literal, cancellationToken);
            if (!value.HasValue || !(value.Value is int count) || count != 1)
            {
                return null;
            }

            return new AddReaderEdit("Set Instances to 2", ImmutableArray.Create(new TextChange(literal.Span, "2")));
        }

        private static AddReaderEdit? PlanReader(SemanticModel model, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax writer, CancellationToken cancellationToken)
        {
            if (!writer.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || !(writer.Right is InvocationExpressionSyntax call)
                || !(model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol factory)
                || !factory.IsStatic
                || !IsRdsType(factory.ContainingType, "ClusterInstance")
                || (factory.Name != "Provisioned" && factory.Name != "ServerlessV2"))
            {
                return null;
            }

            var arguments = call.ArgumentList.Arguments;
            if (arguments.Count < 1 || arguments.Count > 2 || arguments.Any(a => a.NameColon != null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
            {
                return null;
            }

            var writerId = model.GetConstantValue(arguments[0].Expression, cancellationToken);
            if (!writerId.HasValue || !(writerId.Value is string writerName))
            {
                // An id the fix cannot read may be the very name it would give the reader.
                return null;
            }

            string? propsText = null;
            if (arguments.Count == 2)
            {
                var writerProps = arguments[1].Expression;
                if (!(writerProps is BaseObjectCreationExpressionSyntax) || !Repeatable(model, writerProps, cancellationToken))
                {
                    return null;
                }

                propsText = writerProps.ToString();
            }

            var readerName = "reader";
            for (var n = 2; string.Equals(readerName, writerName, StringComparison.Ordinal); n++)
            {
                readerName = "reader" + n;
            }

            var reader = call.Expression + "(" + SymbolDisplay.FormatLiteral(readerName, quote: true) + (propsText == null ? string.Empty : ", " + propsText) + ")";
            var member = "Readers = new[] { " + reader + " }";
            var changes = AddMember(initializer, member);
            if (changes.IsDefault)
            {
                return null;
            }

            return new AddReaderEdit("Add a reader '" + readerName + "' (ClusterInstance." + factory.Name + ")", changes);
        }

        /// <summary>
        /// Whether the expression can be written a second time with the same meaning and no side effect: constants,
        /// static fields and properties (enum-like members), object creations and CDK static factory calls of those.
        /// </summary>
        private static bool Repeatable(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetConstantValue(expression, cancellationToken).HasValue)
            {
                return true;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Repeatable(model, parenthesized.Expression, cancellationToken);
                case MemberAccessExpressionSyntax _:
                case IdentifierNameSyntax _:
                    var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
                    return symbol != null && symbol.IsStatic && (symbol is IFieldSymbol || symbol is IPropertySymbol);
                case InvocationExpressionSyntax invocation:
                    return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                           && method.IsStatic
                           && IsCdkNamespace(method.ContainingNamespace)
                           && invocation.ArgumentList.Arguments.All(a => a.RefKindKeyword.IsKind(SyntaxKind.None) && Repeatable(model, a.Expression, cancellationToken));
                case BaseObjectCreationExpressionSyntax creation:
                    if (creation.ArgumentList != null && !creation.ArgumentList.Arguments.All(a => a.RefKindKeyword.IsKind(SyntaxKind.None) && Repeatable(model, a.Expression, cancellationToken)))
                    {
                        return false;
                    }

                    if (creation.Initializer == null)
                    {
                        return true;
                    }

                    if (!creation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
                    {
                        return false;
                    }

                    foreach (var item in creation.Initializer.Expressions)
                    {
                        if (!(item is AssignmentExpressionSyntax assignment)
                            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                            || !(assignment.Left is IdentifierNameSyntax name)
                            || name.Identifier.ValueText == "InstanceIdentifier"
                            || !Repeatable(model, assignment.Right, cancellationToken))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Text changes that append <paramref name="member"/> to a non-empty initializer with its layout: after a trailing
        /// comma (and with one), or after the last member; on its own line, indented as the last member, when the members
        /// are one per line. A comment after the last member stays on its line.
        /// </summary>
        private static ImmutableArray<TextChange> AddMember(InitializerExpressionSyntax initializer, string member)
        {
            var expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return default;
            }

            var last = expressions[expressions.Count - 1];
            var indentation = Indentation(last.GetLeadingTrivia());
            if (expressions.SeparatorCount == expressions.Count)
            {
                var comma = expressions.GetSeparator(expressions.Count - 1);
                var lineEnd = LineEnd(comma.TrailingTrivia);
                if (lineEnd != null)
                {
                    return ImmutableArray.Create(new TextChange(new TextSpan(comma.FullSpan.End, 0), indentation + member + "," + lineEnd));
                }

                return ImmutableArray.Create(new TextChange(new TextSpan(comma.Span.End, 0), " " + member + ","));
            }

            var end = LineEnd(last.GetTrailingTrivia());
            if (end != null)
            {
                return ImmutableArray.Create(
                    new TextChange(new TextSpan(last.Span.End, 0), ","),
                    new TextChange(new TextSpan(last.FullSpan.End, 0), indentation + member + end));
            }

            return ImmutableArray.Create(new TextChange(new TextSpan(last.Span.End, 0), ", " + member));
        }

        private static string Indentation(SyntaxTriviaList leading)
        {
            var result = string.Empty;
            for (var i = leading.Count - 1; i >= 0 && leading[i].IsKind(SyntaxKind.WhitespaceTrivia); i--)
            {
                result = leading[i].ToFullString() + result;
            }

            return result;
        }

        private static string? LineEnd(SyntaxTriviaList trailing)
        {
            foreach (var trivia in trailing)
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia.ToFullString();
                }
            }

            return null;
        }

        private static bool IsRdsType(INamedTypeSymbol? type, string name)
            => type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == RdsNamespace;

        private static bool IsCdkNamespace(INamespaceSymbol? ns)
        {
            var text = ns?.ToDisplayString();
            return text != null && (text == "Amazon.CDK" || text.StartsWith("Amazon.CDK.", StringComparison.Ordinal));
        }
    }
}
