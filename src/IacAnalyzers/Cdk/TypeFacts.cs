using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// Facts about types that the value resolver asks again and again (is it a jsii data type, may other code change
    /// an instance of it), computed once per type and cached for the compilation. Owned by <see cref="CdkSymbols"/>,
    /// which lives for one compilation; thread-safe.
    /// </summary>
    public sealed class TypeFacts
    {
        private readonly CdkSymbols symbols;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> dataTypes = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> mutable = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        // The marks are kept boxed, one shared box per combination (Boxed): a ConcurrentDictionary whose values are one of
        // our value types is framework code our ReadyToRun image cannot hold, and a cold compiler process JIT-compiled a
        // dozen of its methods; over reference types it shares the framework's precompiled code.
        private static readonly object[] Boxed = BoxEach();
        private readonly ConcurrentDictionary<ITypeSymbol, object> jsii = new ConcurrentDictionary<ITypeSymbol, object>(SymbolEqualityComparer.Default);
        private readonly Func<ITypeSymbol, bool> computeDataType;
        private readonly Func<ITypeSymbol, object> computeJsii = type => Boxed[(int)JsiiMarksOf(type)];

        internal TypeFacts(CdkSymbols symbols)
        {
            this.symbols = symbols;
            computeDataType = ComputeIsDataType;
        }

        /// <summary>How many distinct types have had a fact computed (tests check the cache is hit).</summary>
        public int ComputedCount => dataTypes.Count + mutable.Count + jsii.Count;

        /// <summary>
        /// A jsii struct (props classes, L1 nested property types): a plain data object whose members are its value.
        /// jsii marks them with <c>[JsiiByValue]</c>; user classes are data objects too.
        /// </summary>
        public bool IsDataType(ITypeSymbol type) => dataTypes.GetOrAdd(type, computeDataType);

        /// <summary>
        /// The jsii attributes of <paramref name="type"/> (<c>Amazon.JSII.*</c>'s <c>[JsiiByValue]</c>, <c>[JsiiClass]</c>,
        /// <c>[JsiiInterface]</c>), read once per type: the body index asks for every local handed to a call.
        /// </summary>
        internal JsiiMarks Jsii(ITypeSymbol type) => (JsiiMarks)(jsii.TryGetValue(type, out var known) ? known : jsii.GetOrAdd(type, computeJsii));

        private static object[] BoxEach()
        {
            var all = (int)(JsiiMarks.ByValue | JsiiMarks.Class | JsiiMarks.Interface);
            var boxes = new object[all + 1];
            for (var i = 0; i <= all; i++)
            {
                boxes[i] = (JsiiMarks)i;
            }

            return boxes;
        }

        /// <summary>The jsii attributes of <paramref name="type"/>, read from its attributes (uncached).</summary>
        internal static JsiiMarks JsiiMarksOf(ITypeSymbol type)
        {
            var marks = JsiiMarks.None;
            foreach (var attribute in type.GetAttributes())
            {
                var mark = attribute.AttributeClass?.Name switch
                {
                    "JsiiByValueAttribute" => JsiiMarks.ByValue,
                    "JsiiClassAttribute" => JsiiMarks.Class,
                    "JsiiInterfaceAttribute" => JsiiMarks.Interface,
                    _ => JsiiMarks.None,
                };
                if (mark != JsiiMarks.None && IsUnderAmazonJsii(attribute.AttributeClass!.ContainingNamespace))
                {
                    marks |= mark;
                }
            }

            return marks;
        }

        /// <summary>True for <c>Amazon.JSII</c> and the namespaces under it, read from the symbols (no display string).</summary>
        private static bool IsUnderAmazonJsii(INamespaceSymbol? ns)
        {
            // Walk up to the namespace just below the global one, remembering the one below it.
            INamespaceSymbol? child = null;
            while (ns != null && ns.ContainingNamespace != null && !ns.ContainingNamespace.IsGlobalNamespace)
            {
                child = ns;
                ns = ns.ContainingNamespace;
            }

            return ns != null && child != null && !ns.IsGlobalNamespace
                   && string.Equals(ns.Name, "Amazon", StringComparison.Ordinal) && string.Equals(child.Name, "JSII", StringComparison.Ordinal);
        }

        /// <summary>
        /// False for objects other code cannot change: types without public setters or <c>Add*</c> methods (an
        /// <c>IClusterEngine</c> from <c>DatabaseClusterEngine.AuroraPostgres(...)</c>, a <c>Port</c>, an <c>IPeer</c>), so
        /// sharing one engine local between two constructs does not make it unknown for the second. Props classes (setters),
        /// arrays and lists, statements and documents (<c>AddActions</c>, <c>AddStatements</c>) may be changed.
        /// </summary>
        public bool MayBeChangedByOthers(ITypeSymbol? type)
        {
            if (type == null || type.TypeKind == TypeKind.Array || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
            {
                return true;
            }

            return mutable.GetOrAdd(type, ComputeMayBeChangedByOthers);
        }

        private bool ComputeIsDataType(ITypeSymbol type)
        {
            // A CDK type is a data type when jsii marks it by value (the same marks the body index reads, read once).
            return !symbols.IsCdkType(type) || (Jsii(type) & JsiiMarks.ByValue) != 0;
        }

        private static bool ComputeMayBeChangedByOthers(ITypeSymbol type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) == true && t.SpecialType != SpecialType.System_Object)
                {
                    return true; // collections and other framework types
                }

                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                    {
                        continue;
                    }

                    if ((member is IPropertySymbol property && property.SetMethod != null && !property.SetMethod.IsInitOnly)
                        || (member is IFieldSymbol field && !field.IsReadOnly && !field.IsConst)
                        || (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary && method.Name.StartsWith("Add", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            foreach (var face in type.AllInterfaces)
            {
                foreach (var member in face.GetMembers())
                {
                    if ((member is IPropertySymbol property && property.SetMethod != null)
                        || (member is IMethodSymbol method && method.Name.StartsWith("Add", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>The jsii attributes a type carries (see <see cref="TypeFacts.Jsii"/>).</summary>
    [Flags]
    internal enum JsiiMarks
    {
        None = 0,
        ByValue = 1,
        Class = 2,
        Interface = 4,
    }
}
