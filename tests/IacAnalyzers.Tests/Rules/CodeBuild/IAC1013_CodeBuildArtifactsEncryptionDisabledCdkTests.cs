using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.CodeBuild
{
    /// <summary>IAC1013 on the CDK C# surface: L1 <c>CfnProject</c>, L2 <c>Project</c> with <c>Artifacts.S3(... Encryption = false)</c>.</summary>
    public class IAC1013_CodeBuildArtifactsEncryptionDisabledCdkTests
    {
        [Fact]
        public async Task L1_disabled_encryption_is_flagged_and_the_default_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool off) : base(scope, "App")
                    {
                        new CfnProject(this, "Site", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "S3", Location = "bucket", EncryptionDisabled = [|true|] },
                        });
                        new CfnProject(this, "Default", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "S3", Location = "bucket" },
                        });
                        new CfnProject(this, "Unknown", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "S3", Location = "bucket", EncryptionDisabled = off },
                        });
                    }
                }
                """, "IAC1013");
        }

        [Fact]
        public async Task L1_true_is_fixed_to_false()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnProject(this, "Site", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "S3", Location = "bucket", EncryptionDisabled = [|true|] },
                        });
                    }
                }
                """, """
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnProject(this, "Site", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "S3", Location = "bucket", EncryptionDisabled = false },
                        });
                    }
                }
                """, id: "IAC1013");
        }

        [Fact]
        public async Task L2_s3_artifacts_without_encryption_are_flagged_and_defaults_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IBucket bucket) : base(scope, "App")
                    {
                        new Project(this, "Site", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = bucket, Encryption = [|false|] }),
                        });
                        new Project(this, "Reports", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            SecondaryArtifacts = new[] { Artifacts.S3(new S3ArtifactsProps { Bucket = bucket, Identifier = "reports", Encryption = [|false|] }) },
                        });
                        new Project(this, "Default", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = bucket }),
                        });
                        new Project(this, "Encrypted", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = bucket, Encryption = true }),
                        });
                        new Project(this, "NoArtifacts", new ProjectProps { BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }) });
                    }
                }
                """, "IAC1013");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("(Artifacts.EncryptionDisabled is true; from S3ArtifactsProps.Encryption = false)", System.StringComparison.Ordinal));
        }
        [Fact]
        public async Task L2_encryption_false_is_fixed_to_true()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IBucket bucket) : base(scope, "App")
                    {
                        new Project(this, "Site", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = bucket, Encryption = [|false|] }),
                        });
                    }
                }
                """, """
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IBucket bucket) : base(scope, "App")
                    {
                        new Project(this, "Site", new ProjectProps
                        {
                            BuildSpec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" }),
                            Artifacts = Artifacts.S3(new S3ArtifactsProps { Bucket = bucket, Encryption = true }),
                        });
                    }
                }
                """, id: "IAC1013");
        }
    }
}
