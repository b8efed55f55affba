using System;
using System.Collections.Generic;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// CDK IAM objects as the CloudFormation JSON they synthesize to, so the IAM rules read one shape. Sources:
    /// Amazon.CDK.Lib 2.160.0 XML docs and the policy JSON each principal class documents:
    /// <c>AnyPrincipal</c> "A principal representing all AWS identities in all accounts" renders <c>{"AWS": "*"}</c>;
    /// <c>StarPrincipal</c> "A principal that uses a literal '*' in the IAM JSON language" renders <c>"*"</c>;
    /// <c>ArnPrincipal(arn)</c> renders <c>{"AWS": arn}</c>; <c>ServicePrincipal(service)</c> <c>{"Service": service}</c>;
    /// <c>ManagedPolicy.FromAwsManagedPolicyName(name)</c> "Import a managed policy from one of the policies that AWS
    /// manages" renders <c>arn:${AWS::Partition}:iam::aws:policy/&lt;name&gt;</c>. Anything else is unknown.
    /// </summary>
    internal static class IamValues
    {
        public const string EffectCitation = "PolicyStatementProps.Effect: Effect.ALLOW";

        /// <summary>
        /// A CloudFormation statement map from <c>PolicyStatementProps</c> members (written in C#), or a one-of / unknown
        /// when the props are. <paramref name="at"/> locates the defaulted Effect.
        /// </summary>
        public static Value Statement(Value props, SourceLocation at)
        {
            switch (props)
            {
                case MapValue map:
                    return StatementFromProps(map, at);
                case OneOfValue oneOf:
                    var branches = new List<Branch>(oneOf.Branches.Count);
                    foreach (var b in oneOf.Branches)
                    {
                        branches.Add(b.WithValue(Statement(b.Value, at)));
                    }

                    return new OneOfValue(branches, oneOf.Location, oneOf.Provenance);
                default:
                    return new UnknownValue("statement props that cannot be known", props.Location);
            }
        }

        /// <summary>True when the props write Principals or NotPrincipals (a resource or trust statement).</summary>
        public static bool NamesPrincipals(Value props)
        {
            foreach (var leaf in Rules.ValueExtensions.Leaves(props))
            {
                if (leaf.Value is MapValue m && (m.GetEntry("Principals") != null || m.GetEntry("NotPrincipals") != null))
                {
                    return true;
                }
            }

            return false;
        }

        private static MapValue StatementFromProps(MapValue props, SourceLocation at)
        {
            var entries = new List<MapEntry>(8);
            var effect = props.GetEntry("Effect");
            entries.Add(effect != null
                ? new MapEntry("Effect", effect.KeyLocation, CdkConvert.Leaves(effect.Value, EffectName))
                : new MapEntry("Effect", at, new ScalarValue("Allow", ScalarKind.String, at, AdapterText.DefaultProvenance(EffectCitation))));
            Copy(props, entries, "Sid", "Sid");
            Copy(props, entries, "Actions", "Action");
            Copy(props, entries, "NotActions", "NotAction");
            Copy(props, entries, "Resources", "Resource");
            Copy(props, entries, "NotResources", "NotResource");
            Copy(props, entries, "Conditions", "Condition");
            if (props.GetEntry("Principals") is MapEntry principals)
            {
                entries.Add(new MapEntry("Principal", principals.KeyLocation, Principals(principals.Value)));
            }

            if (props.GetEntry("NotPrincipals") is MapEntry notPrincipals)
            {
                entries.Add(new MapEntry("NotPrincipal", notPrincipals.KeyLocation, Principals(notPrincipals.Value)));
            }

            return new MapValue(entries, props.Location, props.Provenance);
        }

        private static void Copy(MapValue props, List<MapEntry> entries, string cdk, string cloudFormation)
        {
            if (props.GetEntry(cdk) is MapEntry e)
            {
                entries.Add(new MapEntry(cloudFormation, e.KeyLocation, e.Value));
            }
        }

        /// <summary><c>Effect.ALLOW</c> (the enum member name) → <c>Allow</c>.</summary>
        private static Value EffectName(Value value)
            => value.AsStringValue() is string s
                ? new ScalarValue(string.Equals(s, "ALLOW", StringComparison.OrdinalIgnoreCase) ? "Allow" : string.Equals(s, "DENY", StringComparison.OrdinalIgnoreCase) ? "Deny" : s, ScalarKind.String, value.Location, value.Provenance)
                : new UnknownValue("an effect that cannot be known", value.Location, value.Provenance);

        /// <summary>
        /// A list of CDK principals → a CloudFormation Principal: <c>"*"</c> when one is a StarPrincipal, otherwise a map
        /// <c>{AWS: [...], Service: [...]}</c> whose items keep the principals' locations. Unknown principals stay unknown.
        /// </summary>
        public static Value Principals(Value principals)
        {
            var aws = new List<Value>();
            var service = new List<Value>();
            foreach (var leaf in Rules.ValueExtensions.Leaves(principals))
            {
                if (leaf.Value is ListValue list)
                {
                    foreach (var item in list.Items)
                    {
                        var star = AddPrincipal(item, aws, service);
                        if (star != null)
                        {
                            return star;
                        }
                    }
                }
                else
                {
                    var star = AddPrincipal(leaf.Value, aws, service);
                    if (star != null)
                    {
                        return star;
                    }
                }
            }

            var entries = new List<MapEntry>(2);
            if (aws.Count > 0)
            {
                entries.Add(new MapEntry("AWS", principals.Location, new ListValue(aws, principals.Location)));
            }

            if (service.Count > 0)
            {
                entries.Add(new MapEntry("Service", principals.Location, new ListValue(service, principals.Location)));
            }

            return new MapValue(entries, principals.Location, principals.Provenance);
        }

        /// <summary>One principal → its CloudFormation form (a single principal: AssumedBy).</summary>
        public static Value Principal(Value principal) => Principals(principal);

        /// <summary>Adds one principal; returns a <c>"*"</c> value when it is a StarPrincipal.</summary>
        private static Value? AddPrincipal(Value item, List<Value> aws, List<Value> service)
        {
            switch (CdkValues.TypeName(item))
            {
                case "StarPrincipal":
                    return new ScalarValue("*", ScalarKind.String, item.Location, item.Provenance);
                case "AnyPrincipal":
                    aws.Add(new ScalarValue("*", ScalarKind.String, item.Location, item.Provenance));
                    return null;
                case "ArnPrincipal":
                    aws.Add(CdkValues.Argument(item, "arn") ?? new UnknownValue("an ARN that cannot be known", item.Location));
                    return null;
                case "ServicePrincipal":
                    service.Add(CdkValues.Argument(item, "service") ?? new UnknownValue("a service that cannot be known", item.Location));
                    return null;
                default:
                    aws.Add(new UnknownValue("a principal that is not '*'", item.Location, item.Provenance));
                    return null;
            }
        }

        /// <summary>
        /// A managed policy value → its ARN: <c>ManagedPolicy.FromAwsManagedPolicyName(name)</c> →
        /// <c>arn:${AWS::Partition}:iam::aws:policy/name</c> located at the call; <c>FromManagedPolicyArn(scope, id, arn)</c>
        /// → the ARN; anything else unknown.
        /// </summary>
        public static Value ManagedPolicyArn(Value policy)
        {
            if (CdkValues.IsMember(policy, "ManagedPolicy", "FromAwsManagedPolicyName")
                && CdkValues.Argument(policy, "managedPolicyName") is ScalarValue name && name.Kind == ScalarKind.String)
            {
                return new ScalarValue("arn:${AWS::Partition}:iam::aws:policy/" + name.Text, ScalarKind.String, policy.Location, name.Provenance);
            }

            if (CdkValues.IsMember(policy, "ManagedPolicy", "FromManagedPolicyArn") && CdkValues.Argument(policy, "managedPolicyArn") is Value arn)
            {
                return arn;
            }

            return new UnknownValue("a managed policy that cannot be known", policy.Location, policy.Provenance);
        }

        /// <summary>A list (or one-of of lists) of managed policies → a list of ARNs.</summary>
        public static Value ManagedPolicyArns(Value policies)
            => CdkConvert.Leaves(policies, v => v is ListValue list ? new ListValue(Map(list.Items, ManagedPolicyArn), list.Location, list.Provenance) : ManagedPolicyArn(v));

        private static List<Value> Map(IReadOnlyList<Value> items, Func<Value, Value> f)
        {
            var result = new List<Value>(items.Count);
            foreach (var i in items)
            {
                result.Add(CdkConvert.Leaves(i, f));
            }

            return result;
        }

        private static string? AsStringValue(this Value value) => value is ScalarValue s && s.Kind == ScalarKind.String ? s.Text : null;

        /// <summary>
        /// An Allow statement the construct writes by itself (a role's trust policy, a grant, a construct's own policy):
        /// <c>{Effect: Allow, Principal, Action, Resource, Condition}</c>, the optional parts only when given, every key
        /// at <paramref name="at"/>. Its Effect has no provenance: no props member writes it, so nothing offers to change it.
        /// </summary>
        public static MapValue Allow(SourceLocation at, Value action, Value? resource = null, Value? principal = null, Value? condition = null)
        {
            var entries = new List<MapEntry>(5) { new MapEntry("Effect", at, new ScalarValue("Allow", ScalarKind.String, at)) };
            if (principal != null)
            {
                entries.Add(new MapEntry("Principal", at, principal));
            }

            entries.Add(new MapEntry("Action", at, action));
            if (resource != null)
            {
                entries.Add(new MapEntry("Resource", at, resource));
            }

            if (condition != null)
            {
                entries.Add(new MapEntry("Condition", at, condition));
            }

            return new MapValue(entries, at);
        }

        /// <summary>A one-statement document: <c>{Statement: statement}</c>.</summary>
        public static MapValue Document(Value statement, SourceLocation at)
            => new MapValue(new[] { new MapEntry("Statement", at, statement) }, at);

        /// <summary>The view type for a statement: identity, or (with principals) a resource-policy statement.</summary>
        public static string StatementViewType(bool principals)
            => principals ? PolicyDocumentSources.CdkPrincipalStatement : "AWS::IAM::Policy";
    }
}
