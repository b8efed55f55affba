using System;
using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// The IAM statements a Step Functions task construct (<c>new EcsRunTask(this, "Run", props)</c>) writes on its own
    /// with <c>Resource: "*"</c>, as CDK synthesizes them (read from aws-cdk-lib 2.160.0's JS,
    /// <c>aws-stepfunctions-tasks/lib/*</c>): the task's <c>taskPolicies</c>, which the state machine adds to its role's
    /// default policy, and the policies of the role some SageMaker tasks create. They become views the IAM rules judge like
    /// any other statement (<c>AWS::IAM::Policy</c> for statements added to a role's default policy,
    /// <c>AWS::IAM::Role</c> with <c>Policies</c> for a created role's inline policy), so whether a statement is a finding
    /// is decided by the rules in Core, not here. Statements whose resources are ARNs CDK builds (never findings of the
    /// IAM rules) are left out. Every value is located at the task's creation, where a finding lands; a statement that a
    /// prop adds or removes (integration pattern, a role, a VPC, an output location) follows the prop, and a prop the
    /// analyzer cannot know leaves that statement out (never a guess).
    /// </summary>
    public sealed class StepFunctionsTaskPolicyAdapter : CdkAdapter
    {
        private const string Namespace = "Amazon.CDK.AWS.StepFunctions.Tasks.";

        private static readonly string[] Tasks =
        {
            "EcsRunTask", "AthenaStartQueryExecution", "AthenaStopQueryExecution", "AthenaGetQueryExecution", "AthenaGetQueryResults",
            "EmrCreateCluster", "EmrContainersCreateVirtualCluster", "MediaConvertCreateJob", "HttpInvoke",
            "SageMakerCreateModel", "SageMakerCreateTrainingJob", "SageMakerCreateTransformJob", "SageMakerCreateEndpoint",
            "SageMakerCreateEndpointConfig",
        };

        private static readonly string[] SageMakerRoleActions =
        {
            "cloudwatch:PutMetricData", "logs:CreateLogStream", "logs:CreateLogGroup", "logs:PutLogEvents", "logs:DescribeLogStreams", "ecr:GetAuthorizationToken",
        };

        private static readonly string[] TrainingRoleActions =
        {
            "cloudwatch:PutMetricData", "logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup", "logs:DescribeLogStreams", "ecr:GetAuthorizationToken",
        };

        private static readonly string[] NetworkInterfaceActions =
        {
            "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
        };

        public StepFunctionsTaskPolicyAdapter()
            : base("AWS::IAM::Policy", "AWS::IAM::Role")
        {
            foreach (var task in Tasks)
            {
                OnCreation(Namespace + task);
            }
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            var task = TaskClass(input.Operation);
            if (task == null)
            {
                return;
            }

            // Props that cannot be known leave out every statement a prop decides; the others are written whatever the props say.
            var props = input.Props as MapValue;
            var machine = new Statements(input, "the policy " + task + " adds to the state machine's role");
            switch (task)
            {
                case "EcsRunTask":
                    // makePolicyStatements(): ecs:RunTask on the task definition family, iam:PassRole on its roles, events on
                    // one rule (RUN_JOB), and, with every integration pattern, this one:
                    machine.Add("ecs:StopTask", "ecs:DescribeTasks");
                    break;
                case "AthenaStartQueryExecution":
                    machine.Add("s3:CreateBucket", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObject");

                    // resources: resultConfiguration?.outputLocation?.bucketName ? <the bucket's objects ARN> : "*"
                    if (OutputBucketNamed(props) == false)
                    {
                        machine.Add("s3:AbortMultipartUpload", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:PutObject");
                    }

                    machine.Add("lakeformation:GetDataAccess");
                    break;
                case "AthenaStopQueryExecution":
                    machine.Add("athena:stopQueryExecution");
                    break;
                case "AthenaGetQueryExecution":
                    machine.Add("athena:getQueryExecution");
                    break;
                case "AthenaGetQueryResults":
                    machine.Add("athena:getQueryResults");
                    machine.Add("s3:GetObject");
                    break;
                case "EmrCreateCluster":
                    machine.Add("elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows", "elasticmapreduce:AddTags");
                    break;
                case "EmrContainersCreateVirtualCluster":
                    machine.Add("emr-containers:CreateVirtualCluster");
                    break;
                case "MediaConvertCreateJob":
                    machine.Add("mediaconvert:CreateJob");
                    machine.AddWhen(props, "IntegrationPattern", IsRunJob, "mediaconvert:GetJob", "mediaconvert:CancelJob");

                    break;
                case "HttpInvoke":
                    // Conditioned on the endpoint: { StringLike: { "states:HTTPEndpoint": "<apiRoot>*" } }.
                    machine.AddConditioned("states:InvokeHTTPEndpoint", "states:HTTPEndpoint");
                    break;
                case "SageMakerCreateModel":
                    machine.Add("sagemaker:ListTags");
                    CreatedRole(input, props, "CreateModel", SageMakerRoleActions, "Vpc", output);
                    break;
                case "SageMakerCreateTrainingJob":
                    machine.Add("sagemaker:ListTags");
                    CreatedRole(input, props, "CreateTrainingJob", TrainingRoleActions, "VpcConfig", output);
                    TrainingOutput(input, props, output);
                    break;
                case "SageMakerCreateTransformJob":
                case "SageMakerCreateEndpoint":
                case "SageMakerCreateEndpointConfig":
                    machine.Add("sagemaker:ListTags");
                    break;
            }

            machine.AddPolicyTo(output);
        }

        /// <summary>The task class (its short name) the created type is or derives from; null for anything else.</summary>
        private static string? TaskClass(IOperation operation)
        {
            for (var type = (operation as IObjectCreationOperation)?.Type as INamedTypeSymbol; type != null; type = type.BaseType)
            {
                if (type.ContainingNamespace?.ToDisplayString() + "." == Namespace && Array.IndexOf(Tasks, type.MetadataName) >= 0)
                {
                    return type.MetadataName;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>SageMakerCreateModel</c> / <c>SageMakerCreateTrainingJob</c> without <c>Role</c> create <c>SagemakerRole</c>
        /// whose inline policy (<paramref name="policyName"/>) allows <paramref name="actions"/> on <c>"*"</c>; with a VPC
        /// (<paramref name="vpcMember"/>) the role also gets the network-interface actions (CreateModel: in the role's default
        /// policy; CreateTrainingJob: in the same inline statement).
        /// </summary>
        private static void CreatedRole(AdapterInput input, MapValue? props, string policyName, string[] actions, string vpcMember, IList<ResourceView> output)
        {
            if (IsSet(props, "Role") != false)
            {
                return;
            }

            var inline = new Statements(input, "the inline policy '" + policyName + "' of the role " + TaskName(input) + " creates");
            if (policyName == "CreateTrainingJob")
            {
                // One statement: actions + (vpcConfig ? the network-interface actions : []). With VpcConfig unknown, the
                // actions every variant has are still written.
                var all = new List<string>(actions);
                if (IsSet(props, vpcMember) == true)
                {
                    all.AddRange(NetworkInterfaceActions);
                }

                inline.Add(all.ToArray());
            }
            else
            {
                inline.Add(actions);
                var attached = new Statements(input, "the policy " + TaskName(input) + " adds to the role it creates, for its VPC");
                attached.AddWhen(props, vpcMember, IsGiven, NetworkInterfaceActions);
                attached.AddPolicyTo(output);
            }

            inline.AddRoleTo(output, policyName);
        }

        /// <summary>
        /// <c>OutputDataConfig.S3OutputLocation</c> from <c>S3Location.FromJsonExpression(...)</c> has no bucket: binding it for
        /// writing adds <c>s3:PutObject</c> on <c>"*"</c> to the task's role (the created one or <c>Role</c>).
        /// <c>S3Location.FromBucket</c> grants on the bucket instead.
        /// </summary>
        private static void TrainingOutput(AdapterInput input, MapValue? props, IList<ResourceView> output)
        {
            var statements = new Statements(input, "the policy " + TaskName(input) + " adds to its role for an output location without a bucket");
            statements.AddWhen(props?.Get("OutputDataConfig") as MapValue, "S3OutputLocation", l => l == null ? false : CdkValues.IsMember(l, "S3Location", "FromJsonExpression"), "s3:PutObject");
            statements.AddPolicyTo(output);
        }

        private static string TaskName(AdapterInput input) => "'" + input.Name + "'";

        /// <summary>One value of <c>IntegrationPattern</c> (null: not set, so REQUEST_RESPONSE): true for RUN_JOB, null when not an enum member.</summary>
        private static bool? IsRunJob(Value? pattern)
        {
            if (pattern == null || IsNull(pattern))
            {
                return false;
            }

            return pattern.AsString() is string name ? name == "RUN_JOB" : (bool?)null;
        }

        /// <summary>One value of a member: true when it is an object (a construct, a struct), false when it is not set or null, else null.</summary>
        private static bool? IsGiven(Value? value) => value == null || IsNull(value) ? false : value is MapValue ? true : (bool?)null;

        private static bool IsNull(Value value) => value is ScalarValue s && s.Kind == ScalarKind.Null;

        /// <summary>True when the member is written with a value that is not null, false when it is unset or null, null when unknown.</summary>
        private static bool? IsSet(MapValue? props, string member)
        {
            if (props == null)
            {
                return null;
            }

            var value = props.Get(member);
            if (value == null || value.AllLeaves(l => l is ScalarValue s && s.Kind == ScalarKind.Null))
            {
                return false;
            }

            return value.AllLeaves(l => l is MapValue || (l is ScalarValue s && s.Kind != ScalarKind.Null)) ? true : (bool?)null;
        }

        /// <summary>
        /// Whether <c>ResultConfiguration.OutputLocation.BucketName</c> is a non-empty string (JS truthiness): true, false
        /// (a level unset, null, or an empty name), or null (unknown).
        /// </summary>
        private static bool? OutputBucketNamed(MapValue? props)
        {
            var result = IsSet(props, "ResultConfiguration");
            if (result != true)
            {
                return result;
            }

            var configuration = props!.Get("ResultConfiguration") as MapValue;
            var location = IsSet(configuration, "OutputLocation");
            if (location != true)
            {
                return location;
            }

            var bucket = (configuration!.Get("OutputLocation") as MapValue)?.Get("BucketName");
            if (bucket == null || bucket.AllLeaves(l => l is ScalarValue s && (s.Kind == ScalarKind.Null || s.Text.Length == 0)))
            {
                return false;
            }

            return bucket.AllLeaves(l => l.AsString() is string s && s.Length > 0) ? true : (bool?)null;
        }

        /// <summary>Statements on <c>"*"</c> that one policy of the task gets, all located at the creation.</summary>
        private sealed class Statements
        {
            private readonly AdapterInput input;
            private readonly string origin;
            private readonly List<Value> items = new List<Value>();

            public Statements(AdapterInput input, string origin)
            {
                this.input = input;
                this.origin = origin;
            }

            public void Add(params string[] actions) => items.Add(Statement(actions, null));

            /// <summary>
            /// A statement CDK writes only when <paramref name="present"/> holds for the member's value (called with null when
            /// the member is not set). A one-of gives the statement in the branches where it holds ("when `isProd` is true"),
            /// a value <paramref name="present"/> cannot judge (null) gives no statement there, and props that cannot be known
            /// give none at all.
            /// </summary>
            public void AddWhen(MapValue? props, string member, Func<Value?, bool?> present, params string[] actions)
            {
                if (props == null)
                {
                    return;
                }

                var value = props.Get(member);
                if (value == null)
                {
                    if (present(null) == true)
                    {
                        Add(actions);
                    }

                    return;
                }

                if (!value.AnyLeaf(l => present(l) == true))
                {
                    return;
                }

                var at = input.Location;
                var resource = CdkConvert.Leaves(value, leaf => present(leaf) == true
                    ? new ScalarValue("*", ScalarKind.String, at, Provenance.Derived(origin))
                    : (Value)new UnknownValue("no such statement for this " + member, at));
                items.Add(Statement(actions, null, resource));
            }

            /// <summary>A statement with a condition on <paramref name="conditionKey"/> (its value is the task's, unknown here).</summary>
            public void AddConditioned(string action, string conditionKey)
            {
                var at = input.Location;
                var condition = new MapValue(new[] { new MapEntry("StringLike", at, new MapValue(new[] { new MapEntry(conditionKey, at, new UnknownValue("the task's endpoint", at)) }, at)) }, at);
                items.Add(Statement(new[] { action }, condition));
            }

            public void AddPolicyTo(IList<ResourceView> output)
            {
                if (items.Count > 0)
                {
                    output.Add(View("AWS::IAM::Policy", new MapEntry("PolicyDocument", input.Location, Document())));
                }
            }

            public void AddRoleTo(IList<ResourceView> output, string policyName)
            {
                if (items.Count == 0)
                {
                    return;
                }

                var at = input.Location;
                var policy = new MapValue(
                    new[]
                    {
                        new MapEntry("PolicyName", at, new ScalarValue(policyName, ScalarKind.String, at)),
                        new MapEntry("PolicyDocument", at, Document()),
                    },
                    at);
                output.Add(View("AWS::IAM::Role", new MapEntry("Policies", at, new ListValue(new Value[] { policy }, at))));
            }

            private ResourceView View(string type, MapEntry entry)
                => new ResourceView(type, input.Name, input.Location, new MapValue(new[] { entry }, input.Location), Catalog.Surfaces.Cdk, input.Context);

            private MapValue Document() => IamValues.Document(new ListValue(items.ToArray(), input.Location), input.Location);

            private MapValue Statement(string[] actions, MapValue? condition, Value? resource = null)
            {
                var at = input.Location;
                var actionValues = new Value[actions.Length];
                for (var i = 0; i < actions.Length; i++)
                {
                    actionValues[i] = new ScalarValue(actions[i], ScalarKind.String, at);
                }

                return IamValues.Allow(
                    at,
                    actions.Length == 1 ? actionValues[0] : new ListValue(actionValues, at),
                    resource ?? new ScalarValue("*", ScalarKind.String, at, Provenance.Derived(origin)),
                    condition: condition);
            }
        }
    }
}
