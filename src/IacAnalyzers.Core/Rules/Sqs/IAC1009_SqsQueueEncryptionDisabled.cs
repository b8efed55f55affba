using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Sqs
{
    /// <summary>
    /// IAC1009: an SQS queue whose default encryption is switched off. New queues are encrypted with SSE-SQS by
    /// default, so a queue is flagged only when <c>SqsManagedSseEnabled</c> is written false (in any branch) and
    /// no <c>KmsMasterKeyId</c> is set. A queue without either property is encrypted and clean; demanding a
    /// customer-managed key is a different, opt-in concern.
    /// </summary>
    public sealed class IAC1009_SqsQueueEncryptionDisabled : RequireTrueRule
    {
        public const string Queue = "AWS::SQS::Queue";

        public IAC1009_SqsQueueEncryptionDisabled()
            : base(RuleCatalog.SqsQueueEncryptionDisabled, Queue)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var sse = resource.Properties.Get("SqsManagedSseEnabled");
            if (sse == null || IsWritten(resource.Properties, "KmsMasterKeyId"))
            {
                return;
            }

            foreach (var leaf in sse.Leaves())
            {
                if (!leaf.Value.IsFalse())
                {
                    continue;
                }

                // With a KMS key in some branches, SqsManagedSseEnabled: true would clash with it there: no fix then.
                var fix = leaf.IsFixableInPlace() && !IsPartlyWritten(resource.Properties, "KmsMasterKeyId")
                    ? new SetPropertyFix("SqsManagedSseEnabled", "true", ScalarKind.Boolean, resource.Properties.Location, leaf.ExistingForFix(), false)
                    : null;
                var detail = leaf.Detail();
                findings.Add(Create(resource, leaf.Value.Location, fix, "SQS queue '" + resource.Name + "'",
                    detail.Length == 0 ? " (SqsManagedSseEnabled is false and no KmsMasterKeyId is set)" : detail));

                // One finding per property: the first branch that switches encryption off.
                return;
            }
        }
    }
}
