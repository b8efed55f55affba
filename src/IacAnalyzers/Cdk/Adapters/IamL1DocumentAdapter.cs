using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// L1 IAM resources (<c>CfnPolicy</c>, <c>CfnManagedPolicy</c>, <c>CfnRole</c>, <c>CfnUser</c>, <c>CfnGroup</c>,
    /// <c>CfnBucketPolicy</c>, <c>CfnQueuePolicy</c>, <c>CfnTopicPolicy</c>) map to CloudFormation by the L1 convention,
    /// except that a policy document may be given as an L2 <c>PolicyDocument</c> object (the props are typed
    /// <c>object</c>: "A policy document that contains permissions to add to the specified users or groups."). This
    /// adapter is the L1 view with such objects rewritten to CloudFormation JSON; dictionaries are already JSON.
    /// </summary>
    public sealed class IamL1DocumentAdapter : CdkAdapter
    {
        private static readonly Dictionary<string, string> Types = new Dictionary<string, string>
        {
            ["Amazon.CDK.AWS.IAM.CfnPolicy"] = "AWS::IAM::Policy",
            ["Amazon.CDK.AWS.IAM.CfnManagedPolicy"] = "AWS::IAM::ManagedPolicy",
            ["Amazon.CDK.AWS.IAM.CfnRole"] = "AWS::IAM::Role",
            ["Amazon.CDK.AWS.IAM.CfnUser"] = "AWS::IAM::User",
            ["Amazon.CDK.AWS.IAM.CfnGroup"] = "AWS::IAM::Group",
            ["Amazon.CDK.AWS.S3.CfnBucketPolicy"] = "AWS::S3::BucketPolicy",
            ["Amazon.CDK.AWS.SQS.CfnQueuePolicy"] = "AWS::SQS::QueuePolicy",
            ["Amazon.CDK.AWS.SNS.CfnTopicPolicy"] = "AWS::SNS::TopicPolicy",
        };

        private static readonly string[] DocumentProperties = { "PolicyDocument", "AssumeRolePolicyDocument" };

        public IamL1DocumentAdapter()
            : base(new List<string>(Types.Values).ToArray())
        {
            foreach (var name in Types.Keys)
            {
                OnCreation(name);
            }
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            string? type = null;
            for (var s = input.Operation.Type as Microsoft.CodeAnalysis.INamedTypeSymbol; s != null && type == null; s = s.BaseType)
            {
                Types.TryGetValue(s.ToDisplayString(), out type);
            }

            if (type == null || !(input.Props is MapValue props))
            {
                return;
            }

            var entries = new List<MapEntry>(props.Entries.Count);
            foreach (var e in props.Entries)
            {
                if (System.Array.Exists(DocumentProperties, p => AdapterText.SameName(p, e.Key)))
                {
                    entries.Add(new MapEntry(e.Key, e.KeyLocation, CdkConvert.Leaves(e.Value, Document)));
                }
                else if (AdapterText.SameName(e.Key, "Policies"))
                {
                    entries.Add(new MapEntry(e.Key, e.KeyLocation, CdkConvert.Leaves(e.Value, InlinePolicies)));
                }
                else
                {
                    entries.Add(e);
                }
            }

            output.Add(input.View(type, entries));
        }

        /// <summary>A PolicyDocument object → <c>{Statement: [...]}</c>; anything else unchanged.</summary>
        internal static Value Document(Value value)
        {
            if (CdkValues.IsMember(value, "PolicyDocument", "FromJson"))
            {
                return FromJson(value);
            }

            if (!CdkValues.IsMember(value, "PolicyDocument", CdkValues.NewMember))
            {
                return value;
            }

            if (!(CdkValues.Argument(value, "props") is MapValue props) || !(props.GetEntry("Statements") is MapEntry statements))
            {
                return new UnknownValue("a policy document filled by calls", value.Location);
            }

            var converted = new List<Value>();
            foreach (var leaf in Rules.ValueExtensions.Leaves(statements.Value))
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        var (statement, _) = PolicyStatementUseAdapter.Statement(item, value.Location);
                        converted.Add(statement ?? new UnknownValue("a statement that cannot be known", item.Location));
                    }
                }
            }

            return new MapValue(new[] { new MapEntry("Statement", statements.KeyLocation, new ListValue(converted, statements.Value.Location)) }, value.Location);
        }

        /// <summary>
        /// <c>PolicyDocument.FromJson(obj)</c> (Amazon.CDK.Lib 2.160.0: "Creates a new PolicyDocument based on the object
        /// provided.", obj: "the PolicyDocument in object form"): the object is already the CloudFormation document, as for
        /// <c>PolicyStatement.FromJson</c>. An object we cannot read stays unknown.
        /// </summary>
        internal static Value FromJson(Value document)
            => CdkValues.Argument(document, "obj") is MapValue json ? json : new UnknownValue("a policy document read from an object we cannot follow", document.Location);

        /// <summary><c>Policies</c> items (<c>CfnRole.PolicyProperty</c> maps) with their PolicyDocument converted.</summary>
        private static Value InlinePolicies(Value value)
        {
            if (!(value is ListValue list))
            {
                return value;
            }

            var items = new List<Value>(list.Items.Count);
            foreach (var item in list.Items)
            {
                if (item is MapValue policy)
                {
                    var entries = new List<MapEntry>(policy.Entries.Count);
                    foreach (var e in policy.Entries)
                    {
                        entries.Add(AdapterText.SameName(e.Key, "PolicyDocument") ? new MapEntry(e.Key, e.KeyLocation, CdkConvert.Leaves(e.Value, Document)) : e);
                    }

                    items.Add(new MapValue(entries, policy.Location, policy.Provenance));
                }
                else
                {
                    items.Add(item);
                }
            }

            return new ListValue(items, list.Location, list.Provenance);
        }
    }
}
