using IacAnalyzers.Tests.Verifier;
using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static IacAnalyzers.Tests.Verifier.CdkVerifier;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// The statements Step Functions task constructs write on their own (aws-cdk-lib 2.160.0's JS, see
    /// docs/rules/IAC1204.md "Step Functions task roles"), judged in C# at the task's creation as the synthesized template
    /// judges them (the template twins are in IAC1204_IamWriteOnAnyResourceTests).
    /// </summary>
    public class StepFunctionsTaskPolicyTests
    {
        private const string Id = "IAC1204";

        private const string TaskUsings = """
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.StepFunctions;
            using Amazon.CDK.AWS.StepFunctions.Tasks;
            using S3Location = Amazon.CDK.AWS.StepFunctions.Tasks.S3Location;
            using SmImage = Amazon.CDK.AWS.StepFunctions.Tasks.DockerImage;
            using SmContainer = Amazon.CDK.AWS.StepFunctions.Tasks.ContainerDefinition;
            using SmContainerOptions = Amazon.CDK.AWS.StepFunctions.Tasks.ContainerDefinitionOptions;
            """;

        private static string Stack(string body, string parameters = "") => InStack(body, parameters, usings: TaskUsings);

        [Fact]
        public async Task EcsRunTask_stop_task_on_any_resource_is_flagged_with_every_integration_pattern()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        var cluster = new Cluster(this, "Cluster");
                        var taskDefinition = new FargateTaskDefinition(this, "TaskDef");
                        [|new EcsRunTask(this, "Run", new EcsRunTaskProps { Cluster = cluster, TaskDefinition = taskDefinition, LaunchTarget = new EcsFargateLaunchTarget() })|];
                        [|new EcsRunTask(this, "RunSync", new EcsRunTaskProps { Cluster = cluster, TaskDefinition = taskDefinition, LaunchTarget = new EcsFargateLaunchTarget(), IntegrationPattern = IntegrationPattern.RUN_JOB })|];
                        [|new EcsRunTask(this, "RunGiven", props)|];
                        [|new MyRun(this, "Mine", props)|];
                        new MyModel(this, "MineModel", new SageMakerCreateModelProps { ModelName = "m", PrimaryContainer = new SmContainer(new SmContainerOptions { Image = SmImage.FromRegistry("model") }) });
                """, "EcsRunTaskProps props") + """
                // A subclass that hands its props to the task is read as the task (CdkAnalyzer.ReadsLikeItsBase) ...
                public class MyRun : EcsRunTask
                {
                    public MyRun(Construct scope, string id, EcsRunTaskProps props) : base(scope, id, props) { }
                }

                // ... one whose constructor's arguments are not the task's is not judged at its creations (never a guess).
                public class MyModel : SageMakerCreateModel
                {
                    public MyModel(Construct scope, string id, SageMakerCreateModelProps settings) : base(scope, id, settings) { }
                }
                """, Id);
            Assert.Equal(
                "'Run' allows ecs:StopTask on every resource (Resource '*') in statement 1 of PolicyDocument (from the policy EcsRunTask adds to the state machine's role): these actions support resource-level permissions, so name the ARNs the workload needs [Security · SEC03-BP02]",
                diagnostics.First().GetMessage());
        }

        [Fact]
        public async Task AthenaStartQueryExecution_create_bucket_is_flagged_and_put_object_only_without_an_output_bucket()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        {|#0:new AthenaStartQueryExecution(this, "NoOutput", new AthenaStartQueryExecutionProps { QueryString = "select 1" })|};
                        {|#1:new AthenaStartQueryExecution(this, "EmptyBucketName", new AthenaStartQueryExecutionProps
                        {
                            QueryString = "select 1",
                            ResultConfiguration = new ResultConfiguration { OutputLocation = new Amazon.CDK.AWS.S3.Location { BucketName = "", ObjectKey = "q" } },
                        })|};
                        [|new AthenaStartQueryExecution(this, "Output", new AthenaStartQueryExecutionProps
                        {
                            QueryString = "select 1",
                            ResultConfiguration = new ResultConfiguration { OutputLocation = new Amazon.CDK.AWS.S3.Location { BucketName = "results", ObjectKey = "q" } },
                        })|];
                        [|new AthenaStartQueryExecution(this, "UnknownBucket", new AthenaStartQueryExecutionProps
                        {
                            QueryString = "select 1",
                            ResultConfiguration = new ResultConfiguration { OutputLocation = new Amazon.CDK.AWS.S3.Location { BucketName = bucketName, ObjectKey = "q" } },
                        })|];
                """, "string bucketName"), Id, new[] { Finding(Id).WithLocation(0), Finding(Id).WithLocation(0), Finding(Id).WithLocation(1), Finding(Id).WithLocation(1) });
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.Contains(messages, m => m.StartsWith("'NoOutput' allows s3:CreateBucket on every resource", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("'NoOutput' allows s3:AbortMultipartUpload and s3:PutObject on every resource", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.StartsWith("'Output' allows s3:AbortMultipartUpload", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.StartsWith("'UnknownBucket' allows s3:AbortMultipartUpload", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Athena_stop_is_flagged_and_the_get_calls_are_clean()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        [|new AthenaStopQueryExecution(this, "Stop", new AthenaStopQueryExecutionProps { QueryExecutionId = "id" })|];
                        new AthenaGetQueryExecution(this, "Get", new AthenaGetQueryExecutionProps { QueryExecutionId = "id" });
                        new AthenaGetQueryResults(this, "Results", new AthenaGetQueryResultsProps { QueryExecutionId = "id" });
                """), Id);
            Assert.StartsWith("'Stop' allows athena:StopQueryExecution on every resource", diagnostics.Single().GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task EmrCreateCluster_terminate_job_flows_is_flagged()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        [|new EmrCreateCluster(this, "Create", new EmrCreateClusterProps { Name = "c", Instances = new EmrCreateCluster.InstancesConfigProperty { } })|];
                """), Id);
            Assert.StartsWith("'Create' allows elasticmapreduce:TerminateJobFlows on every resource", diagnostics.Single().GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task MediaConvertCreateJob_create_job_is_flagged_and_run_job_adds_cancel_job()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        var request = new Dictionary<string, object> { ["Role"] = "arn:aws:iam::123456789012:role/mc", ["Settings"] = new Dictionary<string, object>() };
                        [|new MediaConvertCreateJob(this, "Job", new MediaConvertCreateJobProps { CreateJobRequest = request })|];
                        {|#0:new MediaConvertCreateJob(this, "JobSync", new MediaConvertCreateJobProps { CreateJobRequest = request, IntegrationPattern = IntegrationPattern.RUN_JOB })|};
                        [|new MediaConvertCreateJob(this, "JobGiven", new MediaConvertCreateJobProps { CreateJobRequest = request, IntegrationPattern = pattern })|];
                        {|#1:new MediaConvertCreateJob(this, "JobEither", new MediaConvertCreateJobProps { CreateJobRequest = request, IntegrationPattern = sync ? IntegrationPattern.RUN_JOB : IntegrationPattern.REQUEST_RESPONSE })|};
                """, "IntegrationPattern pattern, bool sync"), Id, new[] { Finding(Id).WithLocation(0), Finding(Id).WithLocation(0), Finding(Id).WithLocation(1), Finding(Id).WithLocation(1) });
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.Contains(messages, m => m.StartsWith("'JobSync' allows mediaconvert:CancelJob on every resource", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.StartsWith("'Job' allows mediaconvert:CancelJob", StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.StartsWith("'JobGiven' allows mediaconvert:CancelJob", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("'JobEither' allows mediaconvert:CancelJob on every resource", StringComparison.Ordinal) && m.Contains("when `sync` is true", StringComparison.Ordinal));
        }

        [Fact]
        public async Task SageMakerCreateModel_created_role_gets_logs_writes_and_network_interface_writes_with_a_vpc_none_with_a_role()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        var vpc = new Vpc(this, "Vpc");
                        var container = new SmContainer(new SmContainerOptions { Image = SmImage.FromRegistry("model") });
                        [|new SageMakerCreateModel(this, "Model", new SageMakerCreateModelProps { ModelName = "m", PrimaryContainer = container })|];
                        {|#0:new SageMakerCreateModel(this, "ModelVpc", new SageMakerCreateModelProps { ModelName = "m", PrimaryContainer = container, Vpc = vpc })|};
                        new SageMakerCreateModel(this, "ModelRole", new SageMakerCreateModelProps { ModelName = "m", PrimaryContainer = container, Vpc = vpc, Role = role });
                        {|#1:new SageMakerCreateModel(this, "ModelMaybeVpc", new SageMakerCreateModelProps { ModelName = "m", PrimaryContainer = container, Vpc = isolated ? vpc : null })|};
                """, "Role role, bool isolated"), Id, new[] { Finding(Id).WithLocation(0), Finding(Id).WithLocation(0), Finding(Id).WithLocation(1), Finding(Id).WithLocation(1) });
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.Contains(messages, m => m.StartsWith("'Model' allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:CreateLogGroup and 1 more", StringComparison.Ordinal)
                && m.Contains("in statement 1 of Policies[0] 'CreateModel' (from the inline policy 'CreateModel' of the role 'Model' creates)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("'ModelVpc' allows ec2:CreateNetworkInterface", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("'ModelMaybeVpc' allows ec2:CreateNetworkInterface", StringComparison.Ordinal) && m.Contains("when `isolated` is true", StringComparison.Ordinal));
        }

        [Fact]
        public async Task SageMakerCreateTrainingJob_created_role_and_an_output_location_without_a_bucket_are_flagged()
        {
            var diagnostics = await VerifyRuleAsync(Stack("""
                        var vpc = new Vpc(this, "Vpc");
                        var algorithm = new AlgorithmSpecification { TrainingImage = SmImage.FromRegistry("trainer") };
                        var input = new[] { new Channel { ChannelName = "train", DataSource = new DataSource { S3DataSource = new S3DataSource { S3Location = S3Location.FromJsonExpression("$.in") } } } };
                        {|#0:new SageMakerCreateTrainingJob(this, "Train", new SageMakerCreateTrainingJobProps
                        {
                            TrainingJobName = "t",
                            AlgorithmSpecification = algorithm,
                            InputDataConfig = input,
                            OutputDataConfig = new OutputDataConfig { S3OutputLocation = S3Location.FromJsonExpression("$.out") },
                            VpcConfig = new VpcConfig { Vpc = vpc },
                        })|};
                        new SageMakerCreateTrainingJob(this, "TrainScoped", new SageMakerCreateTrainingJobProps
                        {
                            TrainingJobName = "t",
                            AlgorithmSpecification = algorithm,
                            InputDataConfig = input,
                            OutputDataConfig = new OutputDataConfig { S3OutputLocation = S3Location.FromBucket(bucket, "out") },
                            Role = role,
                        });
                        [|new SageMakerCreateTrainingJob(this, "TrainGivenVpc", new SageMakerCreateTrainingJobProps
                        {
                            TrainingJobName = "t",
                            AlgorithmSpecification = algorithm,
                            InputDataConfig = input,
                            OutputDataConfig = new OutputDataConfig { S3OutputLocation = S3Location.FromBucket(bucket, "out") },
                            VpcConfig = vpcConfig,
                        })|];
                """, "Role role, IBucket bucket, VpcConfig vpcConfig"), Id, new[] { Finding(Id).WithLocation(0), Finding(Id).WithLocation(0) });
            var messages = diagnostics.Select(d => d.GetMessage()).ToList();
            Assert.Contains(messages, m => m.StartsWith("'Train' allows s3:PutObject on every resource", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("'Train' allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:PutLogEvents and 5 more", StringComparison.Ordinal));

            // VpcConfig unknown: the actions every variant of the statement has are still judged.
            Assert.Contains(messages, m => m.StartsWith("'TrainGivenVpc' allows cloudwatch:PutMetricData, logs:CreateLogStream, logs:PutLogEvents and 1 more", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Http_invoke_emr_virtual_cluster_and_sagemaker_list_tags_are_clean()
        {
            await VerifyRuleAsync(Stack("""
                        var connection = Amazon.CDK.AWS.Events.Connection.FromEventBusArn(this, "Conn", "arn:aws:events:us-east-1:123456789012:connection/c/1", "arn:aws:secretsmanager:us-east-1:123456789012:secret:s");
                        new HttpInvoke(this, "Http", new HttpInvokeProps { ApiRoot = "https://example.com", ApiEndpoint = TaskInput.FromText("p"), Method = TaskInput.FromText("GET"), Connection = connection });
                        new EmrContainersCreateVirtualCluster(this, "VirtualCluster", new EmrContainersCreateVirtualClusterProps { EksCluster = EksClusterInput.FromTaskInput(TaskInput.FromText("c")) });
                        new SageMakerCreateEndpoint(this, "Endpoint", new SageMakerCreateEndpointProps { EndpointName = "e", EndpointConfigName = "c" });
                        new SageMakerCreateTransformJob(this, "Transform", new SageMakerCreateTransformJobProps
                        {
                            TransformJobName = "t",
                            ModelName = "m",
                            TransformInput = new TransformInput { TransformDataSource = new TransformDataSource { S3DataSource = new TransformS3DataSource { S3Uri = "s3://b/in" } } },
                            TransformOutput = new TransformOutput { S3OutputPath = "s3://b/out" },
                        });
                """), Id);
        }
    }
}
