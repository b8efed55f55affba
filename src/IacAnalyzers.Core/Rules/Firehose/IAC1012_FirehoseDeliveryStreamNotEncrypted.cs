using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Firehose
{
    /// <summary>
    /// IAC1012: a Firehose delivery stream that producers write to directly, without server-side encryption.
    /// CloudFormation: <c>AWS::KinesisFirehose::DeliveryStream</c> whose <c>DeliveryStreamType</c> is <c>DirectPut</c>
    /// (or absent: DirectPut is the default) and that has no <c>DeliveryStreamEncryptionConfigurationInput</c>. Other
    /// source types are clean: <c>KinesisStreamAsSource</c> relies on the source stream's encryption (IAC1007), and
    /// Firehose SSE is not offered for the others. An unknown type is not checked.
    /// </summary>
    public sealed class IAC1012_FirehoseDeliveryStreamNotEncrypted : Rule
    {
        public const string DeliveryStream = "AWS::KinesisFirehose::DeliveryStream";
        private const string Property = "DeliveryStreamEncryptionConfigurationInput";
        private const string DirectPut = "DirectPut";

        public IAC1012_FirehoseDeliveryStreamNotEncrypted()
            : base(RuleCatalog.FirehoseDeliveryStreamNotEncrypted, DeliveryStream)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var type = resource.Properties.Get("DeliveryStreamType");
            if (type != null && !MayBeDirectPut(type))
            {
                return;
            }

            var subject = "Firehose delivery stream '" + resource.Name + "'";
            var how = type == null ? "DeliveryStreamType defaults to DirectPut" : "a DirectPut stream";
            var entry = resource.Properties.GetEntry(Property);
            if (entry == null)
            {
                findings.Add(Create(resource, resource.Location, null, subject, " (" + how + " and DeliveryStreamEncryptionConfigurationInput is not set)"));
                return;
            }

            foreach (var leaf in entry.Value.Leaves())
            {
                string? why = leaf.Value is NoValue ? "AWS::NoValue leaves DeliveryStreamEncryptionConfigurationInput unset"
                    : leaf.Value is ScalarValue s && s.Kind == ScalarKind.Null ? "DeliveryStreamEncryptionConfigurationInput is null"
                    : null;
                if (why == null)
                {
                    continue;
                }

                findings.Add(Create(resource, leaf.Value.Location, null, subject, FindingText.Suffix(leaf.Branch, why, FindingText.From(leaf.Value))));

                // One finding per property: the first branch that leaves the stream unencrypted.
                return;
            }
        }

        /// <summary>True when some branch of the written type is DirectPut (unknown branches do not count).</summary>
        private static bool MayBeDirectPut(Value type)
        {
            foreach (var leaf in type.Leaves())
            {
                if (leaf.Value is NoValue || string.Equals(leaf.Value.AsString(), DirectPut, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
