using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// IAC1203: an Allow statement with <c>NotAction</c>, in any policy document. The finding lands on the NotAction
    /// key (the list itself may span many lines). Whatever NotAction lists (even an unknown value), the statement allows everything else.
    /// </summary>
    public sealed class IAC1203_IamAllowWithNotAction : PolicyStatementRule
    {
        public IAC1203_IamAllowWithNotAction()
            : base(RuleCatalog.IamAllowWithNotAction, PolicyDocumentSources.DocumentTypes)
        {
        }

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found)
        {
            var entry = statement.NotActionEntry;
            if (entry == null)
            {
                return;
            }

            found.Add("NotAction", entry.Value, statement.Branch, (value, detail) => Create(resource, entry.KeyLocation, null, resource.Name, statement.Label, detail));
        }
    }
}
