using System.IO;

namespace IacAnalyzers.EndToEnd.Tests
{
    /// <summary>
    /// A new C# CDK app as `cdk init app --language csharp` lays it out: cdk.json at the app root, the project in
    /// src/&lt;App&gt;/, and cdk.out at the app root (here written by hand, as `cdk synth` would: no node needed). One
    /// stack holds one single-AZ database (IAC2001, a warning); the synthesized template repeats it.
    /// </summary>
    public static class CdkApp
    {
        public const string Name = "MyCdkApp";

        public static readonly MarkedText Stack = MarkedText.Parse("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.RDS;
            using Constructs;

            namespace MyCdkApp
            {
                public class MyCdkAppStack : Stack
                {
                    internal MyCdkAppStack(Construct scope, string id, IStackProps? props = null)
                        : base(scope, id, props)
                    {
                        _ = new CfnDBInstance(this, "Orders", new CfnDBInstanceProps
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

        public static string ProjectDirectory(string appRoot) => Path.Combine(appRoot, "src", Name);

        public static void Write(string appRoot)
        {
            var project = ProjectDirectory(appRoot);
            Directory.CreateDirectory(project);
            Directory.CreateDirectory(Path.Combine(appRoot, "cdk.out"));
            File.WriteAllText(Path.Combine(appRoot, "cdk.json"), "{\n  \"app\": \"dotnet run --project src/MyCdkApp/MyCdkApp.csproj\"\n}\n");
            File.WriteAllText(Path.Combine(project, Name + ".csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RollForward>Major</RollForward>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Program.cs"), """
                using Amazon.CDK;

                namespace MyCdkApp
                {
                    public sealed class Program
                    {
                        public static void Main(string[] args)
                        {
                            var app = new App();
                            _ = new MyCdkAppStack(app, "MyCdkAppStack");
                            app.Synth();
                        }
                    }
                }

                """);
            File.WriteAllText(Path.Combine(project, "MyCdkAppStack.cs"), Stack.Text);
            File.WriteAllText(Path.Combine(appRoot, "cdk.out", "MyCdkAppStack.template.json"), """
                {
                  "Resources": {
                    "Orders": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": {
                        "AllocatedStorage": "20",
                        "DBInstanceClass": "db.t3.micro",
                        "Engine": "postgres",
                        "MultiAZ": false,
                        "StorageEncrypted": true
                      },
                      "Metadata": { "aws:cdk:path": "MyCdkAppStack/Orders" }
                    }
                  }
                }

                """);
        }
    }
}
