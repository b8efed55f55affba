using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.ApiGateway;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.ApiGateway
{
    /// <summary>IAC1021 in templates: API Gateway stages and deployments whose cache keeps responses unencrypted.</summary>
    public class IAC1021_ApiGatewayCacheNotEncryptedTests
    {
        private static readonly IAC1021_ApiGatewayCacheNotEncrypted Rule = new IAC1021_ApiGatewayCacheNotEncrypted();

        [Fact]
        public async Task Yaml_stages_with_a_cache_cluster_are_checked_per_method_setting()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  NoSettings:
                    Type: AWS::ApiGateway::Stage
                    Properties:
                      RestApiId: !Ref Api
                      DeploymentId: !Ref Deployment
                      CacheClusterEnabled: {|#0:true|}
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
                """, "api.yaml", Reported(Rule,
                "API Gateway stage 'NoSettings' caches responses unencrypted (CacheClusterEnabled is true, GET methods are cached by default, and no " +
                "MethodSettings entry for ResourcePath /* and HttpMethod * sets CacheDataEncrypted): set CacheDataEncrypted to true in the method settings " +
                "that cache (the /* * entry, or the stage description, covers every method; in CDK, CacheDataEncrypted in StageOptions or " +
                "MethodDeploymentOptions) [Security · SEC08-BP02]").WithLocation(0));

            var messages = findings.Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.StartsWith("API Gateway stage 'PerMethod' (method settings GET /~1orders) caches responses unencrypted (when condition 'IsProd' is true; CacheDataEncrypted is not set and defaults to false)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("API Gateway deployment 'Deployment' (StageDescription) caches responses unencrypted (CacheDataEncrypted is not set", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_stage_and_deployment_are_checked() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Stage": { "Type": "AWS::ApiGateway::Stage", "Properties": {
                      "RestApiId": "abc", "DeploymentId": "def", "CacheClusterEnabled": "true",
                      "MethodSettings": [ { "ResourcePath": "/*", "HttpMethod": "*", "CacheDataEncrypted": [|"false"|] } ] } },
                    "Deployment": { "Type": "AWS::ApiGateway::Deployment", "Properties": {
                      "RestApiId": "abc", "StageDescription": { "CacheClusterEnabled": true, "CacheDataEncrypted": [|false|] } } },
                    "Clean": { "Type": "AWS::ApiGateway::Deployment", "Properties": {
                      "RestApiId": "abc", "StageDescription": { "CacheClusterEnabled": true, "CacheDataEncrypted": true,
                        "MethodSettings": [ { "ResourcePath": "/~1items", "HttpMethod": "GET", "CachingEnabled": true } ] } } } } }
                """, "api.json");

        [Fact]
        public Task Yaml_fix_sets_CacheDataEncrypted_in_the_setting_that_caches()
        {
            var before = """
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
                          CacheDataEncrypted: [|false|]
                  Deployment:
                    Type: AWS::ApiGateway::Deployment
                    Properties:
                      RestApiId: !Ref Api
                      StageDescription:
                        CacheClusterEnabled: true
                        [|CachingEnabled|]: true
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before,
                ("CacheDataEncrypted: [|false|]", "CacheDataEncrypted: true"),
                ("[|CachingEnabled|]: true", "CachingEnabled: true\nCacheDataEncrypted: true")), "api.yaml");
        }
    }
}
