using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Dlm
{
    /// <summary>
    /// IAC1033: a Data Lifecycle Manager policy whose cross-Region copies of unencrypted snapshots stay unencrypted.
    /// Reads <c>AWS::DLM::LifecyclePolicy.PolicyDetails.Schedules[].CrossRegionCopyRules[].Encrypted</c> (snapshot and
    /// AMI policies) and <c>PolicyDetails.Actions[].CrossRegionCopy[].EncryptionConfiguration.Encrypted</c> (event-based
    /// policies). DLM API: "Copies of encrypted snapshots are encrypted, even if this parameter is false or if encryption
    /// by default is not enabled"; false leaves copies of unencrypted snapshots unencrypted. Only a written false (in any
    /// branch) is flagged: <c>Encrypted</c> is required, so a missing value or <c>AWS::NoValue</c> is a template
    /// CloudFormation rejects, not an unencrypted copy; unknown values are not flagged. Default policies
    /// (<c>CrossRegionCopyTargets</c>) have no encryption setting: their copies keep the source's encryption state.
    /// One finding per copy rule or action, at the value; the fix sets it to true.
    /// </summary>
    public sealed class IAC1033_DlmCrossRegionCopyNotEncrypted : RequireTrueRule
    {
        public const string LifecyclePolicy = "AWS::DLM::LifecyclePolicy";

        private const string Encrypted = "Encrypted";

        public IAC1033_DlmCrossRegionCopyNotEncrypted()
            : base(RuleCatalog.DlmCrossRegionCopyNotEncrypted, LifecyclePolicy)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var policy = "DLM lifecycle policy '" + resource.Name + "'";
            foreach (var (details, detailsBranch) in Maps(resource.Properties.Get("PolicyDetails")))
            {
                foreach (var (schedule, scheduleBranch) in MapItems(details.Get("Schedules"), detailsBranch))
                {
                    var owner = Named("schedule", schedule.Get("Name")) + " of " + policy;
                    foreach (var (rule, ruleBranch) in MapItems(schedule.Get("CrossRegionCopyRules"), scheduleBranch))
                    {
                        var target = rule.Get("Target").AsString() ?? rule.Get("TargetRegion").AsString();
                        Check(resource, findings, "Cross-Region copy rule" + To(target) + " of " + owner, rule, ruleBranch);
                    }
                }

                foreach (var (action, actionBranch) in MapItems(details.Get("Actions"), detailsBranch))
                {
                    var owner = Named("action", action.Get("Name")) + " of " + policy;
                    foreach (var (copy, copyBranch) in MapItems(action.Get("CrossRegionCopy"), actionBranch))
                    {
                        var subject = "Cross-Region copy" + To(copy.Get("Target").AsString()) + " of " + owner;
                        foreach (var (encryption, encryptionBranch) in Maps(copy.Get("EncryptionConfiguration"), copyBranch))
                        {
                            Check(resource, findings, subject, encryption, encryptionBranch);
                        }
                    }
                }
            }
        }

        private void Check(ResourceView resource, IList<Finding> findings, string subject, MapValue container, BranchPath? branch)
        {
            // Required by CloudFormation: absent (or removed) is a template error, not an unencrypted copy.
            if (container.GetEntry(Encrypted) == null)
            {
                return;
            }

            RequireTrue(resource, findings, subject, container, branch, Encrypted, container.Location,
                Encrypted + " is not set", flagRemoved: false);
        }

        /// <summary>The maps a list may hold, crossing one-of branches at the list and the item level.</summary>
        private static IEnumerable<(MapValue Map, BranchPath? Branch)> MapItems(Value? list, BranchPath? outer)
        {
            foreach (var (item, itemBranch) in Items(list, outer))
            {
                foreach (var map in Maps(item, itemBranch))
                {
                    yield return map;
                }
            }
        }

        private static string Named(string kind, Value? name)
        {
            var text = name.AsString();
            return text == null ? "a " + kind : kind + " '" + text + "'";
        }

        private static string To(string? target) => target == null ? string.Empty : " to '" + target + "'";
    }
}
