using System;
using IacAnalyzers.Model;

namespace IacAnalyzers.Iam
{
    /// <summary>Why an action wildcard is, or is not, a service-wide grant (IAC1202's line, shared with IAC1204).</summary>
    public enum WildcardVerdict
    {
        /// <summary>Not an action wildcard the rule judges (no wildcard, <c>*</c> itself, no service prefix).</summary>
        NotJudged,

        /// <summary>Expands to List/Read/Tagging actions only, or to nothing the table knows (other than <c>svc:*</c>).</summary>
        ReadOnly,

        /// <summary>
        /// <c>ssmmessages:*</c>, <c>ec2messages:*</c>: the message channels of the SSM agent. AWS's own
        /// <c>AmazonSSMManagedInstanceCore</c> grants every action of these services on <c>"*"</c>; none can be scoped
        /// to a resource and none manages permissions.
        /// </summary>
        AgentChannel,

        /// <summary>
        /// A prefix wildcard (<c>s3:DeleteObject*</c>, <c>kms:GenerateDataKey*</c>) that expands to no
        /// permissions-management action, in a statement whose every <c>Resource</c> names resources: the grant is
        /// bounded by the resources and by the prefix, as the statements CDK's <c>Grant*</c> methods write.
        /// </summary>
        ResourceScopedPrefix,

        /// <summary>Every action of a service (<c>s3:*</c>).</summary>
        ServiceWide,

        /// <summary>A wildcard that expands to write or permissions-management actions and is not bounded as above.</summary>
        WriteWildcard,
    }

    /// <summary>
    /// Where IAC1202 draws the line between a wildcard that is a service-wide or unbounded write grant and one that
    /// is not, from the IAM knowledge table (what the pattern expands to, by access level) and the statement's
    /// <c>Resource</c> (whether it names resources). IAC1204 asks the same question so that one statement gets one
    /// finding per risk: an action IAC1202 reports is not counted again by IAC1204.
    /// </summary>
    public static class WildcardScope
    {
        private static readonly string[] AgentChannelServices = { "ssmmessages", "ec2messages" };

        /// <summary>
        /// The <c>ssm</c> write actions of AWS's managed policy <c>AmazonSSMManagedInstanceCore</c> that the Reference
        /// lists with resource types (instance, managed-instance, document) but that SSM Agent calls about the instance it
        /// runs on: an instance role is shared by the instances that use it and cannot name "the calling instance", so
        /// <c>Resource: "*"</c> is the only resource that works (AWS's own policy and the Session Manager minimal policy
        /// use it). The policy's other ssm writes (<c>PutInventory</c>, <c>PutConfigurePackageResult</c>) accept only
        /// <c>"*"</c> in the Reference already.
        /// </summary>
        private static readonly string[] AgentSelfActions =
        {
            "ssm:UpdateInstanceInformation",
            "ssm:UpdateInstanceAssociationStatus",
            "ssm:UpdateAssociationStatus",
            "ssm:PutComplianceItems",
        };

        /// <summary>The services whose whole wildcard is not a finding (the SSM agent's message channels).</summary>
        public static System.Collections.Generic.IReadOnlyList<string> AgentChannels => AgentChannelServices;

        /// <summary>The SSM Agent's own-instance actions that IAC1204 does not judge on <c>"*"</c> (see <see cref="IsAgentAction"/>).</summary>
        public static System.Collections.Generic.IReadOnlyList<string> AgentActions => AgentSelfActions;

        /// <summary>
        /// True for an action SSM Agent (and so Session Manager, Run Command, Patch Manager) needs on <c>Resource: "*"</c>:
        /// every action of the message channels <c>ssmmessages</c> and <c>ec2messages</c>, and the <c>ssm</c> actions it
        /// calls about its own instance (<see cref="AgentActions"/>). Source: the AWS managed policy
        /// <c>AmazonSSMManagedInstanceCore</c> and Session Manager's "Verify or add instance permissions" page.
        /// </summary>
        public static bool IsAgentAction(IamAction action)
        {
            if (IsAgentChannel(action.Service))
            {
                return true;
            }

            foreach (var a in AgentSelfActions)
            {
                if (string.Equals(a, action.FullName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when IAC1202 reports <paramref name="action"/> in <paramref name="statement"/>.</summary>
        public static bool IsFinding(WildcardVerdict verdict) => verdict == WildcardVerdict.ServiceWide || verdict == WildcardVerdict.WriteWildcard;

        /// <summary>Judges one action pattern of an Allow statement.</summary>
        public static WildcardVerdict Judge(string? action, PolicyStatement statement, out ActionPatternSummary summary)
            => Judge(action, statement, null, out summary);

        /// <summary>
        /// Judges one action pattern of an Allow statement within <paramref name="budget"/> (when given): a pattern whose
        /// matching would pass it is <see cref="WildcardVerdict.NotJudged"/>, like an unknown value.
        /// </summary>
        public static WildcardVerdict Judge(string? action, PolicyStatement statement, IamMatchBudget? budget, out ActionPatternSummary summary)
        {
            summary = default;
            if (action == null || !IamKnowledge.HasWildcard(action) || IsEveryAction(action))
            {
                return WildcardVerdict.NotJudged;
            }

            var colon = action.IndexOf(':');
            if (colon <= 0)
            {
                return WildcardVerdict.NotJudged;
            }

            var service = action.Substring(0, colon);
            if (budget == null)
            {
                summary = IamKnowledge.Summarize(action);
            }
            else if (!IamKnowledge.TrySummarize(action, budget, out summary))
            {
                return WildcardVerdict.NotJudged;
            }

            if (action.Substring(colon + 1).Trim('*').Length == 0 && !IamKnowledge.HasWildcard(service))
            {
                return IsAgentChannel(service) ? WildcardVerdict.AgentChannel : WildcardVerdict.ServiceWide;
            }

            if (!summary.GrantsWriteOrPermissionsManagement)
            {
                return WildcardVerdict.ReadOnly;
            }

            if (!IamKnowledge.HasWildcard(service) && summary.PermissionsManagement == 0 && NamesResources(statement))
            {
                return WildcardVerdict.ResourceScopedPrefix;
            }

            return WildcardVerdict.WriteWildcard;
        }

        /// <summary>True for a service the SSM agent uses as its message channel (see <see cref="WildcardVerdict.AgentChannel"/>).</summary>
        public static bool IsAgentChannel(string service)
        {
            foreach (var s in AgentChannelServices)
            {
                if (string.Equals(s, service, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the statement has a <c>Resource</c> and each of its values names resources: an ARN without
        /// wildcards in the resource's name (<c>arn:aws:s3:::data/*</c> names bucket <c>data</c>, its objects), or a value
        /// the analyzer cannot know (a <c>GetAtt</c>, a CDK token, a parameter: unknown is never flagged).
        /// <c>"*"</c>, <c>arn:aws:s3:::*</c> and <c>arn:aws:kms:*:*:key/*</c> do not name resources.
        /// </summary>
        public static bool NamesResources(PolicyStatement statement)
        {
            var resources = statement.Resources;
            if (resources.Count == 0)
            {
                return false;
            }

            foreach (var r in resources)
            {
                if (r.Text != null && !IsNamedArn(r.Text))
                {
                    return false;
                }

                if (r.Text == null && r.Value is ScalarValue)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when an ARN names a resource: its resource part (after the fifth colon) has a name without wildcards.
        /// For S3 (<c>arn:aws:s3:::bucket/key</c>) the name is the bucket; for ARNs with a type (<c>key/id</c>,
        /// <c>table/name</c>, <c>function:name</c>) it is the segment after the type; otherwise the whole resource part.
        /// </summary>
        public static bool IsNamedArn(string arn)
        {
            if (!arn.StartsWith("arn:", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var colons = 0;
            var start = -1;
            string? service = null;
            var serviceStart = 0;
            for (var i = 0; i < arn.Length; i++)
            {
                if (arn[i] != ':')
                {
                    continue;
                }

                colons++;
                if (colons == 2)
                {
                    serviceStart = i + 1;
                }
                else if (colons == 3)
                {
                    service = arn.Substring(serviceStart, i - serviceStart);
                }
                else if (colons == 5)
                {
                    start = i + 1;
                    break;
                }
            }

            if (start < 0 || start >= arn.Length || service == null || IamKnowledge.HasWildcard(service))
            {
                return false;
            }

            var resource = arn.Substring(start);
            var cut = resource.IndexOfAny(Separators);
            string name;
            if (string.Equals(service, "s3", StringComparison.OrdinalIgnoreCase) || cut < 0)
            {
                name = cut < 0 ? resource : resource.Substring(0, cut);
            }
            else
            {
                // log-group:/aws/lambda/app:* names log group /aws/lambda/app: leading slashes are part of the name.
                var rest = resource.Substring(cut + 1).TrimStart('/');
                var next = rest.IndexOfAny(Separators);
                name = next < 0 ? rest : rest.Substring(0, next);
            }

            return name.Length > 0 && !IamKnowledge.HasWildcard(name);
        }

        private static readonly char[] Separators = { '/', ':' };

        private static bool IsEveryAction(string action)
        {
            var colon = action.IndexOf(':');
            if (colon < 0)
            {
                return action.Length > 0 && action.Trim('*').Length == 0;
            }

            return colon > 0 && colon < action.Length - 1 && action.Trim('*') == ":";
        }
    }
}
