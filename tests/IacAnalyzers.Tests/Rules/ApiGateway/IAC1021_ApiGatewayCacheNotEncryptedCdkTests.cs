using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Rules.ApiGateway
{
    /// <summary>
    /// IAC1021 on the CDK C# surface: L1 <c>CfnStage</c>/<c>CfnDeployment</c>, L2 <c>RestApi</c> <c>DeployOptions</c> and
    /// <c>Stage</c> (<c>StageOptions</c>: CacheDataEncrypted "Default: false"; the cache cluster is on when written, when
    /// <c>CacheClusterSize</c> is set, or when a method enables caching).
    /// </summary>
    public class IAC1021_ApiGatewayCacheNotEncryptedCdkTests
    {
        [Fact]
        public async Task L1_stage_and_deployment_are_flagged_and_encrypted_ones_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.APIGateway;

                public class ApiStack : Stack
                {
                    public ApiStack(Construct scope, bool encrypt) : base(scope, "Api")
                    {
                        new CfnStage(this, "Bare", new CfnStageProps { RestApiId = "abc", DeploymentId = "def", CacheClusterEnabled = [|true|] });
                        new CfnStage(this, "Off", new CfnStageProps
                        {
                            RestApiId = "abc", DeploymentId = "def", CacheClusterEnabled = true,
                            MethodSettings = new[] { new CfnStage.MethodSettingProperty { ResourcePath = "/*", HttpMethod = "*", CacheDataEncrypted = [|false|] } },
                        });
                        new CfnStage(this, "On", new CfnStageProps
                        {
                            RestApiId = "abc", DeploymentId = "def", CacheClusterEnabled = true,
                            MethodSettings = new[] { new CfnStage.MethodSettingProperty { ResourcePath = "/*", HttpMethod = "*", CacheDataEncrypted = true } },
                        });
                        new CfnStage(this, "Unknown", new CfnStageProps
                        {
                            RestApiId = "abc", DeploymentId = "def", CacheClusterEnabled = true,
                            MethodSettings = new[] { new CfnStage.MethodSettingProperty { ResourcePath = "/*", HttpMethod = "*", CacheDataEncrypted = encrypt } },
                        });
                        new CfnDeployment(this, "Deployment", new CfnDeploymentProps
                        {
                            RestApiId = "abc",
                            StageDescription = new CfnDeployment.StageDescriptionProperty { CacheClusterEnabled = true, CacheDataEncrypted = [|false|] },
                        });
                        new CfnDeployment(this, "NoCache", new CfnDeploymentProps
                        {
                            RestApiId = "abc",
                            StageDescription = new CfnDeployment.StageDescriptionProperty { CachingEnabled = true },
                        });
                    }
                }
                """, "IAC1021");
        }

        [Fact]
        public async Task L2_deploy_options_with_a_cache_are_flagged_and_encrypted_or_uncached_are_clean()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.APIGateway;
                using Stage = Amazon.CDK.AWS.APIGateway.Stage;
                using StageProps = Amazon.CDK.AWS.APIGateway.StageProps;

                public class ApiStack : Stack
                {
                    public ApiStack(Construct scope, Deployment deployment, Amazon.CDK.AWS.Lambda.IFunction handler, ApiDefinition definition) : base(scope, "Api")
                    {
                        new LambdaRestApi(this, "Lambda", new LambdaRestApiProps { Handler = handler, DeployOptions = [|new StageOptions { CacheClusterEnabled = true }|] });
                        new SpecRestApi(this, "Spec", new SpecRestApiProps { ApiDefinition = definition, DeployOptions = [|new StageOptions { CacheClusterSize = "0.5" }|] });
                        new RestApi(this, "Cached", new RestApiProps { DeployOptions = [|new StageOptions { CacheClusterEnabled = true }|] });
                        new RestApi(this, "Sized", new RestApiProps { DeployOptions = [|new StageOptions { CacheClusterSize = "0.5" }|] });
                        new RestApi(this, "PerMethod", new RestApiProps
                        {
                            DeployOptions = new StageOptions
                            {
                                CacheDataEncrypted = true,
                                MethodOptions = new Dictionary<string, IMethodDeploymentOptions>
                                {
                                    ["/orders/GET"] = new MethodDeploymentOptions { CachingEnabled = true, CacheDataEncrypted = [|false|] },
                                },
                            },
                        });
                        new RestApi(this, "Encrypted", new RestApiProps { DeployOptions = new StageOptions { CacheClusterEnabled = true, CacheDataEncrypted = true } });
                        new RestApi(this, "NoCache", new RestApiProps { DeployOptions = new StageOptions { MetricsEnabled = true } });
                        new RestApi(this, "NotDeployed", new RestApiProps { Deploy = false });
                        new Stage(this, "Stage", new StageProps { Deployment = deployment, CachingEnabled = true, CacheDataEncrypted = [|false|] });
                        new Stage(this, "GoodStage", new StageProps { Deployment = deployment, CachingEnabled = true, CacheDataEncrypted = true });
                    }
                }
                """, "IAC1021");
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith(
                "API Gateway stage 'Cached' (method settings /* *) caches responses unencrypted (from the CDK default (StageOptions.CacheDataEncrypted: false))", System.StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("API Gateway stage 'PerMethod' (method settings GET /orders) caches responses unencrypted", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task L2_fix_adds_CacheDataEncrypted_to_the_deploy_options()
        {
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.APIGateway;

                public class ApiStack : Stack
                {
                    public ApiStack(Construct scope) : base(scope, "Api")
                    {
                        new RestApi(this, "Cached", new RestApiProps { DeployOptions = [|new StageOptions { CacheClusterEnabled = true }|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.APIGateway;

                public class ApiStack : Stack
                {
                    public ApiStack(Construct scope) : base(scope, "Api")
                    {
                        new RestApi(this, "Cached", new RestApiProps { DeployOptions = new StageOptions { CacheClusterEnabled = true, CacheDataEncrypted = true } });
                    }
                }
                """, id: "IAC1021");
        }
    }
}
