using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Timestream;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Timestream
{
    /// <summary>
    /// IAC2012 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for Timestream (only
    /// <c>CfnInfluxDBInstance</c> and the LiveAnalytics L1s), so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2012_TimestreamInfluxDbSingleAzTests
    {
        private static readonly IAC2012_TimestreamInfluxDbSingleAz Rule = new IAC2012_TimestreamInfluxDbSingleAz();

        private const string Instance = "AWS::Timestream::InfluxDBInstance";
        private const string Shared = "DbInstanceType: db.influx.medium\nAllocatedStorage: 20\nVpcSecurityGroupIds: [sg-1]";
        private const string Usings = "using Amazon.CDK.AWS.Timestream;";

        [Fact]
        public async Task Yaml_missing_and_single_az_are_flagged_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Deployment:
                    Type: String
                    Default: SINGLE_AZ
                Resources:
                """ + Resources(Instance, Shared + "\nVpcSubnetIds: [subnet-1]",
                ("{|#0:Metrics|}", "Name: metrics"),
                ("Explicit", "Name: explicit\nDeploymentType: {|#1:single_az|}"),
                ("FromParameter", "Name: fromparameter\nDeploymentType: [|!Ref Deployment|]")), "influx.yaml",
                Reported(Rule, "Timestream for InfluxDB instance 'Metrics' runs in a single Availability Zone (DeploymentType is not set and defaults to SINGLE_AZ): " +
                    "set DeploymentType to WITH_MULTIAZ_STANDBY, with VpcSubnetIds in two zones, so a standby in another zone takes over on failure " +
                    "[Reliability · REL10-BP01]").WithLocation(0),
                Reported(Rule, "Timestream for InfluxDB instance 'Explicit' runs in a single Availability Zone (DeploymentType is SINGLE_AZ): " +
                    "set DeploymentType to WITH_MULTIAZ_STANDBY, with VpcSubnetIds in two zones, so a standby in another zone takes over on failure " +
                    "[Reliability · REL10-BP01]").WithLocation(1));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(DeploymentType is SINGLE_AZ; from the Default of parameter 'Deployment')", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_multi_az_and_unknown_instances_are_clean_and_clusters_are_not_read() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Deployment:
                    Type: String
                Resources:
                """ + Resources(Instance, Shared + "\nVpcSubnetIds: [subnet-1, subnet-2]",
                ("Standby", "Name: standby\nDeploymentType: WITH_MULTIAZ_STANDBY"),
                ("Unknown", "Name: unknown\nDeploymentType: !Ref Deployment"))
                + Resources("AWS::Timestream::InfluxDBCluster", Shared + "\nVpcSubnetIds: [subnet-1, subnet-2]",
                ("Cluster", "Name: cluster\nDeploymentType: MULTI_NODE_READ_REPLICAS\nFailoverMode: AUTOMATIC")), "influx.yaml");

        [Fact]
        public async Task Yaml_one_of_branches_and_no_value_are_named()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources(Instance, Shared + "\nVpcSubnetIds: [subnet-1, subnet-2]",
                ("Branch", "Name: branch\nDeploymentType: !If [IsProd, WITH_MULTIAZ_STANDBY, [|SINGLE_AZ|]]"),
                ("Removed", "Name: removed\nDeploymentType: !If [IsProd, WITH_MULTIAZ_STANDBY, [|!Ref AWS::NoValue|]]")), "influx.yaml");
            Assert.Contains(findings, f => f.FormatMessage().Contains("(when condition 'IsProd' is false; DeploymentType is SINGLE_AZ)", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(when condition 'IsProd' is false; AWS::NoValue leaves DeploymentType unset (SINGLE_AZ))", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_single_az_is_flagged_and_standby_is_clean() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Single": { "Type": "AWS::Timestream::InfluxDBInstance", "Properties": { "Name": "a", "DbInstanceType": "db.influx.medium", "AllocatedStorage": 20, "VpcSubnetIds": ["subnet-1"], "VpcSecurityGroupIds": ["sg-1"], "DeploymentType": [|"SINGLE_AZ"|] } },
                    [|"Default"|]: { "Type": "AWS::Timestream::InfluxDBInstance", "Properties": { "Name": "b", "DbInstanceType": "db.influx.medium", "AllocatedStorage": 20, "VpcSubnetIds": ["subnet-1"], "VpcSecurityGroupIds": ["sg-1"] } },
                    "Standby": { "Type": "AWS::Timestream::InfluxDBInstance", "Properties": { "Name": "c", "DbInstanceType": "db.influx.medium", "AllocatedStorage": 20, "VpcSubnetIds": ["subnet-1", "subnet-2"], "VpcSecurityGroupIds": ["sg-1"], "DeploymentType": "WITH_MULTIAZ_STANDBY" } } } }
                """, "influx.json");

        [Fact]
        public async Task L1_missing_and_single_az_are_flagged_and_standby_or_unknown_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack("""
                        [|new CfnInfluxDBInstance(this, "Default", new CfnInfluxDBInstanceProps { Name = "a", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1" }, VpcSecurityGroupIds = new[] { "sg-1" } })|];
                        new CfnInfluxDBInstance(this, "Single", new CfnInfluxDBInstanceProps { Name = "b", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1" }, VpcSecurityGroupIds = new[] { "sg-1" }, DeploymentType = [|"SINGLE_AZ"|] });
                        new CfnInfluxDBInstance(this, "Standby", new CfnInfluxDBInstanceProps { Name = "c", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1", "subnet-2" }, VpcSecurityGroupIds = new[] { "sg-1" }, DeploymentType = "WITH_MULTIAZ_STANDBY" });
                        new CfnInfluxDBInstance(this, "Unknown", new CfnInfluxDBInstanceProps { Name = "d", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1", "subnet-2" }, VpcSecurityGroupIds = new[] { "sg-1" }, DeploymentType = deployment });
                """, "string deployment", usings: Usings, name: "Metrics"), "IAC2012");
        }

        [Fact]
        public Task Yaml_missing_deployment_type_is_added()
        {
            var before = """
                Resources:
                """ + Resources(Instance, Shared, ("[|Metrics|]", "Name: metrics\nVpcSubnetIds: [subnet-1, subnet-2]"));
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before,
                ("[|Metrics|]", "Metrics"),
                ("VpcSubnetIds: [subnet-1, subnet-2]", "VpcSubnetIds: [subnet-1, subnet-2]\nDeploymentType: WITH_MULTIAZ_STANDBY")), "influx.yaml");
        }

        [Fact]
        public Task Yaml_single_az_is_replaced_by_the_standby()
        {
            var before = """
                Resources:
                """ + Resources(Instance, Shared, ("Metrics", "Name: metrics\nDeploymentType: [|SINGLE_AZ|]\nVpcSubnetIds: [subnet-1, subnet-2]"));
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|SINGLE_AZ|]", "WITH_MULTIAZ_STANDBY")), "influx.yaml");
        }

        [Fact]
        public Task Yaml_one_subnet_a_branch_or_a_parameter_get_no_fix() =>
            VerifyNoFixAsync(Rule.Info.Id, """
                Parameters:
                  Deployment:
                    Type: String
                    Default: SINGLE_AZ
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources(Instance, Shared,
                ("[|OneSubnet|]", "Name: one\nVpcSubnetIds: [subnet-1]"),
                ("Branch", "Name: branch\nVpcSubnetIds: [subnet-1, subnet-2]\nDeploymentType: !If [IsProd, WITH_MULTIAZ_STANDBY, [|SINGLE_AZ|]]"),
                ("FromParameter", "Name: parameter\nVpcSubnetIds: [subnet-1, subnet-2]\nDeploymentType: [|!Ref Deployment|]")), "influx.yaml");

        [Fact]
        public Task L1_single_az_is_replaced_by_the_standby()
        {
            var before = CdkVerifier.InStack("""
                        new CfnInfluxDBInstance(this, "Single", new CfnInfluxDBInstanceProps { Name = "b", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1", "subnet-2" }, DeploymentType = [|"SINGLE_AZ"|] });
                """, usings: Usings, name: "Metrics");
            return CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|\"SINGLE_AZ\"|]", "\"WITH_MULTIAZ_STANDBY\"")), id: "IAC2012");
        }

        [Fact]
        public Task L1_missing_deployment_type_is_added()
        {
            var before = CdkVerifier.InStack("""
                        [|new CfnInfluxDBInstance(this, "Default", new CfnInfluxDBInstanceProps { Name = "a", DbInstanceType = "db.influx.medium", AllocatedStorage = 20, VpcSubnetIds = new[] { "subnet-1", "subnet-2" } })|];
                """, usings: Usings, name: "Metrics");
            return CdkVerifier.VerifyFixAsync(before, Edited(before,
                ("[|new", "new"),
                ("\"subnet-2\" } })|];", "\"subnet-2\" }, DeploymentType = \"WITH_MULTIAZ_STANDBY\" });")), id: "IAC2012");
        }
    }
}
