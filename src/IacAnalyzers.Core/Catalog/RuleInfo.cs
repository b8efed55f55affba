using System;
using System.Collections.Generic;

namespace IacAnalyzers.Catalog
{
    /// <summary>
    /// Everything a rule is, apart from its logic: the catalog entry. Created only in <see cref="RuleCatalog"/>.
    /// </summary>
    public sealed class RuleInfo
    {
        internal RuleInfo(
            string id,
            string title,
            string messageFormat,
            string description,
            Pillar pillar,
            string bestPractice,
            RuleLevel level,
            Surfaces surfaces,
            string? fix,
            string? noFixReason,
            IReadOnlyList<PeerRule>? equivalents = null,
            FixKind fixes = FixKind.None)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Title = title;
            MessageFormat = messageFormat;
            Description = description;
            Pillar = pillar;
            BestPractice = bestPractice;
            Level = level;
            Surfaces = surfaces;
            Fix = fix;
            NoFixReason = noFixReason;
            Equivalents = equivalents ?? Array.Empty<PeerRule>();
            Fixes = fixes;
            if ((fix == null) != (fixes == FixKind.None))
            {
                throw new ArgumentException(id + ": a rule with a fix text declares the fix intent kinds it emits, and only such a rule", nameof(fixes));
            }
        }

        /// <summary><c>IAC</c> + four digits; the thousands digit is the pillar.</summary>
        public string Id { get; }

        public string Title { get; }

        /// <summary>A composite format string; arguments are supplied by the rule.</summary>
        public string MessageFormat { get; }

        public string Description { get; }

        public Pillar Pillar { get; }

        /// <summary>The Well-Architected best practice id, e.g. <c>SEC08-BP02</c>; empty for tool diagnostics.</summary>
        public string BestPractice { get; }

        public RuleLevel Level { get; }

        public Surfaces Surfaces { get; }

        /// <summary>What the code fix does, or null when there is none (then <see cref="NoFixReason"/> says why).</summary>
        public string? Fix { get; }

        public string? NoFixReason { get; }

        /// <summary>
        /// The kinds of fix intent the rule emits. Code fix providers claim a rule (their <c>FixableDiagnosticIds</c>)
        /// exactly when their writer handles one of these kinds on one of the rule's <see cref="Surfaces"/>.
        /// </summary>
        public FixKind Fixes { get; }

        /// <summary>Peer rules that mean the same; their template suppressions are honoured for this rule.</summary>
        public IReadOnlyList<PeerRule> Equivalents { get; }

        /// <summary>The category reported to Roslyn: the pillar as one token, so pillar-wide configuration works.</summary>
        public string Category => Pillar.ToString();

        /// <summary>Relative path of the rule's documentation page in the repository.</summary>
        public string DocPath => "docs/rules/" + Id + ".md";

        public string HelpLink => RuleCatalog.HelpLinkBase + Id + ".md";

        public override string ToString() => Id + " " + Title;
    }

    /// <summary>A rule of another tool (cdk-nag, checkov, cfn_nag, KICS) that checks the same thing.</summary>
    public sealed class PeerRule
    {
        public PeerRule(string tool, string id)
        {
            Tool = tool;
            Id = id;
        }

        /// <summary>One of <see cref="PeerTools"/>.</summary>
        public string Tool { get; }

        public string Id { get; }

        public override string ToString() => Tool + ":" + Id;
    }

    public static class PeerTools
    {
        public const string CfnNag = "cfn_nag";
        public const string Checkov = "checkov";
        public const string CdkNag = "cdk_nag";

        /// <summary>AWS CloudFormation Guard (rule names of the Guard rules registry, which are AWS Config's managed-rule identifiers).</summary>
        public const string Guard = "guard";
    }
}
