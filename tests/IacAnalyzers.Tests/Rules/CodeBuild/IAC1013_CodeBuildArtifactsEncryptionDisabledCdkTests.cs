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

        [Fact]
        public async Task L1_s3_logs_with_encryption_disabled_are_flagged_and_fixed()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool off) : base(scope, "App")
                    {
                        new CfnProject(this, "Logs", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
                            LogsConfig = new CfnProject.LogsConfigProperty { S3Logs = new CfnProject.S3LogsConfigProperty { Status = "ENABLED", Location = "logs", EncryptionDisabled = [|true|] } },
                        });
                        new CfnProject(this, "Unknown", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
                            LogsConfig = new CfnProject.LogsConfigProperty { S3Logs = new CfnProject.S3LogsConfigProperty { Status = "ENABLED", Location = "logs", EncryptionDisabled = off } },
                        });
                        new CfnProject(this, "Off", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
                            LogsConfig = new CfnProject.LogsConfigProperty { S3Logs = new CfnProject.S3LogsConfigProperty { Status = "DISABLED", EncryptionDisabled = true } },
                        });
                    }
                }
                """, "IAC1013");
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnProject(this, "Logs", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
                            LogsConfig = new CfnProject.LogsConfigProperty { S3Logs = new CfnProject.S3LogsConfigProperty { Status = "ENABLED", Location = "logs", EncryptionDisabled = [|true|] } },
                        });
                    }
                }
                """, """
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new CfnProject(this, "Logs", new CfnProjectProps
                        {
                            ServiceRole = "arn", Source = new CfnProject.SourceProperty { Type = "NO_SOURCE" },
                            Environment = new CfnProject.EnvironmentProperty { Type = "LINUX_CONTAINER", Image = "img", ComputeType = "BUILD_GENERAL1_SMALL" },
                            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
                            LogsConfig = new CfnProject.LogsConfigProperty { S3Logs = new CfnProject.S3LogsConfigProperty { Status = "ENABLED", Location = "logs", EncryptionDisabled = false } },
                        });
                    }
                }
                """, id: "IAC1013");
        }

        [Fact]
        public async Task L2_s3_logging_encrypted_true_is_flagged_because_cdk_2_160_writes_it_unchanged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IBucket bucket, bool encrypted, bool cheap) : base(scope, "App")
                    {
                        var spec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" });
                        new Project(this, "Inverted", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = [|true|] } },
                        });
                        new PipelineProject(this, "Pipeline", new PipelineProjectProps
                        {
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = [|true|] } },
                        });
                        new Project(this, "Branch", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = cheap ? [|true|] : false } },
                        });
                        new Project(this, "FalseIsEncryptedIn2160", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = false } },
                        });
                        new Project(this, "NotWritten", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket } },
                        });
                        new Project(this, "NotLoggedToS3", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Enabled = false, Encrypted = true } },
                        });
                        new Project(this, "Unknown", new ProjectProps
                        {
                            BuildSpec = spec,
                            Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = encrypted } },
                        });
                        new Project(this, "CloudWatchOnly", new ProjectProps { BuildSpec = spec, Logging = new LoggingOptions() });
                    }
                }
                """, "IAC1013");
            Assert.Equal(3, diagnostics.Length);
            Assert.Contains(diagnostics, d => d.GetMessage().Contains(
                "(LogsConfig.S3Logs.EncryptionDisabled is true; from S3LoggingOptions.Encrypted = true, which aws-cdk-lib 2.160.0 writes unchanged as EncryptionDisabled)",
                System.StringComparison.Ordinal));
            Assert.All(diagnostics, d => Assert.False(d.Properties.ContainsKey(IacAnalyzers.Model.FixIntent.KindKey)));
        }

        [Fact]
        public async Task L2_props_chosen_by_a_condition_are_judged_per_branch_and_unknown_props_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.CodeBuild;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IBucket bucket, bool cheap, ProjectProps given) : base(scope, "App")
                    {
                        var spec = BuildSpec.FromObject(new Dictionary<string, object> { ["version"] = "0.2" });
                        new Project(this, "Chosen", cheap
                            ? new ProjectProps { BuildSpec = spec, Logging = new LoggingOptions { S3 = new S3LoggingOptions { Bucket = bucket, Encrypted = [|true|] } } }
                            : new ProjectProps { BuildSpec = spec });
                        new Project(this, "Given", given);
                    }
                }
                """, "IAC1013");
            Assert.Contains("when `cheap` is true", Assert.Single(diagnostics).GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void L2_s3_logging_encrypted_follows_the_aws_cdk_lib_version()
        {
            var at = new IacAnalyzers.Model.SourceLocation("stack.cs", 0, 4, 1, 1, 1, 5);
            IacAnalyzers.Model.Value Logging(bool encrypted) => new IacAnalyzers.Model.MapValue(new[]
            {
                new IacAnalyzers.Model.MapEntry("S3", at, new IacAnalyzers.Model.MapValue(new[]
                {
                    new IacAnalyzers.Model.MapEntry("Encrypted", at, new IacAnalyzers.Model.ScalarValue(encrypted ? "true" : "false", IacAnalyzers.Model.ScalarKind.Boolean, at)),
                }, at)),
            }, at);
            string? Disabled(bool encrypted, System.Version? version)
                => ((IacAnalyzers.Model.MapValue)((IacAnalyzers.Model.MapValue)IacAnalyzers.Cdk.Adapters.ProjectAdapter.LogsConfig(Logging(encrypted), version))
                    .Get("S3Logs")!).Get("EncryptionDisabled") is IacAnalyzers.Model.ScalarValue s ? s.Text : null;

            Assert.Equal("true", Disabled(true, new System.Version(2, 252, 0)));
            Assert.Equal("false", Disabled(false, new System.Version(2, 160, 0)));
            Assert.Equal("false", Disabled(true, new System.Version(2, 253, 0)));
            Assert.Equal("true", Disabled(false, new System.Version(2, 278, 0)));
            Assert.Null(Disabled(true, null));
        }
    }
}
