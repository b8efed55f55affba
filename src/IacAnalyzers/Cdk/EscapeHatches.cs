using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>
    /// What a construct's escape hatches write, so the verdict follows the synthesized template:
    /// <c>var cfn = (CfnDBInstance)db.Node.DefaultChild; cfn.MultiAz = true;</c>,
    /// <c>((CfnBucket)bucket.Node.DefaultChild).AddPropertyOverride("BucketEncryption.X", v)</c>,
    /// <c>AddPropertyDeletionOverride("X")</c>, <c>AddOverride("Properties.X", v)</c> and <c>AddDeletionOverride("Properties.X")</c>
    /// (also called on an L1 construct's own local). Each write is an <see cref="Edit"/> of one property path of the
    /// default child's view; the other properties stay as the props say. A write that cannot be followed makes its
    /// property unknown (a conditional write, a nested member write, an unknown value); a hatch that cannot be followed
    /// at all (the child passed to other code, <c>FindChild</c>, an override path that is not a constant) makes the
    /// whole construct <see cref="Opaque"/>: every property unknown, as before this reading existed.
    /// Overrides of parts other than <c>Properties</c> (<c>DependsOn</c>, <c>Metadata</c>, deletion policies) and
    /// harmless calls (<c>AddDependency</c>, <c>OverrideLogicalId</c>, <c>ApplyRemovalPolicy</c>, ...) change no property.
    /// </summary>
    internal sealed class EscapeHatches
    {
        /// <summary>Override paths deeper than this make their top-level property unknown (bounds the path walk).</summary>
        private const int MaxPathDepth = 8;

        private static readonly HashSet<string> Harmless = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddDependency", "AddDependsOn", "RemoveDependency", "ObtainDependencies", "ObtainResourceDependencies", "AddMetadata", "GetMetadata",
            "OverrideLogicalId", "ApplyRemovalPolicy", "GetAtt", "ToString", "ShouldSynthesize", "Inspect",
        };

        private readonly List<Edit> edits = new List<Edit>();
        private readonly List<SourceLocation> spans = new List<SourceLocation>();

        private EscapeHatches()
        {
        }

        /// <summary>True when the hatch cannot be followed: every property of the construct is unknown.</summary>
        public bool Opaque { get; private set; }

        /// <summary>The CloudFormation type of the default child as the code casts it (<c>(CfnBucket)</c>), or null (<c>CfnResource</c>, no cast).</summary>
        public string? CastType { get; private set; }

        public IReadOnlyList<Edit> Edits => edits;

        /// <summary>
        /// The escape hatches of the construct held in <paramref name="local"/> and created by <paramref name="creation"/>,
        /// or null when it has none.
        /// </summary>
        public static EscapeHatches? Read(ILocalSymbol local, IOperation creation, BodyIndex index, ValueResolver resolver)
        {
            var hatches = index.HatchesOf(local);
            if (hatches.Count == 0)
            {
                return null;
            }

            var result = new EscapeHatches();
            if (index.WritesOf(local).Count != 1)
            {
                // The local holds another object at some point: which construct a hatch changes is not known.
                result.Opaque = true;
                return result;
            }

            foreach (var hatch in hatches)
            {
                if (result.Opaque)
                {
                    break;
                }

                switch (hatch)
                {
                    case IInvocationOperation call when IsOverride(call.TargetMethod.Name):
                        result.ReadCall(call, creation, resolver);
                        break;
                    case IPropertyReferenceOperation defaultChild when defaultChild.Property.Name == "DefaultChild":
                        result.ReadDefaultChild(defaultChild, creation, index, resolver);
                        break;
                    default:
                        // FindChild / TryFindChild / FindAll: which child, and what is done with it, is not followed.
                        result.Opaque = true;
                        break;
                }
            }

            return result;
        }

        /// <summary>True when a finding at <paramref name="location"/> is on a value an escape hatch wrote (its fix is withheld: the C# writer edits props, not overrides).</summary>
        public bool Wrote(SourceLocation location)
        {
            foreach (var span in spans)
            {
                if (ReferenceEquals(span.Anchor, location.Anchor) && location.Start >= span.Start && location.Start + location.Length <= span.Start + span.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The view with the edits applied in source order (later writes win).</summary>
        public ResourceView Apply(ResourceView view)
        {
            var entries = new List<MapEntry>(view.Properties.Entries);
            foreach (var edit in edits)
            {
                var top = edit.Path[0];
                Value? existing = null;
                for (var i = entries.Count - 1; i >= 0; i--)
                {
                    if (string.Equals(entries[i].Key, top, StringComparison.OrdinalIgnoreCase))
                    {
                        existing ??= entries[i].Value;
                        entries.RemoveAt(i);
                    }
                }

                var value = edit.Path.Length > MaxPathDepth
                    ? new UnknownValue("changed by an override too deep to follow", edit.At)
                    : SetIn(existing, edit, 1);
                if (value != null)
                {
                    entries.Add(new MapEntry(top, edit.At, value));
                }
            }

            return new ResourceView(view.Type, view.Name, view.Location, new MapValue(entries, view.Properties.Location, view.Properties.Provenance), view.Surface, view.Context, view.Metadata, view.Condition, view.PropertiesWritten);
        }

        /// <summary>
        /// <paramref name="current"/> with <paramref name="edit"/> applied from path segment <paramref name="i"/> on; null
        /// when nothing is left (a deletion of something absent). Depth is bounded by <see cref="MaxPathDepth"/>.
        /// </summary>
        private static Value? SetIn(Value? current, Edit edit, int i)
        {
            if (i == edit.Path.Length)
            {
                return edit.Delete ? new NoValue(edit.At, Provenance.Written("deleted by " + edit.Method)) : edit.Value;
            }

            var segment = edit.Path[i];
            switch (current)
            {
                case null:
                case NoValue _:
                    if (edit.Delete)
                    {
                        return current;
                    }

                    // CDK creates the objects on the way (deepMerge of the override into the rendered properties).
                    var created = SetIn(null, edit, i + 1);
                    return new MapValue(created == null ? Array.Empty<MapEntry>() : new[] { new MapEntry(segment, edit.At, created) }, edit.At);
                case MapValue map:
                    var entries = new List<MapEntry>(map.Entries.Count + 1);
                    Value? child = null;
                    foreach (var e in map.Entries)
                    {
                        if (string.Equals(e.Key, segment, StringComparison.OrdinalIgnoreCase))
                        {
                            child = e.Value;
                        }
                        else
                        {
                            entries.Add(e);
                        }
                    }

                    var changed = SetIn(child, edit, i + 1);
                    if (changed != null)
                    {
                        entries.Add(new MapEntry(segment, edit.At, changed));
                    }

                    return new MapValue(entries, map.Location, map.Provenance);
                case ListValue list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < list.Items.Count:
                    var items = new List<Value>(list.Items);
                    var item = SetIn(items[n], edit, i + 1);
                    items[n] = item ?? new NoValue(edit.At);
                    return new ListValue(items, list.Location, list.Provenance);
                default:
                    return new UnknownValue("changed by an override the analyzer cannot follow", edit.At);
            }
        }

        private static bool IsOverride(string name)
            => name == "AddPropertyOverride" || name == "AddPropertyDeletionOverride" || name == "AddOverride" || name == "AddDeletionOverride";


        /// <summary><c>db.Node.DefaultChild</c>: cast, then held in a local, written through, or overridden in place.</summary>
        private void ReadDefaultChild(IPropertyReferenceOperation defaultChild, IOperation creation, BodyIndex index, ValueResolver resolver)
        {
            IOperation top = defaultChild;
            while (top.Parent is IConversionOperation conversion)
            {
                if (conversion.Type is INamedTypeSymbol type && L1Mapping.CloudFormationType(type, resolver.Symbols) is string cfn)
                {
                    if (CastType != null && CastType != cfn)
                    {
                        Opaque = true;
                        return;
                    }

                    CastType = cfn;
                }

                top = conversion;
            }

            switch (top.Parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    ReadChildLocal(declarator.Symbol, creation, index, resolver);
                    return;
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, top) && assignment.Target is ILocalReferenceOperation target:
                    ReadChildLocal(target.Local, creation, index, resolver);
                    return;
                case IPropertyReferenceOperation member when ReferenceEquals(member.Instance, top):
                    ReadMemberUse(member, creation, resolver);
                    return;
                case IInvocationOperation call when ReferenceEquals(call.Instance, top):
                    ReadChildCall(call, creation, resolver);
                    return;
                case IExpressionStatementOperation _:
                    return;
                default:
                    // Passed to other code, returned, stored in a field: what it does there is not followed.
                    Opaque = true;
                    return;
            }
        }

        /// <summary><c>var cfn = (CfnX)db.Node.DefaultChild;</c>: its member writes and override calls.</summary>
        private void ReadChildLocal(ILocalSymbol child, IOperation creation, BodyIndex index, ValueResolver resolver)
        {
            if (index.WritesOf(child).Count != 1 || index.EscapesOf(child).Count > 0)
            {
                Opaque = true;
                return;
            }

            foreach (var write in index.MemberWritesOf(child))
            {
                if (write.Path[0] == "CfnOptions")
                {
                    continue; // resource options (Condition, DeletionPolicy, ...), not properties
                }

                var at = Locations.FromSyntax(write.Node.Syntax);
                spans.Add(at);
                var value = write.Value == null || write.Path.Length != 1 || !BodyIndex.Dominates(write.Node, creation)
                    ? new UnknownValue("changed through the escape hatch in a way the analyzer cannot follow", at)
                    : resolver.Resolve(write.Value);
                edits.Add(new Edit(new[] { write.Path[0] }, value, delete: false, at, "the escape hatch"));
            }

            foreach (var call in index.CallsOn(child))
            {
                ReadChildCall(call, creation, resolver);
            }
        }

        /// <summary><c>((CfnX)db.Node.DefaultChild).MultiAz = true</c>; a read (<c>.AttrArn</c>) changes nothing.</summary>
        private void ReadMemberUse(IPropertyReferenceOperation member, IOperation creation, ValueResolver resolver)
        {
            if (member.Property.Name == "CfnOptions")
            {
                return;
            }

            if (member.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, member))
            {
                var at = Locations.FromSyntax(assignment.Syntax);
                spans.Add(at);
                var value = BodyIndex.Dominates(assignment, creation)
                    ? resolver.Resolve(assignment.Value)
                    : new UnknownValue("changed conditionally through the escape hatch", at);
                edits.Add(new Edit(new[] { member.Property.Name }, value, delete: false, at, "the escape hatch"));
            }
            else if (member.Parent is IPropertyReferenceOperation || member.Parent is IInvocationOperation || member.Parent is ICompoundAssignmentOperation || member.Parent is ICoalesceAssignmentOperation)
            {
                // A nested write or a mutation of the member (cfn.Tags.SetTag, cfn.X.Y = ...): that property is unknown.
                var at = Locations.FromSyntax(member.Parent.Syntax);
                spans.Add(at);
                edits.Add(new Edit(new[] { member.Property.Name }, new UnknownValue("changed through the escape hatch in a way the analyzer cannot follow", at), delete: false, at, "the escape hatch"));
            }
        }

        private void ReadChildCall(IInvocationOperation call, IOperation creation, ValueResolver resolver)
        {
            var name = call.TargetMethod.Name;
            if (IsOverride(name))
            {
                ReadCall(call, creation, resolver);
            }
            else if (!Harmless.Contains(name))
            {
                Opaque = true;
            }
        }

        /// <summary><c>AddPropertyOverride(path, value)</c> and its three siblings.</summary>
        private void ReadCall(IInvocationOperation call, IOperation creation, ValueResolver resolver)
        {
            var name = call.TargetMethod.Name;
            if (call.Arguments.Length == 0)
            {
                Opaque = true;
                return;
            }

            var path = resolver.ResolveString(call.Arguments[0].Value);
            if (path == null || path.IndexOf('\\') >= 0)
            {
                Opaque = true; // which property is written is not known (or uses CDK's escaped dots)
                return;
            }

            if (name == "AddOverride" || name == "AddDeletionOverride")
            {
                if (path == "Properties" || path.StartsWith("Properties.", StringComparison.Ordinal) == false)
                {
                    // The whole Properties block replaced: anything goes. Another part (DependsOn, Metadata, ...): no property changes.
                    Opaque = path == "Properties";
                    return;
                }

                path = path.Substring("Properties.".Length);
            }

            var segments = path.Split('.');
            if (Array.Exists(segments, s => s.Length == 0))
            {
                Opaque = true;
                return;
            }

            var at = Locations.FromSyntax(call.Syntax);
            spans.Add(at);
            var delete = name == "AddPropertyDeletionOverride" || name == "AddDeletionOverride";
            if (!BodyIndex.Dominates(call, creation))
            {
                edits.Add(new Edit(segments, new UnknownValue("overridden conditionally", at), delete: false, at, name));
                return;
            }

            var value = delete ? null : call.Arguments.Length > 1 ? resolver.Resolve(call.Arguments[1].Value) : new UnknownValue("no value", at);
            edits.Add(new Edit(segments, value, delete, at, name));
        }

        /// <summary>One write of a property path: a value, or a deletion.</summary>
        internal sealed class Edit
        {
            public Edit(string[] path, Value? value, bool delete, SourceLocation at, string method)
            {
                Path = path;
                Value = value;
                Delete = delete;
                At = at;
                Method = method;
            }

            /// <summary>CloudFormation property path (<c>BucketEncryption.ServerSideEncryptionConfiguration.0...</c>); C# L1 names match ignoring case.</summary>
            public string[] Path { get; }

            public Value? Value { get; }

            public bool Delete { get; }

            public SourceLocation At { get; }

            public string Method { get; }
        }
    }
}
