using System.Collections.Generic;
using System.Globalization;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// Replace a written value (a world-open CIDR) with a reference to a new template parameter that has no default, so
    /// whoever deploys must choose the value, and an <c>AllowedPattern</c> that accepts only well-formed values. The
    /// template writer adds the <c>Parameters</c> section when there is none and picks a free name.
    /// </summary>
    public sealed class ReplaceWithParameterFix : FixIntent
    {
        public const string KindName = "ReplaceWithParameter";
        public const string TargetStartKey = "iac.fix.targetStart";
        public const string TargetLengthKey = "iac.fix.targetLength";
        public const string ParameterNameKey = "iac.fix.parameterName";
        public const string DescriptionKey = "iac.fix.parameterDescription";
        public const string AllowedPatternKey = "iac.fix.allowedPattern";
        public const string ConstraintDescriptionKey = "iac.fix.constraintDescription";

        /// <summary>Dotted-quad IPv4 CIDR: <c>203.0.113.0/24</c>.</summary>
        public const string Ipv4CidrPattern = @"^(\d{1,3}\.){3}\d{1,3}/(\d|[12]\d|3[0-2])$";

        /// <summary>IPv6 CIDR, loosely: hex groups and colons, then a prefix length.</summary>
        public const string Ipv6CidrPattern = @"^[0-9a-fA-F:]+/(\d{1,2}|1[01]\d|12[0-8])$";

        public ReplaceWithParameterFix(SourceLocation target, string parameterName, string description, string allowedPattern, string constraintDescription)
            : base("Replace with a reference to a new parameter '" + parameterName + "'")
        {
            Target = target;
            ParameterName = parameterName;
            Description = description;
            AllowedPattern = allowedPattern;
            ConstraintDescription = constraintDescription;
        }

        /// <summary>The value to replace.</summary>
        public SourceLocation Target { get; }

        /// <summary>The wished-for parameter name; the writer appends a number when it is taken.</summary>
        public string ParameterName { get; }

        public string Description { get; }

        public string AllowedPattern { get; }

        public string ConstraintDescription { get; }

        public override string Kind => KindName;

        /// <summary>The intent for a CIDR: an IPv4 or IPv6 pattern depending on the value it replaces.</summary>
        public static ReplaceWithParameterFix ForCidr(SourceLocation target, string currentValue, string parameterName, string description)
        {
            var ipv6 = currentValue.IndexOf(':') >= 0;
            return new ReplaceWithParameterFix(
                target,
                parameterName,
                description,
                ipv6 ? Ipv6CidrPattern : Ipv4CidrPattern,
                ipv6 ? "An IPv6 CIDR block such as 2001:db8::/64" : "An IPv4 CIDR block such as 203.0.113.0/24");
        }

        protected override void AddProperties(IDictionary<string, string?> properties)
        {
            properties[TargetStartKey] = Target.Start.ToString(CultureInfo.InvariantCulture);
            properties[TargetLengthKey] = Target.Length.ToString(CultureInfo.InvariantCulture);
            properties[ParameterNameKey] = ParameterName;
            properties[DescriptionKey] = Description;
            properties[AllowedPatternKey] = AllowedPattern;
            properties[ConstraintDescriptionKey] = ConstraintDescription;
        }
    }
}
