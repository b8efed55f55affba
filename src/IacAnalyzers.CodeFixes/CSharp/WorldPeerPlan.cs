using System;
using System.Linq;
using System.Threading;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The C# edit for a <see cref="ReplaceWithParameterFix"/> on a world peer, planned against one snapshot: which peer
    /// call to rewrite, which statement to insert before, and the free local and logical-id names. The parameter's
    /// description, <c>AllowedPattern</c> and constraint come from the intent (the pattern is the shared
    /// <see cref="CidrPattern"/>). <see cref="Create"/> returns <c>null</c> whenever the edit is not known to apply.
    /// </summary>
    internal sealed class WorldPeerPlan
    {
        private const string PeerType = "Amazon.CDK.AWS.EC2.Peer";
        private const string ConstructType = "Constructs.Construct";
        private const string ParameterType = "Amazon.CDK.CfnParameter";
        private const string ParameterPropsType = "Amazon.CDK.CfnParameterProps";

        private readonly InvocationExpressionSyntax peer;
        private readonly StatementSyntax statement;
        private readonly BlockSyntax block;
        private readonly bool ipv6;
        private readonly string local;
        private readonly string logicalId;
        private readonly ReplaceWithParameterFix intent;

        private WorldPeerPlan(InvocationExpressionSyntax peer, StatementSyntax statement, BlockSyntax block, bool ipv6, string local, string logicalId, ReplaceWithParameterFix intent)
        {
            this.peer = peer;
            this.statement = statement;
            this.block = block;
            this.ipv6 = ipv6;
            this.local = local;
            this.logicalId = logicalId;
            this.intent = intent;
        }

        public string Title => intent.Title;

        /// <summary>The plan for <paramref name="intent"/>, whose target is (or was, before earlier fixes) at <paramref name="span"/>.</summary>
        public static WorldPeerPlan? Create(SyntaxNode root, SemanticModel model, ReplaceWithParameterFix intent, TextSpan span, CancellationToken cancellationToken)
        {
            if (!root.FullSpan.Contains(span)
                || model.Compilation.GetTypeByMetadataName(ParameterType) == null
                || model.Compilation.GetTypeByMetadataName(ParameterPropsType) == null)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax wrapped)
            {
                node = wrapped.Expression;
            }

            // The peer call itself, or the CIDR argument of Peer.Ipv4/Ipv6 (where the diagnostic lands for a world string).
            var invocation = node as InvocationExpressionSyntax;
            if (invocation == null
                && node is ExpressionSyntax && node.Parent is ArgumentSyntax inner
                && inner.Parent is ArgumentListSyntax innerList && innerList.Parent is InvocationExpressionSyntax outer)
            {
                invocation = outer;
            }

            if (invocation == null
                || !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
                || method.ContainingType?.ToDisplayString() != PeerType)
            {
                return null;
            }

            bool ipv6;
            switch (method.Name)
            {
                case "AnyIpv4":
                case "Ipv4":
                    ipv6 = false;
                    break;
                case "AnyIpv6":
                case "Ipv6":
                    ipv6 = true;
                    break;
                default:
                    return null;
            }

            // Written directly as an argument (not through a local, a conditional or a helper).
            if (!(invocation.Parent is ArgumentSyntax argument)
                || !argument.RefKindKeyword.IsKind(SyntaxKind.None)
                || !(argument.Parent is ArgumentListSyntax))
            {
                return null;
            }

            // In a statement of a block, in an instance constructor or method (not a lambda or local function).
            var statement = invocation.Ancestors().OfType<StatementSyntax>().FirstOrDefault();
            if (statement == null || !(statement.Parent is BlockSyntax block))
            {
                return null;
            }

            var function = invocation.Ancestors().FirstOrDefault(IsFunction);
            if (!(function is ConstructorDeclarationSyntax || function is MethodDeclarationSyntax)
                || ((BaseMethodDeclarationSyntax)function).Modifiers.Any(SyntaxKind.StaticKeyword)
                || !(function.Parent is ClassDeclarationSyntax type)
                || !(model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol typeSymbol)
                || !DerivesFrom(typeSymbol, ConstructType))
            {
                return null;
            }

            var name = intent.ParameterName;
            if (name.Length == 0 || !SyntaxFacts.IsValidIdentifier(name))
            {
                return null;
            }

            var local = FreeLocal(model, function, statement.SpanStart, char.ToLowerInvariant(name[0]) + name.Substring(1));
            var logicalId = FreeLogicalId(type, name);
            return new WorldPeerPlan(invocation, statement, block, ipv6, local, logicalId, intent);
        }

        /// <summary>The root with the parameter declared before the statement and the peer replaced.</summary>
        public SyntaxNode Rewrite(SyntaxNode root)
        {
            // Blank lines before the statement go before the declaration; comments stay with the statement.
            var leading = statement.GetLeadingTrivia();
            var split = BlankLinesEnd(leading);
            var indentation = Indentation(statement);
            var declaration = Declaration().WithLeadingTrivia(leading.Take(split).Concat(indentation));
            var newPeer = NewPeer().WithTriviaFrom(peer);
            var newStatement = statement.ReplaceNode(peer, newPeer);
            newStatement = newStatement.WithLeadingTrivia(newStatement.GetLeadingTrivia().Skip(split));
            var index = block.Statements.IndexOf(statement);
            var statements = block.Statements.RemoveAt(index).Insert(index, newStatement).Insert(index, declaration);
            return root.ReplaceNode(block, block.WithStatements(statements));
        }

        /// <summary><c>Peer.Ipv4(local.ValueAsString)</c>, keeping the receiver as written (<c>Peer</c>, qualified, aliased).</summary>
        private ExpressionSyntax NewPeer()
        {
            var name = SyntaxFactory.IdentifierName(ipv6 ? "Ipv6" : "Ipv4");
            ExpressionSyntax callee = peer.Expression is MemberAccessExpressionSyntax access
                ? access.WithName(name)
                : name.WithTriviaFrom(peer.Expression);
            var value = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(local),
                SyntaxFactory.IdentifierName("ValueAsString"));
            return SyntaxFactory.InvocationExpression(
                callee,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))));
        }

        private StatementSyntax Declaration()
        {
            var text = "var " + local + " = new global::" + ParameterType + "(this, " + Literal(logicalId)
                + ", new global::" + ParameterPropsType + " { Type = \"String\", Description = " + Literal(intent.Description)
                + ", AllowedPattern = " + Verbatim(intent.AllowedPattern)
                + ", ConstraintDescription = " + Literal(intent.ConstraintDescription) + " });";
            var parsed = SyntaxFactory.ParseStatement(text);
            parsed = parsed.ReplaceNodes(
                parsed.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Select(o => o.Type),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
            return parsed.WithTrailingTrivia(SyntaxFactory.EndOfLine(EndOfLine(statement)));
        }

        /// <summary>The index just after the last line break of the leading blank lines (0 when there are none).</summary>
        private static int BlankLinesEnd(SyntaxTriviaList leading)
        {
            var end = 0;
            for (var i = 0; i < leading.Count; i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    end = i + 1;
                }
                else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    break;
                }
            }

            return end;
        }

        private static string Literal(string text) => SyntaxFactory.Literal(text).Text;

        /// <summary>A verbatim string literal (patterns read as written: <c>@"^\d$"</c>).</summary>
        private static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";

        private static SyntaxTriviaList Indentation(StatementSyntax statement)
        {
            var leading = statement.GetLeadingTrivia();
            var last = leading.Count > 0 ? leading[leading.Count - 1] : default;
            return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
        }

        private static string EndOfLine(StatementSyntax statement)
        {
            foreach (var trivia in statement.GetTrailingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia.ToString();
                }
            }

            var text = statement.SyntaxTree.GetText().ToString();
            return text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
        }

        private static bool IsFunction(SyntaxNode node)
            => node is BaseMethodDeclarationSyntax
                || node is AnonymousFunctionExpressionSyntax
                || node is LocalFunctionStatementSyntax
                || node is AccessorDeclarationSyntax
                || node is BasePropertyDeclarationSyntax
                || node is BaseTypeDeclarationSyntax;

        private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.ToDisplayString() == baseName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A local name not written anywhere in the member and not visible at the statement.</summary>
        private static string FreeLocal(SemanticModel model, SyntaxNode function, int position, string stem)
        {
            var written = function.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToOrdinalSet();
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? stem : stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!written.Contains(candidate) && model.LookupSymbols(position, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }
        }

        /// <summary>A construct id not written as a string anywhere in the class.</summary>
        private static string FreeLogicalId(ClassDeclarationSyntax type, string stem)
        {
            var written = type.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText).ToOrdinalSet();
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? stem : stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!written.Contains(candidate))
                {
                    return candidate;
                }
            }
        }
    }

    internal static class WorldPeerSets
    {
        public static System.Collections.Generic.HashSet<string> ToOrdinalSet(this System.Collections.Generic.IEnumerable<string> items)
            => new System.Collections.Generic.HashSet<string>(items, StringComparer.Ordinal);
    }
}
