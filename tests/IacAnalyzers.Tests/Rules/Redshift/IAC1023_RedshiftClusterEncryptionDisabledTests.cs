using System.Threading.Tasks;
using IacAnalyzers.Rules.Redshift;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Redshift
{
    /// <summary>
    /// IAC1023 in templates and C#: only an explicit opt-out is flagged (Redshift encrypts by default). Amazon.CDK.Lib
    /// 2.160.0 has no Redshift L2 in <c>aws-cdk-lib</c> (the L2 is the separate alpha package), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC1023_RedshiftClusterEncryptionDisabledTests
    {
        private static readonly IAC1023_RedshiftClusterEncryptionDisabled Rule = new IAC1023_RedshiftClusterEncryptionDisabled();

        [Fact]
        public Task Yaml_explicit_false_is_flagged_and_the_default_is_clean() =>
            VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources("AWS::Redshift::Cluster", """
                    ClusterType: single-node
                    NodeType: ra3.large
                    DBName: dev
                    MasterUsername: admin
                    ManageMasterPassword: true
                    """,
                ("OptOut", "Encrypted: {|#0:false|}"),
                ("DevOptOut", "Encrypted: !If [IsProd, true, [|false|]]"),
                ("Default", ""),
                ("Removed", "Encrypted: !If [IsProd, true, !Ref AWS::NoValue]"),
                ("Unknown", "Encrypted: !Ref Encrypt")), "redshift.yaml", Reported(Rule,
                "Redshift cluster 'OptOut' has encryption at rest turned off (Encrypted is false): Amazon Redshift encrypts provisioned clusters by default, " +
                "and this cluster opts out, so its data blocks, system metadata and snapshots are stored unencrypted; set Encrypted to true (or remove it) " +
                "[Security · SEC08-BP02]").WithLocation(0));

        [Fact]
        public Task Json_fix_sets_Encrypted_true()
        {
            var before = """
                { "Resources": {
                    "OptOut": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "single-node", "NodeType": "ra3.large", "DBName": "dev", "MasterUsername": "admin", "Encrypted": [|"false"|] } },
                    "Default": { "Type": "AWS::Redshift::Cluster", "Properties": { "ClusterType": "single-node", "NodeType": "ra3.large", "DBName": "dev", "MasterUsername": "admin" } } } }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|\"false\"|]", "true")), "redshift.json");
        }

        [Fact]
        public async Task L1_explicit_false_is_flagged_and_fixed_and_the_default_is_clean()
        {
            var source = """
                using Amazon.CDK.AWS.Redshift;

                public class WarehouseStack : Stack
                {
                    public WarehouseStack(Construct scope, bool encrypt) : base(scope, "Warehouse")
                    {
                        new CfnCluster(this, "OptOut", new CfnClusterProps { ClusterType = "single-node", NodeType = "ra3.large", DbName = "dev", MasterUsername = "admin", Encrypted = [|false|] });
                        new CfnCluster(this, "Default", new CfnClusterProps { ClusterType = "single-node", NodeType = "ra3.large", DbName = "dev", MasterUsername = "admin" });
                        new CfnCluster(this, "Unknown", new CfnClusterProps { ClusterType = "single-node", NodeType = "ra3.large", DbName = "dev", MasterUsername = "admin", Encrypted = encrypt });
                    }
                }
                """;
            await CdkVerifier.VerifyRuleAsync(source, "IAC1023");
            await CdkVerifier.VerifyFixAsync(source, Edited(source, ("[|false|]", "true")), id: "IAC1023");
        }
    }
}
