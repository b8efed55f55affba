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
    /// IAC1204: an identity-policy Allow statement with <c>Resource: "*"</c> whose actions include write or
    /// permissions-management actions that support resource-level permissions (per the IAM knowledge table), so the
    /// Resource could have named ARNs. Reads (<c>ec2:Describe*</c>), actions that only accept <c>"*"</c>, unknown
    /// actions, and statements with a Condition are clean. <c>Action: "*"</c> is left to IAC1201, and wildcards IAC1202
    /// reports (<c>s3:*</c>, <c>s3:Put*</c>) to IAC1202: one statement gets one finding per risk. The finding lands
    /// on the <c>"*"</c> resource.
    /// </summary>
    public sealed class IAC1204_IamWriteOnAnyResource : PolicyStatementRule
    {
        private const int Named = 3;

        public IAC1204_IamWriteOnAnyResource()
            : base(RuleCatalog.IamWriteOnAnyResource, PolicyDocumentSources.IdentityDocumentTypes)
        {
        }

        protected override bool Applies(ResourceView resource, PolicyDocument document) => document.Kind == PolicyKind.Identity;

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found)
        {
            if (statement.HasCondition || !(statement.StarResource is PolicyElement star))
            {
                return;
            }

            var names = new List<string>(Named);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var total = 0;
            foreach (var action in statement.Actions)
            {
                var text = action.Text;
                if (text == null || IsEveryAction(text) || !found.TryAllow(BranchPath.Join(action.Branch, star.Branch), out _))
                {
                    continue;
                }

                // One finding per risk: a wildcard that reaches write or permissions-management actions is IAC1202's
                // finding (with "*" as Resource it is never bounded by named resources), so only exact actions count here.
                if (!IamKnowledge.HasWildcard(text) && IamKnowledge.TryGetAction(text, out var known))
                {
                    Count(known, names, seen, ref total);
                }
            }

            if (total == 0)
            {
                return;
            }

            var list = Describe(names, total);
            found.Add("Resource *", star.Value, star.Branch, (value, detail) => Create(resource, value.Location, null, resource.Name, list, statement.Label, detail));
        }

        private static void Count(IamAction action, List<string> names, HashSet<string> seen, ref int total)
        {
            // The SSM agent's own-instance actions work only on "*" (WildcardScope.IsAgentAction): no narrower resource exists.
            if (!action.IsWriteOrPermissionsManagement || !action.SupportsResourceLevelPermissions || WildcardScope.IsAgentAction(action) || !seen.Add(action.FullName))
            {
                return;
            }

            total++;
            if (names.Count < Named)
            {
                names.Add(action.FullName);
            }
        }

        private static string Describe(List<string> names, int total)
        {
            if (total <= names.Count)
            {
                return names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
            }

            return string.Join(", ", names) + " and " + (total - names.Count).ToString(CultureInfo.InvariantCulture) + " more write or permissions-management actions";
        }
    }
}
