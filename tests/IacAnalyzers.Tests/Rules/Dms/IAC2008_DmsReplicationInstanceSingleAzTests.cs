using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Dms;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Dms
{
    /// <summary>
    /// IAC2008 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for DMS (only <c>CfnReplicationInstance</c>),
    /// so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2008_DmsReplicationInstanceSingleAzTests
    {
        private static readonly IAC2008_DmsReplicationInstanceSingleAz Rule = new IAC2008_DmsReplicationInstanceSingleAz();

        [Fact]
        public async Task Yaml_missing_or_false_MultiAZ_is_flagged()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Resources:
                """ + Resources("AWS::DMS::ReplicationInstance", "ReplicationInstanceClass: dms.t3.medium",
                ("{|#0:Missing|}", ""),
                ("Off", "MultiAZ: [|false|]"),
                ("On", "MultiAZ: true"),
                ("Unknown", "MultiAZ: !Ref MultiAz"))
                + Resources("AWS::DMS::ReplicationConfig", "SourceEndpointArn: !Ref Source\nTargetEndpointArn: !Ref Target\nTableMappings: {}",
                ("Serverless", "ReplicationConfigIdentifier: orders\nReplicationType: full-load-and-cdc\n[|ComputeConfig|]:\n  MaxCapacityUnits: 16"),
                ("ServerlessOff", "ReplicationConfigIdentifier: billing\nReplicationType: cdc\nComputeConfig:\n  MaxCapacityUnits: 16\n  MultiAZ: [|false|]"),
                ("ServerlessOn", "ReplicationConfigIdentifier: events\nReplicationType: cdc\nComputeConfig:\n  MaxCapacityUnits: 16\n  MultiAZ: true")), "dms.yaml", Reported(Rule,
                "DMS replication instance 'Missing' runs in a single Availability Zone (MultiAZ is not set and defaults to false): set MultiAZ to true " +
                "so a standby in another zone takes over the replication on failure [Reliability · REL10-BP01]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().StartsWith(
                "DMS Serverless replication 'Serverless' runs in a single Availability Zone (ComputeConfig.MultiAZ is not set and defaults to false)", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_fix_sets_MultiAZ_unless_a_zone_is_pinned()
        {
            var before = """
                { "Resources": {
                    "Off": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "MultiAZ": [|false|] } },
                    "Pinned": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "AvailabilityZone": "us-east-1a", "MultiAZ": [|false|] } } } }
                """;
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("\"MultiAZ\": [|false|] } },", "\"MultiAZ\": true } },")), "dms.json");
        }

        [Fact]
        public async Task L1_missing_MultiAz_is_flagged_and_fixed()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.DMS;

                public class MigrationStack : Stack
                {
                    public MigrationStack(Construct scope, bool multiAz) : base(scope, "Migration")
                    {
                        [|new CfnReplicationInstance(this, "Missing", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium" })|];
                        new CfnReplicationInstance(this, "On", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium", MultiAz = true });
                        new CfnReplicationInstance(this, "Unknown", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium", MultiAz = multiAz });
                    }
                }
                """, "IAC2008");
            var before = """
                using Amazon.CDK.AWS.DMS;

                public class MigrationStack : Stack
                {
                    public MigrationStack(Construct scope) : base(scope, "Migration")
                    {
                        new CfnReplicationInstance(this, "Off", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium", MultiAz = [|false|] });
                    }
                }
                """;
            await CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|false|]", "true")), id: "IAC2008");
        }
    }
}
