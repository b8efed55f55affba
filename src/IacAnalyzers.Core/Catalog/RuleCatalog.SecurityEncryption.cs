namespace IacAnalyzers.Catalog
{
    /// <summary>IAC1001-IAC1099: Security, data protection at rest (SEC08-BP02).</summary>
    public static partial class RuleCatalog
    {
        // ---- IAC1xxx: Security: storage encryption (SEC08-BP02) --------------------------------------
        // Messages take {0} the subject ("RDS DB instance 'Db'") and {1} the detail suffix (why, which branch).

        public static readonly RuleInfo RdsStorageNotEncrypted = new RuleInfo(
            "IAC1001",
            "RDS storage is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set StorageEncrypted to true; encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy)",
            "An RDS DB instance or DB cluster without StorageEncrypted keeps its data, backups, snapshots and replicas " +
            "unencrypted. CloudFormation defaults StorageEncrypted to false. Not checked: instances that belong to a DB " +
            "cluster (the cluster decides), databases restored from a snapshot or created from a source database (they " +
            "inherit its encryption), and Aurora Serverless v1 clusters (always encrypted).",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets StorageEncrypted to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F26"),
                new PeerRule(PeerTools.CfnNag, "F27"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_16"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_96"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-RDS2"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-RDSStorageEncrypted"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-RDSStorageEncrypted"),
                new PeerRule(PeerTools.Guard, "RDS_STORAGE_ENCRYPTED"),
            });

        public static readonly RuleInfo EbsVolumeNotEncrypted = new RuleInfo(
            "IAC1002",
            "EBS volume is not encrypted",
            "{0} is not encrypted{1}: set Encrypted to true; this replaces the volume (move its data through an encrypted snapshot copy)",
            "An EBS volume without Encrypted stores its data and snapshots unencrypted, unless the account has EBS " +
            "encryption by default turned on in that Region, which a template cannot show. CloudFormation defaults " +
            "Encrypted to false. WorkSpaces Instances volumes (EBS volumes for WorkSpaces Instances) are checked the same " +
            "way. Volumes created from a snapshot are not checked: they are encrypted when the snapshot is.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Encrypted to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F1"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_3"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EC26"),
                new PeerRule(PeerTools.Guard, "ENCRYPTED_VOLUMES"),
            });

        public static readonly RuleInfo Ec2BlockDeviceNotEncrypted = new RuleInfo(
            "IAC1003",
            "EC2 block device is not encrypted",
            "{0} is not encrypted{1}: set Encrypted to true in its Ebs settings",
            "An EBS block device declared without Ebs.Encrypted on an EC2 instance, launch template, launch " +
            "configuration, Spot Fleet launch specification, EC2 Fleet launch template override, Image Builder " +
            "image or container recipe, WorkSpaces Instances workspace instance or AgentCore capacity provider (its " +
            "ephemeral volumes and root volume) is created unencrypted (unless the account has EBS encryption by " +
            "default turned on, which a template cannot show); an AgentCore persistent volume only when Encrypted is " +
            "false (AWS encrypts it by default). Devices created from a snapshot and resources that declare no block " +
            "devices (their volumes come from the image) are not checked.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Ebs.Encrypted to true on the block device.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EC26"),
            });

        public static readonly RuleInfo EfsFileSystemNotEncrypted = new RuleInfo(
            "IAC1004",
            "EFS file system is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set Encrypted to true; this replaces the file system (copy its data to the new one)",
            "An EFS file system without Encrypted stores files and metadata unencrypted. CloudFormation defaults " +
            "Encrypted to false; the CDK FileSystem construct defaults it to true.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets Encrypted to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F32"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_42"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-EFS1"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-EFSEncrypted"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-EFSEncrypted"),
                new PeerRule(PeerTools.Guard, "EFS_ENCRYPTED_CHECK"),
            });

        public static readonly RuleInfo ElastiCacheNotEncryptedAtRest = new RuleInfo(
            "IAC1005",
            "ElastiCache replication group is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set AtRestEncryptionEnabled to true; this replaces the replication group",
            "A Redis OSS or Valkey replication group without AtRestEncryptionEnabled keeps its data on disk (swap, " +
            "backups, snapshots) unencrypted. CloudFormation defaults AtRestEncryptionEnabled to false. Secondary " +
            "members of a global datastore are not checked (the global datastore decides); serverless caches are always encrypted.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets AtRestEncryptionEnabled to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F25"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_29"),
                new PeerRule(PeerTools.Guard, "ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST"),
            });

        public static readonly RuleInfo OpenSearchDomainNotEncryptedAtRest = new RuleInfo(
            "IAC1006",
            "OpenSearch domain is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set EncryptionAtRestOptions.Enabled to true",
            "An OpenSearch Service or Elasticsearch domain without encryption at rest keeps indices, logs, swap files " +
            "and automated snapshots unencrypted. Without EncryptionAtRestOptions.Enabled, encryption at rest is off, " +
            "in CloudFormation and in the CDK Domain construct alike.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets EncryptionAtRestOptions.Enabled to true (adding the EncryptionAtRestOptions block when missing).", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W54"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_5"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-OS8"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-OpenSearchEncryptedAtRest"),
                new PeerRule(PeerTools.Guard, "OPENSEARCH_ENCRYPTED_AT_REST"),
                new PeerRule(PeerTools.Guard, "ELASTICSEARCH_ENCRYPTED_AT_REST"),
            });

        public static readonly RuleInfo KinesisStreamNotEncrypted = new RuleInfo(
            "IAC1007",
            "Kinesis data stream is not encrypted",
            "{0} is not encrypted{1}: set StreamEncryption with EncryptionType KMS (KeyId alias/aws/kinesis uses the AWS managed key)",
            "A Kinesis data stream without StreamEncryption stores its records unencrypted for the whole retention " +
            "period. Encryption can be turned on for an existing stream without replacing it.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: null, noFixReason: "The fix needs a map (EncryptionType and KeyId) and a choice of key; a set-property fix writes one scalar.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W49"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_43"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-KDS1"),
                new PeerRule(PeerTools.Guard, "KINESIS_STREAM_ENCRYPTED"),
            });

        public static readonly RuleInfo DocumentDbNeptuneClusterNotEncrypted = new RuleInfo(
            "IAC1008",
            "DocumentDB or Neptune cluster is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set StorageEncrypted to true; this replaces the cluster (move its data through an encrypted snapshot copy)",
            "An Amazon DocumentDB or Neptune DB cluster without StorageEncrypted keeps its storage, backups and " +
            "snapshots unencrypted. CloudFormation defaults StorageEncrypted to false (the CDK DocumentDB " +
            "DatabaseCluster construct defaults it to true). Clusters restored from a snapshot or a source cluster are not checked.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets StorageEncrypted to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "F30"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_74"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_44"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-DOC1"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-N4"),
                new PeerRule(PeerTools.Guard, "DOCDB_CLUSTER_ENCRYPTED"),
                new PeerRule(PeerTools.Guard, "NEPTUNE_CLUSTER_ENCRYPTED"),
            });

        public static readonly RuleInfo SqsQueueEncryptionDisabled = new RuleInfo(
            "IAC1009",
            "SQS queue has its default encryption turned off",
            "{0} has server-side encryption turned off{1}: SQS encrypts new queues with SSE-SQS by default, and this queue opts out, so its messages are stored unencrypted; set SqsManagedSseEnabled to true (in CDK, QueueEncryption.SQS_MANAGED) or use a KMS key",
            "SQS encrypts new queues with SQS-managed keys (SSE-SQS) unless told not to. A queue is flagged only when " +
            "it opts out explicitly (SqsManagedSseEnabled false, QueueEncryption.UNENCRYPTED in CDK) without a KMS key. " +
            "Queues that leave encryption to the default are encrypted and clean.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets SqsManagedSseEnabled to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-SQS2"),
            });

        public static readonly RuleInfo SnsTopicNotEncrypted = new RuleInfo(
            "IAC1010",
            "SNS topic is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set KmsMasterKeyId to a KMS key (in CDK, MasterKey); topics that CloudWatch alarms, EventBridge or S3 publish to need a customer-managed key whose policy lets that service use it",
            "An SNS topic without KmsMasterKeyId stores the messages it holds for delivery and retries unencrypted: SNS " +
            "server-side encryption is off unless a KMS key is given, in CloudFormation and in the CDK Topic construct " +
            "(TopicProps.MasterKey has no default). Topic metadata and message attributes are never encrypted by SSE.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "The key is a choice the fix cannot make: the AWS managed key alias/aws/sns cannot be used by AWS services that publish to the topic (CloudWatch alarms, EventBridge, S3 events), which need a customer-managed key with a key policy for them.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.CfnNag, "W47"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_26"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-SNS2"),
                new PeerRule(PeerTools.Guard, "SNS_ENCRYPTED_KMS"),
            });

        public static readonly RuleInfo DaxClusterNotEncrypted = new RuleInfo(
            "IAC1011",
            "DAX cluster is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set SSESpecification.SSEEnabled to true; encryption is chosen at creation, so this replaces the cluster (its cache refills from DynamoDB)",
            "A DynamoDB Accelerator (DAX) cluster without SSESpecification.SSEEnabled keeps its cached items, " +
            "configuration and logs on its nodes' disks unencrypted, although the table it caches is always encrypted. " +
            "CloudFormation leaves server-side encryption off when SSESpecification is missing; aws-cdk-lib has no L2 construct for DAX.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets SSESpecification.SSEEnabled to true (adding the SSESpecification block when missing).", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_47"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-DDB4"),
                new PeerRule(PeerTools.Guard, "DAX_ENCRYPTION_ENABLED"),
            });

        public static readonly RuleInfo FirehoseDeliveryStreamNotEncrypted = new RuleInfo(
            "IAC1012",
            "Firehose delivery stream is not encrypted",
            "{0} is not encrypted{1}: set DeliveryStreamEncryptionConfigurationInput with KeyType AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK",
            "A Kinesis Data Firehose delivery stream that producers write to directly (DeliveryStreamType DirectPut, the " +
            "default) keeps the records it buffers, for up to 24 hours when the destination is unavailable, unencrypted " +
            "unless DeliveryStreamEncryptionConfigurationInput is set. A stream that reads from a Kinesis data stream " +
            "(KinesisStreamAsSource) relies on the source stream's encryption and is not checked (IAC1007 checks the " +
            "source); other source types are not checked either. aws-cdk-lib 2.160.0 has no stable L2 construct for Firehose.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null, noFixReason: "The fix needs a map (KeyType, and a key ARN for a customer-managed key) and a choice of key; a set-property fix writes one scalar.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_240"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-KDF1"),
            });

        public static readonly RuleInfo CodeBuildArtifactsEncryptionDisabled = new RuleInfo(
            "IAC1013",
            "CodeBuild project turns off artifact or S3 log encryption",
            "{0} turns off encryption of its {1}{2}: {3}, so CodeBuild encrypts them with the project's KMS key",
            "A CodeBuild project whose Artifacts or SecondaryArtifacts say EncryptionDisabled: true uploads its build " +
            "output without the project's KMS key (EncryptionKey, by default the AWS managed key for S3); " +
            "LogsConfig.S3Logs.EncryptionDisabled: true does the same to the build logs it writes to S3. Since January " +
            "2023 the bucket's default encryption (SSE-S3 at least) still applies, so the objects are not stored in clear, " +
            "but they escape the project's key and its key policy. Both default to encrypted, in CloudFormation and in " +
            "the CDK; only an explicit opt-out is flagged. In Amazon.CDK.Lib before 2.253.0, S3LoggingOptions.Encrypted is " +
            "written unchanged to EncryptionDisabled, so Encrypted = true is that opt-out.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets EncryptionDisabled to false on the artifacts or the S3 logs.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_78"),
                new PeerRule(PeerTools.Guard, "CODEBUILD_PROJECT_ARTIFACT_ENCRYPTION"),
                new PeerRule(PeerTools.Guard, "CODEBUILD_PROJECT_S3_LOGS_ENCRYPTED"),
            });
        // ---- IAC1020-IAC1039: encryption at rest beyond the first stores ------------------------------

        public static readonly RuleInfo WorkSpacesVolumeNotEncrypted = new RuleInfo(
            "IAC1020",
            "WorkSpaces volume is not encrypted at rest",
            "{0} is not encrypted at rest{1}: set RootVolumeEncryptionEnabled and UserVolumeEncryptionEnabled to true with a KMS key in VolumeEncryptionKey; encryption is chosen when the WorkSpace is created, so it takes effect only on a new WorkSpace",
            "A WorkSpace has two EBS volumes: the root volume (the operating system, C: or /) and the user volume (the " +
            "user's profile and documents, D: or /home). Each is encrypted only when RootVolumeEncryptionEnabled or " +
            "UserVolumeEncryptionEnabled is true; both default to false. Each unencrypted volume of a WorkSpace is one finding.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: null,
            noFixReason: "CloudFormation does not update a WorkSpace's volume encryption in place: it applies only when the WorkSpace is " +
                "replaced (by a change such as a new UserName), which discards the user volume, and it needs a KMS key. " +
                "Both are the author's decisions.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_155"),
                new PeerRule(PeerTools.Checkov, "CKV_AWS_156"),
            });

        public static readonly RuleInfo ApiGatewayCacheNotEncrypted = new RuleInfo(
            "IAC1021",
            "API Gateway stage cache is not encrypted",
            "{0} caches responses unencrypted{1}: set CacheDataEncrypted to true in the method settings that cache (the /* * entry, or the stage description, covers every method; in CDK, CacheDataEncrypted in StageOptions or MethodDeploymentOptions)",
            "With the stage cache cluster on (CacheClusterEnabled), API Gateway keeps endpoint responses in the cache for " +
            "their time to live: GET methods are cached by default, other methods when their method settings enable caching. " +
            "The cached responses are encrypted only when the method setting that caches them has CacheDataEncrypted true; " +
            "it defaults to false. Stages without a cache cluster store nothing and are not checked.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets CacheDataEncrypted to true in the method setting (or stage description) that caches.",
            noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-APIGWCacheEnabledAndEncrypted"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-APIGWCacheEnabledAndEncrypted"),
                new PeerRule(PeerTools.CdkNag, "PCI.DSS.321-APIGWCacheEnabledAndEncrypted"),
                new PeerRule(PeerTools.Guard, "API_GW_CACHE_ENABLED_AND_ENCRYPTED"),
            });

        public static readonly RuleInfo GlueDataCatalogNotEncrypted = new RuleInfo(
            "IAC1022",
            "Glue Data Catalog metadata is not encrypted at rest",
            "{0} leaves the Glue Data Catalog unencrypted at rest{1}: set EncryptionAtRest.CatalogEncryptionMode to SSE-KMS (with SseAwsKmsKeyId for a customer managed key; without it Glue uses the AWS managed key aws/glue)",
            "AWS::Glue::DataCatalogEncryptionSettings sets the account's Data Catalog encryption in a Region. With " +
            "CatalogEncryptionMode DISABLED (the default, also when EncryptionAtRest is not given) databases, tables, " +
            "partitions, connections and user-defined functions are stored without encryption by a KMS key.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: "Sets EncryptionAtRest.CatalogEncryptionMode to SSE-KMS.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_94"),
            });

        public static readonly RuleInfo RedshiftClusterEncryptionDisabled = new RuleInfo(
            "IAC1023",
            "Redshift cluster has its default encryption turned off",
            "{0} has encryption at rest turned off{1}: Amazon Redshift encrypts provisioned clusters by default, and this cluster opts out, so its data blocks, system metadata and snapshots are stored unencrypted; set Encrypted to true (or remove it)",
            "Amazon Redshift now encrypts provisioned clusters at rest by default (with an AWS owned key unless KmsKeyId " +
            "names another). A cluster is flagged only when it opts out explicitly with Encrypted false; clusters that " +
            "leave Encrypted to the default are encrypted and clean. Redshift Serverless namespaces are always encrypted.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets Encrypted to true.", noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo GlueSecurityConfigurationNotEncrypted = new RuleInfo(
            "IAC1024",
            "Glue security configuration leaves job data without KMS encryption",
            "{0} leaves job data without KMS encryption{1}: set S3Encryptions[].S3EncryptionMode to SSE-KMS (or SSE-S3), CloudWatchEncryption.CloudWatchEncryptionMode to SSE-KMS and JobBookmarksEncryption.JobBookmarksEncryptionMode to CSE-KMS, each with a KmsKeyArn",
            "AWS::Glue::SecurityConfiguration is what Glue jobs, crawlers and development endpoints use to encrypt what they " +
            "write: job output in Amazon S3, their CloudWatch Logs and their job bookmarks. Each of the three modes is DISABLED " +
            "when it says so or is not given. With S3 DISABLED the objects get only the bucket's default encryption (SSE-S3 " +
            "since January 2023), with CloudWatch DISABLED the logs get only the CloudWatch Logs service encryption, and job " +
            "bookmarks are not encrypted by a key of yours; none of them is under a key policy you control. One finding per " +
            "security configuration names every part left DISABLED.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "CloudWatch SSE-KMS and job bookmark CSE-KMS need a KMS key whose key policy lets the Glue job's role and CloudWatch Logs use it; choosing and granting that key is the author's decision.",
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_99"),
            });

        public static readonly RuleInfo EmrSecurityConfigurationNoAtRestEncryption = new RuleInfo(
            "IAC1025",
            "EMR security configuration does not encrypt data at rest",
            "{0} does not encrypt data at rest{1}: set EncryptionConfiguration.EnableAtRestEncryption to true with an AtRestEncryptionConfiguration (S3EncryptionConfiguration for EMRFS data in S3, LocalDiskEncryptionConfiguration with a KMS key or custom provider for EBS and instance store volumes)",
            "An AWS::EMR::SecurityConfiguration is a JSON document that clusters name in SecurityConfiguration. Without " +
            "EncryptionConfiguration, or with EnableAtRestEncryption false, its clusters keep HDFS, spill and shuffle data " +
            "on local disks (instance store and EBS volumes) unencrypted, unless the account's EBS encryption by default " +
            "covers the EBS volumes, which a template cannot show; EMRFS data in S3 gets only the bucket's default " +
            "encryption. Only a document written as an object is read: one in a string or a parameter is not judged.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildError, Surfaces.Both,
            fix: null,
            noFixReason: "Turning at-rest encryption on also needs an AtRestEncryptionConfiguration: the S3 encryption mode and the local disk key provider (a KMS key the cluster's EC2 role may use), which are the author's decisions.");

        public static readonly RuleInfo DrsReplicationEbsEncryptionNone = new RuleInfo(
            "IAC1030",
            "DRS replication template turns off EBS encryption",
            "{0} replicates disks to unencrypted EBS volumes{1}: set EbsEncryption to DEFAULT (the account's default EBS key) or CUSTOM with an EbsEncryptionKeyArn; changing it may start a full resync of the source servers",
            "AWS Elastic Disaster Recovery keeps a copy of every replicated source-server disk on EBS volumes and snapshots in " +
            "the staging area; a replication configuration template says how they are encrypted. EbsEncryption is required and " +
            "is DEFAULT (the account's default EBS KMS key), CUSTOM (the key in EbsEncryptionKeyArn) or NONE. NONE asks for no " +
            "EBS encryption, so the replicated disks are stored unencrypted unless the account has EBS encryption by default " +
            "turned on in that Region, which a template cannot show. Only NONE is flagged.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.CloudFormation,
            fix: "Sets EbsEncryption to DEFAULT.", noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo GlueMlTransformNotEncrypted = new RuleInfo(
            "IAC1031",
            "Glue ML transform does not encrypt its user data with KMS",
            "{0} does not encrypt its labels and trained transform with KMS{1}: set TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode to SSE-KMS with a KmsKeyId whose key policy lets the transform's role use it",
            "An AWS::Glue::MLTransform (FindMatches) keeps user data of its own in Amazon S3: the labels imported into it " +
            "and the trained transform. TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode is DISABLED " +
            "(\"encryption is disabled\") or SSE-KMS; not giving TransformEncryption or MLUserDataEncryption leaves it " +
            "DISABLED. The objects then get only the bucket's default encryption (SSE-S3 since January 2023), under no key " +
            "policy of yours. One finding per transform names every gap.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "SSE-KMS needs a customer-managed KMS key whose key policy lets the transform's IAM role use it; choosing and granting that key is the author's decision.");

        public static readonly RuleInfo EcsManagedEbsVolumeEncryptionDisabled = new RuleInfo(
            "IAC1026",
            "ECS-managed EBS volume has encryption turned off",
            "{0} is not encrypted{1}: remove Encrypted or set it to true (with KmsKeyId for a customer managed key); ECS creates a new volume for each task, so it applies at the next deployment",
            "An ECS service can attach an EBS volume that Amazon ECS creates for each task (VolumeConfigurations, " +
            "ManagedEBSVolume). ECS encrypts it when Encrypted is not given (with the AWS managed key aws/ebs unless " +
            "KmsKeyId names another); Encrypted false creates it unencrypted, unless the account has EBS encryption by " +
            "default turned on in that Region, which a template cannot show. Only the explicit opt-out is flagged.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets ManagedEBSVolume.Encrypted to true.", noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo DlmCrossRegionCopyNotEncrypted = new RuleInfo(
            "IAC1033",
            "DLM cross-Region copy does not encrypt copies of unencrypted snapshots",
            "{0} does not encrypt its copies{1}: copies of unencrypted snapshots stay unencrypted in the target Region; set Encrypted to true (copies of encrypted snapshots are encrypted either way, so this changes nothing for them)",
            "A Data Lifecycle Manager policy copies snapshots (or the snapshots of AMIs) to other Regions with " +
            "Schedules[].CrossRegionCopyRules[] and, in event-based policies, Actions[].CrossRegionCopy[]. Each says whether " +
            "to encrypt the copies (Encrypted, required). Copies of encrypted snapshots are encrypted whatever it says; with " +
            "Encrypted false a copy of an unencrypted snapshot stays unencrypted, unless the target Region has EBS encryption " +
            "by default turned on, which a template cannot show. The policy picks its snapshots by tag, so the template does " +
            "not show whether they are all encrypted: Encrypted false is flagged, and true is correct in every case.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets Encrypted to true in the cross-Region copy rule or action.", noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo MgnPostLaunchParametersNotEncrypted = new RuleInfo(
            "IAC1034",
            "MGN post-launch action parameters are stored unencrypted",
            "{0} keeps post-launch action parameters as plain String parameters in Systems Manager Parameter Store, which are not encrypted{1}: set EnableParametersEncryption to true so MGN encrypts them with AWS KMS (ParametersEncryptionKey picks a customer managed key)",
            "An Application Migration Service launch configuration template can run SSM documents on the launched test and " +
            "cutover instances (PostLaunchActions.SsmDocuments); their parameters are kept in Systems Manager Parameter Store " +
            "and referenced by name and type. Parameter Store encrypts only SecureString values (\"Do not store sensitive data " +
            "in a String or StringList parameter\"); EnableParametersEncryption (not set: off) is MGN's switch to encrypt the " +
            "action parameters with AWS KMS. Flagged only when an action references a parameter of type STRING and the switch " +
            "is off or not set; templates without post-launch parameters, or with SECURE_STRING ones only, are not flagged.",
            Pillar.Security, "SEC08-BP02", RuleLevel.BuildWarning, Surfaces.CloudFormation,
            fix: "Sets EnableParametersEncryption to true.", noFixReason: null, fixes: FixKind.SetProperty);
    }
}
