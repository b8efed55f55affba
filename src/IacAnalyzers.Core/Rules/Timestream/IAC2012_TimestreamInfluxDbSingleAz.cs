using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Timestream
{
    /// <summary>
    /// IAC2012: an <c>AWS::Timestream::InfluxDBInstance</c> without a Multi-AZ standby. <c>DeploymentType</c> is
    /// SINGLE_AZ | WITH_MULTIAZ_STANDBY ("Specifies whether the Timestream for InfluxDB is deployed as Single-AZ or with a
    /// MultiAZ Standby for High availability"); it is optional and a DB instance gets a standby only when asked for one, so
    /// a missing value is SINGLE_AZ. Flagged, once per instance: missing, SINGLE_AZ (any case), or removed by
    /// <c>!Ref AWS::NoValue</c> in some branch. Unknown values are not flagged. The fix sets WITH_MULTIAZ_STANDBY (adding
    /// the property when missing) for a value written without a branch, unless <c>VpcSubnetIds</c> is a list of fewer than
    /// two subnets (the standby needs subnets in two zones). <c>AWS::Timestream::InfluxDBCluster</c> is not checked: a
    /// read replica cluster always places its writer and reader in separate zones.
    /// </summary>
    public sealed class IAC2012_TimestreamInfluxDbSingleAz : Rule
    {
        public const string Instance = "AWS::Timestream::InfluxDBInstance";

        private const string DeploymentType = "DeploymentType";
        private const string SingleAz = "SINGLE_AZ";
        private const string MultiAzStandby = "WITH_MULTIAZ_STANDBY";

        public IAC2012_TimestreamInfluxDbSingleAz()
            : base(RuleCatalog.TimestreamInfluxDbSingleAz, Instance)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var props = resource.Properties;
            var fixable = !(props.Get("VpcSubnetIds") is ListValue subnets && subnets.Items.Count < 2);
            var entry = props.GetEntry(DeploymentType);
            if (entry == null)
            {
                var add = fixable ? new SetPropertyFix(DeploymentType, MultiAzStandby, ScalarKind.String, props.Location, null, !resource.PropertiesWritten) : null;
                findings.Add(Create(resource, resource.Location, add, resource.Name,
                    FindingText.Suffix(DeploymentType + " is not set and defaults to " + SingleAz)));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                string why;
                if (leaf.Value is NoValue)
                {
                    why = "AWS::NoValue leaves " + DeploymentType + " unset (" + SingleAz + ")";
                }
                else if (leaf.Value.AsString() is string text && string.Equals(text.Trim(), SingleAz, StringComparison.OrdinalIgnoreCase))
                {
                    why = DeploymentType + " is " + SingleAz;
                }
                else
                {
                    continue;
                }

                var fix = fixable && !(leaf.Value is NoValue) && leaf.IsFixableInPlace()
                    ? new SetPropertyFix(DeploymentType, MultiAzStandby, ScalarKind.String, props.Location, leaf.ExistingForFix(), false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, resource.Name, FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value))));
                return;
            }
        }
    }
}
