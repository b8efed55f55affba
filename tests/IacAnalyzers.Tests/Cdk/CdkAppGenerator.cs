using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// A realistic C# CDK app of N stacks, deterministic: VPCs, security groups and ingress rules (some open SSH),
    /// KMS keys, L2 and L1 databases (props built in locals, completed later, from config constants), buckets, queues,
    /// roles with policy statements, Lambda functions, EBS volumes, ElastiCache through a helper method, and ordinary
    /// C# around them (loops, string building, LINQ, dictionaries) so most operations are not CDK.
    /// </summary>
    public static class CdkAppGenerator
    {
        public static IReadOnlyList<(string Path, string Text)> Generate(int stacks)
        {
            var files = new List<(string, string)>();
            var program = new StringBuilder();
            program.AppendLine("using Amazon.CDK;");
            program.AppendLine("namespace BenchApp");
            program.AppendLine("{");
            program.AppendLine("    public static class Program");
            program.AppendLine("    {");
            program.AppendLine("        public static void Main()");
            program.AppendLine("        {");
            program.AppendLine("            var app = new App();");
            for (var i = 0; i < stacks; i++)
            {
                program.AppendLine(string.Format(CultureInfo.InvariantCulture, "            new Service{0}Stack(app, \"Service{0}\", new StackProps {{ Env = new Environment {{ Region = \"eu-west-1\" }} }});", i));
            }

            program.AppendLine("            app.Synth();");
            program.AppendLine("        }");
            program.AppendLine("    }");
            program.AppendLine("}");
            files.Add(("Program.cs", program.ToString()));
            for (var i = 0; i < stacks; i++)
            {
                files.Add(("Stacks/Service" + i.ToString(CultureInfo.InvariantCulture) + "Stack.cs", Stack(i)));
            }

            return files;
        }

        private static string B(bool b) => b ? "true" : "false";

        private static string Stack(int i)
        {
            var s = new StringBuilder(8000);
            s.Append("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using Amazon.CDK;
                using Amazon.CDK.AWS.EC2;
                using Amazon.CDK.AWS.ElastiCache;
                using Amazon.CDK.AWS.IAM;
                using Amazon.CDK.AWS.KMS;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AWS.RDS;
                using Amazon.CDK.AWS.S3;
                using Amazon.CDK.AWS.SQS;
                using Constructs;

                namespace BenchApp
                {
                """);
            s.AppendLine();
            s.Append($$"""
                    public static class Config{{i}}
                    {
                        public const string Prefix = "svc{{i}}";
                        public const int Port = {{5432 + i}};
                        public static readonly bool MultiAz = {{B(i % 2 == 0)}};
                        public static readonly string[] Admins = { "alice", "bob", "carol{{i}}" };
                    }

                    public class Service{{i}}Stack : Stack
                    {
                        private readonly Dictionary<string, string> tags = new Dictionary<string, string>();

                        public Service{{i}}Stack(Construct scope, string id, IStackProps props)
                            : base(scope, id, props)
                        {
                            foreach (var admin in Config{{i}}.Admins.Where(a => a.Length > 3).OrderBy(a => a))
                            {
                                tags[admin.ToUpperInvariant()] = string.Join("-", Config{{i}}.Prefix, admin, admin.Length.ToString());
                            }

                            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
                            var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps { Vpc = vpc, AllowAllOutbound = true, Description = $"{Config{{i}}.Prefix} app" });
                            sg.AddIngressRule(Peer.Ipv4("10.0.0.0/16"), Port.Tcp(443), "https from the VPC");
                            sg.AddIngressRule(Peer.Ipv4(vpc.VpcCidrBlock), Port.Tcp(Config{{i}}.Port), "db");

                """);
            if (i % 5 == 0)
            {
                s.AppendLine("                sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), \"ssh (bad)\");");
            }

            s.Append($$"""
                            var key = new Key(this, "Key", new KeyProps { EnableKeyRotation = true, Alias = "alias/" + Config{{i}}.Prefix });
                            var dbProps = new DatabaseInstanceProps
                            {
                                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                                Vpc = vpc,
                                InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM),
                                SecurityGroups = new[] { sg },
                                StorageEncrypted = true,
                                StorageEncryptionKey = key,
                            };
                            dbProps.MultiAz = Config{{i}}.MultiAz;
                            var db = new DatabaseInstance(this, "Db", dbProps);

                            new CfnDBInstance(this, "LegacyDb", new CfnDBInstanceProps
                            {
                                Engine = "mysql",
                                DbInstanceClass = "db.t3.micro",
                                AllocatedStorage = "20",
                                MultiAz = {{B(i % 3 == 0)}},
                                StorageEncrypted = {{B(i % 7 != 0)}},
                            });

                            for (var b = 0; b < 4; b++)
                            {
                                var name = Config{{i}}.Prefix + "-bucket-" + b;
                                if (name.Length > 63)
                                {
                                    throw new InvalidOperationException(name);
                                }
                            }

                            var logs = new Bucket(this, "Logs", new BucketProps { Encryption = BucketEncryption.S3_MANAGED, Versioned = true, RemovalPolicy = RemovalPolicy.RETAIN });
                            var data = new Bucket(this, "Data", new BucketProps { EncryptionKey = key, Versioned = true, ServerAccessLogsBucket = logs });
                            var queue = new Queue(this, "Queue", new QueueProps { VisibilityTimeout = Duration.Seconds(30), Encryption = QueueEncryption.KMS_MANAGED });
                            var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject", "s3:ListBucket" }, Resources = new[] { data.BucketArn, data.ArnForObjects("*") } }));
                            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ec2:DescribeInstances" }, Resources = new[] { "*" } }));
                            var fn = new Function(this, "Fn", new FunctionProps
                            {
                                Runtime = Runtime.NODEJS_20_X,
                                Handler = "index.handler",
                                Code = Code.FromInline("exports.handler = async () => ({ statusCode: 200 });"),
                                Role = role,
                                Vpc = vpc,
                                SecurityGroups = new[] { sg },
                                Environment = new Dictionary<string, string> { ["QUEUE_URL"] = queue.QueueUrl, ["DB_HOST"] = db.DbInstanceEndpointAddress },
                            });
                            queue.GrantSendMessages(fn);
                            data.GrantRead(fn);

                            new CfnVolume(this, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 20, Encrypted = {{B(i % 4 != 0)}} });
                            CreateCache(vpc, sg, {{B(i % 6 == 0)}});

                            foreach (var pair in tags)
                            {
                                Amazon.CDK.Tags.Of(this).Add(pair.Key, pair.Value);
                            }
                        }

                        private CfnReplicationGroup CreateCache(IVpc vpc, ISecurityGroup sg, bool failover)
                        {
                            var subnets = new CfnSubnetGroup(this, "CacheSubnets", new CfnSubnetGroupProps
                            {
                                Description = "cache",
                                SubnetIds = vpc.PrivateSubnets.Select(x => x.SubnetId).ToArray(),
                            });
                            return new CfnReplicationGroup(this, "Cache", new CfnReplicationGroupProps
                            {
                                ReplicationGroupDescription = "cache for " + Config{{i}}.Prefix,
                                Engine = "redis",
                                CacheNodeType = "cache.t3.micro",
                                NumCacheClusters = failover ? 2 : 1,
                                AutomaticFailoverEnabled = failover,
                                MultiAzEnabled = failover,
                                AtRestEncryptionEnabled = true,
                                TransitEncryptionEnabled = true,
                                CacheSubnetGroupName = subnets.Ref,
                                SecurityGroupIds = new[] { sg.SecurityGroupId },
                            });
                        }
                    }
                }
                """);
            s.AppendLine();
            return s.ToString();
        }
    }
}
