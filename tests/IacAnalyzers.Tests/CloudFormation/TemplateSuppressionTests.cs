using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    public class TemplateSuppressionTests
    {
        [Fact]
        public async Task Our_suppression_with_a_reason_suppresses_the_finding()
        {
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      IacAnalyzers:
                        Suppress:
                          - Id: IAC2001
                            Reason: Dev database, rebuilt from a snapshot every night
                    Properties:
                      MultiAZ: false
                  Other:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: {|IAC2001:false|}
                """);
        }

        [Fact]
        public async Task Our_suppression_in_json_works_too()
        {
            await TemplateVerifier.VerifyTemplateAsync("t.json", """
                {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance",
                  "Metadata": {"IacAnalyzers": {"Suppress": [{"Id": "IAC2001", "Reason": "dev only"}]}},
                  "Properties": {"MultiAZ": false}}}}
                """);
        }

        [Fact]
        public async Task Suppression_without_a_reason_is_not_honoured_and_says_why()
        {
            var diagnostics = await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      IacAnalyzers:
                        Suppress:
                          - {|IAC0003:Id: IAC2001|}
                          - {|IAC0003:{ Id: IAC2001, Reason: "  " }|}
                          - {|IAC0003:{ Id: IAC9999, Reason: typo }|}
                          - {|IAC0003:{ Reason: no id }|}
                    Properties:
                      MultiAZ: {|IAC2001:false|}
                """);
            Assert.Equal(
                "Suppression in the Metadata of 'Db' is not honoured: the entry for IAC2001 has no 'Reason'; a suppression must say why the finding is accepted",
                diagnostics.First(d => d.Id == "IAC0003").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Malformed_block_is_IAC0003()
        {
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      IacAnalyzers: {|IAC0003:IAC2001|}
                    Properties: { MultiAZ: true }
                """);
        }

        [Theory]
        [InlineData("checkov:\n        skip:\n          - id: CKV_AWS_157\n            comment: dev")]
        [InlineData("cdk_nag:\n        rules_to_suppress:\n          - id: AwsSolutions-RDS3\n            reason: Dev database without standby")]
        [InlineData("cdk_nag:\n        rules_to_suppress:\n          - reason: HIPAA is out of scope here\n            id: HIPAA.Security-RDSMultiAZSupport")]
        public async Task Peer_suppressions_of_equivalent_rules_are_honoured(string metadata)
        {
            // No markup: nothing may be reported.
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      " + metadata + "\n    Properties:\n      MultiAZ: false\n");
        }

        [Theory]
        [InlineData("cfn_nag:\n        rules_to_suppress:\n          - id: W28\n            reason: explicit names")]
        [InlineData("checkov:\n        skip:\n          - id: CKV_AWS_16\n            comment: another rule")]
        [InlineData("cdk_nag:\n        rules_to_suppress:\n          - id: AwsSolutions-RDS2\n            reason: another rule")]
        public async Task Peer_suppressions_of_other_rules_are_not(string metadata)
        {
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Metadata:\n      " + metadata + "\n    Properties:\n      MultiAZ: {|IAC2001:false|}\n");
        }

        [Fact]
        public async Task Checkov_comment_inside_the_resource_is_honoured_and_only_there()
        {
            await TemplateVerifier.VerifyTemplateAsync("t.yaml", """
                Resources:
                  Db:
                    # checkov:skip=CKV_AWS_157:Dev database
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: false
                  Db2:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      MultiAZ: false # checkov:skip=CKV_AWS_157
                  Db3:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      DBName: "checkov:skip=CKV_AWS_157 is not a comment"
                      MultiAZ: {|IAC2001:false|}
                """);
        }

        [Fact]
        public void Cfn_nag_suppressions_are_read_from_metadata()
        {
            const string text = "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: W9\n            reason: bastion\n          - id: F1000\n";
            var template = TemplateReader.Read("t.yaml", text, CancellationToken.None)!;
            var suppressions = TemplateSuppressions.Read(template.Entries.Single(), text, template.Lines);
            Assert.True(suppressions.SuppressesPeer(PeerTools.CfnNag, "W9"));
            Assert.True(suppressions.SuppressesPeer(PeerTools.CfnNag, "F1000"));
            Assert.False(suppressions.SuppressesPeer(PeerTools.Checkov, "W9"));
        }
    }
}
