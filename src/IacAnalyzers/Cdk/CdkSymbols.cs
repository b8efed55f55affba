using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// The CDK types the front-end needs, resolved once per compilation by metadata name. Everything except
    /// <see cref="Construct"/> and <see cref="CfnResource"/> is optional: a CDK v2 version that lacks a type simply
    /// switches off what depends on it. Null from <see cref="TryCreate"/> means "not a CDK project": nothing registers.
    /// </summary>
    public sealed class CdkSymbols
    {
        public const string CdkAssemblyName = "Amazon.CDK.Lib";

        public const string ConstructsAssemblyName = "Constructs";

        // Type facts asked for again and again (every value of every construct): computed once per type and compilation.
        // AllInterfaces and GetAttributes build new arrays on each call.
        private readonly ConcurrentDictionary<ITypeSymbol, bool> tokens = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> dictionaries = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> collections = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> constructs = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        public const string CfnNamespacePrefix = "Amazon.CDK.AWS.";

        private CdkSymbols(Compilation compilation, INamedTypeSymbol construct, INamedTypeSymbol cfnResource)
        {
            Compilation = compilation;
            Construct = construct;
            CfnResource = cfnResource;
            CdkAssembly = cfnResource.ContainingAssembly;
            Stack = CdkAssembly.GetTypeByMetadataName("Amazon.CDK.Stack");
            Dictionary = CoreLibraryType(compilation, "System.Collections.IDictionary");
            GenericDictionary = CoreLibraryType(compilation, "System.Collections.Generic.IDictionary`2");
            ReadOnlyDictionary = CoreLibraryType(compilation, "System.Collections.Generic.IReadOnlyDictionary`2");
            Enumerable = CoreLibraryType(compilation, "System.Collections.IEnumerable");
            Resolvable = CdkAssembly.GetTypeByMetadataName("Amazon.CDK.IResolvable");
            Facts = new TypeFacts(this);
            CallSites = new CallSites(compilation);
            libraryVersion = new Lazy<Version?>(() => ReadLibraryVersion(CdkAssembly), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly Lazy<Version?> libraryVersion;

        /// <summary>
        /// The aws-cdk-lib version the referenced Amazon.CDK.Lib wraps (2.160.0), or null when it cannot be read. The
        /// assembly's own version is 1.0.0.0 in every release; the version is the second argument of its
        /// <c>[assembly: JsiiAssembly("aws-cdk-lib", "2.160.0", "aws-cdk-lib-2.160.0.tgz")]</c>. For the few behaviours
        /// that changed between releases (see <c>ProjectAdapter</c>).
        /// </summary>
        public Version? LibraryVersion => libraryVersion.Value;

        internal static Version? ReadLibraryVersion(IAssemblySymbol assembly)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.Name != "JsiiAssemblyAttribute" || attribute.ConstructorArguments.Length < 2)
                {
                    continue;
                }

                // TypedConstant.Value throws for an array: read only a primitive (a string here).
                var version = attribute.ConstructorArguments[1];
                return version.Kind == TypedConstantKind.Primitive ? ParseLibraryVersion(version.Value as string) : null;
            }

            return null;
        }

        /// <summary>"2.160.0" → 2.160.0; a pre-release suffix ("2.160.0-rc.1") is dropped; anything else → null.</summary>
        internal static Version? ParseLibraryVersion(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var end = text!.IndexOfAny(new[] { '-', '+' });
            return Version.TryParse(end < 0 ? text : text.Substring(0, end), out var version) ? version : null;
        }

        /// <summary>The calls of methods declared in source, searched once per method (see <see cref="Cdk.CallSites"/>).</summary>
        public CallSites CallSites { get; }

        public Compilation Compilation { get; }

        /// <summary><c>Constructs.Construct</c>: every L1 and L2 construct derives from it.</summary>
        public INamedTypeSymbol Construct { get; }

        /// <summary><c>Amazon.CDK.CfnResource</c>: the base of every L1 resource class.</summary>
        public INamedTypeSymbol CfnResource { get; }

        /// <summary>The Amazon.CDK.Lib assembly (static members of its types are read as "enum-like" values).</summary>
        public IAssemblySymbol CdkAssembly { get; }

        public INamedTypeSymbol? Stack { get; }

        public INamedTypeSymbol? Dictionary { get; }

        public INamedTypeSymbol? GenericDictionary { get; }

        public INamedTypeSymbol? ReadOnlyDictionary { get; }

        public INamedTypeSymbol? Enumerable { get; }

        /// <summary><c>Amazon.CDK.IResolvable</c>: a token, resolved at deploy time.</summary>
        public INamedTypeSymbol? Resolvable { get; }

        /// <summary>
        /// True for what a static CDK member returns when it is a token rather than an enum-like value: a string, a
        /// number, a list of them, or an <c>IResolvable</c> (<c>Fn.Join</c>, <c>Aws.REGION</c>, <c>Fn.ConditionIf</c>).
        /// </summary>
        public bool IsToken(ITypeSymbol? type)
            => type != null && (tokens.TryGetValue(type, out var known) ? known : tokens.GetOrAdd(type, ComputeIsToken(type)));

        private bool ComputeIsToken(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Double:
                case SpecialType.System_Int32:
                case SpecialType.System_Object:
                    return true;
            }

            return Implements(type, Resolvable);
        }

        /// <summary>The symbols, or null when Amazon.CDK.Lib (or Constructs) is not referenced.</summary>
        /// <remarks>
        /// Types are looked up in the assembly that declares them. <see cref="Compilation.GetTypeByMetadataName"/> searches
        /// every reference (it must report a name two of them declare), which makes the compiler read the type tables of
        /// all of them, the hundreds of framework reference assemblies a project never uses included (a sampled profile
        /// of a cold compile showed it doubling the time the compiler spent grouping types by namespace). Every project
        /// paid that, a project without the CDK too, just to learn it has none; it now stops at the list of its
        /// references. In CPU time the gain is within the noise of 60 paired compiles (-0.012 s [-0.045, +0.022] of
        /// 3.1 s for a 79-file library): the SDK's own analyzers read many of those tables anyway.
        /// </remarks>
        public static CdkSymbols? TryCreate(Compilation compilation)
        {
            var cfnResource = ReferencedAssembly(compilation, CdkAssemblyName)?.GetTypeByMetadataName("Amazon.CDK.CfnResource");
            var construct = ReferencedAssembly(compilation, ConstructsAssemblyName)?.GetTypeByMetadataName("Constructs.Construct");
            if (cfnResource == null || construct == null)
            {
                return null;
            }

            return new CdkSymbols(compilation, construct, cfnResource);
        }

        /// <summary>The referenced assembly of that simple name (the first, should two versions be referenced), or null.</summary>
        internal static IAssemblySymbol? ReferencedAssembly(Compilation compilation, string name)
        {
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (string.Equals(assembly.Identity.Name, name, StringComparison.Ordinal))
                {
                    return assembly;
                }
            }

            return null;
        }

        /// <summary>
        /// A framework type, from the assembly that declares <see cref="object"/> (System.Runtime, netstandard, mscorlib),
        /// or from any reference when that assembly does not declare it.
        /// </summary>
        private static INamedTypeSymbol? CoreLibraryType(Compilation compilation, string metadataName)
            => compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly?.GetTypeByMetadataName(metadataName)
               ?? compilation.GetTypeByMetadataName(metadataName);

        /// <summary>A type declared in Amazon.CDK.Lib.</summary>
        public bool IsCdkType(ITypeSymbol? type)
            => type != null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, CdkAssembly);

        /// <summary>A construct type (derives from <c>Constructs.Construct</c>); asked for every object creation the resolver reads.</summary>
        public bool IsConstruct(ITypeSymbol? type)
            => type != null && (constructs.TryGetValue(type, out var known) ? known : constructs.GetOrAdd(type, DerivesFrom(type, Construct)));

        /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (classes only).</summary>
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="type"/> implements <paramref name="interfaceType"/> (open generic allowed) or is it.</summary>
        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? interfaceType)
        {
            if (type == null || interfaceType == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, interfaceType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A dictionary-like type: its initializer is read as a map.</summary>
        public bool IsDictionary(ITypeSymbol? type)
            => type != null && (dictionaries.TryGetValue(type, out var known) ? known
                : dictionaries.GetOrAdd(type, Implements(type, Dictionary) || Implements(type, GenericDictionary) || Implements(type, ReadOnlyDictionary)));

        /// <summary>A collection (not a string, not a dictionary): its initializer is read as a list.</summary>
        public bool IsCollection(ITypeSymbol? type)
            => type != null && (collections.TryGetValue(type, out var known) ? known
                : collections.GetOrAdd(type, type.SpecialType != SpecialType.System_String && Implements(type, Enumerable) && !IsDictionary(type)));

        /// <summary>Cached facts about types (data type, mutability), computed once per type for this compilation.</summary>
        public TypeFacts Facts { get; }

        /// <summary>
        /// A jsii struct (props classes, L1 nested property types): a plain data object whose members are its value.
        /// jsii marks them with <c>[JsiiByValue]</c>; user classes are data objects too. Cached (see <see cref="TypeFacts"/>).
        /// </summary>
        public bool IsDataType(ITypeSymbol type) => Facts.IsDataType(type);
    }
}
