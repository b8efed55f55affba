using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// The shared walk of the IAM rules that judge statements: every policy document of the resource
    /// (<see cref="PolicyDocumentSources"/>), every statement that allows in some branch. Deny statements and
    /// statements whose Effect is unknown are never visited.
    /// </summary>
    public abstract class PolicyStatementRule : Rule
    {
        protected PolicyStatementRule(RuleInfo info, IReadOnlyList<string> resourceTypes)
            : base(info, ToArray(resourceTypes))
        {
        }

        /// <summary>False to skip a document (by kind or resource type).</summary>
        protected virtual bool Applies(ResourceView resource, PolicyDocument document) => true;

        /// <summary>Judges one allowing statement; <paramref name="effectBranch"/> is the branch of its Effect, or null.</summary>
        protected abstract void AnalyzeStatement(ResourceView resource, PolicyStatement statement, BranchPath? effectBranch, IList<Finding> findings);

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            foreach (var document in PolicyDocumentSources.Documents(resource))
            {
                if (!Applies(resource, document))
                {
                    continue;
                }

                foreach (var statement in document.Statements)
                {
                    if (statement.TryGetAllow(out var effectBranch))
                    {
                        AnalyzeStatement(resource, statement, effectBranch, findings);
                    }
                }
            }
        }

        /// <summary>True for an action pattern that matches every action: <c>*</c>, <c>*:*</c>, <c>**</c>.</summary>
        protected static bool IsEveryAction(string action)
        {
            var colon = action.IndexOf(':');
            if (colon < 0)
            {
                return action.Length > 0 && action.Trim('*').Length == 0;
            }

            return colon > 0 && colon < action.Length - 1 && action.Trim('*') == ":";
        }

        private static string[] ToArray(IReadOnlyList<string> list)
        {
            var a = new string[list.Count];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = list[i];
            }

            return a;
        }
    }
}
