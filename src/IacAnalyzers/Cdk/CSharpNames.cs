using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using IacAnalyzers.Cdk.Adapters;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// On the C# surface, say what the C# code says. Rules and the catalog speak CloudFormation (<c>MultiAZ</c>,
    /// <c>MultiAZEnabled</c>); Amazon.CDK.Lib spells the same properties in jsii casing (<c>MultiAz</c>,
    /// <c>MultiAzEnabled</c>). This rewrites a C# finding's message — the catalog's format and the rule's arguments —
    /// so that every word naming a property of the construct's props in other casing takes the C# spelling. Only
    /// casing changes, and only in words written as property names are (an upper-case start and some lower case, so
    /// neither <c>encrypted</c> nor <c>KMS</c>): a CloudFormation name with no C# member of the same letters stays as it is. Quoted text
    /// (construct ids, values, <c>`code`</c>) is never touched.
    /// </summary>
    public sealed class CSharpNames
    {
        private const int MaxNames = 4096;

        private readonly Dictionary<string, string?> byUpper = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        // Each rule's descriptor with its message in this spelling, by rule id: made at the first finding of the rule on
        // this kind of construct, then reused (the rewrite scans the whole message format).
        private readonly ConcurrentDictionary<string, DiagnosticDescriptor> spelled = new ConcurrentDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);

        private CSharpNames()
        {
        }

        /// <summary>
        /// The C# names a finding on a construct may mention: the members of the props type of the
        /// creation (L1 and L2, with one level of nested property types) and the adapter's rows. The view's own keys
        /// are not used: an L2 view is keyed by CloudFormation names.
        /// </summary>
        public static CSharpNames For(AdapterInput input, CdkAdapter? adapter)
        {
            var names = new CSharpNames();
            if (input.Operation is IObjectCreationOperation creation && creation.Constructor != null)
            {
                foreach (var parameter in creation.Constructor.Parameters)
                {
                    if (parameter.Name == "props" && parameter.Type is INamedTypeSymbol propsType)
                    {
                        names.AddMembersOf(propsType);
                    }
                }
            }

            if (adapter is ConstructAdapter table)
            {
                foreach (var row in table.Rows)
                {
                    names.Add(row.CdkMember);
                }
            }

            return names;
        }

        /// <summary>
        /// The names of each (constructor, adapter) pair, built once per compilation: every finding on a construct of
        /// the same type would otherwise list the same props members again. The rewriter is read-only once built.
        /// </summary>
        public sealed class Cache
        {
            // Keyed by a class, not a value tuple: a dictionary over a struct key is compiled anew for it (a dozen
            // methods JIT'd in every build), while one over references shares the runtime's precompiled code.
            private readonly ConcurrentDictionary<Key, CSharpNames> built = new ConcurrentDictionary<Key, CSharpNames>();

            public CSharpNames For(AdapterInput input, CdkAdapter? adapter)
            {
                var key = new Key((input.Operation as IObjectCreationOperation)?.Constructor, adapter);
                return built.TryGetValue(key, out var names) ? names : built.GetOrAdd(key, CSharpNames.For(input, adapter));
            }

            private sealed class Key : IEquatable<Key>
            {
                private readonly IMethodSymbol? constructor;
                private readonly CdkAdapter? adapter;

                public Key(IMethodSymbol? constructor, CdkAdapter? adapter)
                {
                    this.constructor = constructor;
                    this.adapter = adapter;
                }

                public bool Equals(Key? other)
                    => other != null && ReferenceEquals(adapter, other.adapter) && SymbolEqualityComparer.Default.Equals(constructor, other.constructor);

                public override bool Equals(object? obj) => Equals(obj as Key);

                public override int GetHashCode()
                    => (SymbolEqualityComparer.Default.GetHashCode(constructor) * 31) ^ (adapter == null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(adapter));
            }
        }

        /// <summary>A rewriter over a given list of C# names.</summary>
        public static CSharpNames Of(params string[] csharpNames)
        {
            var names = new CSharpNames();
            foreach (var name in csharpNames)
            {
                names.Add(name);
            }

            return names;
        }

        /// <summary>
        /// The catalog's descriptor of a rule (one per id) with its message format rewritten (<see cref="Rewrite(string)"/>);
        /// the same instance when nothing changes. Made once per rule for these names.
        /// </summary>
        public DiagnosticDescriptor Spell(DiagnosticDescriptor descriptor)
            => spelled.TryGetValue(descriptor.Id, out var known)
                ? known
                : spelled.GetOrAdd(descriptor.Id, Host.Descriptors.WithMessageFormat(descriptor, Rewrite(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        /// <summary>Rewrites words outside quotes; returns the same instance when nothing changes.</summary>
        public string Rewrite(string text)
        {
            if (byUpper.Count == 0 || text.Length == 0)
            {
                return text;
            }

            StringBuilder? result = null;
            var quote = '\0';
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }

                    result?.Append(c);
                    i++;
                    continue;
                }

                if ((c == '\'' || c == '`') && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                {
                    quote = c;
                    result?.Append(c);
                    i++;
                    continue;
                }

                if (!IsWordStart(c) || (i > 0 && IsWordPart(text[i - 1])))
                {
                    result?.Append(c);
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < text.Length && IsWordPart(text[end]))
                {
                    end++;
                }

                // Only a word that looks like a property name is cut out to be looked up: most words of a message are
                // English, and a substring of each was most of what a finding's rewrite allocated.
                string? csharp = null;
                if (LooksLikeAPropertyName(text, i, end))
                {
                    var word = text.Substring(i, end - i);
                    if (byUpper.TryGetValue(word, out var found) && found != null && !string.Equals(found, word, StringComparison.Ordinal))
                    {
                        csharp = found;
                    }
                }

                if (csharp != null)
                {
                    result ??= new StringBuilder(text, 0, i, text.Length + 8);
                    result.Append(csharp);
                }
                else
                {
                    result?.Append(text, i, end - i);
                }

                i = end;
            }

            return result?.ToString() ?? text;
        }

        /// <summary>The arguments with their strings rewritten; the same array when nothing changes.</summary>
        public object[] Rewrite(object[] args)
        {
            object[]? copy = null;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is string s)
                {
                    var rewritten = Rewrite(s);
                    if (!ReferenceEquals(rewritten, s))
                    {
                        copy ??= (object[])args.Clone();
                        copy[i] = rewritten;
                    }
                }
            }

            return copy ?? args;
        }

        /// <summary>
        /// <c>MultiAZ</c>, not <c>encrypted</c> (English) nor <c>KMS</c> (an acronym): an upper-case start and some
        /// lower case, as CloudFormation property names are written.
        /// </summary>
        private static bool LooksLikeAPropertyName(string text, int start, int end)
        {
            if (end - start < 2 || text[start] < 'A' || text[start] > 'Z')
            {
                return false;
            }

            for (var k = start + 1; k < end; k++)
            {
                var c = text[k];
                if (c >= 'a' && c <= 'z')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsWordStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

        private static bool IsWordPart(char c) => IsWordStart(c) || (c >= '0' && c <= '9') || c == '_';

        /// <summary>
        /// The props type's members, and one level of its nested CloudFormation property types
        /// (<c>CfnDomain.ClusterConfigProperty.ZoneAwarenessEnabled</c>); no recursion that follows the input.
        /// </summary>
        private void AddMembersOf(INamedTypeSymbol type)
        {
            AddOwnMembersOf(type);
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && property.Type is INamedTypeSymbol nested
                    && nested.Name.EndsWith("Property", StringComparison.Ordinal) && !nested.IsGenericType)
                {
                    AddOwnMembersOf(nested);
                }
            }
        }

        private void AddOwnMembersOf(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && property.DeclaredAccessibility == Accessibility.Public && !property.IsStatic)
                {
                    Add(property.Name);
                }
            }

            foreach (var contract in type.AllInterfaces)
            {
                foreach (var member in contract.GetMembers())
                {
                    if (member is IPropertySymbol property)
                    {
                        Add(property.Name);
                    }
                }
            }
        }

        private void Add(string name)
        {
            if (name.Length == 0 || byUpper.Count >= MaxNames || !IsWordStart(name[0]))
            {
                return;
            }

            if (byUpper.TryGetValue(name, out var known))
            {
                if (known != null && !string.Equals(known, name, StringComparison.Ordinal))
                {
                    // Two C# names that differ only by case: do not guess which one a message means.
                    byUpper[name] = null;
                }

                return;
            }

            byUpper[name] = name;
        }
    }
}
