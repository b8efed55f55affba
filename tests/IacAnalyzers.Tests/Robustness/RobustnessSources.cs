using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace IacAnalyzers.Tests.Robustness
{
    /// <summary>The C# inputs of the robustness suite: a realistic CDK stack and generators for odd and huge code.</summary>
    public static class RobustnessSources
    {
        public const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.OpenSearchService;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.SQS;
            using Constructs;

            """;

        /// <summary>A realistic stack with a mix of findings (RDS, L1 RDS, ingress, IAM, EBS, S3, SQS, OpenSearch, Aurora).</summary>
        public const string RealisticStack = Usings + """
            namespace App
            {
                public class DataStack : Stack
                {
                    public DataStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
                    {
                        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });
                        var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps { Vpc = vpc, AllowAllOutbound = true });
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "ssh from anywhere");
                        var multiAz = false;
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps
                        {
                            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_1 }),
                            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE3, InstanceSize.MICRO),
                            Vpc = vpc,
                            MultiAz = multiAz,
                            StorageEncrypted = false,
                            SecurityGroups = new[] { sg },
                        });
                        var cfnProps = new CfnDBInstanceProps { Engine = "mysql", DbInstanceClass = "db.t3.micro", AllocatedStorage = "20" };
                        cfnProps.MultiAz = false;
                        var legacy = new CfnDBInstance(this, "Legacy", cfnProps);
                        legacy.StorageEncrypted = false;
                        var statement = new PolicyStatement(new PolicyStatementProps
                        {
                            Effect = Effect.ALLOW,
                            Actions = new[] { "s3:*", "iam:PassRole" },
                            Resources = new[] { "*" },
                        });
                        statement.AddActions("ec2:*");
                        var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                        role.AddToPolicy(statement);
                        new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(100), Encrypted = false });
                        new Bucket(this, "Logs", new BucketProps { Encryption = BucketEncryption.UNENCRYPTED, Versioned = true });
                        new Queue(this, "Jobs", new QueueProps { Encryption = QueueEncryption.UNENCRYPTED, VisibilityTimeout = Duration.Seconds(30) });
                        new Domain(this, "Search", new DomainProps
                        {
                            Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_9,
                            EncryptionAtRest = new EncryptionAtRestOptions { Enabled = false },
                            ZoneAwareness = new ZoneAwarenessConfig { Enabled = false },
                        });
                        new DatabaseCluster(this, "Ledger", new DatabaseClusterProps
                        {
                            Engine = DatabaseClusterEngine.AURORA_MYSQL,
                            Writer = ClusterInstance.Provisioned("writer"),
                            Vpc = vpc,
                            StorageEncrypted = false,
                        });
                    }
                }
            }
            """;

        /// <summary>A template with findings, so the template front-end and its code fix run in the same sweep.</summary>
        public const string Template = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  MultiAZ: false
                  StorageEncrypted: false
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: ssh
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: 0.0.0.0/0
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  SqsManagedSseEnabled: false
            """;

        /// <summary>A stack class whose constructor body is <paramref name="body"/> (with the usual usings).</summary>
        public static string InStack(string body, string members = "") => Usings + """
            namespace App
            {
                public class OddStack : Stack
                {
                    public OddStack(Construct scope, string id) : base(scope, id)
                    {

            """ + body + """

                    }

            """ + members + """

                }
            }
            """;

        /// <summary>Odd but plausible code, by name. Sources need not compile.</summary>
        public static IEnumerable<(string Name, string Source)> OddCases()
        {
            yield return ("empty", string.Empty);
            yield return ("whitespace", "   \n\t\r\n");
            yield return ("only usings", Usings);
            yield return ("plain C# with CDK referenced", "namespace P { public class C { public int M(int x) => x * 2; } }");
            yield return ("garbage", "}}}{{{ new new new ( ) ) ; class 123 @@@ \"unterminated");

            // wrong argument types and shapes
            yield return ("wrong argument types", InStack("""
                new DatabaseInstance(this, 42, "props");
                new CfnDBInstance(this, "X", new VolumeProps { Encrypted = false });
                new CfnDBInstance(this, "Y", new CfnDBInstanceProps { MultiAz = "no", StorageEncrypted = 0 });
                new Volume(this, "V", new VolumeProps { Encrypted = "false", Size = 100 });
                var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps());
                sg.AddIngressRule(Port.Tcp(22), Peer.AnyIpv4());
                sg.AddIngressRule(Peer.AnyIpv4());
                sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp("22"), 1, 2, 3);
                sg.AddIngressRule(peer: Port.Tcp(22), connection: Peer.AnyIpv4());
                new Queue(this, "Q", new QueueProps { Encryption = BucketEncryption.UNENCRYPTED });
                new Bucket(this, "B", new QueueProps());
                new Domain(this, "D", new DomainProps { EncryptionAtRest = true, ZoneAwareness = "yes" });
                new DatabaseCluster(this, "C", new DatabaseClusterProps { Writer = 1, Readers = new[] { 1, 2 } });
                new PolicyStatement(new PolicyStatementProps { Actions = "s3:*", Resources = 1 });
                """));
            yield return ("null and default props", InStack("""
                new DatabaseInstance(this, "A", null!);
                new DatabaseInstance(this, "B", default!);
                new DatabaseInstance(null!, null!, null!);
                new CfnDBInstance(this, "C", default(CfnDBInstanceProps)!);
                new CfnDBInstance(this, "D");
                new CfnDBInstance(this, "E", new CfnDBInstanceProps { MultiAz = null, StorageEncrypted = default });
                new Volume(this, "F", new VolumeProps { Encrypted = default, AvailabilityZone = null! });
                new Bucket(this, "G");
                new Bucket(this, "H", null);
                new Queue(this, "I", new QueueProps { Encryption = default });
                new Domain(this, "J", new DomainProps { Version = null!, EncryptionAtRest = null, ZoneAwareness = new ZoneAwarenessConfig { Enabled = null } });
                var sg = new SecurityGroup(this, "Sg", null!);
                sg.AddIngressRule(null!, null!);
                sg.AddIngressRule(default!, default!, default);
                SecurityGroup? maybe = null;
                maybe?.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                maybe!.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                new DatabaseCluster(this, "K", new DatabaseClusterProps { Engine = null!, Writer = null, Readers = null, Vpc = null! });
                new DatabaseCluster(this, "L", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Writer = ClusterInstance.Provisioned("w"), Readers = new IClusterInstance[] { null!, default! }, Vpc = null! });
                """));
            yield return ("dynamic", InStack("""
                dynamic props = new DatabaseInstanceProps { MultiAz = false };
                new DatabaseInstance(this, "A", props);
                dynamic flag = false;
                new CfnDBInstance(this, "B", new CfnDBInstanceProps { MultiAz = flag, StorageEncrypted = flag });
                dynamic sg = new SecurityGroup(this, "Sg", new SecurityGroupProps());
                sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                var typed = new SecurityGroup(this, "Sg2", new SecurityGroupProps());
                typed.AddIngressRule((dynamic)Peer.AnyIpv4(), Port.Tcp(22));
                typed.AddIngressRule(Peer.AnyIpv4(), (dynamic)Port.Tcp(22));
                dynamic id = "C";
                new Volume(this, id, new VolumeProps { Encrypted = false });
                new Queue(this, "Q", new QueueProps { Encryption = (dynamic)QueueEncryption.UNENCRYPTED });
                """));
            yield return ("props from a parameter", Usings + """
                namespace App
                {
                    public class ParamStack : Stack
                    {
                        public ParamStack(Construct scope, string id, DatabaseInstanceProps dbProps, CfnDBInstanceProps l1, bool multiAz, IPeer peer, Port port, VolumeProps? volume = null)
                            : base(scope, id)
                        {
                            new DatabaseInstance(this, "A", dbProps);
                            new CfnDBInstance(this, "B", l1);
                            new CfnDBInstance(this, "C", new CfnDBInstanceProps { MultiAz = multiAz });
                            new SecurityGroup(this, "Sg", new SecurityGroupProps()).AddIngressRule(peer, port);
                            new Volume(this, "V", volume ?? new VolumeProps { Encrypted = false });
                            dbProps.MultiAz = false;
                            new DatabaseInstance(this, "D", dbProps);
                            Make(this, new CfnDBInstanceProps { MultiAz = false });
                        }

                        private static CfnDBInstance Make(Construct scope, CfnDBInstanceProps props, string id = "Made") => new CfnDBInstance(scope, id, props);
                    }
                }
                """);
            yield return ("recursive helpers", InStack(
                """
                new CfnDBInstance(this, "A", new CfnDBInstanceProps { MultiAz = Recurse(5), StorageEncrypted = Ping(1) });
                new CfnDBInstance(this, "B", PropsFor(10));
                new CfnDBInstance(this, "C", new CfnDBInstanceProps { MultiAz = Cycle1, StorageEncrypted = CycleP });
                new CfnDBInstance(this, "D", new CfnDBInstanceProps { MultiAz = Id(Id(Id(false))), Engine = Name(3) });
                bool Local(int n) => n <= 0 ? false : Local(n - 1);
                new CfnDBInstance(this, "E", new CfnDBInstanceProps { MultiAz = Local(3) });
                new Volume(this, "F", new VolumeProps { Encrypted = Chain0() });
                new Volume(this, "G", VolumeFor(this));
                new CfnDBInstance(this, "H", new CfnDBInstanceProps { MultiAz = Infinite() });
                """,
                """
                        private static bool Recurse(int n) => n <= 0 ? false : Recurse(n - 1);
                        private static bool Ping(int n) => n > 100 ? false : Pong(n + 1);
                        private static bool Pong(int n) => Ping(n * 2);
                        private static CfnDBInstanceProps PropsFor(int n) => n == 0 ? new CfnDBInstanceProps { MultiAz = false } : PropsFor(n - 1);
                        private static readonly bool Cycle1 = Cycle2;
                        private static readonly bool Cycle2 = Cycle1;
                        private static bool CycleP => CycleQ;
                        private static bool CycleQ => CycleP;
                        private static T Id<T>(T value) => Id(value);
                        private static string Name(int n) => n == 0 ? "mysql" : Name(n - 1) + "-" + n;
                        private static VolumeProps VolumeFor(Construct scope) { var p = VolumeFor(scope); return p; }
                        private static bool Infinite() { while (true) { } }
                """ + string.Concat(Enumerable.Range(0, 400).Select(i => "\n        private static bool Chain" + i + "() => Chain" + (i + 1) + "();"))
                    + "\n        private static bool Chain400() => false;\n"));
            yield return ("local mutated in a loop", InStack("""
                var props = new CfnDBInstanceProps { Engine = "mysql", MultiAz = true };
                var multiAz = true;
                for (var i = 0; i < 3; i++)
                {
                    new CfnDBInstance(this, "Db" + i, props);
                    props.MultiAz = i % 2 == 0;
                    props = new CfnDBInstanceProps { MultiAz = multiAz };
                    multiAz = !multiAz;
                }

                var j = 0;
                while (j++ < 3)
                {
                    new Volume(this, "V" + j, new VolumeProps { Encrypted = multiAz });
                    multiAz = false;
                }

                foreach (var name in new[] { "a", "b" })
                {
                    var local = new VolumeProps { Encrypted = false };
                    local.Encrypted = name == "a";
                    new Volume(this, name, local);
                }

                do { multiAz = true; new CfnDBInstance(this, "W", new CfnDBInstanceProps { MultiAz = multiAz }); } while (j-- > 0);
                var k = 0;
                again:
                new CfnDBInstance(this, "G" + k, new CfnDBInstanceProps { MultiAz = multiAz, StorageEncrypted = multiAz });
                multiAz = false;
                if (++k < 2) goto again;
                var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps());
                IPeer peer = Peer.Ipv4("10.0.0.0/8");
                for (var p = 0; p < 2; p++) { sg.AddIngressRule(peer, Port.Tcp(22)); peer = Peer.AnyIpv4(); }
                """));
            yield return ("odd syntax", InStack(
                """
                CfnDBInstance? x = null;
                x ??= new CfnDBInstance(this, "A", new CfnDBInstanceProps { MultiAz = false });
                var (a, b) = (new CfnDBInstance(this, "B", new CfnDBInstanceProps { MultiAz = false }), 1);
                var arr = new[] { new Volume(this, "C", new VolumeProps { Encrypted = false }) };
                Func<Construct, Bucket> f = s => new Bucket(s, "D", new BucketProps { Encryption = BucketEncryption.UNENCRYPTED });
                var q = from i in Enumerable.Range(0, 2) select new Queue(this, "Q" + i, new QueueProps { Encryption = QueueEncryption.UNENCRYPTED });
                object o = 1 switch { 1 => new CfnDBInstance(this, "E", new() { MultiAz = false }), _ => new CfnDBInstance(this, "F", new() { MultiAz = true }) };
                new CfnDBInstance(this, "G", new CfnDBInstanceProps { MultiAz = (bool?)(object)false, StorageEncrypted = checked(false), Engine = nameof(CfnDBInstance) });
                new DatabaseInstance(this, "H", new() { MultiAz = false, Engine = DatabaseInstanceEngine.MYSQL, Vpc = null! });
                new Domain(this, "I", new DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_9, EncryptionAtRest = { Enabled = false }, ZoneAwareness = { Enabled = false } });
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:*", .. Extra], Resources = [.. Extra, "*"] });
                ref var r = ref Slot;
                new CfnDBInstance(this, "J", new CfnDBInstanceProps { MultiAz = r, StorageEncrypted = Slot is true });
                unsafe { int* ptr = null; new CfnDBInstance(this, "K", new CfnDBInstanceProps { Engine = ptr == null ? "a" : "b" }); }
                #pragma warning disable IAC2001
                new CfnDBInstance(this, "L", new CfnDBInstanceProps { MultiAz = false });
                #pragma warning restore IAC2001
                #if NEVER
                new CfnDBInstance(this, "M", new CfnDBInstanceProps { MultiAz = false });
                #endif
                #line 1 "elsewhere.cs"
                new CfnDBInstance(this, "N", new CfnDBInstanceProps { MultiAz = $"{false}" == "False" });
                #line default
                new CfnDBInstance(this, "O" + new string('x', 100_000), new CfnDBInstanceProps { Engine = new string('y', 10), MultiAz = 1 > 2 });
                new CfnDBInstance(this, "P", new CfnDBInstanceProps { MultiAz = Op(false) });
                new CfnDBInstance(this, "Q", new CfnDBInstanceProps { MultiAz = new Wrapper() });
                var tags = new Dictionary<string, object> { ["a"] = 1, { "b", 2 }, [Key()] = 3 };
                new CfnDBInstance(this, "R", new CfnDBInstanceProps { Tags = new[] { new CfnTag { Key = "k", Value = "v" } }, DbParameterGroupName = tags.ToString() });
                """,
                """
                        private static bool slotValue;
                        private static ref bool Slot => ref slotValue;
                        private static readonly string[] Extra = { "x" };
                        private static string Key() => "k";
                        private static bool Op(bool b) => !b;
                        private CfnDBInstance Field = new CfnDBInstance(null!, "Field", new CfnDBInstanceProps { MultiAz = false });
                        private static readonly Volume StaticVolume = new Volume(null!, "S", new VolumeProps { Encrypted = false });
                        public Bucket Prop => new Bucket(this, "Prop", new BucketProps { Encryption = BucketEncryption.UNENCRYPTED });
                        public IEnumerable<Queue> Yield() { yield return new Queue(this, "Y", new QueueProps { Encryption = QueueEncryption.UNENCRYPTED }); }
                        public async System.Threading.Tasks.Task Later() { await System.Threading.Tasks.Task.Yield(); new CfnDBInstance(this, "Later", new CfnDBInstanceProps { MultiAz = false }); }
                        static OddStack() { new CfnDBInstance(null!, "Static", new CfnDBInstanceProps { MultiAz = false }); }
                        private sealed class Wrapper { public static implicit operator bool?(Wrapper w) => false; }
                """));
            yield return ("top-level statements", Usings + """
                var app = new App();
                var stack = new Stack(app, "S");
                new CfnDBInstance(stack, "Db", new CfnDBInstanceProps { MultiAz = false });
                var sg = new SecurityGroup(stack, "Sg", new SecurityGroupProps { Vpc = Vpc.FromLookup(stack, "V", new VpcLookupOptions { IsDefault = true }) });
                sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                app.Synth();
                """);
            yield return ("generated code", "// <auto-generated/>\n" + InStack("new CfnDBInstance(this, \"Gen\", new CfnDBInstanceProps { MultiAz = false });"));
        }

        /// <summary>User code that looks like CDK but is not (or derives from it): only real CDK derivations may be flagged.</summary>
        public const string LookAlikes = Usings + """
            namespace MyCompany.Fakes
            {
                public class DatabaseInstanceProps { public bool? MultiAz { get; set; } public bool? StorageEncrypted { get; set; } }
                public class DatabaseInstance { public DatabaseInstance(object scope, string id, DatabaseInstanceProps props) { } }
                public class CfnDBInstanceProps { public bool? MultiAz { get; set; } }
                public class CfnDBInstance { public CfnDBInstance(object scope, string id, CfnDBInstanceProps props) { } }
                public class VolumeProps { public bool? Encrypted { get; set; } }
                public class Volume : Construct { public Volume(Construct scope, string id, VolumeProps props) : base(scope, id) { } }
                public class Queue { public Queue(object scope, string id, object props) { } }
                public class FakeSecurityGroup { }
                public static class Peer { public static string AnyIpv4() => "0.0.0.0/0"; }
                public static class Port { public static int Tcp(int port) => port; }
                public static class LookAlikeExtensions
                {
                    public static void AddIngressRule(this FakeSecurityGroup group, string peer, int port) { }
                    public static void AddIngressRule(this string group, Amazon.CDK.AWS.EC2.IPeer peer, Amazon.CDK.AWS.EC2.Port port) { }
                    public static void AddToPolicy(this object o, Amazon.CDK.AWS.IAM.PolicyStatement statement) { }
                }

                public class FakeStack : Stack
                {
                    public FakeStack(Construct scope, string id) : base(scope, id)
                    {
                        new DatabaseInstance(this, "Db", new DatabaseInstanceProps { MultiAz = false, StorageEncrypted = false });
                        new CfnDBInstance(this, "L1", new CfnDBInstanceProps { MultiAz = false });
                        new Volume(this, "Vol", new VolumeProps { Encrypted = false });
                        new Queue(this, "Q", new { Encryption = "UNENCRYPTED" });
                        new FakeSecurityGroup().AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                        "sg".AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(22));
                    }
                }
            }
            """;

        /// <summary>User subclasses of CDK constructs (generic and odd): analysing them must not fail.</summary>
        public const string Subclasses = Usings + """
            namespace App
            {
                public class MyDb : DatabaseInstance
                {
                    public MyDb(Construct scope, string id, DatabaseInstanceProps props) : base(scope, id, props) { }
                }

                public class GenericDb<T> : DatabaseInstance where T : class
                {
                    public GenericDb(Construct scope, string id, DatabaseInstanceProps props) : base(scope, id, props) { }
                }

                public class MyL1 : CfnDBInstance
                {
                    public MyL1(Construct scope, string id) : base(scope, id, new CfnDBInstanceProps { MultiAz = false }) { }
                    public MyL1(Construct scope, string id, CfnDBInstanceProps props) : base(scope, id, props) { }
                }

                public abstract class BaseStack<TProps> : Stack where TProps : IStackProps
                {
                    protected BaseStack(Construct scope, string id, TProps props) : base(scope, id, props) { }
                    protected TConstruct Add<TConstruct>(Func<Construct, TConstruct> make) where TConstruct : Construct => make(this);
                }

                public class MySg : SecurityGroup
                {
                    public MySg(Construct scope, string id, SecurityGroupProps props) : base(scope, id, props) { }
                    public new void AddIngressRule(IPeer peer, Port port, string? description = null, bool? remoteRule = null) => base.AddIngressRule(peer, port, description, remoteRule);
                }

                public class Outer<T>
                {
                    public class NestedQueue : Amazon.CDK.AWS.SQS.Queue
                    {
                        public NestedQueue(Construct scope, string id, QueueProps props) : base(scope, id, props) { }
                    }
                }

                public sealed class ConcreteStack : BaseStack<StackProps>
                {
                    public ConcreteStack(Construct scope, string id) : base(scope, id, new StackProps())
                    {
                        new MyDb(this, "A", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = null!, MultiAz = false });
                        new GenericDb<string>(this, "B", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = null!, StorageEncrypted = false });
                        new MyL1(this, "C");
                        new MyL1(this, "D", new CfnDBInstanceProps { MultiAz = false });
                        Add(s => new Volume(s, "E", new VolumeProps { AvailabilityZone = "a", Encrypted = false }));
                        var sg = new MySg(this, "F", new SecurityGroupProps { Vpc = null! });
                        sg.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                        ((SecurityGroup)sg).AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22));
                        new Outer<int>.NestedQueue(this, "G", new QueueProps { Encryption = QueueEncryption.UNENCRYPTED });
                    }
                }
            }
            """;

        /// <summary><c>"a" + "b" + ...</c> with <paramref name="parts"/> parts (constant, or through a local when <paramref name="viaLocal"/>).</summary>
        public static string Concatenation(int parts, bool viaLocal)
        {
            var sb = new StringBuilder();
            sb.Append("var x = \"p\";\nvar engine = ");
            for (var i = 0; i < parts; i++)
            {
                if (i > 0)
                {
                    sb.Append(" + ");
                }

                sb.Append(viaLocal && i % 2 == 1 ? "x" : "\"s" + (i % 10) + "\"");
            }

            sb.Append(";\nnew CfnDBInstance(this, engine, new CfnDBInstanceProps { Engine = engine, MultiAz = engine == \"x\", DbInstanceClass = ")
              .Append(viaLocal ? "engine + x" : "\"db\"").Append(" });\n");
            sb.Append("new Volume(this, engine, new VolumeProps { AvailabilityZone = engine, Encrypted = false });\n");
            return InStack(sb.ToString());
        }

        /// <summary>A conditional nested <paramref name="depth"/> levels as a property value, and as many nested <c>if</c>s.</summary>
        public static string NestedConditionals(int depth)
        {
            var sb = new StringBuilder("var c = DateTime.Now.Second > 30;\nnew CfnDBInstance(this, \"Db\", new CfnDBInstanceProps { MultiAz = ");
            for (var i = 0; i < depth; i++)
            {
                sb.Append("c ? (");
            }

            sb.Append("false");
            for (var i = 0; i < depth; i++)
            {
                sb.Append(") : ").Append(i % 2 == 0 ? "true" : "false");
            }

            sb.Append(" });\nvar props = new VolumeProps { Encrypted = true };\n");
            for (var i = 0; i < depth; i++)
            {
                sb.Append("if (c) {\n");
            }

            sb.Append("props.Encrypted = false;\nnew Volume(this, \"Deep\", props);\n");
            sb.Append(new string('}', depth));
            sb.Append("\nnew Volume(this, \"After\", props);\n");
            return InStack(sb.ToString());
        }

        /// <summary>Collection initializers with <paramref name="items"/> items in the places rules read lists and maps.</summary>
        public static string HugeCollections(int items)
        {
            var actions = string.Join(", ", Enumerable.Range(0, items).Select(i => "\"s3:Get" + i + "\""));
            var resources = string.Join(", ", Enumerable.Range(0, items).Select(i => i == items - 1 ? "\"*\"" : "\"arn:aws:s3:::b" + i + "\""));
            var tags = string.Join(", ", Enumerable.Range(0, items).Select(i => "new CfnTag { Key = \"k" + i + "\", Value = \"v\" }"));
            var dict = string.Join(", ", Enumerable.Range(0, items).Select(i => "[\"k" + i + "\"] = " + i));
            var sgs = string.Join(", ", Enumerable.Range(0, items / 10).Select(i => "sg"));
            return InStack(
                "var sg = new SecurityGroup(this, \"Sg\", new SecurityGroupProps());\n"
                + "var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { " + actions + ", \"iam:*\" }, Resources = new List<string> { " + resources + " } });\n"
                + "new Role(this, \"R\", new RoleProps { AssumedBy = new AccountRootPrincipal() }).AddToPolicy(statement);\n"
                + "new CfnDBInstance(this, \"Db\", new CfnDBInstanceProps { MultiAz = false, Tags = new[] { " + tags + " } });\n"
                + "var map = new Dictionary<string, object> { " + dict + " };\n"
                + "new CfnDBInstance(this, \"Db2\", new CfnDBInstanceProps { MultiAz = false, Tags = new CfnTag[] { }, DbParameterGroupName = map.Count.ToString() });\n"
                + "new DatabaseInstance(this, \"Db3\", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = null!, SecurityGroups = new ISecurityGroup[] { " + sgs + " } });\n"
                + "new CfnDBInstance(this, \"Db4\", new CfnDBInstanceProps { MultiAz = false, VpcSecurityGroups = [" + string.Join(", ", Enumerable.Range(0, items).Select(i => "\"sg-" + i + "\"")) + "] });\n");
        }

        /// <summary>
        /// A realistic multi-stack app: <paramref name="stacks"/> stack classes of about twenty constructs each, bad and good
        /// constructs mixed (odd stacks are all good), split into files of <paramref name="stacksPerFile"/> stacks.
        /// </summary>
        public static List<string> App(int stacks, int stacksPerFile, int seed = 0)
        {
            var files = new List<string>();
            var sb = new StringBuilder(Usings);
            for (var s = 0; s < stacks; s++)
            {
                if (s > 0 && s % stacksPerFile == 0)
                {
                    files.Add(sb.ToString());
                    sb.Clear().Append(Usings);
                }

                var good = s % 2 == 1;
                string B(string bad, string fine) => good ? fine : bad;
                sb.Append("namespace App.Stacks").Append(seed).Append('\n').Append("{\n");
                sb.Append("    public sealed class Stack").Append(s).Append(" : Stack\n    {\n");
                sb.Append("        private static readonly bool Ha = ").Append(B("false", "true")).Append(";\n");
                sb.Append("        private const string Az = \"eu-west-1a\";\n");
                sb.Append("        public Stack").Append(s).Append("(Construct scope, string id, bool prod) : base(scope, id)\n        {\n");
                sb.Append("""
                            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });
                            var key = new Amazon.CDK.AWS.KMS.Key(this, "Key");
                            var sg = new SecurityGroup(this, "Sg", new SecurityGroupProps { Vpc = vpc });

                """);
                sb.Append("            sg.AddIngressRule(").Append(B("Peer.AnyIpv4()", "Peer.Ipv4(\"10.0.0.0/8\")")).Append(", Port.Tcp(22), \"ssh\");\n");
                sb.Append("            sg.AddIngressRule(Peer.Ipv4(\"10.0.0.0/8\"), Port.Tcp(443));\n");
                sb.Append("            sg.Connections.AllowFrom(").Append(B("Peer.AnyIpv6()", "Peer.Ipv4(\"10.1.0.0/16\")")).Append(", Port.Tcp(3389));\n");
                sb.Append("            new DatabaseInstance(this, \"Db\", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_1 }), Vpc = vpc, MultiAz = Ha, StorageEncrypted = ").Append(B("false", "true")).Append(", SecurityGroups = new[] { sg } });\n");
                sb.Append("            var props = new CfnDBInstanceProps { Engine = \"mysql\", DbInstanceClass = \"db.t3.micro\", AllocatedStorage = \"20\", StorageEncrypted = true };\n");
                sb.Append("            props.MultiAz = ").Append(B("prod", "true")).Append(";\n");
                sb.Append("            new CfnDBInstance(this, \"Legacy\", props);\n");
                sb.Append("            new CfnDBInstance(this, \"Legacy2\", new CfnDBInstanceProps { Engine = \"postgres\", MultiAz = ").Append(B("prod ? true : false", "true")).Append(", StorageEncrypted = true });\n");
                sb.Append("            new Volume(this, \"Data\", new VolumeProps { AvailabilityZone = Az, Size = Size.Gibibytes(100), Encrypted = ").Append(B("false", "true")).Append(" });\n");
                sb.Append("            new Volume(this, \"Logs\", new VolumeProps { AvailabilityZone = Az, Size = Size.Gibibytes(10), Encrypted = true, EncryptionKey = key });\n");
                sb.Append("            new Bucket(this, \"Assets\", new BucketProps { Encryption = ").Append(B("BucketEncryption.UNENCRYPTED", "BucketEncryption.S3_MANAGED")).Append(", Versioned = true });\n");
                sb.Append("            new Queue(this, \"Jobs\", new QueueProps { Encryption = ").Append(B("QueueEncryption.UNENCRYPTED", "QueueEncryption.SQS_MANAGED")).Append(" });\n");
                sb.Append("            new Queue(this, \"Dlq\", new QueueProps { Encryption = QueueEncryption.KMS, EncryptionMasterKey = key });\n");
                sb.Append("            new Domain(this, \"Search\", new DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_9, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = ").Append(B("false", "true")).Append(" }, ZoneAwareness = new ZoneAwarenessConfig { Enabled = ").Append(B("false", "true")).Append(" }, Capacity = new CapacityConfig { DataNodes = 2 } });\n");
                sb.Append("            new DatabaseCluster(this, \"Ledger\", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Writer = ClusterInstance.Provisioned(\"writer\"), ")
                  .Append(B(string.Empty, "Readers = new[] { ClusterInstance.Provisioned(\"reader\") }, ")).Append("Vpc = vpc, StorageEncrypted = ").Append(B("false", "true")).Append(" });\n");
                sb.Append("            var statement = new PolicyStatement(new PolicyStatementProps { Actions = new[] { ").Append(B("\"s3:*\"", "\"s3:GetObject\"")).Append(" }, Resources = new[] { ").Append(B("\"*\"", "\"arn:aws:s3:::assets/*\"")).Append(" } });\n");
                sb.Append("            var role = new Role(this, \"Role\", new RoleProps { AssumedBy = new ServicePrincipal(\"lambda.amazonaws.com\") });\n");
                sb.Append("            role.AddToPolicy(statement);\n");
                sb.Append("            new CfnOutput(this, \"Out\", new CfnOutputProps { Value = vpc.VpcId });\n");
                sb.Append("        }\n    }\n}\n");
            }

            files.Add(sb.ToString());
            return files;
        }

        /// <summary>
        /// A single source file of at least <paramref name="bytes"/> bytes: <paramref name="stacks"/> real stack classes
        /// interleaved with padding (block and line comments, a class of long string constants).
        /// </summary>
        public static string Huge(int bytes, int stacks)
        {
            var sb = new StringBuilder(bytes + 100_000);
            sb.Append(Usings);
            var code = App(stacks, stacks, seed: 7)[0];
            var lines = code.Substring(Usings.Length).Split('\n');
            var padLine = "// " + new string('p', 120) + " Amazon.CDK.AWS.RDS.CfnDBInstance MultiAz = false; \"unterminated {|[ \n";
            var blob = new string('b', 64 * 1024);
            var perLine = Math.Max(1, (bytes - code.Length) / lines.Length / padLine.Length / 2);
            for (var i = 0; i < lines.Length; i++)
            {
                sb.Append(lines[i]).Append('\n');
                if (lines[i].Length == 0 || lines[i].EndsWith(";", StringComparison.Ordinal) || lines[i].EndsWith("}", StringComparison.Ordinal))
                {
                    for (var k = 0; k < perLine; k++)
                    {
                        sb.Append(padLine);
                    }
                }
            }

            sb.Append("namespace App.Padding\n{\n    /* ").Append(new string('c', 256 * 1024)).Append(" */\n    public static class Blobs\n    {\n");
            var n = 0;
            while (sb.Length < bytes)
            {
                sb.Append("        public const string Blob").Append(n++).Append(" = \"").Append(blob).Append("\";\n");
            }

            sb.Append("    }\n}\n");
            return sb.ToString();
        }
    }
}
