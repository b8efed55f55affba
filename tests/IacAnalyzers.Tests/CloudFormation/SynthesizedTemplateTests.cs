using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// A template written by `cdk synth` is checked like any other, but never offers a fix: the next synth would undo
    /// it, and the fix belongs in the source that generates it.
    /// </summary>
    public class SynthesizedTemplateTests
    {
        private const string Template = """
            {
              "Resources": {
                "Db": {
                  "Type": "AWS::RDS::DBInstance",
                  "Properties": { "Engine": "postgres", "StorageEncrypted": true, "MultiAZ": {|IAC2001:false|} }METADATA
                }
              }
            }
            """;

        private static string Plain => Template.Replace("METADATA", string.Empty, System.StringComparison.Ordinal);

        private static string WithCdkPath => Template.Replace("METADATA", ",\n      \"Metadata\": { \"aws:cdk:path\": \"App/Db/Resource\" }", System.StringComparison.Ordinal);

        [Fact]
        public async Task Hand_written_template_finding_carries_its_fix()
        {
            var finding = Assert.Single(await TemplateVerifier.VerifyTemplateAsync("/repo/infra/db.template.json", Plain));
            Assert.Equal("IAC2001", finding.Id);
            Assert.True(finding.Properties.ContainsKey(FixIntent.KindKey));
        }

        [Theory]
        [InlineData("/repo/cdk.out/App.template.json", false)]
        [InlineData("/repo/src/App/cdk.out/App.template.json", false)]
        [InlineData("/repo/infra/db.template.json", true)]
        public async Task Synthesized_template_finding_is_reported_without_a_fix(string path, bool withCdkPathMetadata)
        {
            var finding = Assert.Single(await TemplateVerifier.VerifyTemplateAsync(path, withCdkPathMetadata ? WithCdkPath : Plain));
            Assert.Equal("IAC2001", finding.Id);
            Assert.False(finding.Properties.ContainsKey(FixIntent.KindKey), "a fix was offered on a synthesized template");
        }

        [Theory]
        [InlineData("/repo/cdk.out/App.template.json", "", true)]
        [InlineData("/repo/cdk.out.bak/App.template.json", "", false)]
        [InlineData("/repo/infra/App.template.json", "\"aws:cdk:path\": \"App/Db\"", true)]
        [InlineData("/repo/infra/App.template.json", "Resources: {}", false)]
        public void Recognised_by_folder_or_by_cdk_metadata(string path, string text, bool expected)
        {
            Assert.Equal(expected, SynthesizedTemplates.IsSynthesized(path, text));
        }
    }
}
