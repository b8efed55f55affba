using System.Collections.Generic;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// Replace a written value (a world-open CIDR) with a reference to a new parameter that has no default, so whoever
    /// deploys must choose the value, and an <c>AllowedPattern</c> that accepts only well-formed values. Writers: the
    /// template writer adds a parameter (and the <c>Parameters</c> section when there is none) and a <c>Ref</c>; the C#
    /// writer declares a <c>CfnParameter</c> and passes its value where the target was. Both pick a free name.
    /// </summary>
    public sealed class ReplaceWithParameterFix : FixIntent
    {
        public const string TargetStartKey = "iac.fix.targetStart";
        public const string TargetLengthKey = "iac.fix.targetLength";
        public const string ParameterNameKey = "iac.fix.parameterName";
        public const string DescriptionKey = "iac.fix.parameterDescription";
        public const string AllowedPatternKey = "iac.fix.allowedPattern";
        public const string ConstraintDescriptionKey = "iac.fix.constraintDescription";

        public ReplaceWithParameterFix(FixSpan target, string parameterName, string description, string allowedPattern, string constraintDescription, string? title = null)
            : base(title ?? "Replace with a reference to a new parameter '" + parameterName + "'")
        {
            Target = target;
            ParameterName = parameterName;
            Description = description;
            AllowedPattern = allowedPattern;
            ConstraintDescription = constraintDescription;
        }

        /// <summary>The value to replace.</summary>
        public FixSpan Target { get; }

        /// <summary>The wished-for parameter name (PascalCase); the writer appends a number when it is taken.</summary>
        public string ParameterName { get; }

        public string Description { get; }

        public string AllowedPattern { get; }

        public string ConstraintDescription { get; }

        public override Catalog.FixKind Kind => Catalog.FixKind.ReplaceWithParameter;

        /// <summary>
        /// The intent for a world-open CIDR (<paramref name="currentValue"/>): the <see cref="CidrPattern"/> of its
        /// address family, so the deployer cannot enter the world again.
        /// </summary>
        public static ReplaceWithParameterFix ForCidr(SourceLocation target, string currentValue, string parameterName, string description, string? title = null)
        {
            var ipv6 = currentValue.IndexOf(':') >= 0;
            return new ReplaceWithParameterFix(
                FixSpan.Of(target),
                parameterName,
                description,
                CidrPattern.For(ipv6),
                CidrPattern.ConstraintDescription(ipv6),
                title);
        }

        protected override void AddProperties(IDictionary<string, string?> properties)
        {
            properties[TargetStartKey] = Int(Target.Start);
            properties[TargetLengthKey] = Int(Target.Length);
            properties[ParameterNameKey] = ParameterName;
            properties[DescriptionKey] = Description;
            properties[AllowedPatternKey] = AllowedPattern;
            properties[ConstraintDescriptionKey] = ConstraintDescription;
        }

        public static ReplaceWithParameterFix? TryRead(IReadOnlyDictionary<string, string?> properties)
        {
            if (KindOf(properties) != Catalog.FixKind.ReplaceWithParameter
                || !TrySpan(properties, TargetStartKey, TargetLengthKey, out var target)
                || !(Text(properties, ParameterNameKey) is string name) || name.Length == 0
                || !(Text(properties, AllowedPatternKey) is string pattern))
            {
                return null;
            }

            return new ReplaceWithParameterFix(
                target, name, Text(properties, DescriptionKey) ?? string.Empty, pattern,
                Text(properties, ConstraintDescriptionKey) ?? string.Empty, Text(properties, TitleKey));
        }
    }
}
