using System;
using System.Collections.Generic;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// Cross-resource questions rules ask through <see cref="IResourceContext"/>: which resource a value refers to, and
    /// which resources refer to a given one (a standalone ingress rule to its security group, a DB instance to its cluster).
    /// </summary>
    public static class ReferenceExtensions
    {
        /// <summary>The name of the resource <paramref name="value"/> refers to (<c>Ref</c>/<c>Fn::GetAtt</c>), or null.</summary>
        public static string? ReferencedResourceName(this Value? value)
            => value is UnknownValue unknown ? unknown.ReferencedResource : null;

        /// <summary>The resource <paramref name="value"/> refers to, when it is in the same template or app; otherwise null.</summary>
        public static ResourceView? ResolveReference(this IResourceContext context, Value? value)
            => value.ReferencedResourceName() is string name ? context.Find(name) : null;

        /// <summary>True when <paramref name="value"/> refers to the resource named <paramref name="resourceName"/>.</summary>
        public static bool RefersTo(this Value? value, string resourceName)
            => string.Equals(value.ReferencedResourceName(), resourceName, StringComparison.Ordinal);

        /// <summary>
        /// The resources of <paramref name="type"/> whose property <paramref name="property"/> refers to
        /// <paramref name="target"/>, e.g. the <c>AWS::EC2::SecurityGroupIngress</c> resources whose <c>GroupId</c> is
        /// <c>!Ref Sg</c> or <c>!GetAtt Sg.GroupId</c>.
        /// </summary>
        public static IEnumerable<ResourceView> ReferencesTo(this IResourceContext context, ResourceView target, string type, string property)
        {
            foreach (var resource in context.Resources)
            {
                if (resource.IsType(type) && resource.Properties.Get(property).RefersTo(target.Name))
                {
                    yield return resource;
                }
            }
        }
    }
}
