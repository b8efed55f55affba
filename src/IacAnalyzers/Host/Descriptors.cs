using System.Collections.Concurrent;
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

        /// <summary>
        /// Message variants by "id, newline, format" (a string key: a dictionary keyed by a value tuple is generic code
        /// the JIT compiles in every compiler process; ids never hold a newline).
        /// </summary>
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Variants =
            new ConcurrentDictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);

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

        /// <summary>
        /// <paramref name="descriptor"/> with another message format (same id, title, category, severity, help link and
        /// tags), for a front-end that words a message in its own terms (C# names in C# findings). The compiler matches
        /// reported diagnostics to <see cref="All"/> by id, so configuration and SARIF rules are unchanged.
        /// Variants are made once per format and reused.
        /// </summary>
        public static DiagnosticDescriptor WithMessageFormat(DiagnosticDescriptor descriptor, string messageFormat)
        {
            if (string.Equals(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), messageFormat, System.StringComparison.Ordinal))
            {
                return descriptor;
            }

            return Variants.GetOrAdd(descriptor.Id + "\n" + messageFormat, key =>
            {
#pragma warning disable RS2008, RS0030 // Release tracking is checked by our own guard-rail test over the catalog.
                return new DiagnosticDescriptor(
                    descriptor.Id,
                    descriptor.Title,
                    key.Substring(descriptor.Id.Length + 1),
                    descriptor.Category,
                    descriptor.DefaultSeverity,
                    descriptor.IsEnabledByDefault,
                    descriptor.Description,
                    descriptor.HelpLinkUri,
                    descriptor.CustomTags.ToArray());
#pragma warning restore RS2008, RS0030
            });
        }

        /// <summary>
        /// The message format the compiler prints: the catalog's message followed by the rule's Well-Architected
        /// mapping, e.g. <c>... [Security · SEC08-BP02]</c>, so a build log shows the pillar and best practice that
        /// SARIF carries as tags. Tool diagnostics (no best practice) keep the catalog's message as it is.
        /// </summary>
        public static string MessageFormat(RuleInfo rule)
            => rule.BestPractice.Length == 0 ? rule.MessageFormat : rule.MessageFormat + " " + WellArchitectedTag(rule);

        /// <summary><c>[Security · SEC08-BP02]</c>: the pillar's name as AWS writes it and the best-practice id.</summary>
        public static string WellArchitectedTag(RuleInfo rule) => "[" + PillarName(rule.Pillar) + " \u00B7 " + rule.BestPractice + "]";

        /// <summary>The pillar as the Well-Architected Framework names it (<c>Performance Efficiency</c>).</summary>
        public static string PillarName(Pillar pillar)
        {
            switch (pillar)
            {
                case Pillar.PerformanceEfficiency:
                    return "Performance Efficiency";
                case Pillar.CostOptimization:
                    return "Cost Optimization";
                case Pillar.OperationalExcellence:
                    return "Operational Excellence";
                default:
                    return pillar.ToString();
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

            // Tool diagnostics (IAC0xxx) are configurable like every other rule: a strict build must be able to fail on
            // a template it could not read (dotnet_diagnostic.IAC0001.severity, WarningsAsErrors, TreatWarningsAsErrors).
            // Their category, Tool, is not a pillar, so pillar-wide settings never reach them.

#pragma warning disable RS2008, RS0030 // The one descriptor factory (RS0030 bans the constructor elsewhere); release tracking is checked by our own guard-rail test over the catalog.
            return new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                MessageFormat(rule),
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
