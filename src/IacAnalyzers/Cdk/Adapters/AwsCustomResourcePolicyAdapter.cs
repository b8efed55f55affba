using System;
using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>new AwsCustomResource(this, "Id", new AwsCustomResourceProps { Policy = ... })</c> → the identity policy CDK adds
    /// to the custom resource's function role, judged like any other statement source (Amazon.CDK.Lib 2.160.0):
    /// <c>AwsCustomResourcePolicy.FromStatements(statements)</c> "Explicit IAM Policy Statements";
    /// <c>AwsCustomResourcePolicy.FromSdkCalls(options)</c> "Each SDK call with be translated to an IAM Policy Statement
    /// in the form of: <c>call.service:call.action</c> (e.g <c>s3:PutObject</c>)", on <c>options.Resources</c>
    /// (<c>AwsCustomResourcePolicy.ANY_RESOURCE</c> is <c>["*"]</c>). The SDK calls are <c>OnCreate</c>, <c>OnUpdate</c> and
    /// <c>OnDelete</c>; a service or action we cannot read, or a service whose IAM prefix is not its lowercased name,
    /// makes that action unknown (never flagged).
    /// </summary>
    public sealed class AwsCustomResourcePolicyAdapter : CdkAdapter
    {
        private const string PolicyType = "AwsCustomResourcePolicy";

        /// <summary>SDK service names whose IAM prefix is not the lowercased name (the common ones; others stay unknown when not a plain word).</summary>
        private static readonly Dictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["CloudWatchLogs"] = "logs",
            ["cloudwatch-logs"] = "logs",
            ["CloudWatch"] = "cloudwatch",
            ["CloudWatchEvents"] = "events",
            ["cloudwatch-events"] = "events",
            ["EventBridge"] = "events",
            ["StepFunctions"] = "states",
            ["sfn"] = "states",
            ["ELBv2"] = "elasticloadbalancing",
            ["elastic-load-balancing-v2"] = "elasticloadbalancing",
            ["CognitoIdentityServiceProvider"] = "cognito-idp",
            ["cognito-identity-provider"] = "cognito-idp",
            ["Route53"] = "route53",
            ["SecretsManager"] = "secretsmanager",
            ["secrets-manager"] = "secretsmanager",
            ["DynamoDB"] = "dynamodb",
        };

        public AwsCustomResourcePolicyAdapter()
            : base("AWS::IAM::Policy")
        {
            OnCreation("Amazon.CDK.CustomResources.AwsCustomResource");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (!(input.Props is MapValue props) || !(props.Get("Policy") is MapValue policy))
            {
                return;
            }

            if (CdkValues.IsMember(policy, PolicyType, "FromStatements"))
            {
                var statements = CdkValues.Argument(policy, "statements");
                foreach (var statement in (statements as ListValue)?.Items ?? Array.Empty<Value>())
                {
                    var (value, principals) = PolicyStatementUseAdapter.Statement(statement, input.Location);
                    if (value != null && !principals)
                    {
                        output.Add(View(input, value, statement.Location));
                    }
                }

                return;
            }

            if (!CdkValues.IsMember(policy, PolicyType, "FromSdkCalls") || !(CdkValues.Argument(policy, "options") is MapValue options))
            {
                return;
            }

            var resources = options.Get("Resources");
            if (resources == null)
            {
                return;
            }

            var actions = new List<Value>();
            foreach (var member in new[] { "OnCreate", "OnUpdate", "OnDelete" })
            {
                if (props.Get(member) is Value call)
                {
                    actions.Add(Action(call));
                }
            }

            if (actions.Count == 0)
            {
                return;
            }

            var at = policy.Location;
            var sdkStatement = IamValues.Allow(at, new ListValue(actions, at), resources);
            output.Add(View(input, sdkStatement, at));
        }

        private static ResourceView View(AdapterInput input, Value statement, SourceLocation at)
        {
            var document = IamValues.Document(statement, at);
            var properties = new MapValue(new[] { new MapEntry("PolicyDocument", at, document) }, input.Location);
            return new ResourceView("AWS::IAM::Policy", input.Name, input.Location, properties, Catalog.Surfaces.Cdk, input.Context);
        }

        /// <summary><c>new AwsSdkCall { Service = "S3", Action = "putObject" }</c> → <c>s3:PutObject</c>, located at the action.</summary>
        private static Value Action(Value call)
        {
            var map = call as MapValue;
            var service = map?.Get("Service");
            var action = map?.Get("Action");
            if (service.AsString() is string s && action.AsString() is string a && Prefix(s) is string prefix && IamName(a) is string name)
            {
                return new ScalarValue(prefix + ":" + name, ScalarKind.String, action!.Location, Provenance.Derived("the SDK call " + s + "." + a));
            }

            return new UnknownValue("an SDK call we cannot read", (action ?? call).Location);
        }

        private static string? Prefix(string service)
        {
            var name = service.StartsWith("@aws-sdk/client-", StringComparison.Ordinal) ? service.Substring("@aws-sdk/client-".Length) : service;
            if (Prefixes.TryGetValue(name, out var prefix))
            {
                return prefix;
            }

            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    return null; // a v3 client name with dashes whose prefix we do not know
                }
            }

            return name.Length == 0 ? null : name.ToLowerInvariant();
        }

        private static string? IamName(string action)
        {
            var name = action.EndsWith("Command", StringComparison.Ordinal) && action.Length > "Command".Length ? action.Substring(0, action.Length - "Command".Length) : action;
            if (name.Length == 0 || !char.IsLetter(name[0]))
            {
                return null;
            }

            return char.ToUpperInvariant(name[0]) + name.Substring(1);
        }
    }
}
