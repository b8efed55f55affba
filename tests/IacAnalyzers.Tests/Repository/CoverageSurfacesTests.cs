using Xunit;

namespace IacAnalyzers.Tests.Repository
{
    /// <summary>
    /// docs/coverage.md claims "C# L1" for a type only when aws-cdk-lib 2.160.0 has its <c>Cfn*</c> class: types newer
    /// than the pinned CDK (read by a rule on the template surface only) must not be listed as reachable from C#.
    /// </summary>
    public class CoverageSurfacesTests
    {
        [Theory]
        [InlineData("AWS::EC2::Volume", true)]
        [InlineData("AWS::DLM::LifecyclePolicy", true)]
        [InlineData("AWS::Serverless::Function", true)]
        [InlineData("AWS::KinesisAnalyticsV2::Application", true)]
        [InlineData("AWS::WorkspacesInstances::Volume", false)]
        [InlineData("AWS::WorkspacesInstances::WorkspaceInstance", false)]
        [InlineData("AWS::BedrockAgentCore::CapacityProvider", false)]
        [InlineData("AWS::EC2::NoSuchThing", false)]
        public void L1_classes_are_those_of_the_pinned_CDK(string type, bool expected)
            => Assert.Equal(expected, Coverage.HasL1Class(type));

        [Fact]
        public void A_rule_type_without_an_L1_class_lists_no_CSharp_surface()
        {
            var rule = new IacAnalyzers.Rules.Ec2.IAC1002_EbsVolumeNotEncrypted();
            Assert.Equal("template, C# L1, C# L2 (`Volume`)", Coverage.Surfaces(rule, "AWS::EC2::Volume"));
            Assert.Equal("template, no C# (no `Cfn*` class in aws-cdk-lib 2.160.0)", Coverage.Surfaces(rule, "AWS::WorkspacesInstances::Volume"));
        }
    }
}
