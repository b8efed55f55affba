using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using IacAnalyzers.Cdk.Adapters;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(Start);
        }

        private static void Start(CompilationStartAnalysisContext context)
        {
            var symbols = CdkSymbols.TryCreate(context.Compilation);
            if (symbols == null)
            {
                return;
            }

            var state = new CompilationState(symbols, AdapterRegistry.Create(context.Compilation));
            context.RegisterOperationAction(state.AnalyzeCreation, OperationKind.ObjectCreation);
            if (state.Adapters.HasAnyMethod)
            {
                context.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            }
        }

        /// <summary>Per-compilation state: the symbols, the adapters, and a cache of what each created type is.</summary>
        internal sealed class CompilationState
        {
            private static readonly TypeRole None = new TypeRole(null, null);

            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeRole> roles = new ConcurrentDictionary<INamedTypeSymbol, TypeRole>(SymbolEqualityComparer.Default);

            public CompilationState(CdkSymbols symbols, AdapterRegistry adapters)
            {
                Symbols = symbols;
                Adapters = adapters;
            }

            public CdkSymbols Symbols { get; }

            public AdapterRegistry Adapters { get; }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (!(creation.Type is INamedTypeSymbol type))
                {
                    return;
                }

                var role = roles.TryGetValue(type, out var cached) ? cached : roles.GetOrAdd(type, Classify(type));
                if (ReferenceEquals(role, None))
                {
                    return;
                }

                Guarded(context, creation, role.Adapters, role.CloudFormationType);
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!Adapters.HasMethod(invocation.TargetMethod.Name))
                {
                    return;
                }

                CdkAdapter[]? adapters = null;
                foreach (var adapter in Adapters.ForMethod(invocation.TargetMethod))
                {
                    adapters = adapters == null ? new[] { adapter } : Append(adapters, adapter);
                }

                if (adapters != null)
                {
                    Guarded(context, invocation, adapters, null);
                }
            }

            private void Guarded(OperationAnalysisContext context, IOperation operation, CdkAdapter[]? adapters, string? cloudFormationType)
            {
                try
                {
                    Analyze(context.ReportDiagnostic, operation, adapters, cloudFormationType, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // Last line of defence: the build goes on, and the user sees what happened.
                    context.ReportDiagnostic(RuleRunner.RuleFailed("CDK front-end", operation.Syntax.ToString().Split('(')[0], Locations.FromSyntax(operation.Syntax), ex));
                }
            }

            internal void Analyze(Action<Diagnostic> report, IOperation operation, CdkAdapter[]? adapters, string? cloudFormationType, CancellationToken cancellationToken)
            {
                var resolver = new ValueResolver(Symbols, cancellationToken);
                var input = new AdapterInput(operation, resolver, EmptyResourceContext.Instance);
                var views = new List<ResourceView>(1);
                if (cloudFormationType != null && operation is IObjectCreationOperation creation)
                {
                    var view = L1View(creation, input, cloudFormationType, resolver);
                    if (view != null)
                    {
                        views.Add(view);
                    }

                    Run(report, views, input, null, cancellationToken);
                    return;
                }

                foreach (var adapter in adapters ?? Array.Empty<CdkAdapter>())
                {
                    views.Clear();
                    adapter.Build(input, views);
                    Run(report, views, input, adapter, cancellationToken);
                }
            }

            private static void Run(Action<Diagnostic> report, List<ResourceView> views, AdapterInput input, CdkAdapter? adapter, CancellationToken cancellationToken)
            {
                foreach (var view in views)
                {
                    RuleRunner.Run(
                        view,
                        finding => report(CdkDiagnostics.ToDiagnostic(finding, view, input, adapter)),
                        report,
                        cancellationToken);
                }
            }

            /// <summary>
            /// An L1 view: the props as written (C# names; look-ups ignore case), then the construct's own property
            /// writes after its creation. Props that cannot be known give no view at all: a missing property must never
            /// be read as "not set".
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

                var after = resolver.WritesAfterCreation(creation);
                if (after.Count > 0)
                {
                    var entries = new List<MapEntry>(map.Entries.Count + after.Count);
                    entries.AddRange(map.Entries);
                    entries.AddRange(after);
                    map = new MapValue(entries, map.Location, map.Provenance);
                }

                return new ResourceView(cloudFormationType, input.Name, input.Location, map, Catalog.Surfaces.Cdk, input.Context, propertiesWritten: input.PropsWritten);
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

            private static T[] Append<T>(T[] array, T item)
            {
                var result = new T[array.Length + 1];
                array.CopyTo(result, 0);
                result[array.Length] = item;
                return result;
            }
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
