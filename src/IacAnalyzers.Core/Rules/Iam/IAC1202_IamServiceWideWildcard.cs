using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// IAC1202: an Allow statement with a service-wide action (<c>s3:*</c>) or a wildcard that expands, per the IAM
    /// knowledge table, to write or permissions-management actions (<c>s3:Put*</c>). Wildcards that expand only to
    /// List/Read actions (<c>ec2:Describe*</c>, <c>s3:GetObject*</c>) are clean, and so are wildcards of unknown
    /// services other than <c>svc:*</c> (nothing is known about them). <c>*</c> itself is IAC1201's. KMS key
    /// policies are skipped: AWS's default key policy gives <c>kms:*</c> to the account root to delegate to IAM.
    /// Where the line sits for prefix wildcards on named resources (<c>s3:DeleteObject*</c>, as CDK grants write
    /// them) and for the SSM agent's channels (<c>ssmmessages:*</c>) is <see cref="WildcardScope"/>'s.
    /// </summary>
    public sealed class IAC1202_IamServiceWideWildcard : PolicyStatementRule
    {
        public IAC1202_IamServiceWideWildcard()
            : base(RuleCatalog.IamServiceWideWildcard, PolicyDocumentSources.DocumentTypes)
        {
        }

        protected override bool Applies(ResourceView resource, PolicyDocument document)
            => !resource.IsType("AWS::KMS::Key") && !resource.IsType("AWS::KMS::ReplicaKey");

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found)
        {
            // One budget per analysis when the context carries it (templates), else per resource.
            var budget = (resource.Context as IHasIamMatchBudget)?.IamMatchBudget ?? found.Budget;
            foreach (var action in statement.Actions)
            {
                var text = action.Text;
                var verdict = WildcardScope.Judge(text, statement, budget, out var summary);
                if (text == null || !WildcardScope.IsFinding(verdict))
                {
                    continue;
                }

                string grants;
                if (verdict == WildcardVerdict.ServiceWide)
                {
                    var service = text.Substring(0, text.IndexOf(':'));
                    grants = "every action of service '" + service + "'" + (summary.GrantsWriteOrPermissionsManagement ? " (" + Counts(summary, "including ") + ")" : string.Empty);
                }
                else
                {
                    grants = Counts(summary, string.Empty);
                }

                found.Add("Action " + text.ToUpperInvariant(), action.Value, action.Branch, (value, detail) => Create(resource, value.Location, null, resource.Name, text, statement.Label, grants, detail));
            }
        }

        private static string Counts(ActionPatternSummary summary, string lead)
        {
            var parts = new List<string>(2);
            if (summary.PermissionsManagement > 0)
            {
                parts.Add(summary.PermissionsManagement.ToString(CultureInfo.InvariantCulture) + " permissions-management");
            }

            if (summary.Write > 0)
            {
                parts.Add(summary.Write.ToString(CultureInfo.InvariantCulture) + " write");
            }

            var example = summary.FirstPermissionsManagementAction ?? summary.FirstWriteAction;
            return lead + string.Join(" and ", parts) + " action" + (summary.Write + summary.PermissionsManagement == 1 ? string.Empty : "s")
                   + (example != null ? ", e.g. " + example : string.Empty);
        }
    }
}
