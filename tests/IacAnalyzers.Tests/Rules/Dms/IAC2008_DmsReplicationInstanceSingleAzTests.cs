using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Host;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = IacAnalyzers.Tests.Verifier.CSharpCodeFixVerifier<IacAnalyzers.Host.TemplateAnalyzer, IacAnalyzers.CodeFixes.Templates.TemplateCodeFixProvider>;

namespace IacAnalyzers.Tests.Rules.Dms
{
    /// <summary>
    /// IAC2008 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for DMS (only <c>CfnReplicationInstance</c>),
    /// so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2008_DmsReplicationInstanceSingleAzTests
    {
        [Fact]
        public async Task Yaml_missing_or_false_MultiAZ_is_flagged()
        {
            var test = new CSharpAnalyzerVerifier<TemplateAnalyzer>.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("dms.yaml", """
                            Resources:
                              [|Missing|]:
                                Type: AWS::DMS::ReplicationInstance
                                Properties:
                                  ReplicationInstanceClass: dms.t3.medium
                              Off:
                                Type: AWS::DMS::ReplicationInstance
                                Properties:
                                  ReplicationInstanceClass: dms.t3.medium
                                  MultiAZ: [|false|]
                              On:
                                Type: AWS::DMS::ReplicationInstance
                                Properties:
                                  ReplicationInstanceClass: dms.t3.medium
                                  MultiAZ: true
                              Unknown:
                                Type: AWS::DMS::ReplicationInstance
                                Properties:
                                  ReplicationInstanceClass: dms.t3.medium
                                  MultiAZ: !Ref MultiAz
                              Serverless:
                                Type: AWS::DMS::ReplicationConfig
                                Properties:
                                  ReplicationConfigIdentifier: orders
                                  ReplicationType: full-load-and-cdc
                                  SourceEndpointArn: !Ref Source
                                  TargetEndpointArn: !Ref Target
                                  TableMappings: {}
                                  [|ComputeConfig|]:
                                    MaxCapacityUnits: 16
                              ServerlessOff:
                                Type: AWS::DMS::ReplicationConfig
                                Properties:
                                  ReplicationConfigIdentifier: billing
                                  ReplicationType: cdc
                                  SourceEndpointArn: !Ref Source
                                  TargetEndpointArn: !Ref Target
                                  TableMappings: {}
                                  ComputeConfig:
                                    MaxCapacityUnits: 16
                                    MultiAZ: [|false|]
                              ServerlessOn:
                                Type: AWS::DMS::ReplicationConfig
                                Properties:
                                  ReplicationConfigIdentifier: events
                                  ReplicationType: cdc
                                  SourceEndpointArn: !Ref Source
                                  TargetEndpointArn: !Ref Target
                                  TableMappings: {}
                                  ComputeConfig:
                                    MaxCapacityUnits: 16
                                    MultiAZ: true
                            """),
                    },
                },
                RuleUnderTest = "IAC2008",
            };
            await test.RunAsync();
            Assert.Contains(
                "DMS replication instance 'Missing' runs in a single Availability Zone (MultiAZ is not set and defaults to false): set MultiAZ to true " +
                "so a standby in another zone takes over the replication on failure [Reliability · REL10-BP01]",
                test.ReportedDiagnostics.Select(d => d.GetMessage()));
            Assert.Contains(test.ReportedDiagnostics, d => d.GetMessage().StartsWith(
                "DMS Serverless replication 'Serverless' runs in a single Availability Zone (ComputeConfig.MultiAZ is not set and defaults to false)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Json_fix_sets_MultiAZ_unless_a_zone_is_pinned()
        {
            await new VerifyFix.Test
            {
                TestState =
                {
                    AdditionalFiles =
                    {
                        ("dms.json", """
                            { "Resources": {
                                "Off": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "MultiAZ": {|IAC2008:false|} } },
                                "Pinned": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "AvailabilityZone": "us-east-1a", "MultiAZ": {|IAC2008:false|} } } } }
                            """),
                    },
                },
                FixedState =
                {
                    AdditionalFiles =
                    {
                        ("dms.json", """
                            { "Resources": {
                                "Off": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "MultiAZ": true } },
                                "Pinned": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.medium", "AvailabilityZone": "us-east-1a", "MultiAZ": {|IAC2008:false|} } } } }
                            """),
                    },
                    MarkupHandling = MarkupMode.Allow,
                },
            }.RunAsync();
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
            await CdkVerifier.VerifyFixAsync("""
                using Amazon.CDK.AWS.DMS;

                public class MigrationStack : Stack
                {
                    public MigrationStack(Construct scope) : base(scope, "Migration")
                    {
                        new CfnReplicationInstance(this, "Off", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium", MultiAz = [|false|] });
                    }
                }
                """, """
                using Amazon.CDK.AWS.DMS;

                public class MigrationStack : Stack
                {
                    public MigrationStack(Construct scope) : base(scope, "Migration")
                    {
                        new CfnReplicationInstance(this, "Off", new CfnReplicationInstanceProps { ReplicationInstanceClass = "dms.t3.medium", MultiAz = true });
                    }
                }
                """, id: "IAC2008");
        }
    }
}
