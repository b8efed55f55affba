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
