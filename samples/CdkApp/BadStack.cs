using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Constructs;
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
            bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Principals = new[] { new AnyPrincipal() }, Actions = new[] { "s3:GetObject" }, Resources = new[] { bucket.ArnForObjects("*") } })); // IAC1205: anyone may read
        }
    }
}
