using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Host
{
    /// <summary>
    /// Runs the rules for one resource view and turns findings into diagnostics. A rule that throws is contained:
    /// it becomes IAC0002 at the resource, and the other rules still run. Nothing escapes into the compiler.
    /// </summary>
    public static class RuleRunner
    {
        public static void Run(ResourceView resource, Action<Finding> onFinding, Action<Diagnostic> onToolDiagnostic, CancellationToken cancellationToken)
        {
            var rules = Rules.RuleSet.ForType(resource.Type);
            if (rules.Count == 0)
            {
                return;
            }

            var findings = new List<Finding>();
            foreach (var rule in rules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if ((rule.Info.Surfaces & resource.Surface) == 0)
                {
                    // A rule runs only where its catalog entry says (and where its analyzer declares its descriptor).
                    continue;
                }

                findings.Clear();
                try
                {
                    rule.Analyze(resource, findings);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    onToolDiagnostic(RuleFailed(rule.Info.Id, resource.Name, resource.Location, ex));
                    continue;
                }

                foreach (var finding in findings)
                {
                    onFinding(finding);
                }
            }
        }

        public static Diagnostic RuleFailed(string ruleId, string subject, SourceLocation? location, Exception ex)
            => Diagnostic.Create(
                Descriptors.For(RuleCatalog.RuleFailed),
                location == null ? Location.None : Locations.ToLocation(location),
                ruleId,
                subject,
                ex.GetType().Name + ": " + ex.Message);

        /// <summary>The diagnostic for a finding, with its fix intent as properties, at the given severity.</summary>
        public static Diagnostic ToDiagnostic(Finding finding, DiagnosticSeverity? effectiveSeverity = null)
        {
            var descriptor = Descriptors.For(finding.Rule);
            var properties = finding.Fix?.ToProperties().ToImmutableDictionary() ?? ImmutableDictionary<string, string?>.Empty;
            var location = Locations.ToLocation(finding.Location);
            return effectiveSeverity is DiagnosticSeverity severity && severity != descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, severity, null, properties, finding.MessageArgs)
                : Diagnostic.Create(descriptor, location, properties, finding.MessageArgs);
        }
    }
}
