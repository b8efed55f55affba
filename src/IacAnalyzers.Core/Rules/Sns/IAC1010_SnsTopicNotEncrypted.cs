using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Sns
{
    /// <summary>
    /// IAC1010: an SNS topic without server-side encryption. CloudFormation: <c>AWS::SNS::Topic.KmsMasterKeyId</c>
    /// absent means SSE is off (there is no other switch). A written key, or an unknown one, is clean; a branch that
    /// removes it (<c>AWS::NoValue</c>), sets it to null or writes an empty string is flagged. An empty parameter
    /// <c>Default</c> is not: it usually stands for a key given at deployment (the optional-key pattern).
    /// </summary>
    public sealed class IAC1010_SnsTopicNotEncrypted : Rule
    {
        public const string Topic = "AWS::SNS::Topic";
        private const string Property = "KmsMasterKeyId";

        public IAC1010_SnsTopicNotEncrypted()
            : base(RuleCatalog.SnsTopicNotEncrypted, Topic)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var subject = "SNS topic '" + resource.Name + "'";
            var entry = resource.Properties.GetEntry(Property);
            if (entry == null)
            {
                findings.Add(Create(resource, resource.Location, null, subject, " (KmsMasterKeyId is not set, so server-side encryption is off)"));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                string? why = leaf.Value is NoValue ? "AWS::NoValue leaves KmsMasterKeyId unset"
                    : leaf.Value is ScalarValue s && s.Kind == ScalarKind.Null ? "KmsMasterKeyId is null"
                    : leaf.Value is ScalarValue e && e.Text.Length == 0 && leaf.Value.Origin != ValueOrigin.ParameterDefault ? "KmsMasterKeyId is empty"
                    : null;
                if (why == null)
                {
                    continue;
                }

                findings.Add(Create(resource, leaf.Value.Location, null, subject, FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value))));

                // One finding per property: the first branch that leaves the topic unencrypted.
                return;
            }
        }
    }
}
