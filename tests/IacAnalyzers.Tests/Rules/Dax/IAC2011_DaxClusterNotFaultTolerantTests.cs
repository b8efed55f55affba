using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.Dax;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.Fixture;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.Dax
{
    /// <summary>
    /// IAC2011 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for DAX (only <c>CfnCluster</c>), so the
    /// L1 is the whole CDK surface.
    /// </summary>
    public class IAC2011_DaxClusterNotFaultTolerantTests
    {
        private static readonly IAC2011_DaxClusterNotFaultTolerant Rule = new IAC2011_DaxClusterNotFaultTolerant();

        private const string Cluster = "AWS::DAX::Cluster";
        private const string Shared = "NodeType: dax.r5.large\nIAMRoleARN: arn:aws:iam::111122223333:role/dax";
        private const string Usings = "using Amazon.CDK.AWS.DAX;";

        [Fact]
        public async Task Yaml_one_or_two_nodes_and_one_zone_are_flagged_with_the_full_message()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Nodes:
                    Type: Number
                    Default: 2
                Resources:
                """ + Resources(Cluster, Shared,
                ("Single", "ReplicationFactor: {|#0:1|}"),
                ("Pair", "ReplicationFactor: [|2|]"),
                ("FromParameter", "ReplicationFactor: [|!Ref Nodes|]"),
                ("OneZone", "ReplicationFactor: 3\nAvailabilityZones: {|#1:[us-east-1a, us-east-1a, us-east-1a]|}")), "dax.yaml",
                Reported(Rule, "DAX cluster 'Single' is not fault-tolerant across Availability Zones (ReplicationFactor is 1: one node, no replica): " +
                    "set ReplicationFactor to 3 or more and let DAX spread the nodes across zones (leave AvailabilityZones out, or list different zones) " +
                    "[Reliability · REL10-BP01]").WithLocation(0),
                Reported(Rule, "DAX cluster 'OneZone' is not fault-tolerant across Availability Zones (AvailabilityZones places every node in us-east-1a): " +
                    "set ReplicationFactor to 3 or more and let DAX spread the nodes across zones (leave AvailabilityZones out, or list different zones) " +
                    "[Reliability · REL10-BP01]").WithLocation(1));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(ReplicationFactor is 2: AWS calls two-node clusters not fault-tolerant; from the Default of parameter 'Nodes')", StringComparison.Ordinal));
        }

        [Fact]
        public Task Yaml_spread_or_unpinned_clusters_and_unknown_values_are_clean() =>
            VerifyRuleAsync(Rule, """
                Parameters:
                  Nodes:
                    Type: Number
                  Zone:
                    Type: AWS::EC2::AvailabilityZone::Name
                Resources:
                """ + Resources(Cluster, Shared,
                ("Three", "ReplicationFactor: 3"),
                ("Spread", "ReplicationFactor: 3\nAvailabilityZones: [us-east-1a, us-east-1b, us-east-1c]"),
                ("TwoZones", "ReplicationFactor: 3\nAvailabilityZones: [us-east-1a, us-east-1b, us-east-1a]"),
                ("UnknownNodes", "ReplicationFactor: !Ref Nodes"),
                ("UnknownZones", "ReplicationFactor: 3\nAvailabilityZones: [!Ref Zone, !Ref Zone, !Ref Zone]"),
                ("ComputedZones", "ReplicationFactor: 3\nAvailabilityZones: !GetAZs \"\"")), "dax.yaml");

        [Fact]
        public async Task Yaml_one_of_branches_are_named_and_flagged_once()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources(Cluster, Shared,
                ("Cache", "ReplicationFactor: !If [IsProd, 3, [|1|]]"),
                ("Zones", "ReplicationFactor: 3\nAvailabilityZones: !If [IsProd, [eu-west-1a, eu-west-1b, eu-west-1c], [|[eu-west-1a, eu-west-1a, eu-west-1a]|]]"),
                ("Both", "ReplicationFactor: !If [IsProd, [|1|], 2]")), "dax.yaml");
            Assert.Contains(findings, f => f.FormatMessage().StartsWith("DAX cluster 'Cache' is not fault-tolerant across Availability Zones (when condition 'IsProd' is false; ReplicationFactor is 1", StringComparison.Ordinal));
            Assert.Single(findings, f => f.FormatMessage().Contains("'Both'", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_single_node_is_flagged_and_three_nodes_are_clean() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Single": { "Type": "AWS::DAX::Cluster", "Properties": { "NodeType": "dax.r5.large", "IAMRoleARN": "arn", "ReplicationFactor": [|1|] } },
                    "Text": { "Type": "AWS::DAX::Cluster", "Properties": { "NodeType": "dax.r5.large", "IAMRoleARN": "arn", "ReplicationFactor": [|"2"|] } },
                    "OneZone": { "Type": "AWS::DAX::Cluster", "Properties": { "NodeType": "dax.r5.large", "IAMRoleARN": "arn", "ReplicationFactor": 3, "AvailabilityZones": [|["eu-west-1a", "eu-west-1a", "eu-west-1a"]|] } },
                    "Three": { "Type": "AWS::DAX::Cluster", "Properties": { "NodeType": "dax.r5.large", "IAMRoleARN": "arn", "ReplicationFactor": 3 } } } }
                """, "dax.json");

        [Fact]
        public async Task L1_single_node_and_one_zone_are_flagged_and_spread_or_unknown_are_clean()
        {
            await CdkVerifier.VerifyRuleAsync(CdkVerifier.InStack("""
                        new CfnCluster(this, "Single", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = [|1|] });
                        new CfnCluster(this, "OneZone", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = 3, AvailabilityZones = [|new[] { "eu-west-1a", "eu-west-1a", "eu-west-1a" }|] });
                        new CfnCluster(this, "Three", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = 3 });
                        new CfnCluster(this, "Spread", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = 3, AvailabilityZones = new[] { "eu-west-1a", "eu-west-1b", "eu-west-1c" } });
                        new CfnCluster(this, "UnknownNodes", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = nodes });
                        new CfnCluster(this, "UnknownZones", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = 3, AvailabilityZones = zones });
                """, "double nodes, string[] zones", usings: Usings, name: "Caches"), "IAC2011");
        }

        [Fact]
        public Task Yaml_single_node_is_fixed_to_three()
        {
            var before = """
                Resources:
                """ + Resources(Cluster, Shared, ("Cache", "ReplicationFactor: [|1|]"));
            return VerifyFixAsync(Rule.Info.Id, before, Edited(before, ("[|1|]", "3")), "dax.yaml");
        }

        [Fact]
        public Task Yaml_pinned_zones_or_a_branch_get_no_fix() =>
            VerifyNoFixAsync(Rule.Info.Id, """
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                """ + Resources(Cluster, Shared,
                ("Pinned", "ReplicationFactor: [|1|]\nAvailabilityZones: [us-east-1a]"),
                ("Branch", "ReplicationFactor: !If [IsProd, 3, [|1|]]"),
                ("OneZone", "ReplicationFactor: 3\nAvailabilityZones: [|[us-east-1a, us-east-1a, us-east-1a]|]")), "dax.yaml");

        [Fact]
        public Task L1_single_node_is_fixed_to_three()
        {
            var before = CdkVerifier.InStack("""
                        new CfnCluster(this, "Single", new CfnClusterProps { NodeType = "dax.r5.large", IamRoleArn = "arn", ReplicationFactor = [|1|] });
                """, usings: Usings, name: "Caches");
            return CdkVerifier.VerifyFixAsync(before, Edited(before, ("[|1|]", "3")), id: "IAC2011");
        }
    }
}
