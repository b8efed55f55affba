using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using IacAnalyzers.Cdk.Adapters;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// A finding on a CDK view → a diagnostic whose properties carry the rule's fix intent, plus how the C# writer spells
    /// a set property on this construct (the props member, through the adapter or the default's record, and the C# value
    /// for renamed properties). The host never adds a fix the rule did not emit.
    /// </summary>
    public static class CdkDiagnostics
    {
        /// <summary>The construct id (or its C# text when not a constant) of the finding's resource: the tool's fingerprints.</summary>
        public const string ResourceKey = "IacResource";

        /// <summary>The CloudFormation type of the finding's resource.</summary>
        public const string ResourceTypeKey = "IacResourceType";

        /// <summary>
        /// The diagnostic of <paramref name="finding"/>, reported while analysing <paramref name="analysed"/> (the member
        /// whose code creates the construct). A finding on a value written in another member of the same document (a
        /// helper method, a field initializer) is located at the construct, with the value as its additional location:
        /// a diagnostic must lie in the member analysed to be local, the only kind the IDE computes for a span and
        /// offers a fix for (the fix edits the value through its intent, wherever the diagnostic is). A value in
        /// another document stays where it is written, unless that is generated code (<paramref name="generated"/>): no
        /// finding is reported there, so it goes to the construct too, without a fix (the generator would undo it); so does
        /// a value on a <c>#line hidden</c> line of the construct's own file. Null when it has nowhere to go: a value in
        /// generated code for a construct outside the member analysed.
        /// </summary>
        /// <param name="names">The compilation's rewriters, reused across findings; null builds one for this finding.</param>
        /// <param name="generated">Judges another document's location; null when every location may be reported (test seams).</param>
        public static Diagnostic? ToDiagnostic(
            Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter, ISymbol? analysed,
            CSharpNames.Cache? names = null, GeneratedCode? generated = null, System.Threading.CancellationToken cancellationToken = default)
        {
            var location = Locations.ToLocation(finding.Location);
            var construct = input.Operation.Syntax;
            var elsewhere = location.IsInSource && construct.SyntaxTree != location.SourceTree;
            // In the construct's own file only a `#line hidden` line can be generated (the driver analyses no generated
            // member); another file is judged whole.
            var inGeneratedCode = location.IsInSource && generated != null
                && (elsewhere ? generated.Contains(location, cancellationToken) : GeneratedCode.IsHidden(location.SourceTree!, location.SourceSpan.Start, cancellationToken));
            if (analysed == null
                || !location.IsInSource
                || (IsWithin(location, analysed) && !inGeneratedCode)
                || (elsewhere && !inGeneratedCode)
                || !IsWithin(construct.GetLocation(), analysed))
            {
                return inGeneratedCode ? null : ToDiagnostic(finding, view, input, adapter, names);
            }

            // A fix would edit the generated file, which its generator rewrites: none is offered for such a value.
            var (descriptor, properties, args) = Parts(inGeneratedCode ? finding.WithoutFix() : finding, view, input, adapter, names);
            return Diagnostic.Create(descriptor, construct.GetLocation(), new[] { location }, properties, args);
        }

        /// <summary>True when <paramref name="location"/> lies in one of <paramref name="member"/>'s declarations.</summary>
        internal static bool IsWithin(Location location, ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan))
                {
                    return true;
                }
            }

            return false;
        }

        public static Diagnostic ToDiagnostic(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter, CSharpNames.Cache? names = null)
        {
            var (descriptor, properties, args) = Parts(finding, view, input, adapter, names);
            return Diagnostic.Create(descriptor, Locations.ToLocation(finding.Location), properties, args);
        }

        private static (DiagnosticDescriptor Descriptor, ImmutableDictionary<string, string?> Properties, object?[] Args) Parts(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter, CSharpNames.Cache? cache)
        {
            var descriptor = Descriptors.For(finding.Rule);
            var properties = Properties(finding, view, input, adapter);

            // Say what the C# code says: MultiAz, not MultiAZ (only casing; see CSharpNames).
            var names = cache?.For(input, adapter) ?? CSharpNames.For(input, adapter);
            return (names.Spell(descriptor), properties, names.Rewrite(finding.MessageArgs));
        }

        /// <summary>The fix intent's properties, how C# spells a set property here, and the resource: one dictionary, built once.</summary>
        private static ImmutableDictionary<string, string?> Properties(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            if (finding.Fix != null)
            {
                finding.Fix.WriteTo(properties);

                if (finding.Fix is SetPropertyFix set)
                {
                    var setter = adapter?.SetterFor(set.Property, set.Value);
                    var member = setter?.Member ?? (set.Existing == null ? DefaultMember(input, finding.Location, set.Property) : null);
                    if (member != null)
                    {
                        properties[CSharpFixKeys.Member] = member;
                    }

                    if (setter?.Value != null)
                    {
                        properties[CSharpFixKeys.Value] = setter.Value;
                    }
                }
            }

            properties[ResourceKey] = view.Name;
            properties[ResourceTypeKey] = view.Type;
            return properties.ToImmutable();
        }

        /// <summary>The props member that overrides the CDK default the finding is on (or of that property), or null.</summary>
        private static string? DefaultMember(AdapterInput input, SourceLocation at, string property)
        {
            foreach (var d in input.Defaults)
            {
                if (ReferenceEquals(d.Value.Location, at)
                    || string.Equals(d.CloudFormationProperty, property, StringComparison.OrdinalIgnoreCase))
                {
                    return d.CdkMember;
                }
            }

            return null;
        }
    }
}
