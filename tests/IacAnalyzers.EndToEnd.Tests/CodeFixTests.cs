using System;
using System.IO;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary><c>dotnet format analyzers</c> applies the package's C# code fix from the command line.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class CodeFixTests
    {
        private readonly PackageFixture _fixture;

        public CodeFixTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Dotnet_format_applies_the_packaged_IAC2001_fix_to_CSharp()
        {
            Assert.True(_fixture.Packed.CanFix("IAC2001"), "The package has no code fix provider for IAC2001.");
            var consumer = _fixture.NewConsumer("format");
            var source = consumer.Write("DataStack.cs", ConsumerBuildTests.BadStack.Text);
            var restore = consumer.Run("restore", consumer.ProjectFile, "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var format = consumer.Run("format", "analyzers", consumer.ProjectFile, "--diagnostics", "IAC2001", "--severity", "info", "--no-restore");
            var after = File.ReadAllText(source);

            Assert.True(format.ExitCode == 0, format.ToString());
            Assert.DoesNotContain("MultiAz = false", after, StringComparison.Ordinal);
            Assert.Contains("MultiAz = true", after, StringComparison.Ordinal);
            // Only that value changed: the rest of the file is as the user wrote it.
            Assert.Equal(ConsumerBuildTests.BadStack.Text.Replace("MultiAz = false", "MultiAz = true", StringComparison.Ordinal), after);
        }

        /// <summary>
        /// One <c>dotnet format analyzers --diagnostics</c> run over several ids fixes every one of them: each fix provider
        /// claims only the ids its writer fixes, so Fix All finds an action for each (issue: IAC1002 was never fixed in a
        /// combined run while the set-property provider claimed ids it could not fix). The rebuilt project reports none of
        /// the ids any more.
        /// </summary>
        [Fact]
        public void One_dotnet_format_run_fixes_several_rules_at_once()
        {
            string[] ids = { "IAC1001", "IAC1002", "IAC1009", "IAC1101", "IAC2001" };
            foreach (var id in ids)
            {
                Assert.True(_fixture.Packed.CanFix(id), "The package has no code fix provider for " + id + ".");
            }

            var consumer = _fixture.NewConsumer("format-combined");
            var source = consumer.Write("MixedStack.cs", MixedStack);
            var before = consumer.Build();
            foreach (var id in ids)
            {
                Assert.True(before.Findings(id).Count > 0, id + " should be reported before the fix:\n" + before.Output);
            }

            var arguments = new System.Collections.Generic.List<string> { "format", "analyzers", consumer.ProjectFile, "--diagnostics" };
            arguments.AddRange(ids);
            arguments.AddRange(new[] { "--severity", "info", "--no-restore" });
            var format = consumer.Run(arguments.ToArray());
            var after = File.ReadAllText(source);

            Assert.True(format.ExitCode == 0, format.ToString());
            Assert.DoesNotContain("MultiAz = false", after, StringComparison.Ordinal);
            Assert.DoesNotContain("StorageEncrypted = false", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Encrypted = false", after, StringComparison.Ordinal);
            Assert.DoesNotContain("SqsManagedSseEnabled = false", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Peer.AnyIpv4()", after, StringComparison.Ordinal);
            Assert.Contains("new CfnParameter(this, \"SshIngressCidr\"", after, StringComparison.Ordinal);

            var rebuilt = consumer.Build();
            Assert.True(rebuilt.ExitCode == 0, "The fixed project should compile:\n" + rebuilt.Output);
            foreach (var id in ids)
            {
                Assert.True(rebuilt.Findings(id).Count == 0, id + " is still reported after the combined fix:\n" + rebuilt.Output + "\n" + after);
            }
        }

        private const string MixedStack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.RDS;
            using Amazon.CDK.AWS.SQS;
            using Constructs;

            namespace Consumer
            {
                public sealed class MixedStack : Stack
                {
                    public MixedStack(Construct scope, string id, IVpc vpc)
                        : base(scope, id)
                    {
                        _ = new CfnDBInstance(this, "Reports", new CfnDBInstanceProps
                        {
                            Engine = "postgres",
                            DbInstanceClass = "db.t3.micro",
                            AllocatedStorage = "20",
                            StorageEncrypted = false,
                            MultiAz = false,
                        });
                        _ = new CfnVolume(this, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 10, Encrypted = false });
                        _ = new CfnQueue(this, "Jobs", new CfnQueueProps { SqsManagedSseEnabled = false });
                        var bastion = new SecurityGroup(this, "Bastion", new SecurityGroupProps { Vpc = vpc });
                        bastion.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(22), "ssh");
                    }
                }
            }

            """;
    }
}
