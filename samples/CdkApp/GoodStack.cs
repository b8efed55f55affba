using Amazon.CDK;
using System.Collections.Generic;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.KinesisFirehose;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.OpenSearchService;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using DaxCluster = Amazon.CDK.AWS.DAX.CfnCluster;
using DocDbCluster = Amazon.CDK.AWS.DocDB.DatabaseCluster;
using DocDbClusterProps = Amazon.CDK.AWS.DocDB.DatabaseClusterProps;
using DocDbLogin = Amazon.CDK.AWS.DocDB.Login;
using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;
using FileSystem = Amazon.CDK.AWS.EFS.FileSystem;
using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace CdkApp
{
    /// <summary>
    /// The compliant twin of <see cref="BadStack"/>: the same infrastructure, done right. IacAnalyzers reports nothing
    /// here; an end-to-end test keeps it that way.
    /// </summary>
    public sealed class GoodStack : Stack
    {
        public GoodStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });

            // SSH only from a network the operator names at deploy time (an unknown value is never flagged).
            var adminCidr = new CfnParameter(this, "AdminCidr", new CfnParameterProps
            {
                Type = "String",
                AllowedPattern = @"^(\d{1,3}\.){3}\d{1,3}/\d{1,2}$",
                Description = "The network allowed to reach the bastion over SSH",
            });
            var bastionSecurityGroup = new SecurityGroup(this, "BastionSecurityGroup", new SecurityGroupProps { Vpc = vpc });
            bastionSecurityGroup.AddIngressRule(Peer.Ipv4(adminCidr.ValueAsString), Port.Tcp(22), "SSH from the admin network");

            _ = new Instance_(this, "Bastion", new InstanceProps
            {
                Vpc = vpc,
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
                MachineImage = MachineImage.LatestAmazonLinux2023(),
                SecurityGroup = bastionSecurityGroup,
                BlockDevices = new[]
                {
                    new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(30, new EbsDeviceOptions { Encrypted = true }) },
                },
            });

            // Image Builder has no L2 in aws-cdk-lib 2.160.0: the L1 recipe whose devices become the image's snapshots.
            _ = new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipe(this, "BastionImageRecipe", new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipeProps
            {
                Name = "bastion",
                Version = "1.0.0",
                ParentImage = "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x",
                Components = new[] { new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipe.ComponentConfigurationProperty { ComponentArn = "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x" } },
                BlockDeviceMappings = new[]
                {
                    new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipe.InstanceBlockDeviceMappingProperty
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 30, Encrypted = true },
                    },
                },
            });

            _ = new Volume(this, "DataVolume", new VolumeProps
            {
                AvailabilityZone = vpc.AvailabilityZones[0],
                Size = Size.Gibibytes(100),
                Encrypted = true,
            });

            _ = new FileSystem(this, "SharedFiles", new FileSystemProps { Vpc = vpc, Encrypted = true });

            _ = new DatabaseInstance(this, "Database", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16 }),
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MEDIUM),
                Vpc = vpc,
                MultiAz = true,
                StorageEncrypted = true,
            });

            _ = new DatabaseCluster(this, "Cluster", new DatabaseClusterProps
            {
                Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 }),
                Vpc = vpc,
                Writer = ClusterInstance.Provisioned("Writer"),
                Readers = new[] { ClusterInstance.Provisioned("Reader") },
                StorageEncrypted = true,
            });

            // The CDK defaults encrypt DocumentDB storage (StorageEncrypted: true), SQS queues (SSE-SQS) and Kinesis streams (KMS).
            _ = new DocDbCluster(this, "Catalog", new DocDbClusterProps
            {
                MasterUser = new DocDbLogin { Username = "catalogadmin" },
                InstanceType = InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE),
                Instances = 2,
                Vpc = vpc,
            });

            _ = new Domain(this, "Search", new DomainProps
            {
                Version = EngineVersion.OPENSEARCH_2_13,
                Capacity = new CapacityConfig { DataNodes = 2 },
                ZoneAwareness = new ZoneAwarenessConfig { Enabled = true, AvailabilityZoneCount = 2 },
                EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true },
                NodeToNodeEncryption = true,
                EnforceHttps = true,
            });

            _ = new Stream(this, "Events", new StreamProps { Encryption = StreamEncryption.MANAGED });

            _ = new Queue(this, "Jobs");

            _ = new Topic(this, "Alerts", new TopicProps
            {
                DisplayName = "Alerts",
                MasterKey = Alias.FromAliasName(this, "SnsManagedKey", "alias/aws/sns"),
            });

            _ = new CfnReplicationGroup(this, "Sessions", new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = "session store",
                Engine = "redis",
                CacheNodeType = "cache.t3.micro",
                NumCacheClusters = 2,
                AutomaticFailoverEnabled = true,
                MultiAzEnabled = true,
                AtRestEncryptionEnabled = true,
                TransitEncryptionEnabled = true,
            });

            var daxRole = new Role(this, "DaxRole", new RoleProps { AssumedBy = new ServicePrincipal("dax.amazonaws.com") });
            _ = new DaxCluster(this, "ItemCache", new Amazon.CDK.AWS.DAX.CfnClusterProps
            {
                IamRoleArn = daxRole.RoleArn,
                NodeType = "dax.t3.small",
                ReplicationFactor = 3,
                SseSpecification = new DaxCluster.SSESpecificationProperty { SseEnabled = true },
            });

            var deliveryRole = new Role(this, "DeliveryRole", new RoleProps { AssumedBy = new ServicePrincipal("firehose.amazonaws.com") });
            _ = new CfnDeliveryStream(this, "ClickStream", new CfnDeliveryStreamProps
            {
                DeliveryStreamType = "DirectPut",
                DeliveryStreamEncryptionConfigurationInput = new CfnDeliveryStream.DeliveryStreamEncryptionConfigurationInputProperty { KeyType = "AWS_OWNED_CMK" },
                S3DestinationConfiguration = new CfnDeliveryStream.S3DestinationConfigurationProperty
                {
                    BucketArn = "arn:aws:s3:::example-click-stream",
                    RoleArn = deliveryRole.RoleArn,
                },
            });

            var siteBucket = new Bucket(this, "Site", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, EnforceSSL = true });
            _ = new Project(this, "SiteBuild", new ProjectProps
            {
                BuildSpec = BuildSpec.FromObject(new Dictionary<string, object>
                {
                    ["version"] = "0.2",
                    ["phases"] = new Dictionary<string, object> { ["build"] = new Dictionary<string, object> { ["commands"] = new[] { "npm ci", "npm run build" } } },
                    ["artifacts"] = new Dictionary<string, object> { ["base-directory"] = "dist", ["files"] = new[] { "**/*" } },
                }),
                Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = siteBucket }),
                Logging = new Amazon.CDK.AWS.CodeBuild.LoggingOptions { S3 = new S3LoggingOptions { Bucket = siteBucket, Prefix = "build-logs" } }, // Encrypted left unset: encrypted
            });

            // ---- More managed data services: the compliant twins of BadStack's ------------------------------
            _ = new Amazon.CDK.AWS.WorkSpaces.CfnWorkspace(this, "Desktop", new Amazon.CDK.AWS.WorkSpaces.CfnWorkspaceProps
            {
                BundleId = "wsb-12345678",
                DirectoryId = "d-1234567890",
                UserName = "alice",
                RootVolumeEncryptionEnabled = true,
                UserVolumeEncryptionEnabled = true,
                VolumeEncryptionKey = "alias/aws/workspaces",
            });

            var ordersApi = new Amazon.CDK.AWS.APIGateway.RestApi(this, "OrdersApi", new Amazon.CDK.AWS.APIGateway.RestApiProps
            {
                DeployOptions = new Amazon.CDK.AWS.APIGateway.StageOptions
                {
                    CacheClusterEnabled = true,
                    CachingEnabled = true,
                    CacheDataEncrypted = true,
                },
            });
            ordersApi.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration());

            var dataKey = new Key(this, "DataKey", new KeyProps { EnableKeyRotation = true });
            _ = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings(this, "GlueCatalog", new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettingsProps
            {
                CatalogId = Account,
                DataCatalogEncryptionSettings = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty
                {
                    EncryptionAtRest = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = "SSE-KMS", SseAwsKmsKeyId = dataKey.KeyArn },
                },
            });

            _ = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration(this, "GlueJobSecurity", new Amazon.CDK.AWS.Glue.CfnSecurityConfigurationProps
            {
                Name = "etl-jobs",
                EncryptionConfiguration = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.EncryptionConfigurationProperty
                {
                    S3Encryptions = new[] { new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-KMS", KmsKeyArn = dataKey.KeyArn } },
                    CloudWatchEncryption = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = "SSE-KMS", KmsKeyArn = dataKey.KeyArn },
                    JobBookmarksEncryption = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = dataKey.KeyArn },
                },
            });

            _ = new Amazon.CDK.AWS.EMR.CfnSecurityConfiguration(this, "EmrSecurity", new Amazon.CDK.AWS.EMR.CfnSecurityConfigurationProps
            {
                SecurityConfiguration = new Dictionary<string, object>
                {
                    ["EncryptionConfiguration"] = new Dictionary<string, object>
                    {
                        ["EnableInTransitEncryption"] = false,
                        ["EnableAtRestEncryption"] = true,
                        ["AtRestEncryptionConfiguration"] = new Dictionary<string, object>
                        {
                            ["S3EncryptionConfiguration"] = new Dictionary<string, object> { ["EncryptionMode"] = "SSE-KMS", ["AwsKmsKey"] = dataKey.KeyArn },
                            ["LocalDiskEncryptionConfiguration"] = new Dictionary<string, object> { ["EncryptionKeyProviderType"] = "AwsKms", ["AwsKmsKey"] = dataKey.KeyArn },
                        },
                    },
                },
            });

            _ = new Amazon.CDK.AWS.ECS.CfnService(this, "WorkerService", new Amazon.CDK.AWS.ECS.CfnServiceProps
            {
                Cluster = "workers",
                TaskDefinition = "worker",
                VolumeConfigurations = new[]
                {
                    new Amazon.CDK.AWS.ECS.CfnService.ServiceVolumeConfigurationProperty
                    {
                        Name = "scratch",
                        ManagedEbsVolume = new Amazon.CDK.AWS.ECS.CfnService.ServiceManagedEBSVolumeConfigurationProperty
                        {
                            RoleArn = "arn:aws:iam::111122223333:role/ecsInfrastructureRole",
                            SizeInGiB = 20,
                            Encrypted = true,
                        },
                    },
                },
            });

            _ = new Amazon.CDK.AWS.Glue.CfnMLTransform(this, "CustomerMatches", new Amazon.CDK.AWS.Glue.CfnMLTransformProps
            {
                Role = "arn:aws:iam::111122223333:role/glue-ml",
                InputRecordTables = new Amazon.CDK.AWS.Glue.CfnMLTransform.InputRecordTablesProperty
                {
                    GlueTables = new[] { new Amazon.CDK.AWS.Glue.CfnMLTransform.GlueTablesProperty { DatabaseName = "crm", TableName = "customers" } },
                },
                TransformParameters = new Amazon.CDK.AWS.Glue.CfnMLTransform.TransformParametersProperty
                {
                    TransformType = "FIND_MATCHES",
                    FindMatchesParameters = new Amazon.CDK.AWS.Glue.CfnMLTransform.FindMatchesParametersProperty { PrimaryKeyColumnName = "id" },
                },
                TransformEncryption = new Amazon.CDK.AWS.Glue.CfnMLTransform.TransformEncryptionProperty
                {
                    MlUserDataEncryption = new Amazon.CDK.AWS.Glue.CfnMLTransform.MLUserDataEncryptionProperty { MlUserDataEncryptionMode = "SSE-KMS", KmsKeyId = dataKey.KeyId },
                },
            });

            _ = new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy(this, "SnapshotPolicy", new Amazon.CDK.AWS.DLM.CfnLifecyclePolicyProps
            {
                ExecutionRoleArn = "arn:aws:iam::111122223333:role/AWSDataLifecycleManagerDefaultRole",
                State = "ENABLED",
                PolicyDetails = new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy.PolicyDetailsProperty
                {
                    PolicyType = "EBS_SNAPSHOT_MANAGEMENT",
                    ResourceTypes = new[] { "VOLUME" },
                    TargetTags = new[] { new CfnTag { Key = "backup", Value = "daily" } },
                    Schedules = new[]
                    {
                        new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy.ScheduleProperty
                        {
                            Name = "Daily",
                            CreateRule = new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy.CreateRuleProperty { Interval = 24, IntervalUnit = "HOURS" },
                            RetainRule = new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy.RetainRuleProperty { Count = 7 },
                            CrossRegionCopyRules = new[]
                            {
                                new Amazon.CDK.AWS.DLM.CfnLifecyclePolicy.CrossRegionCopyRuleProperty
                                {
                                    Target = "us-west-2",
                                    Encrypted = true,
                                },
                            },
                        },
                    },
                },
            });

            _ = new Amazon.CDK.AWS.Redshift.CfnCluster(this, "Warehouse", new Amazon.CDK.AWS.Redshift.CfnClusterProps
            {
                ClusterType = "multi-node",
                NodeType = "ra3.xlplus",
                NumberOfNodes = 2,
                DbName = "analytics",
                MasterUsername = "warehouseadmin",
                ManageMasterPassword = true,
                Encrypted = true,
                MultiAz = true,
            });

            _ = new DaxCluster(this, "SessionCache", new Amazon.CDK.AWS.DAX.CfnClusterProps
            {
                IamRoleArn = daxRole.RoleArn,
                NodeType = "dax.t3.small",
                ReplicationFactor = 3,
                SseSpecification = new DaxCluster.SSESpecificationProperty { SseEnabled = true },
            });

            _ = new Amazon.CDK.AWS.Timestream.CfnInfluxDBInstance(this, "Metrics", new Amazon.CDK.AWS.Timestream.CfnInfluxDBInstanceProps
            {
                Name = "metrics",
                DbInstanceType = "db.influx.medium",
                AllocatedStorage = 20,
                VpcSubnetIds = new[] { vpc.PrivateSubnets[0].SubnetId, vpc.PrivateSubnets[1].SubnetId },
                VpcSecurityGroupIds = new[] { vpc.VpcDefaultSecurityGroup },
                DeploymentType = "WITH_MULTIAZ_STANDBY",
            });

            _ = new Amazon.CDK.AWS.Lightsail.CfnDatabase(this, "ShopDatabase", new Amazon.CDK.AWS.Lightsail.CfnDatabaseProps
            {
                RelationalDatabaseName = "shop",
                RelationalDatabaseBlueprintId = "mysql_8_0",
                RelationalDatabaseBundleId = "micro_ha_2_0",
                MasterDatabaseName = "shop",
                MasterUsername = "dbadmin",
            });

            _ = new Amazon.CDK.AWS.ElastiCache.CfnCacheCluster(this, "PageCache", new Amazon.CDK.AWS.ElastiCache.CfnCacheClusterProps
            {
                Engine = "memcached",
                CacheNodeType = "cache.t4g.small",
                NumCacheNodes = 3,
                AzMode = "cross-az",
            });

            _ = new FileSystem(this, "ScratchFiles", new FileSystemProps { Vpc = vpc, Encrypted = true });

            _ = new Amazon.CDK.AWS.AmazonMQ.CfnBroker(this, "Orders", new Amazon.CDK.AWS.AmazonMQ.CfnBrokerProps
            {
                BrokerName = "orders",
                EngineType = "ACTIVEMQ",
                EngineVersion = "5.18",
                HostInstanceType = "mq.m5.large",
                PubliclyAccessible = false,
                AutoMinorVersionUpgrade = true,
                Users = new[] { new Amazon.CDK.AWS.AmazonMQ.CfnBroker.UserProperty { Username = "app", Password = "{{resolve:secretsmanager:orders-mq:SecretString:password}}" } },
                DeploymentMode = "ACTIVE_STANDBY_MULTI_AZ",
            });

            _ = new Amazon.CDK.AWS.DMS.CfnReplicationInstance(this, "Replication", new Amazon.CDK.AWS.DMS.CfnReplicationInstanceProps
            {
                ReplicationInstanceClass = "dms.t3.medium",
                MultiAz = true,
            });

            _ = new Amazon.CDK.AWS.FSx.CfnFileSystem(this, "Shares", new Amazon.CDK.AWS.FSx.CfnFileSystemProps
            {
                FileSystemType = "ONTAP",
                StorageCapacity = 1024,
                SubnetIds = new[] { vpc.PrivateSubnets[0].SubnetId, vpc.PrivateSubnets[1].SubnetId },
                OntapConfiguration = new Amazon.CDK.AWS.FSx.CfnFileSystem.OntapConfigurationProperty
                {
                    DeploymentType = "MULTI_AZ_1",
                    ThroughputCapacity = 128,
                    PreferredSubnetId = vpc.PrivateSubnets[0].SubnetId,
                },
            });

            var bucket = new Bucket(this, "Artifacts", new BucketProps
            {
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                EnforceSSL = true,
            });

            var role = new Role(this, "AppRole", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") });
            role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("AmazonSSMManagedInstanceCore"));
            bucket.GrantReadWrite(role);
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                // Describe calls cannot be scoped to a resource: "*" is the only honest value here.
                Actions = new[] { "ec2:DescribeInstances", "ec2:DescribeVolumes" },
                Resources = new[] { "*" },
            }));
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = new[] { "s3:GetObject", "s3:PutObject" },
                Resources = new[] { bucket.ArnForObjects("uploads/*") },
            }));
        }
    }
}
