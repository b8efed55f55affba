using Amazon.CDK;
using System.Collections.Generic;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.KinesisFirehose;
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
    /// Every mistake IacAnalyzers knows, once each. A trailing <c>// IACnnnn</c> comment names the rule that must report
    /// it; the finding's span covers that line. The end-to-end tests and tools/IacAnalyzers.Samples read these
    /// comments, so keep one mistake per statement and the comment on the line where the finding lands.
    /// </summary>
    public sealed class BadStack : Stack
    {
        public BadStack(Construct scope, string id, IStackProps? props = null)
            : base(scope, id, props)
        {
            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });

            // ---- Security: network exposure --------------------------------------------------------------
            var bastionSecurityGroup = new SecurityGroup(this, "BastionSecurityGroup", new SecurityGroupProps { Vpc = vpc });
            bastionSecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "SSH from anywhere"); // IAC1101: SSH open to the world
            bastionSecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(3389), "RDP from anywhere"); // IAC1102: RDP open to the world

            // ---- Security: unencrypted storage -----------------------------------------------------------
            _ = new Instance_(this, "Bastion", new InstanceProps
            {
                Vpc = vpc,
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
                MachineImage = MachineImage.LatestAmazonLinux2023(),
                SecurityGroup = bastionSecurityGroup,
                BlockDevices = new[]
                {
                    new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(30, new EbsDeviceOptions { Encrypted = false }) }, // IAC1003: root volume unencrypted
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
                        Ebs = new Amazon.CDK.AWS.ImageBuilder.CfnImageRecipe.EbsInstanceBlockDeviceSpecificationProperty { VolumeSize = 30, Encrypted = false }, // IAC1003: image recipe volume unencrypted
                    },
                },
            });

            _ = new Volume(this, "DataVolume", new VolumeProps
            {
                AvailabilityZone = vpc.AvailabilityZones[0],
                Size = Size.Gibibytes(100),
                Encrypted = false, // IAC1002: EBS volume unencrypted
            });

            _ = new FileSystem(this, "SharedFiles", new FileSystemProps
            {
                Vpc = vpc,
                Encrypted = false, // IAC1004: EFS file system unencrypted
            });

            // ---- Reliability (and Security): databases ---------------------------------------------------
            _ = new DatabaseInstance(this, "Database", new DatabaseInstanceProps // IAC2001, IAC1001: neither MultiAz nor StorageEncrypted is set (both default to false)
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16 }),
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MEDIUM),
                Vpc = vpc,
            });

            // L1: the CloudFormation resource written directly.
            _ = new CfnDBInstance(this, "ReportingDatabase", new CfnDBInstanceProps
            {
                Engine = "mysql",
                DbInstanceClass = "db.t3.medium",
                AllocatedStorage = "20",
                MasterUsername = "admin",
                ManageMasterUserPassword = true,
                StorageEncrypted = true,
                MultiAz = false, // IAC2001: Multi-AZ switched off
            });

            _ = new DatabaseCluster(this, "Cluster", new DatabaseClusterProps // IAC2002: a writer and no readers
            {
                Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_2 }),
                Vpc = vpc,
                Writer = ClusterInstance.Provisioned("Writer"),
                StorageEncrypted = true,
            });

            // ---- Security: unencrypted data services -----------------------------------------------------
            _ = new DocDbCluster(this, "Catalog", new DocDbClusterProps
            {
                MasterUser = new DocDbLogin { Username = "catalogadmin" },
                InstanceType = InstanceType.Of(InstanceClass.MEMORY6_GRAVITON, InstanceSize.LARGE),
                Instances = 2,
                Vpc = vpc,
                StorageEncrypted = false, // IAC1008: DocumentDB storage unencrypted
            });

            _ = new Domain(this, "Search", new DomainProps
            {
                Version = EngineVersion.OPENSEARCH_2_13,
                Capacity = new CapacityConfig { DataNodes = 2 }, // IAC2004: two data nodes, one Availability Zone
                EncryptionAtRest = new EncryptionAtRestOptions { Enabled = false }, // IAC1006: indices unencrypted
            });

            _ = new Stream(this, "Events", new StreamProps
            {
                Encryption = StreamEncryption.UNENCRYPTED, // IAC1007: records unencrypted
            });

            _ = new Queue(this, "Jobs", new QueueProps
            {
                Encryption = QueueEncryption.UNENCRYPTED, // IAC1009: messages unencrypted
            });

            _ = new Topic(this, "Alerts", new TopicProps { DisplayName = "Alerts" }); // IAC1010: no MasterKey, no server-side encryption

            // L1: no L2 construct for ElastiCache replication groups, DAX or (stable) Firehose in Amazon.CDK.Lib 2.160.0.
            _ = new CfnReplicationGroup(this, "Sessions", new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = "session store",
                Engine = "redis",
                CacheNodeType = "cache.t3.micro",
                NumCacheClusters = 2,
                AutomaticFailoverEnabled = true,
                AtRestEncryptionEnabled = false, // IAC1005: cache data on disk unencrypted
                MultiAzEnabled = false, // IAC2003: no failover to another zone
            });

            var daxRole = new Role(this, "DaxRole", new RoleProps { AssumedBy = new ServicePrincipal("dax.amazonaws.com") });
            _ = new DaxCluster(this, "ItemCache", new Amazon.CDK.AWS.DAX.CfnClusterProps
            {
                IamRoleArn = daxRole.RoleArn,
                NodeType = "dax.t3.small",
                ReplicationFactor = 3,
                SseSpecification = new DaxCluster.SSESpecificationProperty { SseEnabled = false }, // IAC1011: DAX nodes unencrypted
            });

            var deliveryRole = new Role(this, "DeliveryRole", new RoleProps { AssumedBy = new ServicePrincipal("firehose.amazonaws.com") });
            _ = new CfnDeliveryStream(this, "ClickStream", new CfnDeliveryStreamProps // IAC1012: DirectPut without server-side encryption
            {
                DeliveryStreamType = "DirectPut",
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
                Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = siteBucket, Encryption = false }), // IAC1013: artifacts escape the project's key
                Logging = new Amazon.CDK.AWS.CodeBuild.LoggingOptions
                {
                    S3 = new S3LoggingOptions { Bucket = siteBucket, Prefix = "build-logs", Encrypted = true }, // IAC1013: aws-cdk-lib 2.160.0 writes Encrypted unchanged as EncryptionDisabled
                },
            });

            // ---- More managed data services (L1 where Amazon.CDK.Lib 2.160.0 has no stable L2) -----------
            _ = new Amazon.CDK.AWS.WorkSpaces.CfnWorkspace(this, "Desktop", new Amazon.CDK.AWS.WorkSpaces.CfnWorkspaceProps
            {
                BundleId = "wsb-12345678",
                DirectoryId = "d-1234567890",
                UserName = "alice",
                RootVolumeEncryptionEnabled = true,
                UserVolumeEncryptionEnabled = false, // IAC1020: the user volume is unencrypted
                VolumeEncryptionKey = "alias/aws/workspaces",
            });

            var ordersApi = new Amazon.CDK.AWS.APIGateway.RestApi(this, "OrdersApi", new Amazon.CDK.AWS.APIGateway.RestApiProps
            {
                DeployOptions = new Amazon.CDK.AWS.APIGateway.StageOptions
                {
                    CacheClusterEnabled = true,
                    CachingEnabled = true,
                    CacheDataEncrypted = false, // IAC1021: cached responses unencrypted
                },
            });
            ordersApi.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration());

            _ = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings(this, "GlueCatalog", new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettingsProps
            {
                CatalogId = Account,
                DataCatalogEncryptionSettings = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty
                {
                    EncryptionAtRest = new Amazon.CDK.AWS.Glue.CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = "DISABLED" }, // IAC1022: catalog unencrypted
                },
            });

            _ = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration(this, "GlueJobSecurity", new Amazon.CDK.AWS.Glue.CfnSecurityConfigurationProps
            {
                Name = "etl-jobs",
                EncryptionConfiguration = new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.EncryptionConfigurationProperty
                {
                    S3Encryptions = new[] { new Amazon.CDK.AWS.Glue.CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "DISABLED" } }, // IAC1024: job data without KMS encryption
                },
            });

            _ = new Amazon.CDK.AWS.EMR.CfnSecurityConfiguration(this, "EmrSecurity", new Amazon.CDK.AWS.EMR.CfnSecurityConfigurationProps
            {
                SecurityConfiguration = new Dictionary<string, object>
                {
                    ["EncryptionConfiguration"] = new Dictionary<string, object>
                    {
                        ["EnableInTransitEncryption"] = false,
                        ["EnableAtRestEncryption"] = false, // IAC1025: cluster disks and EMRFS data not encrypted at rest
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
                            Encrypted = false, // IAC1026: each task's volume unencrypted
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
                    MlUserDataEncryption = new Amazon.CDK.AWS.Glue.CfnMLTransform.MLUserDataEncryptionProperty
                    {
                        MlUserDataEncryptionMode = "DISABLED", // IAC1031: labels and trained transform without KMS encryption
                    },
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
                                    Encrypted = false, // IAC1033: copies of unencrypted snapshots stay unencrypted in us-west-2
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
                Encrypted = false, // IAC1023: encryption switched off
                MultiAz = false, // IAC2010: RA3 cluster in one Availability Zone
            });

            _ = new DaxCluster(this, "SessionCache", new Amazon.CDK.AWS.DAX.CfnClusterProps
            {
                IamRoleArn = daxRole.RoleArn,
                NodeType = "dax.t3.small",
                ReplicationFactor = 1, // IAC2011: one node, no replica in another zone
                SseSpecification = new DaxCluster.SSESpecificationProperty { SseEnabled = true },
            });

            _ = new Amazon.CDK.AWS.Timestream.CfnInfluxDBInstance(this, "Metrics", new Amazon.CDK.AWS.Timestream.CfnInfluxDBInstanceProps
            {
                Name = "metrics",
                DbInstanceType = "db.influx.medium",
                AllocatedStorage = 20,
                VpcSubnetIds = new[] { vpc.PrivateSubnets[0].SubnetId },
                VpcSecurityGroupIds = new[] { vpc.VpcDefaultSecurityGroup },
                DeploymentType = "SINGLE_AZ", // IAC2012: no standby in another zone
            });

            _ = new Amazon.CDK.AWS.Lightsail.CfnDatabase(this, "ShopDatabase", new Amazon.CDK.AWS.Lightsail.CfnDatabaseProps
            {
                RelationalDatabaseName = "shop",
                RelationalDatabaseBlueprintId = "mysql_8_0",
                RelationalDatabaseBundleId = "micro_2_0", // IAC2013: standard plan, one zone
                MasterDatabaseName = "shop",
                MasterUsername = "dbadmin",
            });

            _ = new Amazon.CDK.AWS.ElastiCache.CfnCacheCluster(this, "PageCache", new Amazon.CDK.AWS.ElastiCache.CfnCacheClusterProps
            {
                Engine = "memcached",
                CacheNodeType = "cache.t4g.small",
                NumCacheNodes = 3,
                AzMode = "single-az", // IAC2005: every node in one zone
            });

            _ = new FileSystem(this, "ScratchFiles", new FileSystemProps
            {
                Vpc = vpc,
                Encrypted = true,
                OneZone = true, // IAC2006: One Zone storage
            });

            _ = new Amazon.CDK.AWS.AmazonMQ.CfnBroker(this, "Orders", new Amazon.CDK.AWS.AmazonMQ.CfnBrokerProps
            {
                BrokerName = "orders",
                EngineType = "ACTIVEMQ",
                EngineVersion = "5.18",
                HostInstanceType = "mq.m5.large",
                PubliclyAccessible = false,
                AutoMinorVersionUpgrade = true,
                Users = new[] { new Amazon.CDK.AWS.AmazonMQ.CfnBroker.UserProperty { Username = "app", Password = "{{resolve:secretsmanager:orders-mq:SecretString:password}}" } },
                DeploymentMode = "SINGLE_INSTANCE", // IAC2007: one broker, one zone
            });

            _ = new Amazon.CDK.AWS.DMS.CfnReplicationInstance(this, "Replication", new Amazon.CDK.AWS.DMS.CfnReplicationInstanceProps
            {
                ReplicationInstanceClass = "dms.t3.medium",
                MultiAz = false, // IAC2008: no standby
            });

            _ = new Amazon.CDK.AWS.FSx.CfnFileSystem(this, "Shares", new Amazon.CDK.AWS.FSx.CfnFileSystemProps
            {
                FileSystemType = "ONTAP",
                StorageCapacity = 1024,
                SubnetIds = new[] { vpc.PrivateSubnets[0].SubnetId },
                OntapConfiguration = new Amazon.CDK.AWS.FSx.CfnFileSystem.OntapConfigurationProperty { DeploymentType = "SINGLE_AZ_1", ThroughputCapacity = 128 }, // IAC2009: one zone
            });

            // ---- Security: IAM ---------------------------------------------------------------------------
            var bucket = new Bucket(this, "Artifacts", new BucketProps
            {
                BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS,
                EnforceSSL = true,
            });
            var role = new Role(this, "AppRole", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") });
            role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("AdministratorAccess")); // IAC1206: admin managed policy
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "*" }, Resources = new[] { bucket.BucketArn } })); // IAC1201: every action
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:*" }, Resources = new[] { bucket.ArnForObjects("*") } })); // IAC1202: every S3 action
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "sqs:SendMessage", "sqs:DeleteMessage" }, Resources = new[] { "*" } })); // IAC1204: writes on every queue
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { NotActions = new[] { "iam:*" }, Resources = new[] { "*" } })); // IAC1203: everything but IAM
            bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Principals = new[] { new AnyPrincipal() }, Actions = new[] { "s3:GetObject" }, Resources = new[] { bucket.ArnForObjects("*") } })); // IAC1205: anyone may read
        }
    }
}
