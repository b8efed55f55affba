using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Every call of a method or constructor declared in source, when the compilation holds them all: the method cannot
    /// be called from another assembly (private, internal without <c>InternalsVisibleTo</c>, or any member of an
    /// application: what a CDK app deploys is what its <c>Main</c> builds), is not virtual nor an interface member, and
    /// every use of its name in the compilation is a direct call (a method group, <c>nameof</c>, <c>x?.M()</c>, an implicit
    /// <c>base()</c> that could reach it: not all known). Candidate uses are found by a cheap identifier filter (one token
    /// walk of the compilation, shared by every query; a private method's own type only), then, in those files, by a search
    /// of their text for the name, and only those are bound. Work is bounded (files, bindings,
    /// call sites); past a bound the answer is "not all known". Owned by <see cref="CdkSymbols"/>: one compilation,
    /// thread-safe, nothing static.
    /// </summary>
    public sealed class CallSites
    {
        /// <summary>More call sites than this: the parameter stays unknown.</summary>
        public const int MaxCallSites = 8;

        /// <summary>More uses of the name than this to bind: not searched further (unknown).</summary>
        public const int MaxBindings = 64;

        /// <summary>A compilation of more files than this is not searched for call sites (unknown).</summary>
        public const int MaxTrees = 2000;

        private const string ImplicitNew = "new()";

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, Result> results = new ConcurrentDictionary<IMethodSymbol, Result>(SymbolEqualityComparer.Default);
        private Dictionary<string, List<SyntaxTree>>? names;
        private int bindings;

        internal CallSites(Compilation compilation)
        {
            this.compilation = compilation;
        }

        /// <summary>How many uses have been bound so far, over all queries (tests check the filter and the cache).</summary>
        public int BindingCount => Volatile.Read(ref bindings);

        /// <summary>The calls of <paramref name="method"/>, or a result saying why they cannot all be known. Cached per method.</summary>
        public Result Of(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (results.TryGetValue(method, out var cached))
            {
                return cached;
            }

            // Not stored when cancelled (the exception leaves before GetOrAdd).
            return results.GetOrAdd(method, Find(method, cancellationToken));
        }

        private Result Find(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var why = Ineligible(method, cancellationToken);
            if (why != null)
            {
                return Result.NotAll(why);
            }

            var constructor = method.MethodKind == MethodKind.Constructor;
            var implicitReach = constructor && method.Parameters.All(p => p.IsOptional || p.IsParams);
            var name = constructor ? method.ContainingType.Name : method.Name;
            var roots = PrivateScope(method, cancellationToken) ?? FilesNaming(name, constructor, cancellationToken);
            if (roots == null)
            {
                return Result.NotAll("a compilation too large to search for its calls");
            }

            var sites = new List<Site>();
            var bound = 0;
            foreach (var root in roots)
            {
                var model = ModelFor(root.SyntaxTree);
                var named = constructor ? null : NamesIn(root, name, cancellationToken);
                foreach (var node in named ?? root.DescendantNodesAndSelf())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var candidate = Candidate(node, name, constructor, implicitReach);
                    if (candidate == null)
                    {
                        continue;
                    }

                    if (++bound > MaxBindings)
                    {
                        return Result.NotAll("a method whose name is used too often to search");
                    }

                    Interlocked.Increment(ref bindings);
                    var problem = Classify(node, candidate, method, model, sites, cancellationToken);
                    if (problem != null)
                    {
                        return Result.NotAll(problem);
                    }

                    if (sites.Count > MaxCallSites)
                    {
                        return Result.NotAll("a method called in more than " + MaxCallSites + " places");
                    }
                }
            }

            return new Result(sites, null);
        }

        /// <summary>
        /// Where a call of a private method or a local function can be written: only inside its containing type's
        /// declarations (C# §7.5.3: the accessibility domain of a private member is the program text of its type, nested
        /// types included). Null for any other method, and for a private one of an implicitly declared type (top-level
        /// statements), which are searched for through <see cref="FilesNaming"/>. Without this, the same private helper in
        /// every stack of an app (<c>CreateCache</c> in 50 files) made each query walk and bind all of them: quadratic in
        /// the number of stacks; and it needs no compilation-wide name index, so a compilation whose only queries are
        /// private helpers never builds one.
        /// </summary>
        private static IReadOnlyList<SyntaxNode>? PrivateScope(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var type = method.ContainingType;
            if ((method.DeclaredAccessibility != Accessibility.Private && method.MethodKind != MethodKind.LocalFunction)
                || type == null || type.IsImplicitlyDeclared || type.DeclaringSyntaxReferences.Length == 0)
            {
                return null;
            }

            return type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToArray();
        }

        /// <summary>The files whose text names <paramref name="name"/> (or, for a constructor, has a target-typed <c>new()</c>), in compilation order; null when the compilation is too large to index.</summary>
        private IReadOnlyList<SyntaxNode>? FilesNaming(string name, bool constructor, CancellationToken cancellationToken)
        {
            var index = Names(cancellationToken);
            if (index == null)
            {
                return null;
            }

            var trees = new HashSet<SyntaxTree>();
            if (index.TryGetValue(name, out var withName))
            {
                trees.UnionWith(withName);
            }

            if (constructor && index.TryGetValue(ImplicitNew, out var withImplicit))
            {
                trees.UnionWith(withImplicit);
            }

            return compilation.SyntaxTrees.Where(trees.Contains).Select(t => t.GetRoot(cancellationToken)).ToArray();
        }

        /// <summary>Whether the compilation-wide name index has been built (tests check that private helpers never need it).</summary>
        internal bool NameIndexBuilt => Volatile.Read(ref names) != null;

        private string? Ineligible(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.Constructor && method.MethodKind != MethodKind.LocalFunction)
            {
                return "a parameter of a lambda, accessor or operator";
            }

            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
                || method.DeclaringSyntaxReferences.Length != 1 || method.IsImplicitlyDeclared)
            {
                return "a parameter of a method other code may call";
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!(syntax is MethodDeclarationSyntax || syntax is ConstructorDeclarationSyntax || syntax is LocalFunctionStatementSyntax))
            {
                return "a parameter of a primary constructor";
            }

            if (method.ContainingType.AllInterfaces.Any(i => i.GetMembers(method.Name).Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method))))
            {
                return "a parameter of an interface member";
            }

            if (SymbolEqualityComparer.Default.Equals(compilation.GetEntryPoint(cancellationToken), method))
            {
                return "a parameter of the entry point";
            }

            var application = compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary && compilation.Options.OutputKind != OutputKind.NetModule
                && compilation.Options.OutputKind != OutputKind.WindowsRuntimeMetadata;
            return application || !VisibleOutside(method) ? null : "a parameter of a method other assemblies may call";
        }

        /// <summary>True when another assembly may call <paramref name="method"/>.</summary>
        private bool VisibleOutside(IMethodSymbol method)
        {
            var internalOnly = false;
            for (ISymbol? s = method; s != null && !(s is INamespaceSymbol); s = s.ContainingSymbol)
            {
                switch (s.DeclaredAccessibility)
                {
                    case Accessibility.Private:
                        return false;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedAndInternal:
                        internalOnly = true;
                        break;
                }

                if (s is IMethodSymbol local && local.MethodKind == MethodKind.LocalFunction)
                {
                    return false;
                }
            }

            return !internalOnly || compilation.Assembly.GetAttributes().Any(a => a.AttributeClass?.Name == "InternalsVisibleToAttribute");
        }

        /// <summary>
        /// The simple names spelling <paramref name="name"/> in <paramref name="root"/>, in source order, found from the
        /// text (a search for the name, then the token at each hit) instead of a walk of every node: what a method's
        /// candidates are (a constructor's also include nodes that do not spell its name, so they are walked). Null when
        /// the text has a <c>\u</c> escape, which may spell an identifier the search cannot see (the caller walks then).
        /// </summary>
        private static List<SyntaxNode>? NamesIn(SyntaxNode root, string name, CancellationToken cancellationToken)
        {
            // The text is read in chunks copied out of it: its indexer is a virtual call per character, which made this
            // scan the larger part of a call-site search. Each chunk carries the next name.Length characters too, so a
            // name (or a \u escape) across a chunk's end is seen whole; a position belongs to the chunk it starts in.
            var text = root.SyntaxTree.GetText(cancellationToken);
            var span = root.FullSpan;
            var found = new List<SyntaxNode>();
            var first = name[0];
            var buffer = ChunkBuffer(name.Length);
            for (var chunk = span.Start; chunk < span.End; chunk += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(ChunkLength + name.Length, span.End - chunk);
                text.CopyTo(chunk, buffer, 0, count);
                var owned = Math.Min(ChunkLength, count);
                for (var j = 0; j < owned; j++)
                {
                    var c = buffer[j];
                    if (c == '\\' && j + 1 < count && (buffer[j + 1] == 'u' || buffer[j + 1] == 'U'))
                    {
                        return null;
                    }

                    if (c != first || j + name.Length > count || !Matches(buffer, j, name))
                    {
                        continue;
                    }

                    var i = chunk + j;
                    var token = root.FindToken(i);
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Start <= i && i < token.Span.End
                        && token.ValueText == name && token.Parent is SimpleNameSyntax simple && simple.Identifier == token)
                    {
                        found.Add(simple);
                    }
                }
            }

            return found;
        }

        /// <summary>How many characters of the text <see cref="NamesIn"/> copies out at a time.</summary>
        internal const int ChunkLength = 4096;

        [ThreadStatic]
        private static char[]? chunkBuffer;

        /// <summary>This thread's buffer for a chunk and a name's length after it (a search runs on one thread, start to end).</summary>
        private static char[] ChunkBuffer(int nameLength)
        {
            var buffer = chunkBuffer;
            if (buffer == null || buffer.Length < ChunkLength + nameLength)
            {
                buffer = new char[ChunkLength + Math.Max(nameLength, 256)];
                chunkBuffer = buffer;
            }

            return buffer;
        }

        private static bool Matches(char[] text, int at, string name)
        {
            for (var k = 1; k < name.Length; k++)
            {
                if (text[at + k] != name[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The expression naming the callee in a use worth binding, or null.</summary>
        private static SyntaxNode? Candidate(SyntaxNode node, string name, bool constructor, bool implicitReach)
        {
            switch (node)
            {
                case SimpleNameSyntax simple when simple.Identifier.ValueText == name:
                    return simple;
                case ImplicitObjectCreationExpressionSyntax implicitCreation when constructor:
                    return implicitCreation;
                case ConstructorInitializerSyntax initializer when constructor:
                    return initializer;
                case ConstructorDeclarationSyntax declaration when implicitReach && declaration.Initializer == null && declaration.Identifier.ValueText != name:
                    // Another type's constructor without `: base(...)`: it calls base() implicitly.
                    return declaration;
                default:
                    return null;
            }
        }

        /// <summary>Adds the call a candidate is to <paramref name="sites"/>; returns why not all calls are known, or null.</summary>
        private static string? Classify(SyntaxNode node, SyntaxNode candidate, IMethodSymbol method, SemanticModel? model, List<Site> sites, CancellationToken cancellationToken)
        {
            if (model == null)
            {
                return "a method used where we cannot look";
            }

            switch (candidate)
            {
                case ConstructorInitializerSyntax initializer:
                    return AddCall(model.GetOperation(initializer, cancellationToken), initializer, method, sites);
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return AddCall(model.GetOperation(implicitCreation, cancellationToken), implicitCreation, method, sites);
                case ConstructorDeclarationSyntax declaration:
                    var derived = model.GetDeclaredSymbol(declaration, cancellationToken);
                    return derived != null && !derived.IsStatic && SymbolEqualityComparer.Default.Equals(derived.ContainingType.BaseType?.OriginalDefinition, method.ContainingType)
                           && method.Parameters.All(p => p.IsOptional || p.IsParams)
                        ? "a constructor a derived class may call implicitly"
                        : null;
            }

            if (method.MethodKind != MethodKind.Constructor)
            {
                // The usual site, `Name(...)` or `x.Name(...)`: the call's operation names its target. The driver has
                // built the member's operation tree, so this is a look-up where GetSymbolInfo would bind the name again.
                // A call that did not bind to one method is no IInvocationOperation: it takes the path below.
                if (CallNaming(candidate) is InvocationExpressionSyntax call && model.GetOperation(call, cancellationToken) is IInvocationOperation bound)
                {
                    return AddCall(bound, call, method, sites);
                }
            }

            var info = model.GetSymbolInfo(candidate, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
            if (symbol is INamedTypeSymbol named && method.MethodKind == MethodKind.Constructor)
            {
                // The type's name: `new T(...)` is a call; a derived type's declaration may call it implicitly.
                if (!SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, method.ContainingType))
                {
                    return null;
                }

                var creation = candidate.Parent is QualifiedNameSyntax q && q.Right == candidate ? q.Parent : candidate.Parent;
                if (creation is ObjectCreationExpressionSyntax objectCreation)
                {
                    return AddCall(model.GetOperation(objectCreation, cancellationToken), objectCreation, method, sites);
                }

                return ImplicitBaseCall(candidate, method, model, cancellationToken);
            }

            if (!(symbol is IMethodSymbol target) || !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method))
            {
                return null;
            }

            if (info.Symbol == null)
            {
                return "a method named where it is not called";
            }

            if (CallNaming(candidate) is InvocationExpressionSyntax invocation)
            {
                return AddCall(model.GetOperation(invocation, cancellationToken), invocation, method, sites);
            }

            return "a method used as a delegate or named elsewhere";
        }

        /// <summary>The call whose callee is <paramref name="name"/>: <c>Name(...)</c> or <c>x.Name(...)</c>; else null.</summary>
        private static InvocationExpressionSyntax? CallNaming(SyntaxNode name)
        {
            var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>A derived type (named in a base list) whose constructors may call ours without naming it.</summary>
        private static string? ImplicitBaseCall(SyntaxNode typeName, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(typeName.Parent is SimpleBaseTypeSyntax || typeName.Parent?.Parent is SimpleBaseTypeSyntax) || !(typeName.FirstAncestorOrSelf<TypeDeclarationSyntax>() is TypeDeclarationSyntax declaration))
            {
                return null;
            }

            if (typeName.Parent is PrimaryConstructorBaseTypeSyntax || typeName.Parent?.Parent is PrimaryConstructorBaseTypeSyntax)
            {
                return "a constructor called by a primary constructor";
            }

            var derived = model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
            var implicitOnly = derived != null && derived.InstanceConstructors.Any(c => c.IsImplicitlyDeclared);
            return implicitOnly && method.Parameters.All(p => p.IsOptional || p.IsParams) ? "a constructor a derived class may call implicitly" : null;
        }

        private static string? AddCall(IOperation? operation, SyntaxNode syntax, IMethodSymbol method, List<Site> sites)
        {
            ImmutableArray<IArgumentOperation> arguments;
            IMethodSymbol? target;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    target = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    target = creation.Constructor;
                    arguments = creation.Arguments;
                    break;
                case IExpressionStatementOperation statement when statement.Operation is IInvocationOperation chained:
                    target = chained.TargetMethod;
                    arguments = chained.Arguments;
                    break;
                default:
                    return operation == null ? "a call we cannot read" : null;
            }

            if (target == null || !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method))
            {
                return null;
            }

            sites.Add(new Site(arguments, syntax));
            return null;
        }

        /// <summary>Identifier text → the files that contain it (and <c>new()</c> → files with target-typed creations), built once.</summary>
        private Dictionary<string, List<SyntaxTree>>? Names(CancellationToken cancellationToken)
        {
            var existing = Volatile.Read(ref names);
            if (existing != null)
            {
                return existing;
            }

            if (compilation.SyntaxTrees.Count() > MaxTrees)
            {
                return null;
            }

            var built = new Dictionary<string, List<SyntaxTree>>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    string key;
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        key = token.ValueText;
                    }
                    else if (token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax)
                    {
                        key = ImplicitNew;
                    }
                    else
                    {
                        continue;
                    }

                    if (seen.Add(key))
                    {
                        if (!built.TryGetValue(key, out var list))
                        {
                            list = new List<SyntaxTree>(1);
                            built.Add(key, list);
                        }

                        list.Add(tree);
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            return Interlocked.CompareExchange(ref names, built, null) ?? built;
        }

        private SemanticModel? ModelFor(SyntaxTree tree)
        {
#pragma warning disable RS1030, RS0030 // Calls in other files; the analyzer driver's semantic model provider caches models.
            return compilation.ContainsSyntaxTree(tree) ? compilation.GetSemanticModel(tree) : null;
#pragma warning restore RS1030, RS0030
        }

        /// <summary>One call: its arguments (bound to the callee's parameters, defaults included) and its syntax.</summary>
        public sealed class Site
        {
            public Site(ImmutableArray<IArgumentOperation> arguments, SyntaxNode syntax)
            {
                Arguments = arguments;
                Syntax = syntax;
            }

            public ImmutableArray<IArgumentOperation> Arguments { get; }

            public SyntaxNode Syntax { get; }

            /// <summary>How provenance names this call (<c>ValueResolver.Where</c>), made on first use and kept: a helper's
            /// parameters are read at every use, by every construct that reads them.</summary>
            internal string? Where { get; set; }
        }

        /// <summary>The calls, or (when <see cref="Sites"/> is null) why they cannot all be known.</summary>
        public sealed class Result
        {
            public Result(IReadOnlyList<Site>? sites, string? why)
            {
                Sites = sites;
                Why = why ?? string.Empty;
            }

            public IReadOnlyList<Site>? Sites { get; }

            public string Why { get; }

            public static Result NotAll(string why) => new Result(null, why);
        }
    }
}
