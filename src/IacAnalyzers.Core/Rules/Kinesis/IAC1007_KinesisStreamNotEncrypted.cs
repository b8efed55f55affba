using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Kinesis
{
    /// <summary>
    /// IAC1007: a Kinesis data stream without server-side encryption. CloudFormation:
    /// <c>AWS::Kinesis::Stream.StreamEncryption</c> absent means no encryption (its only <c>EncryptionType</c> is
    /// <c>KMS</c>). A <c>StreamEncryption</c> that is written, or unknown, is not flagged.
    /// </summary>
    public sealed class IAC1007_KinesisStreamNotEncrypted : EncryptionRule
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

            // StreamEncryption: !If [Cond, {...}, !Ref AWS::NoValue] or a null branch: that branch stores unencrypted.
            foreach (var leaf in entry.Value.Leaves())
            {
                if (leaf.Value is ScalarValue s && s.Kind == ScalarKind.Null)
                {
                    var detail = leaf.Branch == null ? " (StreamEncryption is null)" : " (" + leaf.Branch + "; StreamEncryption is null)";
                    findings.Add(Create(resource, leaf.Value.Location, null, subject, detail));
                }
            }
        }
    }
}
