using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.IAM.Role</c> → <c>AWS::IAM::Role</c>: <c>AssumedBy</c> becomes the trust policy's principal
    /// (RoleProps.AssumedBy: "The IAM principal (i.e. `new ServicePrincipal('sns.amazonaws.com')`) which can assume
    /// this role."; CDK writes an Allow of sts:AssumeRole for it), <c>ManagedPolicies</c> becomes
    /// <c>ManagedPolicyArns</c> (RoleProps.ManagedPolicies: "A list of managed policies associated with this role.
    /// Default: - No managed policies."). <c>InlinePolicies</c> (name → PolicyDocument) becomes <c>Policies</c>.
    /// </summary>
    public sealed class RoleAdapter : ConstructAdapter
    {
        public RoleAdapter()
            : base("Amazon.CDK.AWS.IAM.Role", "AWS::IAM::Role")
        {
            Map("ManagedPolicies", "ManagedPolicyArns").Convert(IamValues.ManagedPolicyArns);
        }

        protected override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            if (input.Props is MapValue props && props.GetEntry("AssumedBy") is MapEntry assumedBy)
            {
                var at = assumedBy.Value.Location;
                var statement = IamValues.Allow(at, new ScalarValue("sts:AssumeRole", ScalarKind.String, at), principal: IamValues.Principal(assumedBy.Value));
                properties.Add(new MapEntry("AssumeRolePolicyDocument", assumedBy.KeyLocation, IamValues.Document(statement, at)));
            }

            // RoleProps.InlinePolicies: "A list of named policies to inline into this role. Default: - No policy is inlined."
            if (input.Props is MapValue withInline && withInline.GetEntry("InlinePolicies") is MapEntry inline && inline.Value is MapValue named)
            {
                var policies = new List<Value>();
                foreach (var e in CdkValues.DataEntries(named))
                {
                    var policy = new MapValue(
                        new[]
                        {
                            new MapEntry("PolicyName", e.KeyLocation, new ScalarValue(e.Key, ScalarKind.String, e.KeyLocation)),
                            new MapEntry("PolicyDocument", e.KeyLocation, CdkConvert.Leaves(e.Value, IamL1DocumentAdapter.Document)),
                        },
                        e.Value.Location);
                    policies.Add(policy);
                }

                properties.Add(new MapEntry("Policies", inline.KeyLocation, new ListValue(policies, inline.Value.Location)));
            }
        }
    }

    /// <summary><c>Amazon.CDK.AWS.IAM.User</c> → <c>AWS::IAM::User</c>: UserProps.ManagedPolicies ("Default: - No managed policies.").</summary>
    public sealed class UserAdapter : ConstructAdapter
    {
        public UserAdapter()
            : base("Amazon.CDK.AWS.IAM.User", "AWS::IAM::User")
        {
            Map("ManagedPolicies", "ManagedPolicyArns").Convert(IamValues.ManagedPolicyArns);
        }
    }

    /// <summary><c>Amazon.CDK.AWS.IAM.Group</c> → <c>AWS::IAM::Group</c>: GroupProps.ManagedPolicies ("Default: - No managed policies.").</summary>
    public sealed class GroupAdapter : ConstructAdapter
    {
        public GroupAdapter()
            : base("Amazon.CDK.AWS.IAM.Group", "AWS::IAM::Group")
        {
            Map("ManagedPolicies", "ManagedPolicyArns").Convert(IamValues.ManagedPolicyArns);
        }
    }

    /// <summary>
    /// <c>role.AddManagedPolicy(policy)</c> (IIdentity: Role, User, Group) → the identity's view with that one ARN in
    /// <c>ManagedPolicyArns</c>, located at the argument.
    /// </summary>
    public sealed class AddManagedPolicyAdapter : CdkAdapter
    {
        public AddManagedPolicyAdapter()
            : base("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")
        {
            OnCall("Amazon.CDK.AWS.IAM.IIdentity", "AddManagedPolicy");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (!(input.Operation is IInvocationOperation invocation) || invocation.Arguments.Length != 1 || invocation.Arguments[0].Parameter == null)
            {
                return;
            }

            var policy = input.Argument(invocation.Arguments[0].Parameter!.Name);
            if (policy == null)
            {
                return;
            }

            var type = (invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType)?.Name switch
            {
                "User" or "IUser" => "AWS::IAM::User",
                "Group" or "IGroup" => "AWS::IAM::Group",
                _ => "AWS::IAM::Role",
            };
            var arns = new ListValue(new[] { CdkConvert.Leaves(policy, IamValues.ManagedPolicyArn) }, policy.Location);
            var properties = new MapValue(new[] { new MapEntry("ManagedPolicyArns", policy.Location, arns) }, input.Location);
            output.Add(new ResourceView(type, input.Name, input.Location, properties, Surfaces.Cdk, input.Context));
        }
    }

    /// <summary>
    /// <c>new Policy(...)</c> / <c>new ManagedPolicy(...)</c> → <c>AWS::IAM::Policy</c> / <c>AWS::IAM::ManagedPolicy</c>
    /// with the statements of <c>Statements</c> (PolicyProps.Statements: "Initial set of permissions to add to this
    /// policy document. Default: - No statements.") and of <c>Document</c> (a PolicyDocument built with
    /// <c>PolicyDocumentProps.Statements</c>).
    /// </summary>
    public sealed class PolicyPropsAdapter : CdkAdapter
    {
        public PolicyPropsAdapter()
            : base("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", Iam.PolicyDocumentSources.CdkPrincipalStatement)
        {
            OnCreation("Amazon.CDK.AWS.IAM.Policy");
            OnCreation("Amazon.CDK.AWS.IAM.ManagedPolicy");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var type = input.Operation.Type?.Name == "ManagedPolicy" ? "AWS::IAM::ManagedPolicy" : "AWS::IAM::Policy";
            if (!(input.Props is MapValue props))
            {
                return;
            }

            var statements = new List<Value>();
            Collect(props.Get("Statements"), statements);
            if (props.Get("Document") is Value document && CdkValues.IsMember(document, "PolicyDocument", CdkValues.NewMember)
                && CdkValues.Argument(document, "props") is MapValue documentProps)
            {
                Collect(documentProps.Get("Statements"), statements);
            }

            var converted = new List<Value>();
            if (props.Get("Document") is Value json && CdkValues.IsMember(json, "PolicyDocument", "FromJson")
                && IamL1DocumentAdapter.FromJson(json) is MapValue jsonDocument && jsonDocument.Get("Statement") is Value jsonStatements)
            {
                // Already CloudFormation-shaped statements (one or a list).
                foreach (var leaf in Rules.ValueExtensions.Leaves(jsonStatements))
                {
                    if (leaf.Value is ListValue list)
                    {
                        converted.AddRange(list.Items);
                    }
                    else
                    {
                        converted.Add(leaf.Value);
                    }
                }
            }

            foreach (var statement in statements)
            {
                var (value, principals) = PolicyStatementUseAdapter.Statement(statement, input.Location);
                if (value != null && !principals)
                {
                    converted.Add(value);
                }
            }

            if (converted.Count == 0)
            {
                return;
            }

            var doc = new MapValue(new[] { new MapEntry("Statement", input.Location, new ListValue(converted, input.Location)) }, input.Location);
            var properties = new MapValue(new[] { new MapEntry("PolicyDocument", input.Location, doc) }, input.Location);
            output.Add(new ResourceView(type, input.Name, input.Location, properties, Surfaces.Cdk, input.Context));
        }

        private static void Collect(Value? value, List<Value> statements)
        {
            if (value == null)
            {
                return;
            }

            foreach (var leaf in Rules.ValueExtensions.Leaves(value))
            {
                if (leaf.Value is ListValue list)
                {
                    statements.AddRange(list.Items);
                }
            }
        }
    }
}
