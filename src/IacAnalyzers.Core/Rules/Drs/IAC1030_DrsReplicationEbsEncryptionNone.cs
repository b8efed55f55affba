using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Drs
{
    /// <summary>
    /// IAC1030: an <c>AWS::DRS::ReplicationConfigurationTemplate</c> whose <c>EbsEncryption</c> is <c>NONE</c> (in any
    /// branch, any case). The property is required and has three values: <c>DEFAULT</c> (the account's default EBS KMS
    /// key), <c>CUSTOM</c> (the key in <c>EbsEncryptionKeyArn</c>) and <c>NONE</c>; only <c>NONE</c> asks for no EBS
    /// encryption of the staging-area volumes and snapshots that hold the replicated disks. One finding per template, at
    /// the first <c>NONE</c>; the fix writes <c>DEFAULT</c>, which needs no key. Unknown values are not flagged.
    /// </summary>
    public sealed class IAC1030_DrsReplicationEbsEncryptionNone : Rule
    {
        public const string ReplicationConfigurationTemplate = "AWS::DRS::ReplicationConfigurationTemplate";
        private const string Property = "EbsEncryption";

        public IAC1030_DrsReplicationEbsEncryptionNone()
            : base(RuleCatalog.DrsReplicationEbsEncryptionNone, ReplicationConfigurationTemplate)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var value = resource.Properties.Get(Property);
            if (value == null)
            {
                return;
            }

            foreach (var leaf in value.Leaves())
            {
                if (!(leaf.Value.AsString() is string text) || !string.Equals(text.Trim(), "NONE", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var fix = leaf.IsFixableInPlace()
                    ? new SetPropertyFix(Property, "DEFAULT", ScalarKind.String, resource.Properties.Location, leaf.ExistingForFix(), false)
                    : null;
                findings.Add(Create(resource, leaf.Value.Location, fix, "DRS replication configuration template '" + resource.Name + "'", leaf.Detail()));
                return;
            }
        }
    }
}
