using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// The declarative base for "this boolean property must be true" rules, where the CloudFormation default
    /// (property missing) is false. Missing → finding at the resource with a fix that adds the property; written
    /// false (in any branch) → finding at the value with a fix that replaces it; unknown → nothing.
    /// </summary>
    public abstract class BooleanPropertyRule : Rule
    {
        protected BooleanPropertyRule(RuleInfo info, string property, params string[] resourceTypes)
            : base(info, resourceTypes)
        {
            Property = property;
        }

        /// <summary>The CloudFormation property name, e.g. <c>MultiAZ</c>.</summary>
        public string Property { get; }

        /// <summary>False when the rule does not apply to this resource (e.g. an Aurora cluster member).</summary>
        protected virtual bool Applies(ResourceView resource) => true;

        /// <summary>The message arguments before the detail suffix; by default the resource name.</summary>
        protected virtual object[] Arguments(ResourceView resource, string detail) => new object[] { resource.Name, detail };

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (!Applies(resource))
            {
                return;
            }

            var entry = resource.Properties.GetEntry(Property);
            if (entry == null)
            {
                var fix = new SetPropertyFix(Property, "true", ScalarKind.Boolean, resource.Properties.Location, null, !resource.PropertiesWritten);
                findings.Add(Create(resource, resource.Location, fix, Arguments(resource, " (" + Property + " is not set and defaults to false)")));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                if (leaf.Value.IsFalse())
                {
                    var fix = leaf.Branch == null && leaf.Value.Provenance == null
                        ? new SetPropertyFix(Property, "true", ScalarKind.Boolean, resource.Properties.Location, leaf.Value, false)
                        : null;
                    findings.Add(Create(resource, leaf.Value.Location, fix, Arguments(resource, leaf.Detail())));
                }
            }
        }
    }
}
