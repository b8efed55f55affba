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
    /// A finding on a CDK view → a diagnostic whose properties tell the C# fix writer what to do. Beyond the rule's
    /// own fix intent, the CDK host adds the C# member (through the adapter, for renamed properties) and, for a finding
    /// located on a boolean CDK default, the fix the rule could not give: set the member to the other value.
    /// </summary>
    public static class CdkDiagnostics
    {
        public static Diagnostic ToDiagnostic(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter)
        {
            var descriptor = Descriptors.For(finding.Rule);
            var properties = FixProperties(finding, view, input, adapter);

            // Say what the C# code says: MultiAz, not MultiAZ (only casing; see CSharpNames).
            var names = CSharpNames.For(input, adapter);
            var format = names.Rewrite(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            descriptor = Descriptors.WithMessageFormat(descriptor, format);
            return Diagnostic.Create(descriptor, Locations.ToLocation(finding.Location), properties, names.Rewrite(finding.MessageArgs));
        }

        private static ImmutableDictionary<string, string?> FixProperties(Finding finding, ResourceView view, AdapterInput input, CdkAdapter? adapter)
        {
            var onDefault = DefaultAt(input, finding.Location);
            if (finding.Fix is SetPropertyFix set)
            {
                var properties = new Dictionary<string, string?>(set.ToProperties());
                if (set.Existing != null && DefaultAt(input, set.Existing.Location) != null)
                {
                    // "Replace the default" is "write the member": there is nothing to replace in the source.
                    properties.Remove(SetPropertyFix.ExistingStartKey);
                    properties.Remove(SetPropertyFix.ExistingLengthKey);
                }

                var setter = adapter?.SetterFor(set.Property, set.Value);
                if (setter != null)
                {
                    properties[CSharpFixKeys.Member] = setter.Member;
                    if (setter.Value != null)
                    {
                        properties[CSharpFixKeys.Value] = setter.Value;
                    }
                }

                return properties.ToImmutableDictionary();
            }

            if (finding.Fix == null && onDefault != null && onDefault.Value.Kind == ScalarKind.Boolean)
            {
                // A finding on a boolean default can only be fixed by writing the other value.
                var value = onDefault.Value.AsBoolean() == true ? "false" : "true";
                var fix = new SetPropertyFix(onDefault.CloudFormationProperty, value, ScalarKind.Boolean, view.Properties.Location, null, !view.PropertiesWritten);
                var properties = new Dictionary<string, string?>(fix.ToProperties())
                {
                    [CSharpFixKeys.Member] = onDefault.CdkMember,
                };
                return properties.ToImmutableDictionary();
            }

            return finding.Fix?.ToProperties().ToImmutableDictionary() ?? ImmutableDictionary<string, string?>.Empty;
        }

        private static AdapterInput.DefaultRecord? DefaultAt(AdapterInput input, SourceLocation location)
        {
            foreach (var d in input.Defaults)
            {
                if (ReferenceEquals(d.Value.Location, location))
                {
                    return d;
                }
            }

            return null;
        }
    }
}
