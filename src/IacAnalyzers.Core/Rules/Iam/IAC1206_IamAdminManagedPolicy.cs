using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// IAC1206: a role, user or group (<c>ManagedPolicyArns</c>) or a SAM function or state machine (<c>Policies</c>)
    /// that attaches an AWS managed policy the IAM knowledge table marks admin-like, by ARN in any partition (also
    /// <c>arn:${AWS::Partition}:iam::aws:policy/...</c> when the front-end resolved the Sub) or by bare name (SAM).
    /// The finding lands on the ARN or name. Unknown values (an unresolved reference) are not flagged.
    /// </summary>
    public sealed class IAC1206_IamAdminManagedPolicy : Rule
    {
        public IAC1206_IamAdminManagedPolicy()
            : base(RuleCatalog.IamAdminManagedPolicy, "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function", "AWS::Serverless::StateMachine")
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            foreach (var policy in PolicyDocumentSources.ManagedPolicies(resource))
            {
                if (policy.Text != null && IamKnowledge.TryGetAdminLikeManagedPolicy(policy.Text, out var name, out var kind))
                {
                    findings.Add(Create(resource, policy.Value.Location, null, resource.Name, name, Explain(kind), policy.Detail()));
                }
            }
        }

        private static string Explain(AdminPolicyKind kind) => kind switch
        {
            AdminPolicyKind.FullAccess => "allows every action on every resource",
            AdminPolicyKind.AllButListed => "allows every action on every resource except the few it lists",
            _ => "allows IAM actions on every resource that let the holder grant itself any permission",
        };
    }
}
