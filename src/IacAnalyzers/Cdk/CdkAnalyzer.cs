using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IacAnalyzers.Cdk.Adapters;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// The CDK C# front-end's host. On compilation start it resolves the CDK types once; without Amazon.CDK.Lib it
    /// registers nothing. Then every object creation and call is checked against the L1 convention and the L2
    /// adapters by symbol (a cached dictionary look-up rejects everything else), the construct's resource views are
    /// built, and the rules that read their types run. Nothing escapes into the compiler: a failure becomes IAC0002.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CdkAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<DiagnosticDescriptor> Supported = Descriptors.ForSurface(Catalog.Surfaces.Cdk);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is never analysed: without the Analyze flag the driver skips generated files and members, as
            // with None. ReportDiagnostics only turns off the driver's own check of each reported location, which we make
            // ourselves (GeneratedCode.Hides, the same judgement: hidden lines, generated files and [GeneratedCode] members):
            // the driver's check walks every token of each file a finding lands in, looking for "GeneratedCode", which was
            // a third of this analyzer's time on a finding-heavy app (issue 13; the 50-stack app's 130 findings).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(Start);
        }

        /// <summary>
        /// The views the analysis builds for one operation tree (a member's body), in source order: what the rules read
        /// there. A seam for tests (<c>ViewBuilder.FromCSharp</c>); null when the compilation has no Amazon.CDK.Lib.
        /// </summary>
        internal static IReadOnlyList<ResourceView>? ViewsOf(Compilation compilation, IOperation root, CancellationToken cancellationToken)
        {
            var symbols = CdkSymbols.TryCreate(compilation);
            return symbols == null ? null : new CompilationState(symbols, AdapterRegistry.Create(compilation)).ViewsOf(root, cancellationToken);
        }

        private static void Start(CompilationStartAnalysisContext context)
        {
            var symbols = CdkSymbols.TryCreate(context.Compilation);
            if (symbols == null)
            {
                return;
            }

            var state = new CompilationState(symbols, AdapterRegistry.Create(context.Compilation), new GeneratedCode(context.Compilation, context.Options));
            context.RegisterOperationBlockStartAction(block =>
            {
                // Per-body state: lives as long as the analysis of this member's code, shared by its operation actions.
                // The driver calls this for every member of the compilation, most of which create no construct: the
                // state allocates nothing until one does.
                var bodies = new BodyState(state);
                block.RegisterOperationAction(bodies.AnalyzeCreation, CreationKind);
                if (state.Adapters.HasAnyMethod)
                {
                    block.RegisterOperationAction(bodies.AnalyzeInvocation, InvocationKind);
                }
            });
        }

        private static readonly ImmutableArray<OperationKind> CreationKind = ImmutableArray.Create(OperationKind.ObjectCreation);

        private static readonly ImmutableArray<OperationKind> InvocationKind = ImmutableArray.Create(OperationKind.Invocation);

        /// <summary>
        /// What the analysis of one member's code builds once and its operation actions share: the views of each of its
        /// operation trees (a member may have several: a constructor initializer, field initializers). The local-write
        /// index of each tree the resolver reads, the member's own and any other member's it follows, is the compilation's
        /// (<see cref="CompilationState.Indexes"/>); without one (a test seam), the body's own.
        /// </summary>
        internal sealed class BodyState
        {
            private readonly CompilationState? state;
            private readonly object gate = new object();
            private Dictionary<IOperation, BodyViews>? views;
            private BodyIndexes? indexes;

            public BodyState(CompilationState? state = null)
            {
                this.state = state;
            }

            public BodyIndexes Indexes
            {
                get
                {
                    if (state != null)
                    {
                        return state.Indexes;
                    }

                    lock (gate)
                    {
                        return indexes ??= new BodyIndexes();
                    }
                }
            }

            public void AnalyzeCreation(OperationAnalysisContext context) => state!.AnalyzeCreation(context, this);

            public void AnalyzeInvocation(OperationAnalysisContext context) => state!.AnalyzeInvocation(context, this);

            public BodyViews ViewsOf(IOperation root, Func<IOperation, BodyViews> build)
            {
                lock (gate)
                {
                    views ??= new Dictionary<IOperation, BodyViews>();
                    if (!views.TryGetValue(root, out var body))
                    {
                        body = build(root);
                        views.Add(root, body);
                    }

                    return body;
                }
            }
        }

        /// <summary>Per-compilation state: the symbols, the adapters, and a cache of what each created type is.</summary>
        internal sealed class CompilationState
        {
            private static readonly TypeRole None = new TypeRole(null, null);

            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeRole> roles = new ConcurrentDictionary<INamedTypeSymbol, TypeRole>(SymbolEqualityComparer.Default);

            public CompilationState(CdkSymbols symbols, AdapterRegistry adapters, GeneratedCode? generated = null)
            {
                Symbols = symbols;
                Adapters = adapters;
                Generated = generated;
                Indexes = new BodyIndexes(symbols.Facts);
            }

            /// <summary>
            /// The local-write index of every operation tree the analysis reads, built once per compilation: a member's
            /// analysis that follows a parameter to its callers (a stack's constructor calling its helper) reads the
            /// caller's index, which the caller's own analysis built too. It lives as long as this compilation's analysis,
            /// as the operation trees it points into do (the driver's semantic models hold them).
            /// </summary>
            public BodyIndexes Indexes { get; }

            /// <summary>Judges where a finding may be reported (null in test seams: anywhere).</summary>
            public GeneratedCode? Generated { get; }

            public CdkSymbols Symbols { get; }

            public AdapterRegistry Adapters { get; }

            /// <summary>The C# spelling of each construct type's property names, listed once per compilation (see <see cref="CSharpNames"/>).</summary>
            public CSharpNames.Cache Names { get; } = new CSharpNames.Cache();

            public void AnalyzeCreation(OperationAnalysisContext context, BodyState bodies)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type is INamedTypeSymbol type && !ReferenceEquals(Role(type), None))
                {
                    Guarded(context, creation, bodies);
                }
            }

            public void AnalyzeInvocation(OperationAnalysisContext context, BodyState bodies)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (Adapters.HasMethod(invocation.TargetMethod.Name) && Adapters.ForMethod(invocation.TargetMethod).Count > 0)
                {
                    Guarded(context, invocation, bodies);
                }
            }

            /// <inheritdoc cref="CdkAnalyzer.ViewsOf"/>
            public IReadOnlyList<ResourceView> ViewsOf(IOperation root, CancellationToken cancellationToken)
                => BuildBody(root, Indexes, cancellationToken).ByOperation
                    .OrderBy(p => p.Key.Syntax.SpanStart)
                    .SelectMany(p => p.Value.Views.Select(v => v.View))
                    .ToArray();

            /// <summary>What a created type is to us (cached: one dictionary look-up for every creation after the first).</summary>
            private TypeRole Role(INamedTypeSymbol type) => roles.TryGetValue(type, out var cached) ? cached : roles.GetOrAdd(type, Classify(type));

            private void Guarded(OperationAnalysisContext context, IOperation operation, BodyState bodies)
            {
                // Every diagnostic goes through the judgement the driver no longer makes (see Initialize).
                var analysed = context.ContainingSymbol;
                var cancellationToken = context.CancellationToken;
                Action<Diagnostic> report = diagnostic =>
                {
                    if (Generated == null || !Generated.Hides(diagnostic.Location, analysed, cancellationToken))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                };
                try
                {
                    var body = BodyOf(operation, bodies, context.CancellationToken);
                    if (body.ByOperation.TryGetValue(operation, out var built))
                    {
                        foreach (var (view, adapter) in built.Views)
                        {
                            RuleRunner.Run(
                                view,
                                finding =>
                                {
                                    var diagnostic = CdkDiagnostics.ToDiagnostic(
                                        WithoutHatchFix(finding, built.Hatches), view, built.Input, adapter, context.ContainingSymbol, Names, Generated, context.CancellationToken);
                                    if (diagnostic != null)
                                    {
                                        report(diagnostic);
                                    }
                                },
                                report,
                                context.CancellationToken);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // Last line of defence: the build goes on, and the user sees what happened.
                    report(RuleRunner.RuleFailed("CDK front-end", operation.Syntax.ToString().Split('(')[0], Locations.FromSyntax(operation.Syntax), ex));
                }
            }

            /// <summary>
            /// The views of every construct and adapted call of the method body (or lambda, or initializer) that holds
            /// <paramref name="operation"/>, built once per body: they are each other's resource context, so a rule can
            /// ask which instances refer to a cluster, or which rules refer to a security group.
            /// </summary>
            private BodyViews BodyOf(IOperation operation, BodyState bodies, CancellationToken cancellationToken)
                => bodies.ViewsOf(BodyIndexes.RootOf(operation), r => BuildBody(r, bodies.Indexes, cancellationToken));

            private BodyViews BuildBody(IOperation root, BodyIndexes indexes, CancellationToken cancellationToken)
            {
                var body = new BodyViews();
                // The body's index walks the tree once for locals and for these (a tree root is a body, never one of
                // them); a subtree handed in by a test seam is walked on its own.
                var operations = root.Parent == null ? indexes.Of(root).CreationsAndCalls : root.DescendantsAndSelf();
                foreach (var operation in operations)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (operation)
                    {
                        case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type:
                            var role = Role(type);
                            if (!ReferenceEquals(role, None) && ReadsLikeItsBase(creation, type, cancellationToken))
                            {
                                body.ByOperation[creation] = Build(creation, role.Adapters, role.CloudFormationType, body.Context, indexes, cancellationToken);
                            }

                            break;
                        case IInvocationOperation invocation when Adapters.HasMethod(invocation.TargetMethod.Name):
                            var adapters = Adapters.ForMethod(invocation.TargetMethod);
                            if (adapters.Count > 0)
                            {
                                body.ByOperation[invocation] = Build(invocation, adapters, null, body.Context, indexes, cancellationToken);
                            }

                            break;
                    }
                }

                return body;
            }

            private Built Build(IOperation operation, IReadOnlyList<CdkAdapter>? adapters, string? cloudFormationType, ListResourceContext context, BodyIndexes indexes, CancellationToken cancellationToken)
            {
                var resolver = new ValueResolver(Symbols, indexes, cancellationToken);
                var input = new AdapterInput(operation, resolver, context);
                var built = new Built(input);
                var local = operation is IObjectCreationOperation ? ValueResolver.DeclaredLocal(operation) : null;
                var hatches = local != null ? EscapeHatches.Read(local, operation, indexes.Of(operation), resolver) : null;
                built.Hatches = hatches;
                if (cloudFormationType != null && operation is IObjectCreationOperation creation)
                {
                    var view = L1View(creation, input, cloudFormationType, resolver);
                    if (view != null)
                    {
                        if (hatches != null && hatches.Opaque)
                        {
                            // No findings on it (a property it lacks may be set by the override); it stays a context member.
                            context.Add(Overridden(view));
                        }
                        else
                        {
                            view = hatches != null ? hatches.Apply(view) : view;
                            built.Views.Add((view, null));
                            context.Add(view);
                        }
                    }

                    return built;
                }

                var views = new List<ResourceView>(1);
                foreach (var adapter in adapters ?? Array.Empty<CdkAdapter>())
                {
                    views.Clear();
                    adapter.Build(input, views);
                    foreach (var built1 in views)
                    {
                        var view = built1;
                        if (hatches != null && hatches.Opaque)
                        {
                            context.Add(Overridden(view));
                            continue;
                        }

                        // The escape hatch writes the default child: the view of the construct itself, of the type cast to.
                        if (hatches != null && view.Name == input.Name && view.Type == (hatches.CastType ?? adapter.DefaultChildType))
                        {
                            view = hatches.Apply(view);
                        }

                        built.Views.Add((view, adapter));
                        context.Add(view);
                    }
                }

                return built;
            }

            /// <summary>
            /// A finding on a value an escape hatch wrote gets no fix: the C# fix writer edits props members (and renames
            /// them through the adapter), not override paths.
            /// </summary>
            private static Finding WithoutHatchFix(Finding finding, EscapeHatches? hatches)
                => hatches != null && hatches.Wrote(finding.Location) ? finding.WithoutFix() : finding;

            /// <summary>
            /// A construct changed through an escape hatch or a raw override: every property we know becomes unknown
            /// (never flagged), since the override may set it. The view stays in the context for references.
            /// </summary>
            private static ResourceView Overridden(ResourceView view)
            {
                var entries = new List<MapEntry>(view.Properties.Entries.Count);
                foreach (var e in view.Properties.Entries)
                {
                    entries.Add(new MapEntry(e.Key, e.KeyLocation, new UnknownValue("possibly changed through an escape hatch or override", e.Value.Location)));
                }

                return new ResourceView(view.Type, view.Name, view.Location, new MapValue(entries, view.Properties.Location), view.Surface, view.Context, view.Metadata, view.Condition, view.PropertiesWritten);
            }

            /// <summary>
            /// An L1 view: the props as written (C# names; look-ups ignore case), then the properties set in the
            /// construct's own object initializer, then its property writes after its creation. Props (or an initializer)
            /// that cannot be known give no view at all: a missing property must never be read as "not set".
            /// </summary>
            private static ResourceView? L1View(IObjectCreationOperation creation, AdapterInput input, string cloudFormationType, ValueResolver resolver)
            {
                var props = input.Props;
                if (props is OneOfValue oneOf)
                {
                    props = CdkValues.MergeBranches(oneOf);
                }

                if (!(props is MapValue map))
                {
                    return null;
                }

                var initialized = resolver.ConstructInitializerWrites(creation);
                if (initialized == null)
                {
                    return null;
                }

                var after = resolver.WritesAfterCreation(creation);
                if (initialized.Count + after.Count > 0)
                {
                    // Later writes win (MapValue.GetEntry): the props, then the construct's own initializer, then writes after it.
                    var entries = new List<MapEntry>(map.Entries.Count + initialized.Count + after.Count);
                    entries.AddRange(map.Entries);
                    entries.AddRange(initialized);
                    entries.AddRange(after);
                    map = new MapValue(entries, map.Location, map.Provenance);
                }

                return new ResourceView(cloudFormationType, input.Name, input.Location, map, Catalog.Surfaces.Cdk, input.Context, propertiesWritten: input.PropsWritten);
            }

            /// <summary>
            /// A CDK type is read as itself. A user's subclass is read as its CDK base only when the constructor it calls
            /// hands a <c>props</c> parameter straight to <c>base(...)</c>: then the creation's <c>props</c> argument is
            /// the base's. A subclass that builds its own props inside (<c>: base(scope, id, new XProps { ... })</c>) is
            /// not judged at its creations, whose arguments are not the base's (unknown, so never flagged).
            /// </summary>
            private bool ReadsLikeItsBase(IObjectCreationOperation creation, INamedTypeSymbol type, CancellationToken cancellationToken)
            {
                if (Symbols.IsCdkType(type))
                {
                    return true;
                }

                var constructor = creation.Constructor;
                if (constructor == null || !constructor.Parameters.Any(p => p.Name == "props"))
                {
                    return false;
                }

                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax declaration
                        && declaration.Initializer is ConstructorInitializerSyntax initializer
                        && initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.BaseKeyword)
                        && initializer.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax name
                                                                       && name.Identifier.ValueText == "props"
                                                                       && (a.NameColon == null || a.NameColon.Name.Identifier.ValueText == "props")))
                    {
                        return true;
                    }
                }

                return false;
            }

            private TypeRole Classify(INamedTypeSymbol type)
            {
                if (!Symbols.IsConstruct(type))
                {
                    return None;
                }

                for (var t = type; t != null; t = t.BaseType)
                {
                    var adapters = Adapters.ForConstruct(t.OriginalDefinition);
                    if (adapters != null)
                    {
                        return new TypeRole(adapters, null);
                    }
                }

                var cfn = L1Mapping.CloudFormationType(type, Symbols);
                return cfn != null && Rules.RuleSet.IsInteresting(cfn) ? new TypeRole(null, cfn) : None;
            }

        }

        /// <summary>The views of one method body, by the operation that produced them, and their shared context.</summary>
        internal sealed class BodyViews
        {
            public Dictionary<IOperation, Built> ByOperation { get; } = new Dictionary<IOperation, Built>();

            public ListResourceContext Context { get; } = new ListResourceContext();
        }

        /// <summary>The views one creation or call produced, with the adapter that built each (null for L1).</summary>
        internal sealed class Built
        {
            public Built(AdapterInput input)
            {
                Input = input;
            }

            public AdapterInput Input { get; }

            public List<(ResourceView View, CdkAdapter? Adapter)> Views { get; } = new List<(ResourceView, CdkAdapter?)>(1);

            /// <summary>The construct's escape hatches, when it has some (their values get no C# fix).</summary>
            public EscapeHatches? Hatches { get; set; }
        }

        /// <summary>What a created type is to us: adapted L2 constructs, an L1 resource, or nothing.</summary>
        internal sealed class TypeRole
        {
            public TypeRole(CdkAdapter[]? adapters, string? cloudFormationType)
            {
                Adapters = adapters;
                CloudFormationType = cloudFormationType;
            }

            public CdkAdapter[]? Adapters { get; }

            public string? CloudFormationType { get; }
        }
    }
}
