using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.AmazonMq
{
    /// <summary>
    /// IAC2007: an Amazon MQ broker with <c>DeploymentMode: SINGLE_INSTANCE</c>. <c>AWS::AmazonMQ::Broker.DeploymentMode</c>
    /// is required (SINGLE_INSTANCE | ACTIVE_STANDBY_MULTI_AZ | CLUSTER_MULTI_AZ), so there is no default to assume: a
    /// missing or unknown mode is not flagged; SINGLE_INSTANCE in any branch is (once per broker). No fix.
    /// </summary>
    public sealed class IAC2007_MqSingleInstanceBroker : Rule
    {
        public const string Broker = "AWS::AmazonMQ::Broker";

        public IAC2007_MqSingleInstanceBroker()
            : base(RuleCatalog.MqSingleInstanceBroker, Broker)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var mode = resource.Properties.Get("DeploymentMode");
            if (mode == null)
            {
                return;
            }

            foreach (var leaf in mode.Leaves())
            {
                if (leaf.Value.AsString() is string text && string.Equals(text.Trim(), "SINGLE_INSTANCE", StringComparison.OrdinalIgnoreCase))
                {
                    var why = leaf.Value.Provenance != null ? "DeploymentMode is SINGLE_INSTANCE, " + FindingText.From(leaf.Value) : "DeploymentMode is SINGLE_INSTANCE";
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, FindingText.Suffix(leaf.Branch, why)));
                    return;
                }
            }
        }
    }
}
