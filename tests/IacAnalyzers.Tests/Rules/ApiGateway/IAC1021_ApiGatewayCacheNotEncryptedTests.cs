using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.ApiGateway
{
    /// <summary>IAC1021 in templates: API Gateway stages and deployments whose cache keeps responses unencrypted.</summary>
    public class IAC1021_ApiGatewayCacheNotEncryptedTests
    {
        [Fact]
        public async Task Yaml_stages_with_a_cache_cluster_are_checked_per_method_setting()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("api.yaml", """
                            Conditions:
                              IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                            Resources:
                              NoSettings:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: [|true|]
                              StageWideOff:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: true
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CachingEnabled: true
                                      CacheDataEncrypted: [|false|]
                              PerMethod:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: !If [IsProd, true, false]
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CachingEnabled: false
                                    - ResourcePath: /~1orders
                                      HttpMethod: GET
                                      [|CachingEnabled|]: true
                              Encrypted:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: true
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CacheDataEncrypted: true
                                    - ResourcePath: /~1orders
                                      HttpMethod: POST
                                      CachingEnabled: true
                              NoCluster:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CachingEnabled: true
                              UnknownCluster:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: !Ref Cache
                              UnknownEncryption:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: true
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CacheDataEncrypted: !Ref Encrypt
                              Deployment:
                                Type: AWS::ApiGateway::Deployment
                                Properties:
                                  RestApiId: !Ref Api
                                  StageName: prod
                                  StageDescription:
                                    CacheClusterEnabled: true
                                    [|CachingEnabled|]: true
                              EncryptedDeployment:
                                Type: AWS::ApiGateway::Deployment
                                Properties:
                                  RestApiId: !Ref Api
                                  StageName: prod
                                  StageDescription:
                                    CacheClusterEnabled: true
                                    CacheDataEncrypted: true
                              PlainDeployment:
                                Type: AWS::ApiGateway::Deployment
                                Properties:
                                  RestApiId: !Ref Api
                                  StageName: prod
                            """),
                    },
                },
                RuleUnderTest = "IAC1021",
            };
            await test.RunAsync();

            var messages = test.ReportedDiagnostics.Select(d => d.GetMessage()).ToArray();
            Assert.Contains(
                "API Gateway stage 'NoSettings' caches responses unencrypted (CacheClusterEnabled is true, GET methods are cached by default, and no " +
                "MethodSettings entry for ResourcePath /* and HttpMethod * sets CacheDataEncrypted): set CacheDataEncrypted to true in the method settings " +
                "that cache (the /* * entry, or the stage description, covers every method; in CDK, CacheDataEncrypted in StageOptions or " +
                "MethodDeploymentOptions) [Security · SEC08-BP02]",
                messages);
            Assert.Contains(messages, m => m.StartsWith("API Gateway stage 'PerMethod' (method settings GET /~1orders) caches responses unencrypted (when condition 'IsProd' is true; CacheDataEncrypted is not set and defaults to false)", System.StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("API Gateway deployment 'Deployment' (StageDescription) caches responses unencrypted (CacheDataEncrypted is not set", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Json_stage_and_deployment_are_checked()
        {
            await new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("api.json", """
                            { "Resources": {
                                "Stage": { "Type": "AWS::ApiGateway::Stage", "Properties": {
                                  "RestApiId": "abc", "DeploymentId": "def", "CacheClusterEnabled": "true",
                                  "MethodSettings": [ { "ResourcePath": "/*", "HttpMethod": "*", "CacheDataEncrypted": [|"false"|] } ] } },
                                "Deployment": { "Type": "AWS::ApiGateway::Deployment", "Properties": {
                                  "RestApiId": "abc", "StageDescription": { "CacheClusterEnabled": true, "CacheDataEncrypted": [|false|] } } },
                                "Clean": { "Type": "AWS::ApiGateway::Deployment", "Properties": {
                                  "RestApiId": "abc", "StageDescription": { "CacheClusterEnabled": true, "CacheDataEncrypted": true,
                                    "MethodSettings": [ { "ResourcePath": "/~1items", "HttpMethod": "GET", "CachingEnabled": true } ] } } } } }
                            """),
                    },
                },
                RuleUnderTest = "IAC1021",
            }.RunAsync();
        }

        [Fact]
        public async Task Yaml_fix_sets_CacheDataEncrypted_in_the_setting_that_caches()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("api.yaml", """
                            Resources:
                              Stage:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: true
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CacheDataEncrypted: {|IAC1021:false|}
                              Deployment:
                                Type: AWS::ApiGateway::Deployment
                                Properties:
                                  RestApiId: !Ref Api
                                  StageDescription:
                                    CacheClusterEnabled: true
                                    {|IAC1021:CachingEnabled|}: true
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("api.yaml", """
                            Resources:
                              Stage:
                                Type: AWS::ApiGateway::Stage
                                Properties:
                                  RestApiId: !Ref Api
                                  DeploymentId: !Ref Deployment
                                  CacheClusterEnabled: true
                                  MethodSettings:
                                    - ResourcePath: /*
                                      HttpMethod: "*"
                                      CacheDataEncrypted: true
                              Deployment:
                                Type: AWS::ApiGateway::Deployment
                                Properties:
                                  RestApiId: !Ref Api
                                  StageDescription:
                                    CacheClusterEnabled: true
                                    CachingEnabled: true
                                    CacheDataEncrypted: true
                            """),
                    },
                },
            }.RunAsync();
        }
    }
}
