using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Lightsail;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Lightsail
{
    /// <summary>
    /// IAC2013 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for Lightsail (only the L1s such as
    /// <c>CfnDatabase</c>), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2013_LightsailDatabaseSingleAzTests
    {
        private static readonly IAC2013_LightsailDatabaseSingleAz Rule = new IAC2013_LightsailDatabaseSingleAz();

        private const string Database = "AWS::Lightsail::Database";
        private const string Shared = "RelationalDatabaseBlueprintId: mysql_8_0\nMasterUsername: dbadmin";

        [Fact]
        public async Task Yaml_standard_plans_are_flagged_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Plan:
                    Type: String
                    Default: small_2_0
                Resources:
                """ + Resources(Database, Shared,
                ("Shop", "RelationalDatabaseName: shop\nMasterDatabaseName: shop\nRelationalDatabaseBundleId: {|#0:micro_2_0|}"),
                ("FromParameter", "RelationalDatabaseName: blog\nMasterDatabaseName: blog\nRelationalDatabaseBundleId: [|!Ref Plan|]")), "lightsail.yaml",
                Reported(Rule, "Lightsail database 'Shop' runs in a single Availability Zone (RelationalDatabaseBundleId is micro_2_0, a standard plan): " +
                    "use a high availability plan (micro_ha_2_0) so a standby in another zone takes over on failure; the plan is chosen at creation, " +
                    "so this replaces the database (restore it from a snapshot) [Reliability · REL10-BP01]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(RelationalDatabaseBundleId is small_2_0, a standard plan; from the Default of parameter 'Plan'): use a high availability plan (small_ha_2_0)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_high_availability_and_unknown_plans_are_clean() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Plan:
                    Type: String
                Resources:
                """ + Resources(Database, Shared,
                ("Ha", "RelationalDatabaseName: shop\nMasterDatabaseName: shop\nRelationalDatabaseBundleId: micro_ha_2_0"),
                ("Unknown", "RelationalDatabaseName: blog\nMasterDatabaseName: blog\nRelationalDatabaseBundleId: !Ref Plan")), "lightsail.yaml");

        [Fact]
        public async Task Yaml_one_of_branch_is_named()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources(Database, Shared,
                ("Shop", "RelationalDatabaseName: shop\nMasterDatabaseName: shop\nRelationalDatabaseBundleId: !If [IsProd, medium_ha_2_0, [|medium_2_0|]]")), "lightsail.yaml");
            Assert.StartsWith("Lightsail database 'Shop' runs in a single Availability Zone (when condition 'IsProd' is false; RelationalDatabaseBundleId is medium_2_0, a standard plan): use a high availability plan (medium_ha_2_0)",
                Assert.Single(findings).FormatMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public Task Json_standard_plan_is_flagged_and_high_availability_is_clean() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Standard": { "Type": "AWS::Lightsail::Database", "Properties": { "RelationalDatabaseName": "a", "RelationalDatabaseBlueprintId": "mysql_8_0", "RelationalDatabaseBundleId": [|"large_2_0"|], "MasterDatabaseName": "a", "MasterUsername": "dbadmin" } },
                    "Ha": { "Type": "AWS::Lightsail::Database", "Properties": { "RelationalDatabaseName": "b", "RelationalDatabaseBlueprintId": "mysql_8_0", "RelationalDatabaseBundleId": "large_ha_2_0", "MasterDatabaseName": "b", "MasterUsername": "dbadmin" } } } }
                """, "lightsail.json");

        [Fact]
        public async Task L1_standard_plan_is_flagged_and_high_availability_or_unknown_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.Lightsail;

                public class SiteStack : Stack
                {
                    public SiteStack(Construct scope, string plan) : base(scope, "Site")
                    {
                        new CfnDatabase(this, "Standard", new CfnDatabaseProps { RelationalDatabaseName = "a", RelationalDatabaseBlueprintId = "mysql_8_0", RelationalDatabaseBundleId = [|"micro_2_0"|], MasterDatabaseName = "a", MasterUsername = "dbadmin" });
                        new CfnDatabase(this, "Ha", new CfnDatabaseProps { RelationalDatabaseName = "b", RelationalDatabaseBlueprintId = "mysql_8_0", RelationalDatabaseBundleId = "micro_ha_2_0", MasterDatabaseName = "b", MasterUsername = "dbadmin" });
                        new CfnDatabase(this, "Unknown", new CfnDatabaseProps { RelationalDatabaseName = "c", RelationalDatabaseBlueprintId = "mysql_8_0", RelationalDatabaseBundleId = plan, MasterDatabaseName = "c", MasterUsername = "dbadmin" });
                    }
                }
                """, "IAC2013");
        }

        [Theory]
        [InlineData("micro_2_0", "micro_ha_2_0")]
        [InlineData("xlarge_1_0", "xlarge_ha_1_0")]
        [InlineData("custom", "a bundle id with _ha_, such as micro_ha_2_0")]
        [InlineData("_2_0", "a bundle id with _ha_, such as micro_ha_2_0")]
        public void High_availability_variant_of_a_bundle_id(string bundle, string expected)
            => Assert.Equal(expected, IAC2013_LightsailDatabaseSingleAz.HighAvailabilityVariant(bundle));
    }
}
