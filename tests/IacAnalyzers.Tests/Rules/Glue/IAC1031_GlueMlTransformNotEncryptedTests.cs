using System;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Glue;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Glue
{
    /// <summary>IAC1031 on templates (YAML and JSON).</summary>
    public class IAC1031_GlueMlTransformNotEncryptedTests
    {
        private static readonly IAC1031_GlueMlTransformNotEncrypted Rule = new IAC1031_GlueMlTransformNotEncrypted();

        [Fact]
        public Task Yaml_disabled_mode_is_flagged_at_the_value_with_the_full_message() =>
            VerifyRuleAsync(Rule, """
                Resources:
                  Matches:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: arn:aws:iam::111111111111:role/glue
                      InputRecordTables: { GlueTables: [{ DatabaseName: crm, TableName: customers }] }
                      TransformParameters: { TransformType: FIND_MATCHES, FindMatchesParameters: { PrimaryKeyColumnName: id } }
                      TransformEncryption:
                        MLUserDataEncryption:
                          MLUserDataEncryptionMode: {|#0:DISABLED|}
                        TaskRunSecurityConfigurationName: glue-kms
                """, "glue.yaml", Reported(Rule,
                "Glue ML transform 'Matches' does not encrypt its labels and trained transform with KMS " +
                "(MLUserDataEncryption.MLUserDataEncryptionMode is DISABLED): set TransformEncryption.MLUserDataEncryption." +
                "MLUserDataEncryptionMode to SSE-KMS with a KmsKeyId whose key policy lets the transform's role use it " +
                "[Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public async Task Yaml_settings_not_given_or_removed_are_flagged_where_they_belong()
        {
            var messages = (await VerifyRuleAsync(Rule, """
                Conditions:
                  Plain: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  {|#0:NoEncryption|}:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                  OnlyTaskRuns:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      [|TransformEncryption|]:
                        TaskRunSecurityConfigurationName: glue-kms
                  Branch:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      [|TransformEncryption|]: !If
                        - Plain
                        - !Ref AWS::NoValue
                        - MLUserDataEncryption: { MLUserDataEncryptionMode: SSE-KMS, KmsKeyId: alias/glue }
                """, "glue.yaml", Reported(Rule,
                "Glue ML transform 'NoEncryption' does not encrypt its labels and trained transform with KMS (TransformEncryption is " +
                "not set, so MLUserDataEncryptionMode is DISABLED): set TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode " +
                "to SSE-KMS with a KmsKeyId whose key policy lets the transform's role use it [Security · SEC08-BP02]").WithLocation(0)))
                .Select(f => f.FormatMessage()).ToArray();
            Assert.Contains(messages, m => m.Contains("(MLUserDataEncryption is not set, so MLUserDataEncryptionMode is DISABLED)", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("(when condition 'Plain' is true: AWS::NoValue removes TransformEncryption, so MLUserDataEncryptionMode is DISABLED)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_sse_kms_unknown_and_a_branch_disabled_mode() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Mode:
                    Type: String
                Conditions:
                  Plain: !Equals [!Ref AWS::Region, eu-west-1]
                Resources:
                  Kms:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      TransformEncryption:
                        MLUserDataEncryption: { MLUserDataEncryptionMode: SSE-KMS, KmsKeyId: alias/glue }
                  Unknown:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      TransformEncryption:
                        MLUserDataEncryption: { MLUserDataEncryptionMode: !Ref Mode }
                  UnknownBlock:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      TransformEncryption: !Ref Mode
                  Branch:
                    Type: AWS::Glue::MLTransform
                    Properties:
                      Role: glue
                      TransformEncryption:
                        MLUserDataEncryption:
                          MLUserDataEncryptionMode: !If [Plain, [|DISABLED|], SSE-KMS]
                """, "glue.yaml");

        [Fact]
        public Task Json_disabled_mode_is_flagged_and_sse_kms_is_clean() =>
            VerifyRuleAsync(Rule, """
                {
                  "Resources": {
                    "Matches": {
                      "Type": "AWS::Glue::MLTransform",
                      "Properties": { "Role": "glue", "TransformEncryption": { "MLUserDataEncryption": { "MLUserDataEncryptionMode": [|"DISABLED"|] } } }
                    },
                    "Kms": {
                      "Type": "AWS::Glue::MLTransform",
                      "Properties": { "Role": "glue", "TransformEncryption": { "MLUserDataEncryption": { "MLUserDataEncryptionMode": "SSE-KMS" } } }
                    }
                  }
                }
                """, "glue.json");
    }
}
