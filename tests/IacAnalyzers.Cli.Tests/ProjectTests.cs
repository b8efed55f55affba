using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace IacAnalyzers.Cli.Tests
{
    /// <summary>
    /// <c>check --project</c>: the C# CDK code of a restored project, analysed through MSBuildWorkspace by the analyzer's own
    /// front-end, next to the templates of the same folder; the project's <c>.editorconfig</c> and <c>#pragma</c> apply as
    /// in a build. One scratch CDK project is restored once for the class (offline, from the machine's package cache).
    /// </summary>
    public sealed class ProjectTests : IClassFixture<ProjectTests.RestoredProject>
    {
        private readonly RestoredProject _project;

        public ProjectTests(RestoredProject project)
        {
            _project = project;
        }

        [Fact]
        public void One_command_reports_the_CSharp_findings_and_the_templates_with_the_project_settings()
        {
            var json = Path.Combine(_project.Root, "out.json");
            var (exit, output, err) = CliRunner.Run(_project.Root, "check", ".", "--project", "Stacks.csproj", "--format", "text,json=" + json, "--show-suppressed");
            Assert.True(exit == ExitCodes.Findings, $"exit {exit}\n{output}\n{err}");

            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var findings = document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => (Id: f.GetProperty("ruleId").GetString()!, Path: f.GetProperty("file").GetString()!, Line: f.GetProperty("startLine").GetInt32(),
                    Resource: f.TryGetProperty("resource", out var r) ? r.GetString() : null, Suppressed: f.GetProperty("suppressed").GetBoolean()))
                .ToList();

            // C#: the single-AZ database at its value, named by its construct id.
            Assert.Contains(findings, f => f.Id == "IAC2001" && f.Path == "DataStack.cs" && f.Line == Line(RestoredProject.Stack, "MultiAz = false") && f.Resource == "Reports" && !f.Suppressed);

            // C#: '#pragma warning disable IAC1002' keeps the finding, marked suppressed.
            Assert.Contains(findings, f => f.Id == "IAC1002" && f.Path == "DataStack.cs" && f.Suppressed);

            // C#: '.editorconfig' turns IAC1009 off for the project's C# files.
            Assert.DoesNotContain(findings, f => f.Id == "IAC1009");

            // The template beside the project: found by the walk, once.
            Assert.Single(findings, f => f.Id == "IAC1101" && f.Path == "infra/ssh.yaml");

            // Build output is never walked or analysed twice.
            Assert.DoesNotContain(findings, f => f.Path.StartsWith("obj/", StringComparison.Ordinal) || f.Path.StartsWith("bin/", StringComparison.Ordinal));
            Assert.Equal(findings.Count, findings.Select(f => (f.Id, f.Path, f.Line)).Distinct().Count());

            Assert.Contains("DataStack.cs(", output, StringComparison.Ordinal);
            Assert.Contains("[Reports]", output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_CSharp_fingerprint_survives_a_line_move()
        {
            var scratch = Path.Combine(_project.Root, "..", Path.GetFileName(_project.Root) + "-moved");
            var first = Fingerprint(_project.Root);
            try
            {
                CopyProject(_project.Root, scratch);
                File.WriteAllText(Path.Combine(scratch, "DataStack.cs"), "// a comment that moves every line\n\n" + RestoredProject.Stack);
                Assert.Equal(first, Fingerprint(scratch));
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        [Fact]
        public void A_project_that_was_not_restored_fails_with_exit_2_and_says_to_restore_it()
        {
            using var scratch = new Scratch();
            scratch.Write("Unrestored.csproj", RestoredProject.ProjectFile);
            scratch.Write("DataStack.cs", RestoredProject.Stack);
            var (exit, _, err) = CliRunner.Run(scratch.Root, "check", ".", "--project", "Unrestored.csproj");
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains("Unrestored.csproj", err, StringComparison.Ordinal);
            Assert.Contains("dotnet restore", err, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_project_is_a_usage_error()
        {
            using var scratch = new Scratch();
            var (exit, _, err) = CliRunner.Run(scratch.Root, "check", ".", "--project", "Nope.csproj");
            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains("no such file", err, StringComparison.Ordinal);
        }

        private static string Fingerprint(string root)
        {
            var json = Path.Combine(root, "fp.json");
            var (exit, output, err) = CliRunner.Run(root, "check", "DataStack.cs", "--project", "Stacks.csproj", "--format", "json=" + json, "--fail-on", "warning");
            Assert.True(exit == ExitCodes.Findings, $"exit {exit}\n{output}\n{err}");
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            return document.RootElement.GetProperty("findings").EnumerateArray()
                .Single(f => f.GetProperty("ruleId").GetString() == "IAC2001")
                .GetProperty("fingerprint").GetString()!;
        }

        private static int Line(string text, string marker)
            => text.Substring(0, text.IndexOf(marker, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

        private static void CopyProject(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.StartsWith("bin", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var text = File.ReadAllText(file);

                // project.assets.json and friends name the project's folder: point them at the copy.
                File.WriteAllText(target, text.Replace(from, to, StringComparison.Ordinal));
            }
        }

        /// <summary>A CDK project with findings, restored once (<c>dotnet restore</c>, offline from the package cache).</summary>
        public sealed class RestoredProject : IDisposable
        {
            public const string ProjectFile = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                  </ItemGroup>
                </Project>
                """;

            public const string Stack = """
                using Amazon.CDK;
                using Amazon.CDK.AWS.EC2;
                using Amazon.CDK.AWS.RDS;
                using Amazon.CDK.AWS.SQS;
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
                                StorageEncrypted = true,
                                MultiAz = false,
                            });
                #pragma warning disable IAC1002 // a scratch volume, recreated on each deploy
                            _ = new CfnVolume(this, "Scratch", new CfnVolumeProps { AvailabilityZone = "eu-west-1a", Size = 10, Encrypted = false });
                #pragma warning restore IAC1002
                            _ = new CfnQueue(this, "Jobs", new CfnQueueProps { SqsManagedSseEnabled = false });
                        }
                    }
                }

                """;

            private const string Template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: ssh
                      SecurityGroupIngress:
                        - IpProtocol: tcp
                          FromPort: 22
                          ToPort: 22
                          CidrIp: 0.0.0.0/0

                """;

            public RestoredProject()
            {
                Root = Path.Combine(Path.GetTempPath(), "iac-cli-tests", "project-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Root);

                // Stop MSBuild from importing anything above the scratch folder.
                File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
                File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
                File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
                File.WriteAllText(Path.Combine(Root, "Stacks.csproj"), ProjectFile);
                File.WriteAllText(Path.Combine(Root, "DataStack.cs"), Stack);
                File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.IAC1009.severity = none\n");
                Directory.CreateDirectory(Path.Combine(Root, "infra"));
                File.WriteAllText(Path.Combine(Root, "infra", "ssh.yaml"), Template);

                var start = new ProcessStartInfo("dotnet", "restore Stacks.csproj -nologo")
                {
                    WorkingDirectory = Root,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                using var restore = Process.Start(start)!;
                var stdout = restore.StandardOutput.ReadToEndAsync();
                var stderr = restore.StandardError.ReadToEnd();
                restore.WaitForExit();
                if (restore.ExitCode != 0)
                {
                    throw new InvalidOperationException("dotnet restore of the scratch CDK project failed:\n" + stdout.Result + stderr);
                }
            }

            public string Root { get; }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(Root, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
