using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Kinesis
{
    /// <summary>
    /// IAC1007: a Kinesis data stream without server-side encryption. CloudFormation:
    /// <c>AWS::Kinesis::Stream.StreamEncryption</c> absent means no encryption (its only <c>EncryptionType</c> is
    /// <c>KMS</c>). A <c>StreamEncryption</c> that is written, or unknown, is not flagged; a branch that removes it
    /// (<c>AWS::NoValue</c>) or sets it to null is. (A CDK adapter gives <c>StreamEncryption.UNENCRYPTED</c> as a null
    /// value whose provenance names it.)
    /// </summary>
    public sealed class IAC1007_KinesisStreamNotEncrypted : RequireTrueRule
    {
        public const string Stream = "AWS::Kinesis::Stream";

        public IAC1007_KinesisStreamNotEncrypted()
            : base(RuleCatalog.KinesisStreamNotEncrypted, Stream)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var entry = resource.Properties.GetEntry("StreamEncryption");
            var subject = "Kinesis stream '" + resource.Name + "'";
            if (entry == null)
            {
                findings.Add(Create(resource, resource.Location, null, subject, " (StreamEncryption is not set, so records are stored unencrypted)"));
                return;
            }

            // StreamEncryption: !If [Cond, {...}, !Ref AWS::NoValue], or null: that branch stores records unencrypted.
            foreach (var leaf in entry.Value.Leaves())
            {
                string? why = IsRemoved(leaf.Value) ? "AWS::NoValue leaves StreamEncryption unset"
                    : leaf.Value is ScalarValue s && s.Kind == ScalarKind.Null ? "StreamEncryption is null"
                    : null;
                if (why == null)
                {
                    continue;
                }

                findings.Add(Create(resource, leaf.Value.Location, null, subject, FindingText.Suffix(leaf.Branch, FindingText.From(leaf.Value) ?? why)));

                // One finding per property: the first branch that leaves the stream unencrypted.
                return;
            }
        }
    }
}
