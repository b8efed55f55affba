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
    /// is attached: <c>AddToPolicy</c> (IIdentity), <c>AddToPrincipalPolicy</c> (IPrincipal), <c>AddToRolePolicy</c>
    /// (Lambda IFunction) and <c>AddStatements</c> (Policy, ManagedPolicy, PolicyDocument) give an identity policy
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
            OnCall("Amazon.CDK.AWS.IAM.IIdentity", "AddToPolicy");
            OnCall("Amazon.CDK.AWS.IAM.IPrincipal", "AddToPrincipalPolicy");
            OnCall("Amazon.CDK.AWS.Lambda.IFunction", "AddToRolePolicy");
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
                    // new PolicyStatement(): an empty statement, filled by calls we do not follow.
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
