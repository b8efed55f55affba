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

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, BranchPath? effectBranch, IList<Finding> findings)
        {
            var entry = statement.NotActionEntry;
            if (entry == null)
            {
                return;
            }

            var detail = new Leaf(entry.Value, PolicyDocument.Join(effectBranch, statement.Branch)).Detail();
            findings.Add(Create(resource, entry.KeyLocation, null, resource.Name, statement.Label, detail));
        }
    }
}
