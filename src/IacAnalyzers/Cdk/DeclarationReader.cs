using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Declaration reading: the expression a field, property or helper method is declared with, and the operation
    /// for an expression that may sit in another file of the compilation. Holds no state beyond the compilation.
    /// </summary>
    public sealed class DeclarationReader
    {
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
                if (!compilation.ContainsSyntaxTree(expression.SyntaxTree))
                {
                    return null;
                }

#pragma warning disable RS1030 // Needed for declarations in other files; the analyzer driver's semantic model provider caches models.
                model = compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
            }

            return model.GetOperation(expression, cancellationToken);
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

            // Only an auto-property { get; } with an initializer: a getter with a body may compute anything.
            var accessors = declaration.AccessorList?.Accessors;
            if (declaration.Initializer != null && accessors != null && accessors.Value.All(a => a.Body == null && a.ExpressionBody == null))
            {
                return declaration.Initializer.Value;
            }

            return null;
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
}
