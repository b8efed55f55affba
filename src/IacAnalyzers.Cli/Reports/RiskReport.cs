using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Catalog;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Cli.Reports
{
    /// <summary>
    /// Findings in the language of a Well-Architected review: per pillar, high risks (errors) and medium risks
    /// (warnings), grouped by best practice. Suggestions (notes) are counted as improvement suggestions. Suppressed and
    /// baselined findings are not risks of this change and are left out.
    /// </summary>
    public sealed class RiskReport
    {
        private RiskReport(IReadOnlyList<PillarRisks> pillars, IReadOnlyList<CliFinding> tool)
        {
            Pillars = pillars;
            Tool = tool;
        }

        public IReadOnlyList<PillarRisks> Pillars { get; }

        /// <summary>Tool diagnostics (IAC0xxx): templates that could not be read, suppressions not honoured.</summary>
        public IReadOnlyList<CliFinding> Tool { get; }

        public int High => Pillars.Sum(p => p.High);

        public int Medium => Pillars.Sum(p => p.Medium);

        public static RiskReport From(IEnumerable<CliFinding> findings)
        {
            var active = findings.Where(f => f.IsActive).ToList();
            var pillars = active
                .Where(f => f.Rule.Pillar != Pillar.Tool)
                .GroupBy(f => f.Rule.Pillar)
                .OrderBy(g => (int)g.Key)
                .Select(g => new PillarRisks(
                    g.Key,
                    g.GroupBy(f => f.Rule.BestPractice, StringComparer.Ordinal)
                     .Select(b => new BestPracticeRisks(b.Key, b.ToList()))
                     .OrderByDescending(b => b.High)
                     .ThenByDescending(b => b.Medium)
                     .ThenBy(b => b.Id, StringComparer.Ordinal)
                     .ToList()))
                .ToList();
            return new RiskReport(pillars, active.Where(f => f.Rule.Pillar == Pillar.Tool).ToList());
        }

        public static string PillarName(Pillar pillar) => pillar switch
        {
            Pillar.PerformanceEfficiency => "Performance Efficiency",
            Pillar.CostOptimization => "Cost Optimization",
            Pillar.OperationalExcellence => "Operational Excellence",
            _ => pillar.ToString(),
        };

        public static string Risks(int high, int medium, int low = 0)
        {
            var text = Plural(high, "high risk") + ", " + Plural(medium, "medium risk");
            return low > 0 ? text + ", " + Plural(low, "improvement suggestion") : text;
        }

        public static string Plural(int n, string noun) => n + " " + noun + (n == 1 ? string.Empty : "s");
    }

    public sealed class PillarRisks
    {
        public PillarRisks(Pillar pillar, IReadOnlyList<BestPracticeRisks> bestPractices)
        {
            Pillar = pillar;
            BestPractices = bestPractices;
        }

        public Pillar Pillar { get; }

        public string Name => RiskReport.PillarName(Pillar);

        public IReadOnlyList<BestPracticeRisks> BestPractices { get; }

        public int High => BestPractices.Sum(b => b.High);

        public int Medium => BestPractices.Sum(b => b.Medium);

        public int Low => BestPractices.Sum(b => b.Low);
    }

    public sealed class BestPracticeRisks
    {
        public BestPracticeRisks(string id, IReadOnlyList<CliFinding> findings)
        {
            Id = id;
            Findings = findings;
        }

        public string Id { get; }

        public string Title => Catalog.BestPractices.Title(Id) ?? "(see the Well-Architected Framework)";

        public IReadOnlyList<CliFinding> Findings { get; }

        public int High => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);

        public int Medium => Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);

        public int Low => Findings.Count(f => f.Severity == DiagnosticSeverity.Info);
    }
}
