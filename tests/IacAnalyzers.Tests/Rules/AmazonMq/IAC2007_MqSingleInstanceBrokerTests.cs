using System;
using System.Threading.Tasks;
using IacAnalyzers.Rules.AmazonMq;
using IacAnalyzers.Tests.Verifier;
using Xunit;
using static IacAnalyzers.Tests.Verifier.TemplateVerifier;

namespace IacAnalyzers.Tests.Rules.AmazonMq
{
    /// <summary>
    /// IAC2007 in templates and C#. Amazon.CDK.Lib 2.160.0 has no L2 construct for Amazon MQ (only <c>CfnBroker</c>),
    /// so the L1 is the whole CDK surface.
    /// </summary>
    public class IAC2007_MqSingleInstanceBrokerTests
    {
        private static readonly IAC2007_MqSingleInstanceBroker Rule = new IAC2007_MqSingleInstanceBroker();

        [Fact]
        public async Task Yaml_single_instance_is_flagged_and_multi_az_modes_are_clean()
        {
            var findings = await VerifyRuleAsync(Rule, """
                Parameters:
                  Mode:
                    Type: String
                    Default: SINGLE_INSTANCE
                Conditions:
                  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]
                Resources:
                  Single:
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: orders
                      EngineType: ACTIVEMQ
                      HostInstanceType: mq.m5.large
                      PubliclyAccessible: false
                      DeploymentMode: {|#0:SINGLE_INSTANCE|}
                  FromParameter:
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: billing
                      EngineType: RABBITMQ
                      HostInstanceType: mq.m5.large
                      PubliclyAccessible: false
                      DeploymentMode: [|!Ref Mode|]
                  DevSingle:
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: events
                      EngineType: ACTIVEMQ
                      HostInstanceType: mq.m5.large
                      PubliclyAccessible: false
                      DeploymentMode: !If [IsProd, ACTIVE_STANDBY_MULTI_AZ, [|SINGLE_INSTANCE|]]
                  Standby:
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: payments
                      EngineType: ACTIVEMQ
                      HostInstanceType: mq.m5.large
                      PubliclyAccessible: false
                      DeploymentMode: ACTIVE_STANDBY_MULTI_AZ
                  Cluster:
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: jobs
                      EngineType: RABBITMQ
                      HostInstanceType: mq.m5.large
                      PubliclyAccessible: false
                      DeploymentMode: CLUSTER_MULTI_AZ
                """, "mq.yaml", Reported(Rule,
                "Amazon MQ broker 'Single' runs as a single instance in one Availability Zone (DeploymentMode is SINGLE_INSTANCE): use DeploymentMode " +
                "ACTIVE_STANDBY_MULTI_AZ (ActiveMQ) or CLUSTER_MULTI_AZ (RabbitMQ) with subnets in several zones [Reliability · REL10-BP01]").WithLocation(0));
            Assert.Contains(findings, f => f.FormatMessage().Contains("(DeploymentMode is SINGLE_INSTANCE, from the Default of parameter 'Mode')", StringComparison.Ordinal));
        }

        [Fact]
        public Task Json_single_instance_is_flagged() =>
            VerifyRuleAsync(Rule, """
                { "Resources": {
                    "Single": { "Type": "AWS::AmazonMQ::Broker", "Properties": { "BrokerName": "a", "EngineType": "ACTIVEMQ", "DeploymentMode": [|"SINGLE_INSTANCE"|] } },
                    "Standby": { "Type": "AWS::AmazonMQ::Broker", "Properties": { "BrokerName": "b", "EngineType": "ACTIVEMQ", "DeploymentMode": "ACTIVE_STANDBY_MULTI_AZ" } } } }
                """, "mq.json");

        [Fact]
        public async Task L1_single_instance_is_flagged_and_standby_or_unknown_is_clean()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.AmazonMQ;

                public class QueueStack : Stack
                {
                    public QueueStack(Construct scope, string mode) : base(scope, "Queues")
                    {
                        new CfnBroker(this, "Single", new CfnBrokerProps { BrokerName = "a", EngineType = "ACTIVEMQ", HostInstanceType = "mq.m5.large", PubliclyAccessible = false, DeploymentMode = [|"SINGLE_INSTANCE"|] });
                        new CfnBroker(this, "Standby", new CfnBrokerProps { BrokerName = "b", EngineType = "ACTIVEMQ", HostInstanceType = "mq.m5.large", PubliclyAccessible = false, DeploymentMode = "ACTIVE_STANDBY_MULTI_AZ" });
                        new CfnBroker(this, "Unknown", new CfnBrokerProps { BrokerName = "c", EngineType = "ACTIVEMQ", HostInstanceType = "mq.m5.large", PubliclyAccessible = false, DeploymentMode = mode });
                    }
                }
                """, "IAC2007");
        }
    }
}
