using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// A <c>PolicyStatement</c> (L2: <c>new PolicyStatement(props)</c> or <c>PolicyStatement.FromJson(json)</c>) where it
    /// is attached: <c>AddToPolicy</c> (Role, User, Group, LazyRole), <c>AddToPrincipalPolicy</c> (IPrincipal), <c>AddToRolePolicy</c>
    /// (Lambda IFunction, CodeBuild Project, Step Functions StateMachine, AutoScalingGroup) and <c>AddStatements</c> (Policy, ManagedPolicy, PolicyDocument) give an identity policy
    /// (<c>AWS::IAM::Policy</c>) unless the statement names principals; <c>AddToResourcePolicy</c> (IResourceWithPolicy)
    /// (IResourceWithPolicy, IBucket, IQueue, ITopic, IKey, ISecret, IRepository) gives the receiver's resource policy (<c>AWS::S3::BucketPolicy</c>, <c>AWS::SQS::QueuePolicy</c>, ...).
    /// Amazon.CDK.Lib 2.160.0: "PolicyStatementProps.Effect — Whether to allow or deny the actions in this statement.
    /// Default: Effect.ALLOW". Findings land on the statement's written values (the <c>"*"</c> in <c>Actions</c>).
    /// </summary>
    public sealed class PolicyStatementUseAdapter : CdkAdapter
    {
        private static readonly Dictionary<string, (string Type, string Property)> ResourcePolicies = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["S3"] = ("AWS::S3::BucketPolicy", "PolicyDocument"),
            ["SQS"] = ("AWS::SQS::QueuePolicy", "PolicyDocument"),
            ["SNS"] = ("AWS::SNS::TopicPolicy", "PolicyDocument"),
            ["KMS"] = ("AWS::KMS::Key", "KeyPolicy"),
            ["SecretsManager"] = ("AWS::SecretsManager::ResourcePolicy", "ResourcePolicy"),
            ["ECR"] = ("AWS::ECR::Repository", "RepositoryPolicyText"),
        };

        public PolicyStatementUseAdapter()
            : base("AWS::IAM::Policy", PolicyDocumentSources.CdkPrincipalStatement, "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy", "AWS::KMS::Key", "AWS::SecretsManager::ResourcePolicy", "AWS::ECR::Repository")
        {
            OnCall("Amazon.CDK.AWS.IAM.Role", "AddToPolicy");
            OnCall("Amazon.CDK.AWS.IAM.User", "AddToPolicy");
            OnCall("Amazon.CDK.AWS.IAM.Group", "AddToPolicy");
            OnCall("Amazon.CDK.AWS.IAM.LazyRole", "AddToPolicy");
            OnCall("Amazon.CDK.AWS.IAM.IPrincipal", "AddToPrincipalPolicy");
            OnCall("Amazon.CDK.AWS.Lambda.IFunction", "AddToRolePolicy");
            OnCall("Amazon.CDK.AWS.CodeBuild.Project", "AddToRolePolicy");
            OnCall("Amazon.CDK.AWS.StepFunctions.StateMachine", "AddToRolePolicy");
            OnCall("Amazon.CDK.AWS.AutoScaling.AutoScalingGroup", "AddToRolePolicy");
            OnCall("Amazon.CDK.AWS.IAM.PolicyDocument", "AddStatements");
            OnCall("Amazon.CDK.AWS.IAM.Policy", "AddStatements");
            OnCall("Amazon.CDK.AWS.IAM.ManagedPolicy", "AddStatements");
            OnCall("Amazon.CDK.AWS.IAM.IResourceWithPolicy", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.S3.IBucket", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.SQS.IQueue", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.SNS.ITopic", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.KMS.IKey", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.SecretsManager.ISecret", "AddToResourcePolicy");
            OnCall("Amazon.CDK.AWS.ECR.IRepository", "AddToResourcePolicy");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (!(input.Operation is IInvocationOperation invocation) || invocation.Arguments.Length == 0 || invocation.Arguments[0].Parameter == null)
            {
                return;
            }

            var argument = input.Argument(invocation.Arguments[0].Parameter!.Name);
            if (argument == null)
            {
                return;
            }

            // A statement held in a local and filled by calls (statement.AddActions("s3:*"); statement.AddAllResources()).
            var local = Local(invocation.Arguments[0].Value);
            if (local != null && CdkValues.IsMember(argument, "PolicyStatement", CdkValues.NewMember))
            {
                argument = WithCalls((MapValue)argument, input.Resolver.Indexes.Of(invocation).CallsOn(local), input.Resolver);
            }

            var statements = new List<Value>();
            foreach (var leaf in Rules.ValueExtensions.Leaves(argument))
            {
                if (leaf.Value is ListValue list)
                {
                    statements.AddRange(list.Items);
                }
                else
                {
                    statements.Add(argument);
                    break;
                }
            }

            var resourcePolicy = invocation.TargetMethod.Name == "AddToResourcePolicy" ? ResourcePolicyOf(invocation) : ((string, string)?)null;
            foreach (var statement in statements)
            {
                var (value, principals) = Statement(statement, input.Location);
                if (value == null)
                {
                    continue;
                }

                var (type, property) = resourcePolicy ?? (IamValues.StatementViewType(principals), "PolicyDocument");
                var document = IamValues.Document(value, statement.Location);
                var properties = new MapValue(new[] { new MapEntry(property, statement.Location, document) }, input.Location);
                output.Add(new ResourceView(type, input.Name, input.Location, properties, Surfaces.Cdk, input.Context));
            }
        }

        /// <summary>A statement value as CloudFormation, and whether it names principals; null when it is not a statement.</summary>
        internal static (Value? Statement, bool Principals) Statement(Value statement, SourceLocation at)
        {
            if (CdkValues.IsMember(statement, "PolicyStatement", CdkValues.NewMember))
            {
                var props = CdkValues.Argument(statement, "props");
                if (props == null)
                {
                    // new PolicyStatement() not filled by calls we follow: nothing to judge.
                    return (null, false);
                }

                return (IamValues.Statement(props, statement.Location), IamValues.NamesPrincipals(props));
            }

            if (CdkValues.IsMember(statement, "PolicyStatement", "FromJson") && CdkValues.Argument(statement, "obj") is Value json)
            {
                // JSON is already CloudFormation-shaped.
                var principals = json is MapValue m && (m.GetEntry("Principal") != null || m.GetEntry("NotPrincipal") != null);
                return (json, principals);
            }

            return (null, false);
        }

        private static ILocalSymbol? Local(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return (operation as ILocalReferenceOperation)?.Local;
        }

        /// <summary>
        /// The statement value with what calls on its local add, as PolicyStatementProps members: AddActions →
        /// Actions, AddNotActions → NotActions, AddResources → Resources, AddAllResources → Resources "*" (at the call),
        /// AddNotResources → NotResources, AddAnyPrincipal / AddPrincipals / Add*Principal → Principals,
        /// AddCondition(s) → Conditions. Other calls (unknown to us) leave the statement as it is.
        /// </summary>
        internal static Value WithCalls(MapValue statement, IReadOnlyList<IInvocationOperation> calls, ValueResolver resolver)
        {
            if (calls.Count == 0)
            {
                return statement;
            }

            var propsValue = CdkValues.Argument(statement, "props");
            if (propsValue != null && !(propsValue is MapValue))
            {
                return statement;
            }

            var props = (MapValue?)propsValue;
            var members = new Dictionary<string, (SourceLocation Key, List<Value> Items)>(StringComparer.OrdinalIgnoreCase);
            var others = new List<MapEntry>();
            if (props != null)
            {
                foreach (var e in props.Entries)
                {
                    if (e.Value is ListValue list && IsListMember(e.Key))
                    {
                        members[e.Key] = (e.KeyLocation, new List<Value>(list.Items));
                    }
                    else
                    {
                        others.Add(e);
                    }
                }
            }

            foreach (var call in calls)
            {
                var at = Host.Locations.FromSyntax(call.Syntax);
                switch (call.TargetMethod.Name)
                {
                    case "AddActions":
                        Append(members, "Actions", at, Arguments(call, resolver));
                        break;
                    case "AddNotActions":
                        Append(members, "NotActions", at, Arguments(call, resolver));
                        break;
                    case "AddResources":
                        Append(members, "Resources", at, Arguments(call, resolver));
                        break;
                    case "AddNotResources":
                        Append(members, "NotResources", at, Arguments(call, resolver));
                        break;
                    case "AddAllResources":
                        Append(members, "Resources", at, new List<Value> { new ScalarValue("*", ScalarKind.String, at) });
                        break;
                    case "AddAnyPrincipal":
                        Append(members, "Principals", at, new List<Value> { Typed("AnyPrincipal", at) });
                        break;
                    case "AddPrincipals":
                        Append(members, "Principals", at, Arguments(call, resolver));
                        break;
                    case "AddArnPrincipal":
                    case "AddAwsAccountPrincipal":
                    case "AddAccountRootPrincipal":
                    case "AddServicePrincipal":
                    case "AddFederatedPrincipal":
                    case "AddCanonicalUserPrincipal":
                        Append(members, "Principals", at, new List<Value> { new UnknownValue("a named principal", at) });
                        break;
                    case "AddCondition":
                    case "AddConditions":
                        others.RemoveAll(e => AdapterText.SameName(e.Key, "Conditions"));
                        others.Add(new MapEntry("Conditions", at, new MapValue(new[] { new MapEntry("?", at, new UnknownValue("a condition added by a call", at)) }, at)));
                        break;
                }
            }

            var entries = new List<MapEntry>(others);
            foreach (var pair in members)
            {
                entries.Add(new MapEntry(pair.Key, pair.Value.Key, new ListValue(pair.Value.Items, pair.Value.Key)));
            }

            var newProps = new MapValue(entries, props?.Location ?? statement.Location, props?.Provenance);
            var result = new List<MapEntry>();
            foreach (var e in statement.Entries)
            {
                if (!AdapterText.SameName(e.Key, "props"))
                {
                    result.Add(e);
                }
            }

            result.Add(new MapEntry("props", newProps.Location, newProps));
            return new MapValue(result, statement.Location, statement.Provenance);
        }

        private static bool IsListMember(string key)
            => key == "Actions" || key == "NotActions" || key == "Resources" || key == "NotResources" || key == "Principals";

        private static void Append(Dictionary<string, (SourceLocation Key, List<Value> Items)> members, string member, SourceLocation at, List<Value> items)
        {
            if (!members.TryGetValue(member, out var existing))
            {
                existing = (at, new List<Value>());
                members[member] = existing;
            }

            existing.Items.AddRange(items);
        }

        /// <summary>The values of a call's arguments (a params array flattened).</summary>
        private static List<Value> Arguments(IInvocationOperation call, ValueResolver resolver)
        {
            var result = new List<Value>();
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var value = resolver.Resolve(argument.Value);
                if (value is ListValue list)
                {
                    result.AddRange(list.Items);
                }
                else
                {
                    result.Add(value);
                }
            }

            return result;
        }

        private static MapValue Typed(string type, SourceLocation at)
            => new MapValue(new[] { new MapEntry(CdkValues.TypeKey, at, new ScalarValue(type, ScalarKind.String, at)), new MapEntry(CdkValues.MemberKey, at, new ScalarValue(CdkValues.NewMember, ScalarKind.String, at)) }, at);

        private static (string, string)? ResourcePolicyOf(IInvocationOperation invocation)
        {
            var type = invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType;
            var ns = type?.ContainingNamespace;
            if (ns != null && ns.ContainingNamespace?.Name == "AWS" && ResourcePolicies.TryGetValue(ns.Name, out var policy))
            {
                return policy;
            }

            return (PolicyDocumentSources.CdkPrincipalStatement, "PolicyDocument");
        }
    }
}
