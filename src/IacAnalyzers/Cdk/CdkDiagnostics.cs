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

        public static Diagnostic ToDiagnostic(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter)
        {
            var descriptor = Descriptors.For(finding.Rule);
            var properties = FixProperties(finding, input, adapter)
                .SetItem(ResourceKey, view.Name)
                .SetItem(ResourceTypeKey, view.Type);

            // Say what the C# code says: MultiAz, not MultiAZ (only casing; see CSharpNames).
            var names = CSharpNames.For(input, adapter);
            var format = names.Rewrite(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            descriptor = Descriptors.WithMessageFormat(descriptor, format);
            return Diagnostic.Create(descriptor, Locations.ToLocation(finding.Location), properties, names.Rewrite(finding.MessageArgs));
        }

        private static ImmutableDictionary<string, string?> FixProperties(Finding finding, AdapterInput input, CdkAdapter? adapter)
        {
            if (finding.Fix == null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var properties = new Dictionary<string, string?>(finding.Fix.ToProperties());
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

            return properties.ToImmutableDictionary();
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
