using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using IacAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Host
{
    /// <summary>
    /// The one way to turn a catalog entry into a <see cref="DiagnosticDescriptor"/>: severity by intent, help link
    /// from the id, custom tags carrying pillar, best practice and surfaces (they reach SARIF as rule tags).
    /// </summary>
    public static class Descriptors
    {
        public const string PillarTagPrefix = "Pillar:";
        public const string BestPracticeTagPrefix = "BestPractice:";
        public const string SurfaceTagPrefix = "Surface:";

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
            RuleCatalog.All.ToImmutableDictionary(r => r.Id, Create);

        /// <summary>Every descriptor of the catalog, in id order.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } =
            RuleCatalog.All.Select(r => ById[r.Id]).ToImmutableArray();

        public static DiagnosticDescriptor For(RuleInfo rule) => ById[rule.Id];

        /// <summary>
        /// What a front-end reports: the descriptors of the catalog entries (rules and tool diagnostics) that claim
        /// <paramref name="surface"/>, in id order. An analyzer's <c>SupportedDiagnostics</c> lists only these.
        /// </summary>
        public static ImmutableArray<DiagnosticDescriptor> ForSurface(Surfaces surface)
            => RuleCatalog.All.Where(r => (r.Surfaces & surface) != 0).Select(r => ById[r.Id]).ToImmutableArray();

        public static DiagnosticSeverity SeverityOf(RuleLevel level)
        {
            switch (level)
            {
                case RuleLevel.BuildError:
                    return DiagnosticSeverity.Error;
                case RuleLevel.IdeSuggestion:
                    return DiagnosticSeverity.Info;
                case RuleLevel.IdeHidden:
                    return DiagnosticSeverity.Hidden;
                default:
                    return DiagnosticSeverity.Warning;
            }
        }

        private static DiagnosticDescriptor Create(RuleInfo rule)
        {
            var tags = new List<string> { PillarTagPrefix + rule.Pillar };
            if (rule.BestPractice.Length > 0)
            {
                tags.Add(BestPracticeTagPrefix + rule.BestPractice);
            }

            if ((rule.Surfaces & Surfaces.Cdk) != 0)
            {
                tags.Add(SurfaceTagPrefix + nameof(Surfaces.Cdk));
            }

            if ((rule.Surfaces & Surfaces.CloudFormation) != 0)
            {
                tags.Add(SurfaceTagPrefix + nameof(Surfaces.CloudFormation));
            }

            if (rule.Pillar == Pillar.Tool)
            {
                // Tool diagnostics must stay visible even when a user bulk-disables a pillar.
                tags.Add(WellKnownDiagnosticTags.NotConfigurable);
            }

#pragma warning disable RS2008, RS0030 // The one descriptor factory (RS0030 bans the constructor elsewhere); release tracking is checked by our own guard-rail test over the catalog.
            return new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                SeverityOf(rule.Level),
                isEnabledByDefault: rule.Level != RuleLevel.Disabled,
                description: rule.Description,
                helpLinkUri: rule.HelpLink,
                customTags: tags.ToArray());
#pragma warning restore RS2008, RS0030
        }
    }
}
