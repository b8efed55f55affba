namespace IacAnalyzers.Model
{
    /// <summary>
    /// The one CIDR <c>AllowedPattern</c> every writer of a CIDR parameter uses (templates and CDK C#). CloudFormation
    /// checks it (a Java regular expression; these patterns mean the same in .NET) when the stack is deployed, so the
    /// deployer cannot enter a prefix length of 0: <c>0.0.0.0/0</c>, <c>10.0.0.0/0</c> and <c>::/0</c> are refused —
    /// they are the world the fix removes. Prefix lengths are written without leading zeros (<c>/00</c> is refused too).
    /// </summary>
    public static class CidrPattern
    {
        /// <summary>Dotted-quad IPv4 (each octet 0-255), then a prefix length 1-32: <c>203.0.113.0/24</c>.</summary>
        public const string Ipv4 =
            @"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$";

        /// <summary>IPv6, loosely (hex groups and colons, <c>::</c> allowed), then a prefix length 1-128: <c>2001:db8::/32</c>.</summary>
        public const string Ipv6 =
            @"^[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}/([1-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$";

        public static string For(bool ipv6) => ipv6 ? Ipv6 : Ipv4;

        /// <summary>The parameter's <c>ConstraintDescription</c>: what CloudFormation says when a value does not match.</summary>
        public static string ConstraintDescription(bool ipv6)
            => ipv6 ? "An IPv6 CIDR block such as 2001:db8::/32; ::/0 is not accepted"
                    : "An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted";
    }
}
