namespace IacAnalyzers.Catalog
{
    /// <summary>The Well-Architected pillar a rule belongs to. The value is the thousands digit of its ids.</summary>
    public enum Pillar
    {
        /// <summary>Diagnostics about the tool itself (IAC0xxx).</summary>
        Tool = 0,
        Security = 1,
        Reliability = 2,
        PerformanceEfficiency = 3,
        CostOptimization = 4,
        OperationalExcellence = 5,
        Sustainability = 6,
    }

    /// <summary>Default severity by intent (after NetAnalyzers' RuleLevel).</summary>
    public enum RuleLevel
    {
        /// <summary>Exposed or unencrypted, no known false positives: fails the build.</summary>
        BuildError,
        /// <summary>Real risk, rare false positives: a build warning.</summary>
        BuildWarning,
        /// <summary>Hardening advice: shown in the IDE as a suggestion.</summary>
        IdeSuggestion,
        /// <summary>Hidden, but enabled so that bulk configuration can raise it.</summary>
        IdeHidden,
        /// <summary>Off unless configured.</summary>
        Disabled,
    }

    /// <summary>Where a rule can find its problem.</summary>
    [System.Flags]
    public enum Surfaces
    {
        None = 0,
        /// <summary>AWS CDK apps written in C#.</summary>
        Cdk = 1,
        /// <summary>CloudFormation templates (YAML or JSON) passed as additional files.</summary>
        CloudFormation = 2,
        Both = Cdk | CloudFormation,
    }
}
