using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using IacAnalyzers.Samples;
using Xunit;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// A small consumer written here, with known positions: a C# CDK stack and a YAML template that each hold one
    /// IAC2001 finding, raised to error by a .globalconfig (as a team would), so the build must fail — and its clean
    /// twin, which must pass.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class ConsumerBuildTests
    {
        public static readonly MarkedText BadStack = MarkedText.Parse("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;
            using Constructs;

            namespace Consumer
            {
                public sealed class DataStack : Stack
                {
                    public DataStack(Construct scope, string id)
                        : base(scope, id)
                    {
                        _ = new CfnDBInstance(this, "Reports", new CfnDBInstanceProps
                        {
                            Engine = "postgres",
                            DbInstanceClass = "db.t3.micro",
                            AllocatedStorage = "20",
                            StorageEncrypted = true,
                            MultiAz = [|false|],
                        });
                    }
                }
            }

            """);

        public static readonly MarkedText BadTemplate = MarkedText.Parse("""
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              [|Orders|]:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
                  StorageEncrypted: true

            """);

        private const string GlobalConfig = """
            is_global = true
            dotnet_diagnostic.IAC2001.severity = error

            """;

        private readonly PackageFixture _fixture;

        public ConsumerBuildTests(PackageFixture fixture)
        {
            _fixture = fixture;
        }

        private ConsumerBuild BadBuild => _fixture.BuildOnce("bad", () =>
        {
            var consumer = _fixture.NewConsumer("bad");
            consumer.Write("DataStack.cs", BadStack.Text);
            consumer.Write(Path.Combine("infra", "cfn", "orders.yaml"), BadTemplate.Text);
            consumer.Write(".globalconfig", GlobalConfig);
            return consumer;
        });

        [Fact]
        public void An_error_severity_finding_fails_the_build()
        {
            var build = BadBuild;
            Assert.True(build.ExitCode != 0, "The build should fail on an error-severity IAC2001:\n" + build.Output);
            Assert.Contains("error IAC2001", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void Template_finding_is_reported_at_its_file_line_and_column()
        {
            var build = BadBuild;
            var template = Path.Combine(build.Project.Directory, "infra", "cfn", "orders.yaml");
            var finding = Assert.Single(build.Findings(), f => f.FilePath == template);
            Assert.Equal("IAC2001", finding.RuleId);
            Assert.Equal("error", finding.Level);
            Assert.Equal((BadTemplate.Line, BadTemplate.StartColumn), (finding.StartLine, finding.StartColumn));
            Assert.Contains("'Orders'", finding.Message, StringComparison.Ordinal);
            Assert.Contains($"{template}({BadTemplate.Line},{BadTemplate.StartColumn}): error IAC2001:", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void CSharp_finding_is_reported_at_its_file_line_and_column()
        {
            var build = BadBuild;
            var source = Path.Combine(build.Project.Directory, "DataStack.cs");
            var inSource = build.Findings().Where(f => f.FilePath == source).ToList();
            var finding = Assert.Single(inSource);
            Assert.Equal("IAC2001", finding.RuleId);
            Assert.Equal("error", finding.Level);
            // On the written value, as DESIGN.md asks: "the offending value when it is written".
            Assert.Equal((BadStack.Line, BadStack.StartColumn), (finding.StartLine, finding.StartColumn));
            Assert.Contains("'Reports'", finding.Message, StringComparison.Ordinal);
            Assert.Contains($"{source}({BadStack.Line},{BadStack.StartColumn}): error IAC2001:", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void No_analyzer_load_failures()
        {
            var build = BadBuild;
            foreach (var id in Program.LoadFailureIds)
            {
                Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"{id} in the build output:\n{build.Output}");
            }

            Assert.DoesNotContain(build.RequireSarif().Findings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal) && f.Level == "error");
        }

        [Fact]
        public void Clean_twin_builds_with_exit_code_zero_and_no_findings()
        {
            var consumer = _fixture.NewConsumer("clean");
            consumer.Write("DataStack.cs", BadStack.Text.Replace("MultiAz = false", "MultiAz = true", StringComparison.Ordinal));
            consumer.Write(Path.Combine("infra", "cfn", "orders.yaml"), BadTemplate.Text + "      MultiAZ: true\n");
            consumer.Write(".globalconfig", GlobalConfig);
            // A bad template outside every default glob is not the package's business.
            consumer.Write(Path.Combine("notes", "draft.yaml"), BadTemplate.Text);

            var build = consumer.Build();

            Assert.True(build.ExitCode == 0, "The clean build should pass:\n" + build.Output);
            Assert.Empty(build.Findings());
            foreach (var id in Program.LoadFailureIds)
            {
                Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"{id} in the build output:\n{build.Output}");
            }
        }

        [Fact]
        public void On_a_runtime_the_package_has_images_for_the_compiler_gets_the_ReadyToRun_assemblies_unless_turned_off()
        {
            var consumer = _fixture.NewConsumer("ready-to-run");
            consumer.Write("DataStack.cs", "namespace Consumer { }\n");
            var restore = consumer.Run("restore", consumer.ProjectFile, "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            // The fixture packs images for this machine's runtime (the SDK's runtime identifier names the folder).
            var images = Path.Combine("tools", "r2r", RuntimeInformation.RuntimeIdentifier) + Path.DirectorySeparatorChar;
            var il = Path.Combine("analyzers", "dotnet", "cs") + Path.DirectorySeparatorChar;
            var ours = new[] { "IacAnalyzers.CodeFixes.dll", "IacAnalyzers.Core.dll", "IacAnalyzers.dll", "YamlDotNet.dll" };
            string[] Ours(IReadOnlyList<string> analyzers, string folder)
                => analyzers.Where(a => a.Contains(Path.DirectorySeparatorChar + "iacanalyzers" + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase)
                                        && a.Contains(folder, StringComparison.Ordinal))
                    .Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

            var byDefault = consumer.Analyzers();
            Assert.Equal(ours, Ours(byDefault, images));
            Assert.Empty(Ours(byDefault, il));

            var off = consumer.Analyzers("IacAnalyzersReadyToRun=false");
            Assert.Equal(ours, Ours(off, il));
            Assert.Empty(Ours(off, images));
        }

        [Fact]
        public void Template_globs_follow_the_documented_settings()
        {
            var consumer = _fixture.NewConsumer("globs");
            consumer.Write("DataStack.cs", "namespace Consumer { }\n");
            foreach (var file in new[]
            {
                "app.template.yaml", "infra/net.template.yml", "infra/db.template.json", "cfn/a.yaml", "deploy/cloudformation/b.json",
                "templates/c.yml", "cdk.out/App.template.json", "notes/draft.yaml", "appsettings.json",
                "bin/Debug/copy.template.yaml", "obj/x.template.yaml", "node_modules/pkg/templates/d.yaml", "cdk.out/asset.1234/templates/e.yaml",
            })
            {
                consumer.Write(file, "{}\n");
            }

            var restore = consumer.Run("restore", consumer.ProjectFile, "-nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            // This consumer references Amazon.CDK.Lib: what `cdk synth` wrote is not checked unless asked for.
            Assert.Equal(
                new[] { "app.template.yaml", "cfn/a.yaml", "deploy/cloudformation/b.json", "infra/db.template.json", "infra/net.template.yml", "templates/c.yml" },
                consumer.AdditionalFiles());
            Assert.Equal(
                new[] { "app.template.yaml", "cdk.out/App.template.json", "cfn/a.yaml", "deploy/cloudformation/b.json", "infra/db.template.json", "infra/net.template.yml", "templates/c.yml" },
                consumer.AdditionalFiles("IacAnalyzersSynthesizedTemplates=true"));
            Assert.Empty(consumer.AdditionalFiles("IacAnalyzersIncludeTemplates=false"));
            Assert.Empty(consumer.AdditionalFiles("IacAnalyzersIncludeTemplates=false", "IacAnalyzersSynthesizedTemplates=true"));
            Assert.Equal(
                new[] { "app.template.yaml", "cfn/a.yaml", "deploy/cloudformation/b.json", "infra/db.template.json", "infra/net.template.yml", "notes/draft.yaml" },
                consumer.AdditionalFiles("IacAnalyzersTemplateGlobs=notes/*.yaml", "IacAnalyzersTemplateExcludes=templates/**"));
            Assert.Equal(new[] { "notes/draft.yaml" }, consumer.AdditionalFiles("IacAnalyzersDefaultTemplateGlobs=", "IacAnalyzersTemplateGlobs=notes/*.yaml"));
        }
    }
}
