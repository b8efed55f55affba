using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.CodeFixes.CSharp
{
    /// <summary>
    /// The C# writer for <see cref="SetPropertyFix"/>: for any IAC diagnostic that carries the intent, sets a member
    /// of a props object (or an L1 construct) — replacing the written value, or adding <c>Member = value</c> to the
    /// object initializer with the initializer's own layout. Offered only when the edit is known to apply: the
    /// container is an object creation, the member exists and is assignable, the value can be written for its type.
    /// Fix All applies a document's fixes one after another (<see cref="SequentialFixAll"/>): two members set on one
    /// creation never conflict, and the context's equivalence key is not required to match (dotnet format).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CSharpSetPropertyFixProvider))]
    [Shared]
    public sealed class CSharpSetPropertyFixProvider : CSharpIntentFixProvider
    {
        public const string EquivalenceKeyPrefix = "IacAnalyzers.SetProperty.";

        public CSharpSetPropertyFixProvider()
            : base(FixKind.SetProperty)
        {
        }

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Models.RegisterFixesAsync(
            context,
            d => SetPropertyIntent.From(d.Properties),
            SetPropertyWriter.Plan, // cheap: syntax around the spans and the types named there; the new syntax is built on apply
            edit => edit.Title,
            (document, _, edit, ct) => Apply(document, edit, ct),
            EquivalenceKeyPrefix);

        protected override Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var pending = diagnostics
                .Where(d => d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => SetPropertyIntent.From(d.Properties))
                .ToList();
            return SequentialFixAll.ApplyAsync(
                document,
                pending,
                async (current, root, model, intent, ct) =>
                {
                    var edit = SetPropertyWriter.Plan(root, model, intent, ct);
                    if (edit == null)
                    {
                        return null;
                    }

                    var next = await Apply(current, edit, ct).ConfigureAwait(false);
                    return await Simplifier.ReduceAsync(next, Simplifier.Annotation, cancellationToken: ct).ConfigureAwait(false);
                },
                (intent, change) => intent.Through(change),
                context.CancellationToken);
        }

        private static async Task<Document> Apply(Document document, SetPropertyEdit edit, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var current = root.FindNode(edit.Target.Span, getInnermostNodeForTie: true);
            var target = current.AncestorsAndSelf().FirstOrDefault(n => n.Span == edit.Target.Span && n.RawKind == edit.Target.RawKind);
            if (target == null)
            {
                return document;
            }

            var replacement = edit.BuildReplacement(target);
            if (!(target is BaseObjectCreationExpressionSyntax) || replacement.GetAnnotatedNodesAndTokens(Simplifier.Annotation).Any())
            {
                // A value replaced by a value (the cheapest edit there is: the document's text is only made when asked
                // for), or a value that needs the simplifier (a fully qualified enum-like member): a tree edit.
                return document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
            }

            // A member added to a creation: the smallest text change. As a tree edit the new member's elastic trivia
            // makes the code action's clean-up format the creation, seconds next to a thousand-item initializer.
            var local = SequentialFixAll.MinimalChange(target.ToFullString(), replacement.ToFullString());
            var change = new TextChange(new TextSpan(target.FullSpan.Start + local.Span.Start, local.Span.Length), local.NewText!);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }

    /// <summary>The <see cref="SetPropertyFix"/> keys of a diagnostic, plus the C# ones the CDK host adds.</summary>
    internal sealed class SetPropertyIntent
    {
        private SetPropertyIntent(string property, string value, ScalarKind kind, TextSpan container, TextSpan? existing, string? member, string? csharpValue)
        {
            Property = property;
            Value = value;
            Kind = kind;
            Container = container;
            Existing = existing;
            Member = member;
            CSharpValue = csharpValue;
        }

        public string Property { get; }

        public string Value { get; }

        public ScalarKind Kind { get; }

        public TextSpan Container { get; }

        public TextSpan? Existing { get; }

        /// <summary>The C# member to set, when the CDK host knows it (otherwise <see cref="Property"/>, ignoring case).</summary>
        public string? Member { get; }

        /// <summary>The value in the writer's syntax, when the CDK host gives it.</summary>
        public string? CSharpValue { get; }

        /// <summary>This intent after <paramref name="change"/> (Fix All); null when its value or creation was cut.</summary>
        public SetPropertyIntent? Through(TextChange change)
        {
            var container = SequentialFixAll.Map(Container, change);
            TextSpan? existing = null;
            if (Existing is TextSpan e)
            {
                existing = SequentialFixAll.Map(e, change);
                if (existing == null)
                {
                    return null;
                }
            }

            return container == null && existing == null
                ? null
                : new SetPropertyIntent(Property, Value, Kind, container ?? default, existing, Member, CSharpValue);
        }

        public static SetPropertyIntent? From(ImmutableDictionary<string, string?> properties)
        {
            if (!(SetPropertyFix.TryRead(properties) is SetPropertyFix fix))
            {
                return null;
            }

            var existing = fix.Existing is FixSpan e ? new TextSpan(e.Start, e.Length) : (TextSpan?)null;
            properties.TryGetValue(IacAnalyzers.Cdk.Adapters.CSharpFixKeys.Member, out var member);
            properties.TryGetValue(IacAnalyzers.Cdk.Adapters.CSharpFixKeys.Value, out var csharpValue);
            return new SetPropertyIntent(fix.Property, fix.Value, fix.ValueKind, new TextSpan(fix.Container.Start, fix.Container.Length), existing, member, csharpValue);
        }
    }
}
