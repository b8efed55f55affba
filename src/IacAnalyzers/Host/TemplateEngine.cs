using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace IacAnalyzers.Host
{
    /// <summary>
    /// The template front-end as one call: text in, findings out, with everything a host needs — effective severity,
    /// location, the resource and property path a finding belongs to (for stable fingerprints), the fix intent, and
    /// the suppression that applies (suppressed findings are returned, marked, so a host can show them as suppressed).
    /// Pure and per document: no I/O, thread-safe, cancellable, cheap to call again on a changed text. The Roslyn
    /// analyzer (<see cref="TemplateAnalyzer"/>), the command-line tool and a language server all call this.
    /// </summary>
    public static class TemplateEngine
    {
        /// <summary>Unconfigured severities: every rule at its default.</summary>
        public static SeverityConfiguration DefaultSeverities { get; } = new SeverityConfiguration(null, null);

        /// <summary>
        /// Analyses one file. Returns null when the text is not a CloudFormation template (decided by content, as the
        /// analyzer decides). Findings configured to <c>none</c> are left out; suppressed ones are kept and marked.
        /// </summary>
        public static TemplateAnalysis? Analyze(string path, string text, SeverityConfiguration? severities, CancellationToken cancellationToken)
        {
            severities ??= DefaultSeverities;
            var template = TemplateReader.Read(path, text, cancellationToken);
            if (template == null)
            {
                return null;
            }

            var findings = new List<TemplateFinding>();
            var fileName = System.IO.Path.GetFileName(path);
            var synthesized = SynthesizedTemplates.IsSynthesized(path, text);
            var entries = template.Entries;
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                byName[entries[i].Name] = i;
            }

            var suppressions = new TemplateSuppressions?[entries.Count];
            TemplateSuppressions SuppressionsOf(int index)
            {
                if (suppressions[index] == null)
                {
                    var scanEnd = index + 1 < entries.Count ? entries[index + 1].Key.Start : -1;
                    suppressions[index] = TemplateSuppressions.Read(entries[index], text, template.Lines, scanEnd);
                }

                return suppressions[index]!;
            }

            DiagnosticSeverity? Severity(RuleInfo rule) => severities.Effective(rule, Descriptors.For(rule).DefaultSeverity);

            for (var i = 0; i < entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = entries[i];

                // Our suppression entries are checked on every resource, with or without findings.
                if (entry.Body.Get("Metadata")?.Get(TemplateSuppressions.MetadataKey) != null)
                {
                    foreach (var problem in SuppressionsOf(i).Problems)
                    {
                        if (Severity(RuleCatalog.TemplateSuppressionIgnored) is DiagnosticSeverity s)
                        {
                            findings.Add(new TemplateFinding(
                                RuleCatalog.TemplateSuppressionIgnored, problem.Location, s, new object[] { entry.Name, problem.Message },
                                entry.Name, entry.Type, PropertyPath(entry.Body, problem.Location.Start), null, null, null, null));
                        }
                    }
                }

                if (!Rules.RuleSet.IsInteresting(entry.Type))
                {
                    continue;
                }

                var view = template.View(entry);
                if (view == null)
                {
                    continue;
                }

                RuleRunner.Run(
                    view,
                    finding =>
                    {
                        if (Severity(finding.Rule) is DiagnosticSeverity s)
                        {
                            var owner = byName.TryGetValue(finding.Resource.Name, out var o) ? o : i;
                            var ownerEntry = entries[owner];

                            // A value reached through a YAML alias is located where its anchor is written; report it
                            // at the alias in the resource that uses it (without a fix: its edit would change both).
                            if (AliasLocations.Relocate(text, ownerEntry, owner + 1 < entries.Count ? entries[owner + 1].Key.Start : -1, finding.Location, template.Lines) is SourceLocation moved)
                            {
                                finding = new Finding(finding.Rule, finding.Resource, moved, finding.MessageArgs);
                            }

                            // A template written by cdk synth never gets a fix: the next synth would overwrite it.
                            if (synthesized)
                            {
                                finding = SynthesizedTemplates.WithoutFix(finding);
                            }

                            findings.Add(new TemplateFinding(
                                finding.Rule, finding.Location, s, finding.MessageArgs, ownerEntry.Name, ownerEntry.Type,
                                PropertyPath(ownerEntry.Body, finding.Location.Start), finding.Fix, SuppressionsOf(owner).SuppressionFor(finding.Rule), finding, null));
                        }
                    },
                    diagnostic => findings.Add(new TemplateFinding(
                        RuleCatalog.RuleFailed, view.Location, diagnostic.Severity, Array.Empty<object>(), entry.Name, entry.Type, string.Empty, null, null, null, diagnostic)),
                    cancellationToken);
            }

            foreach (var error in template.Errors)
            {
                if (Severity(RuleCatalog.TemplateUnreadable) is DiagnosticSeverity s)
                {
                    findings.Add(new TemplateFinding(
                        RuleCatalog.TemplateUnreadable, error.Location, s, new object[] { fileName, error.Message }, null, null, string.Empty, null, null, null, null));
                }
            }

            return new TemplateAnalysis(path, findings);
        }

        /// <summary>
        /// IAC0001 for a file a host could not read at all (an I/O error, a file too large to load): the same rule the
        /// analyzer reports for a template it cannot parse, at the start of the file.
        /// </summary>
        public static TemplateFinding Unreadable(string path, string reason, SeverityConfiguration? severities = null)
        {
            var rule = RuleCatalog.TemplateUnreadable;
            var severity = (severities ?? DefaultSeverities).Effective(rule, Descriptors.For(rule).DefaultSeverity) ?? Descriptors.For(rule).DefaultSeverity;
            return new TemplateFinding(
                rule, new SourceLocation(path, 0, 0, 0, 0, 0, 0), severity, new object[] { System.IO.Path.GetFileName(path), reason },
                null, null, string.Empty, null, null, null, null);
        }

        /// <summary>
        /// The path from a resource's body to the innermost node at <paramref name="offset"/>, e.g.
        /// <c>Properties.SecurityGroupIngress[0].CidrIp</c>. Written the same for YAML and JSON: intrinsic function keys
        /// (<c>Fn::If</c>, written as a tag in short-form YAML) are left out. Empty when the offset is outside the body.
        /// </summary>
        public static string PropertyPath(YamlNode body, int offset)
        {
            var path = new StringBuilder();
            var node = body;
            while (true)
            {
                YamlNode? next = null;
                if (node.IsMapping)
                {
                    foreach (var pair in node.Pairs)
                    {
                        if (offset >= pair.Key.Start && offset < Math.Max(pair.Value.End, pair.Key.End))
                        {
                            var key = pair.Key.Text;
                            if (!key.StartsWith("Fn::", StringComparison.Ordinal))
                            {
                                if (path.Length > 0)
                                {
                                    path.Append('.');
                                }

                                path.Append(key);
                            }

                            next = offset >= pair.Value.Start ? pair.Value : null;
                            break;
                        }
                    }
                }
                else if (node.IsSequence)
                {
                    var items = node.Items;
                    for (var k = 0; k < items.Count; k++)
                    {
                        if (offset >= items[k].Start && offset < Math.Max(items[k].End, items[k].Start + 1))
                        {
                            path.Append('[').Append(k.ToString(CultureInfo.InvariantCulture)).Append(']');
                            next = items[k];
                            break;
                        }
                    }
                }

                if (next == null || next == node)
                {
                    return path.ToString();
                }

                node = next;
            }
        }
    }

    /// <summary>What the engine found in one template.</summary>
    public sealed class TemplateAnalysis
    {
        public TemplateAnalysis(string path, IReadOnlyList<TemplateFinding> findings)
        {
            Path = path;
            Findings = findings;
        }

        public string Path { get; }

        /// <summary>In the order found (resource by resource); hosts sort as they need.</summary>
        public IReadOnlyList<TemplateFinding> Findings { get; }
    }

    /// <summary>One finding of the template front-end, host-neutral.</summary>
    public sealed class TemplateFinding
    {
        private readonly Finding? finding;
        private readonly Diagnostic? toolDiagnostic;
        private readonly object[] messageArgs;

        internal TemplateFinding(
            RuleInfo rule,
            SourceLocation location,
            DiagnosticSeverity severity,
            object[] messageArgs,
            string? resourceName,
            string? resourceType,
            string propertyPath,
            FixIntent? fix,
            TemplateSuppression? suppression,
            Finding? finding,
            Diagnostic? toolDiagnostic)
        {
            Rule = rule;
            Location = location;
            Severity = severity;
            this.messageArgs = messageArgs;
            ResourceName = resourceName;
            ResourceType = resourceType;
            PropertyPath = propertyPath;
            Fix = fix;
            Suppression = suppression;
            this.finding = finding;
            this.toolDiagnostic = toolDiagnostic;
        }

        public RuleInfo Rule { get; }

        public SourceLocation Location { get; }

        /// <summary>After configuration (<c>iac_analyzers.*</c> keys).</summary>
        public DiagnosticSeverity Severity { get; }

        /// <summary>The logical id of the resource the finding belongs to; null for file-level findings (IAC0001).</summary>
        public string? ResourceName { get; }

        public string? ResourceType { get; }

        /// <summary>See <see cref="TemplateEngine.PropertyPath"/>.</summary>
        public string PropertyPath { get; }

        public FixIntent? Fix { get; }

        /// <summary>The template suppression that applies, or null. The Roslyn host does not report suppressed findings.</summary>
        public TemplateSuppression? Suppression { get; }

        public bool IsSuppressed => Suppression != null;

        public string Message => toolDiagnostic != null
            ? toolDiagnostic.GetMessage(CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, Descriptors.MessageFormat(Rule), messageArgs);

        /// <summary>The compiler diagnostic for this finding, exactly as the analyzer reports it.</summary>
        public Diagnostic ToDiagnostic()
        {
            if (toolDiagnostic != null)
            {
                return toolDiagnostic;
            }

            if (finding != null)
            {
                return RuleRunner.ToDiagnostic(finding, Severity);
            }

            var descriptor = Descriptors.For(Rule);
            return Severity == descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, Locations.ToLocation(Location), messageArgs)
                : Diagnostic.Create(descriptor, Locations.ToLocation(Location), Severity, null, null, messageArgs);
        }

        public override string ToString() => Location + ": " + Rule.Id + " " + Message;
    }
}
