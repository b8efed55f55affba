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

        protected override void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found)
        {
            if (statement.HasCondition)
            {
                return;
            }

            var where = statement.Label + " without a Condition";
            var notPrincipal = statement.NotPrincipalEntry;
            if (notPrincipal != null)
            {
                found.Add("NotPrincipal", notPrincipal.Value, statement.Branch, (value, detail) => Create(resource, notPrincipal.KeyLocation, null, resource.Name, "every principal but those in NotPrincipal", where, detail));
            }

            var principal = statement.Principal;
            if (principal == null)
            {
                return;
            }

            foreach (var leaf in principal.Leaves(statement.Branch))
            {
                if (leaf.Value.AsString() == "*")
                {
                    found.Add("Principal *", leaf.Value, leaf.Path, (value, detail) => Create(resource, value.Location, null, resource.Name, "Principal '*'", where, detail));
                }
                else if (leaf.Value is MapValue map && map.Get("AWS") is Value aws)
                {
                    foreach (var star in Stars(aws, leaf.Path))
                    {
                        found.Add("Principal AWS *", star.Value, star.Path, (value, detail) => Create(resource, value.Location, null, resource.Name, "Principal AWS '*'", where, detail));
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

            // One finding for the property, however many branches give '*'.
            var found = new StatementFindings(new BranchPath?[] { null });
            foreach (var leaf in principal.Leaves())
            {
                if (leaf.Value.AsString() == "*")
                {
                    found.Add("Principal *", leaf.Value, leaf.Path, (value, detail) => Create(resource, value.Location, null, resource.Name, "Principal '*'", "the Lambda permission without SourceArn, SourceAccount or PrincipalOrgID", detail));
                }
            }

            found.AddTo(findings);
        }

        private static IEnumerable<Leaf> Stars(Value aws, BranchPath? outer)
        {
            foreach (var leaf in aws.Leaves(outer))
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        foreach (var inner in item.Leaves(leaf.Path))
                        {
                            if (inner.Value.AsString() == "*")
                            {
                                yield return inner;
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
