using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// IAC1201: an Allow statement whose Action is <c>"*"</c> (or <c>"*:*"</c>), in any policy document: identity,
    /// trust or resource. The finding lands on the <c>"*"</c>; the message says when Resource is <c>"*"</c> too
    /// (administrator access).
    /// </summary>
    public sealed class IAC1201_IamAllowsAllActions : PolicyStatementRule
    {
        public IAC1201_IamAllowsAllActions()
            : base(RuleCatalog.IamAllowsAllActions, PolicyDocumentSources.DocumentTypes)
        {
        }

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found)
        {
            var everyResource = statement.HasStarResource ? " on every resource (Resource '*')" : string.Empty;
            foreach (var action in statement.Actions)
            {
                if (action.Text != null && IsEveryAction(action.Text))
                {
                    found.Add("Action *", action.Value, action.Branch, (value, detail) => Create(resource, value.Location, null, resource.Name, statement.Label, everyResource, detail));
                }
            }
        }
    }
}
