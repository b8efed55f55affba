namespace IacAnalyzers.Model
{
    /// <summary>
    /// A reference to another resource of the same template or app: <c>Ref</c> (no attribute) or <c>Fn::GetAtt</c>
    /// (with an attribute) in a template, a construct's <c>Ref</c>/attribute property in CDK code. As a value it is as
    /// unknown as an <see cref="UnknownValue"/> (a physical id is not known before deployment) and is never flagged;
    /// it exists so rules can link resources through <see cref="IResourceContext"/> (an ingress rule to its security
    /// group, a DB instance to its cluster).
    /// </summary>
    public sealed class ReferenceValue : Value
    {
        public ReferenceValue(string target, string? attribute, SourceLocation location, string? provenance = null)
            : base(location, provenance)
        {
            Target = target ?? string.Empty;
            Attribute = attribute;
        }

        /// <summary>The logical id (template) or construct id (CDK) of the referenced resource.</summary>
        public string Target { get; }

        /// <summary>The attribute for <c>Fn::GetAtt</c> (e.g. <c>GroupId</c>), or null for <c>Ref</c>.</summary>
        public string? Attribute { get; }

        public override Value WithProvenance(string? provenance) => new ReferenceValue(Target, Attribute, Location, provenance);

        public override string ToString() => Attribute == null ? "Ref " + Target : Target + "." + Attribute;
    }
}
