using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The edit of <see cref="CSharpWorldPeerFixProvider"/>, planned against one snapshot: which peer call to rewrite,
    /// which statement to insert before, and the free local and logical-id names. <see cref="Create"/> returns
    /// <c>null</c> whenever the edit is not known to apply.
    /// </summary>
    internal sealed class WorldPeerPlan
    {
        public const string SshId = "IAC1101";
        public const string RdpId = "IAC1102";

        private const string PeerType = "Amazon.CDK.AWS.EC2.Peer";
        private const string ConstructType = "Constructs.Construct";
        private const string ParameterType = "Amazon.CDK.CfnParameter";
        private const string ParameterPropsType = "Amazon.CDK.CfnParameterProps";

        // CloudFormation AllowedPattern (Java regex). Prefix lengths start at 1: the world (/0) is what the fix removes.
        private const string Ipv4Pattern =
            @"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$";

        private const string Ipv6Pattern =
            @"^[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}/([1-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$";

        private readonly InvocationExpressionSyntax peer;
        private readonly StatementSyntax statement;
        private readonly BlockSyntax block;
        private readonly bool ipv6;
        private readonly string local;
        private readonly string logicalId;
        private readonly string service;
        private readonly int port;

        private WorldPeerPlan(InvocationExpressionSyntax peer, StatementSyntax statement, BlockSyntax block, bool ipv6, string local, string logicalId, string service, int port)
        {
            this.peer = peer;
            this.statement = statement;
            this.block = block;
            this.ipv6 = ipv6;
            this.local = local;
            this.logicalId = logicalId;
            this.service = service;
            this.port = port;
        }

        public string Title => "Allow " + service + " only from a CIDR given by a new CfnParameter '" + logicalId + "'";

        public static WorldPeerPlan? Create(SyntaxNode root, SemanticModel model, string id, TextSpan span, CancellationToken cancellationToken)
        {
            string service;
            int port;
            switch (id)
            {
                case SshId:
                    service = "SSH";
                    port = 22;
                    break;
                case RdpId:
                    service = "RDP";
                    port = 3389;
                    break;
                default:
                    return null;
            }

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

            var stem = service == "SSH" ? "ssh" : "rdp";
            var local = FreeLocal(model, function, statement.SpanStart, stem + "IngressCidr");
            var logicalId = FreeLogicalId(type, char.ToUpperInvariant(stem[0]) + stem.Substring(1) + "IngressCidr");
            return new WorldPeerPlan(invocation, statement, block, ipv6, local, logicalId, service, port);
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
            var family = ipv6 ? "IPv6" : "IPv4";
            var example = ipv6 ? "2001:db8::/32" : "203.0.113.0/24";
            var world = ipv6 ? "::/0" : "0.0.0.0/0";
            var description = family + " CIDR allowed to reach " + service + " (TCP port " + port.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "), for example " + example + "; " + world + " is not accepted";
            var text = "var " + local + " = new global::" + ParameterType + "(this, " + Literal(logicalId)
                + ", new global::" + ParameterPropsType + " { Type = \"String\", Description = " + Literal(description)
                + ", AllowedPattern = @\"" + (ipv6 ? Ipv6Pattern : Ipv4Pattern) + "\" });";
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
