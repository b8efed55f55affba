using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// IAC1205: a resource or trust policy Allow statement, without a Condition, whose Principal is <c>"*"</c> or
    /// <c>{AWS: "*"}</c> (also in a list), or that uses NotPrincipal; and an <c>AWS::Lambda::Permission</c> with
    /// Principal <c>"*"</c> and none of SourceArn, SourceAccount, PrincipalOrgID. The finding lands on the <c>"*"</c> principal, or on the NotPrincipal key.
    /// Any Condition (even unknown) clears the statement: it may restrict access in ways the analyzer cannot judge.
    /// </summary>
    public sealed class IAC1205_IamAnyPrincipal : PolicyStatementRule
    {
        public const string LambdaPermission = "AWS::Lambda::Permission";

        public IAC1205_IamAnyPrincipal()
            : base(RuleCatalog.IamAnyPrincipal, With(PolicyDocumentSources.PrincipalDocumentTypes, LambdaPermission))
        {
        }

        protected override bool Applies(ResourceView resource, PolicyDocument document) => document.Kind != PolicyKind.Identity;

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (resource.IsType(LambdaPermission))
            {
                AnalyzeLambdaPermission(resource, findings);
                return;
            }

            base.Analyze(resource, findings);
        }

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, BranchPath? effectBranch, IList<Finding> findings)
        {
            if (statement.HasCondition)
            {
                return;
            }

            var where = statement.Label + " without a Condition";
            var notPrincipal = statement.NotPrincipalEntry;
            if (notPrincipal != null)
            {
                var detail = new Leaf(notPrincipal.Value, PolicyDocument.Join(effectBranch, statement.Branch)).Detail();
                findings.Add(Create(resource, notPrincipal.KeyLocation, null, resource.Name, "every principal but those in NotPrincipal", where, detail));
            }

            var principal = statement.Principal;
            if (principal == null)
            {
                return;
            }

            foreach (var leaf in principal.Leaves())
            {
                var branch = PolicyDocument.Join(effectBranch, PolicyDocument.Join(statement.Branch, leaf.Path));
                if (leaf.Value.AsString() == "*")
                {
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, "Principal '*'", where, new Leaf(leaf.Value, branch).Detail()));
                }
                else if (leaf.Value is MapValue map && map.Get("AWS") is Value aws)
                {
                    foreach (var star in Stars(aws))
                    {
                        findings.Add(Create(resource, star.Value.Location, null, resource.Name, "Principal AWS '*'", where, new Leaf(star.Value, PolicyDocument.Join(branch, star.Path)).Detail()));
                    }
                }
            }
        }

        private void AnalyzeLambdaPermission(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            if (props.GetEntry("SourceArn") != null || props.GetEntry("SourceAccount") != null || props.GetEntry("PrincipalOrgID") != null)
            {
                return;
            }

            if (!(props.Get("Principal") is Value principal))
            {
                return;
            }

            foreach (var leaf in principal.Leaves())
            {
                if (leaf.Value.AsString() == "*")
                {
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, "Principal '*'", "the Lambda permission without SourceArn, SourceAccount or PrincipalOrgID", leaf.Detail()));
                }
            }
        }

        private static IEnumerable<Leaf> Stars(Value aws)
        {
            foreach (var leaf in aws.Leaves())
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        foreach (var inner in item.Leaves())
                        {
                            if (inner.Value.AsString() == "*")
                            {
                                yield return new Leaf(inner.Value, PolicyDocument.Join(leaf.Path, inner.Path));
                            }
                        }
                    }
                }
                else if (leaf.Value.AsString() == "*")
                {
                    yield return leaf;
                }
            }
        }

        private static string[] With(IReadOnlyList<string> types, string extra)
        {
            var result = new List<string>(types) { extra };
            return result.ToArray();
        }
    }
}
