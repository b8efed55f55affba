using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Lightsail
{
    /// <summary>
    /// IAC2013: an <c>AWS::Lightsail::Database</c> on a standard plan. The plan is <c>RelationalDatabaseBundleId</c>
    /// (required, replacement on change): Lightsail's database bundles come in pairs, <c>&lt;size&gt;_&lt;version&gt;</c>
    /// (standard: one database in one zone) and <c>&lt;size&gt;_ha_&lt;version&gt;</c> ("with High Availability": a
    /// standby in a secondary zone for failover). Flagged, once per database: a known bundle id without <c>_ha_</c> in
    /// some branch. Unknown bundle ids are not flagged. No fix (a new plan is a new database).
    /// </summary>
    public sealed class IAC2013_LightsailDatabaseSingleAz : Rule
    {
        public const string Database = "AWS::Lightsail::Database";

        private const string BundleId = "RelationalDatabaseBundleId";
        private const string HaInfix = "_ha_";

        public IAC2013_LightsailDatabaseSingleAz()
            : base(RuleCatalog.LightsailDatabaseSingleAz, Database)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var bundle = resource.Properties.Get(BundleId);
            if (bundle == null)
            {
                return;
            }

            foreach (var leaf in bundle.Leaves())
            {
                if (!(leaf.Value.AsString() is string text) || text.Trim().Length == 0 || IsHighAvailability(text))
                {
                    continue;
                }

                var id = text.Trim();
                var why = BundleId + " is " + id + ", a standard plan";
                findings.Add(Create(resource, leaf.Value.Location, null, resource.Name,
                    FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value)), HighAvailabilityVariant(id)));
                return;
            }
        }

        /// <summary>True for a bundle id of a high availability plan (<c>micro_ha_2_0</c>).</summary>
        public static bool IsHighAvailability(string bundleId)
            => bundleId.IndexOf(HaInfix, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// The high availability twin of a standard bundle id of the usual shape (<c>micro_2_0</c> gives
        /// <c>micro_ha_2_0</c>), or a description of one when the id has another shape.
        /// </summary>
        public static string HighAvailabilityVariant(string bundleId)
        {
            var underscore = bundleId.IndexOf('_');
            if (underscore <= 0 || underscore == bundleId.Length - 1)
            {
                return "a bundle id with " + HaInfix + ", such as micro_ha_2_0";
            }

            return bundleId.Substring(0, underscore) + HaInfix + bundleId.Substring(underscore + 1);
        }
    }
}
