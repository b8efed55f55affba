using IacAnalyzers.Tests.Verifier;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>What L2 defaults synthesize on their own, judged in C# as in the template: a public-read bucket policy, a NAT instance security group.</summary>
    public class L2GeneratedResourceTests
    {
        [Fact]
        public async Task Bucket_with_public_read_access_writes_a_policy_for_any_principal()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new Bucket(this, "Site", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS });
                        new Bucket(this, "Private", new BucketProps { PublicReadAccess = false });
                        new Bucket(this, "Default");
                    }
                }
                """, "IAC1205");
        }

        // Amazon.CDK.Lib 2.160.0 (aws-s3/lib/bucket.js) throws for PublicReadAccess unless BlockPublicAccess is set, and
        // grantPublicAccess throws when that setting blocks public policies: no policy is written, so no finding
        // (a public C# CDK sample set PublicReadAccess alone and was flagged for a policy its app never synthesizes).
        [Fact]
        public async Task Bucket_public_read_access_is_flagged_only_where_CDK_writes_the_policy()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, BlockPublicAccess given, bool flag) : base(scope, "App")
                    {
                        new Bucket(this, "NotSet", new BucketProps { PublicReadAccess = true, WebsiteIndexDocument = "index.html" });
                        new Bucket(this, "Null", new BucketProps { PublicReadAccess = true, BlockPublicAccess = null });
                        new Bucket(this, "BlockAll", new BucketProps { PublicReadAccess = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ALL });
                        new Bucket(this, "BlocksPolicies", new BucketProps { PublicReadAccess = true, BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicPolicy = true, BlockPublicAcls = false }) });
                        new Bucket(this, "EitherBlocks", new BucketProps { PublicReadAccess = true, BlockPublicAccess = flag ? BlockPublicAccess.BLOCK_ALL : null });
                        new Bucket(this, "Acls", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS });
                        new Bucket(this, "AllowsPolicies", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicPolicy = false, RestrictPublicBuckets = false }) });
                        new Bucket(this, "PolicyNotNamed", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = new BlockPublicAccess(new BlockPublicAccessOptions { BlockPublicAcls = true }) });
                        new Bucket(this, "OneAllows", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = flag ? BlockPublicAccess.BLOCK_ALL : BlockPublicAccess.BLOCK_ACLS });
                        new Bucket(this, "Unknown", new BucketProps { PublicReadAccess = [|true|], BlockPublicAccess = given });
                    }
                }
                """, "IAC1205");
        }

        // All traffic from the world is one IAC1101 finding whose message names RDP too (docs/rules/IAC1101.md, "One mistake, one finding").
        [Fact]
        public async Task NatProvider_InstanceV2_opens_all_traffic_from_the_world_by_default()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var open = NatProvider.{|IAC1101:InstanceV2|}(new NatInstanceProps { InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.small") });
                        var written = NatProvider.InstanceV2(new NatInstanceProps { InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.small"), DefaultAllowedTraffic = {|IAC1101:NatTrafficDirection.INBOUND_AND_OUTBOUND|} });
                        var outbound = NatProvider.InstanceV2(new NatInstanceProps { InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.small"), DefaultAllowedTraffic = NatTrafficDirection.OUTBOUND_ONLY });
                        var none = NatProvider.InstanceV2(new NatInstanceProps { InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.small"), DefaultAllowedTraffic = NatTrafficDirection.NONE });
                        new Vpc(this, "Vpc", new VpcProps { NatGatewayProvider = open });
                    }
                }
                """, "IAC1101");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("DefaultAllowedTraffic", System.StringComparison.Ordinal));
        }

        // BastionHostLinux (2.160.0) writes ["ssmmessages:*", "ssm:UpdateInstanceInformation", "ec2messages:*"] on "*":
        // the SSM agent's actions, clean in the template (docs/rules/IAC1204.md), so clean here; the same statement written by hand
        // (L2 and L1) is clean too, and another write beside them is still flagged.
        [Fact]
        public async Task Session_manager_agent_statements_are_clean_and_another_write_beside_them_is_flagged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var vpc = new Vpc(this, "Vpc");
                        new BastionHostLinux(this, "Bastion", new BastionHostLinuxProps { Vpc = vpc });
                        var role = new Role(this, "Host", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") });
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "ssmmessages:*", "ssm:UpdateInstanceInformation", "ec2messages:*" },
                            Resources = new[] { "*" },
                        }));
                        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = new[] { "ssmmessages:*", "ssm:UpdateInstanceInformation", "ec2messages:*", "s3:PutObject" },
                            Resources = new[] { [|"*"|] },
                        }));
                        new CfnPolicy(this, "Agent", new CfnPolicyProps
                        {
                            PolicyName = "agent",
                            Roles = new[] { "host" },
                            PolicyDocument = new Dictionary<string, object>
                            {
                                ["Statement"] = new[] { new Dictionary<string, object> { ["Effect"] = "Allow", ["Action"] = new[] { "ssmmessages:*", "ssm:UpdateInstanceInformation", "ec2messages:*" }, ["Resource"] = "*" } },
                            },
                        });
                    }
                }
                """, "IAC1204");
            Assert.Contains("allows s3:PutObject on every resource", diagnostics.Single().GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task AwsCustomResource_policy_from_sdk_calls_on_any_resource_is_judged()
        {
            var diagnostics = await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.CustomResources;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        new AwsCustomResource(this, "DeleteObjects", new AwsCustomResourceProps
                        {
                            OnCreate = new AwsSdkCall { Service = "S3", Action = "deleteObject", PhysicalResourceId = PhysicalResourceId.Of("x") },
                            Policy = AwsCustomResourcePolicy.FromSdkCalls(new SdkCallsPolicyOptions { Resources = [|AwsCustomResourcePolicy.ANY_RESOURCE|] }),
                        });
                        new AwsCustomResource(this, "Scoped", new AwsCustomResourceProps
                        {
                            OnCreate = new AwsSdkCall { Service = "S3", Action = "deleteObject", PhysicalResourceId = PhysicalResourceId.Of("x") },
                            Policy = AwsCustomResourcePolicy.FromSdkCalls(new SdkCallsPolicyOptions { Resources = new[] { "arn:aws:s3:::bucket/key" } }),
                        });
                        new AwsCustomResource(this, "Statements", new AwsCustomResourceProps
                        {
                            OnCreate = new AwsSdkCall { Service = "SSM", Action = "getParameter", PhysicalResourceId = PhysicalResourceId.Of("x") },
                            Policy = AwsCustomResourcePolicy.FromStatements(new[]
                            {
                                new PolicyStatement(new PolicyStatementProps { Actions = new[] { {|IAC1201:"*"|} }, Resources = new[] { "*" } }),
                                new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ssm:GetParameter" }, Resources = new[] { "*" } }),
                            }),
                        });
                    }
                }
                """, "IAC1204");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("allows s3:DeleteObject on every resource", System.StringComparison.Ordinal));
        }
    }
}
