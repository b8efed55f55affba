namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Safety limits that keep hostile input (alias bombs, deep nesting, huge files) bounded in time and memory.
    /// CloudFormation itself accepts template bodies of at most 1 MB, so the limits never bite a deployable template.
    /// </summary>
    public static class TemplateLimits
    {
        /// <summary>
        /// Files longer than this (in characters) are reported as too large and not parsed: 1.5 M characters. CloudFormation
        /// accepts a template body of at most 51,200 bytes in a request and 1 MB in an Amazon S3 object (AWS CloudFormation
        /// User Guide, "CloudFormation quotas"), and a UTF-8 file has at least as many bytes as characters, so no deployable
        /// template comes near this; it leaves half again as much headroom for templates written before a minifying step.
        /// Up to this size every hostile shape of the benchmark (`--hostile`) is analysed in under a second on 2 cores; at
        /// the former 5 M, deep nesting took 3.5 s.
        /// </summary>
        public const int MaxChars = 3 * 512 * 1024;

        /// <summary>Collections nested deeper than this stop the parse with a diagnostic.</summary>
        public const int MaxDepth = 128;

        /// <summary>Values built from one template: a fixed allowance plus a multiple of its node count (aliases expand).</summary>
        public const int BaseValueBudget = 100_000;

        public const int ValueBudgetPerNode = 4;

        /// <summary>Characters of strings computed by intrinsics (Fn::Sub, Fn::Join, Fn::Split): a fixed allowance plus a multiple of the text's length.</summary>
        public const long BaseCharBudget = 1_000_000;

        public const int CharBudgetPerChar = 8;
    }
}

namespace IacAnalyzers.CloudFormation
{
    /// <summary>The value builder's limits, for tests and messages.</summary>
    public static class ValueBuilderLimits
    {
        /// <summary>The most one-of alternatives a value may offer along one path (see ValueBuilder).</summary>
        public const int Alternatives = ValueBuilder.MaxAlternatives;
    }
}
