using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Declaration reading: the expression a field, property or helper method is declared with, and the operation
    /// for an expression that may sit in another file of the compilation. Holds no state beyond the compilation.
    /// </summary>
    public sealed class DeclarationReader
    {
        /// <summary>More candidate writes than this for one member: too much work, the member stays unknown.</summary>
        public const int MaxWriteCandidates = 32;

        private readonly Compilation compilation;
        private readonly CancellationToken cancellationToken;

        public DeclarationReader(Compilation compilation, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The operation for a declaration's expression. Declarations in another file are read through the compilation's
        /// semantic model for that file (the analyzer driver caches it).
        /// </summary>
        public IOperation? OperationOf(SyntaxNode expression, IOperation from)
        {
            var model = from.SemanticModel;
            if (model == null)
            {
                return null;
            }

            if (!ReferenceEquals(model.SyntaxTree, expression.SyntaxTree))
            {
                model = ModelFor(expression.SyntaxTree);
            }

            return model?.GetOperation(expression, cancellationToken);
        }

        /// <summary>The initializer of a field declared once in source (<c>static readonly T F = value;</c>), or null.</summary>
        public ExpressionSyntax? DeclaredInitializer(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value;
        }

        /// <summary>The expression of <c>T X =&gt; value;</c> or the initializer of <c>T X { get; } = value;</c>, or null.</summary>
        public ExpressionSyntax? DeclaredGetterExpression(IPropertySymbol property)
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

            // An auto-property { get; } with an initializer, or a getter whose body is one return (get => x; get { return x; }).
            var accessors = declaration.AccessorList?.Accessors;
            if (declaration.Initializer != null && accessors != null && accessors.Value.All(a => a.Body == null && a.ExpressionBody == null))
            {
                return declaration.Initializer.Value;
            }

            var getter = accessors?.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
            if (getter != null && declaration.Initializer == null)
            {
                return getter.ExpressionBody?.Expression ?? SingleReturn(getter.Body);
            }

            return null;
        }

        /// <summary>
        /// The one write of a field or auto-property declared in source: its initializer, or an assignment that is a
        /// statement of a constructor's body (<c>Statement = new PolicyStatement(...)</c> in the holder's constructor).
        /// Null when the member may be written by code we do not see (a settable member reachable from outside its type),
        /// when it is written more than once or elsewhere (a method, a branch, a <c>ref</c>), or when finding out costs
        /// more than <see cref="MaxWriteCandidates"/> candidates. <paramref name="why"/> then says which.
        /// </summary>
        public MemberWrite? SingleWrite(ISymbol member, out string why)
        {
            why = "a member written in several places";
            var type = member.ContainingType;
            if (type == null || member.DeclaringSyntaxReferences.Length != 1 || type.DeclaringSyntaxReferences.Length == 0)
            {
                why = "a member declared outside the compilation";
                return null;
            }

            ExpressionSyntax? initializer;
            switch (member)
            {
                case IFieldSymbol field when !field.IsConst:
                    if (!field.IsReadOnly && !Confined(field.DeclaredAccessibility))
                    {
                        why = "a field other code may set";
                        return null;
                    }

                    initializer = DeclaredInitializer(field);
                    break;
                case IPropertySymbol property when !property.IsIndexer && !property.IsVirtual && !property.IsAbstract && !property.IsOverride:
                    if (!(property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration)
                        || declaration.ExpressionBody != null
                        || declaration.AccessorList == null
                        || declaration.AccessorList.Accessors.Any(a => a.Body != null || a.ExpressionBody != null))
                    {
                        why = "a property with a computed getter";
                        return null;
                    }

                    if (property.SetMethod != null && !Confined(property.SetMethod.DeclaredAccessibility))
                    {
                        why = "a property other code may set";
                        return null;
                    }

                    initializer = declaration.Initializer?.Value;
                    break;
                default:
                    why = "a member we do not follow";
                    return null;
            }

            var found = new List<MemberWrite>(2);
            if (initializer != null)
            {
                found.Add(new MemberWrite(initializer, null));
            }

            var candidates = 0;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var root = reference.GetSyntax(cancellationToken);
                foreach (var node in root.DescendantNodes())
                {
                    if (!WritesName(node, member.Name, out var target, out var value))
                    {
                        continue;
                    }

                    if (++candidates > MaxWriteCandidates)
                    {
                        why = "a member with too many writes to follow";
                        return null;
                    }

                    var model = ModelFor(target.SyntaxTree);
                    var symbol = model?.GetSymbolInfo(target, cancellationToken).Symbol;
                    if (model == null || symbol == null)
                    {
                        if (model == null)
                        {
                            why = "a member written where we cannot look";
                            return null;
                        }

                        continue;
                    }

                    if (!SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member.OriginalDefinition))
                    {
                        continue;
                    }

                    var constructor = value == null ? null : ConstructorStatement(node, target, member, model);
                    if (constructor == null)
                    {
                        why = "a member written outside a constructor's statements";
                        return null;
                    }

                    found.Add(new MemberWrite(value!, constructor));
                }
            }

            if (found.Count != 1)
            {
                why = found.Count == 0 ? "a member that is never written" : "a member written in several places";
                return null;
            }

            return found[0];
        }

        private static bool Confined(Accessibility accessibility) => accessibility == Accessibility.Private;

        /// <summary>An assignment (any kind), increment or ref/out argument whose target's last name is <paramref name="name"/>.</summary>
        private static bool WritesName(SyntaxNode node, string name, out ExpressionSyntax target, out ExpressionSyntax? value)
        {
            value = null;
            target = null!;
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    target = assignment.Left;
                    value = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? assignment.Right : null;
                    break;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    target = prefix.Operand;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    target = postfix.Operand;
                    break;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    target = argument.Expression;
                    break;
                default:
                    return false;
            }

            var last = target is MemberAccessExpressionSyntax access ? access.Name : target as SimpleNameSyntax;
            return last != null && last.Identifier.ValueText == name;
        }

        /// <summary>
        /// The constructor whose body has this assignment as one of its own statements, writing the member of the object
        /// being built (<c>X = v;</c> or <c>this.X = v;</c>), or null.
        /// </summary>
        private IMethodSymbol? ConstructorStatement(SyntaxNode assignment, ExpressionSyntax target, ISymbol member, SemanticModel model)
        {
            if (!(assignment.Parent is ExpressionStatementSyntax statement)
                || !(statement.Parent is BlockSyntax block)
                || !(block.Parent is ConstructorDeclarationSyntax constructor)
                || !(target is IdentifierNameSyntax || (target is MemberAccessExpressionSyntax access && access.Expression is ThisExpressionSyntax)))
            {
                return null;
            }

            var symbol = model.GetDeclaredSymbol(constructor, cancellationToken);
            return symbol != null && symbol.IsStatic == member.IsStatic && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, member.ContainingType)
                ? symbol
                : null;
        }

        private SemanticModel? ModelFor(SyntaxTree tree)
        {
            if (!compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

#pragma warning disable RS1030, RS0030 // Declarations in other files; the analyzer driver's semantic model provider caches models.
            return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030, RS0030
        }

        /// <summary>The single returned expression of a non-virtual method declared in source, or null.</summary>
        public ExpressionSyntax? HelperReturn(IMethodSymbol method)
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

            return SingleReturn(block);
        }

        /// <summary>The expression of a block's last statement when it is its only <c>return</c>, or null.</summary>
        private static ExpressionSyntax? SingleReturn(BlockSyntax? block)
        {
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
    }

    /// <summary>The one write of a member: its value, and the constructor it is written in (null for an initializer).</summary>
    public sealed class MemberWrite
    {
        public MemberWrite(ExpressionSyntax value, IMethodSymbol? constructor)
        {
            Value = value;
            Constructor = constructor;
        }

        public ExpressionSyntax Value { get; }

        public IMethodSymbol? Constructor { get; }
    }
}
