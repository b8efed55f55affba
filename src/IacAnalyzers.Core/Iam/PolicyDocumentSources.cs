using System;
using System.Collections.Generic;
using System.Globalization;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Iam
{
    /// <summary>
    /// Where policy documents and managed-policy attachments live in CloudFormation resources (and so in the views
    /// CDK adapters produce). One table for every IAM rule; a new resource policy is one line here.
    /// </summary>
    public static class PolicyDocumentSources
    {
        /// <summary>
        /// Not a CloudFormation type: the view the CDK front-end gives a <c>PolicyStatement</c> that names principals
        /// (a resource or trust policy statement) when it is judged where it is written, before CDK attaches it to a
        /// bucket, queue, key or role. Its <c>PolicyDocument</c> is a resource policy.
        /// </summary>
        public const string CdkPrincipalStatement = "IacAnalyzers::CDK::PrincipalPolicyStatement";

        // A class, not a value tuple: the framework's generic code over a tuple holding one of our enums is not in our
        // ReadyToRun image, and a cold compiler process JIT-compiled it.
        private static readonly Dictionary<string, Source[]> Single = new Dictionary<string, Source[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["AWS::IAM::Policy"] = new[] { new Source("PolicyDocument", PolicyKind.Identity) },
            ["AWS::IAM::ManagedPolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Identity) },
            ["AWS::IAM::RolePolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Identity) },
            ["AWS::IAM::UserPolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Identity) },
            ["AWS::IAM::GroupPolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Identity) },
            ["AWS::IAM::Role"] = new[] { new Source("AssumeRolePolicyDocument", PolicyKind.Trust) },
            ["AWS::IAM::User"] = Array.Empty<Source>(),
            ["AWS::IAM::Group"] = Array.Empty<Source>(),
            ["AWS::S3::BucketPolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::S3::AccessPoint"] = new[] { new Source("Policy", PolicyKind.Resource) },
            ["AWS::SQS::QueuePolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::SQS::QueueInlinePolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::SNS::TopicPolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::SNS::TopicInlinePolicy"] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::KMS::Key"] = new[] { new Source("KeyPolicy", PolicyKind.Resource) },
            ["AWS::KMS::ReplicaKey"] = new[] { new Source("KeyPolicy", PolicyKind.Resource) },
            ["AWS::SecretsManager::ResourcePolicy"] = new[] { new Source("ResourcePolicy", PolicyKind.Resource) },
            ["AWS::ECR::Repository"] = new[] { new Source("RepositoryPolicyText", PolicyKind.Resource) },
            ["AWS::EFS::FileSystem"] = new[] { new Source("FileSystemPolicy", PolicyKind.Resource) },
            ["AWS::Backup::BackupVault"] = new[] { new Source("AccessPolicy", PolicyKind.Resource) },
            ["AWS::OpenSearchService::Domain"] = new[] { new Source("AccessPolicies", PolicyKind.Resource) },
            ["AWS::Elasticsearch::Domain"] = new[] { new Source("AccessPolicies", PolicyKind.Resource) },
            [CdkPrincipalStatement] = new[] { new Source("PolicyDocument", PolicyKind.Resource) },
            ["AWS::Serverless::Function"] = Array.Empty<Source>(),
            ["AWS::Serverless::StateMachine"] = Array.Empty<Source>(),
        };

        /// <summary>Types whose <c>Policies</c> is a list of <c>{PolicyName, PolicyDocument}</c>.</summary>
        private static readonly HashSet<string> InlinePolicies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
        };

        /// <summary>SAM types whose <c>Policies</c> mixes managed policy names/ARNs, documents and policy templates.</summary>
        private static readonly HashSet<string> SamPolicies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "AWS::Serverless::Function", "AWS::Serverless::StateMachine",
        };

        /// <summary>Every type that can hold a policy document.</summary>
        public static IReadOnlyList<string> DocumentTypes { get; } = new List<string>(Single.Keys).ToArray();

        /// <summary>Types whose documents name principals (trust and resource policies).</summary>
        public static IReadOnlyList<string> PrincipalDocumentTypes { get; } = Filter(k => k != PolicyKind.Identity);

        /// <summary>Types with identity policies.</summary>
        public static IReadOnlyList<string> IdentityDocumentTypes { get; } = Filter(k => k == PolicyKind.Identity, includeLists: true);

        /// <summary>Types that attach managed policies: <c>ManagedPolicyArns</c> or SAM <c>Policies</c>.</summary>
        public static IReadOnlyList<string> ManagedPolicyTypes { get; } = new[]
        {
            "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function", "AWS::Serverless::StateMachine",
        };

        /// <summary>
        /// The policy documents of a resource, in property order. Read once per view and kept with it: each IAM rule that
        /// judges statements walks them, and a view (its properties) never changes.
        /// </summary>
        public static IReadOnlyList<PolicyDocument> Documents(ResourceView resource)
        {
            var read = System.Threading.Volatile.Read(ref resource.PolicyDocuments);
            if (read != null)
            {
                return read;
            }

            read = Read(resource);
            return System.Threading.Interlocked.CompareExchange(ref resource.PolicyDocuments, read, null) ?? read;
        }

        private static IReadOnlyList<PolicyDocument> Read(ResourceView resource)
        {
            if (!Single.TryGetValue(resource.Type, out var properties))
            {
                return Array.Empty<PolicyDocument>();
            }

            var result = new List<PolicyDocument>();
            foreach (var source in properties)
            {
                if (resource.Properties.Get(source.Property) is Value value)
                {
                    result.Add(PolicyDocument.Read(value, source.Kind, source.Property));
                }
            }

            if (InlinePolicies.Contains(resource.Type) && resource.Properties.Get("Policies") is Value policies)
            {
                foreach (var (item, index) in ListItems(policies))
                {
                    if (item is MapValue map && map.Get("PolicyDocument") is Value doc)
                    {
                        var name = map.Get("PolicyName").AsString();
                        result.Add(PolicyDocument.Read(doc, PolicyKind.Identity, Indexed("Policies", index) + (name != null ? " '" + name + "'" : string.Empty)));
                    }
                }
            }

            if (SamPolicies.Contains(resource.Type) && resource.Properties.Get("Policies") is Value sam)
            {
                foreach (var (item, index) in ListItems(sam))
                {
                    // A map with Statement is a document; other maps are SAM policy templates (scoped by design).
                    if (item is MapValue map && map.GetEntry("Statement") != null)
                    {
                        result.Add(PolicyDocument.Read(map, PolicyKind.Identity, index >= 0 ? Indexed("Policies", index) : "Policies"));
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The managed policies a resource attaches: <c>ManagedPolicyArns</c> items, and the strings of SAM
        /// <c>Policies</c> (a managed policy name or ARN).
        /// </summary>
        public static IReadOnlyList<PolicyElement> ManagedPolicies(ResourceView resource)
        {
            var result = new List<PolicyElement>();
            var property = SamPolicies.Contains(resource.Type) ? "Policies" : "ManagedPolicyArns";
            if (resource.Properties.Get(property) is Value value)
            {
                foreach (var leaf in value.Leaves())
                {
                    if (leaf.Value is ListValue list)
                    {
                        foreach (var item in list.Items)
                        {
                            foreach (var inner in item.Leaves())
                            {
                                AddString(result, inner.Value, PolicyDocument.Join(leaf.Path, inner.Path));
                            }
                        }
                    }
                    else
                    {
                        AddString(result, leaf.Value, leaf.Path);
                    }
                }
            }

            return result;
        }

        private static void AddString(List<PolicyElement> result, Value value, BranchPath? branch)
        {
            if (value is ScalarValue s && s.Kind == ScalarKind.String)
            {
                result.Add(new PolicyElement(value, s.Text, branch));
            }
        }

        /// <summary>Items of a list value (index ≥ 0), or the value itself when it is a single map (index -1).</summary>
        private static IEnumerable<(Value Item, int Index)> ListItems(Value value)
        {
            foreach (var leaf in value.Leaves())
            {
                if (leaf.Value is ListValue list)
                {
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        foreach (var item in list.Items[i].Leaves())
                        {
                            yield return (item.Value, i);
                        }
                    }
                }
                else
                {
                    yield return (leaf.Value, -1);
                }
            }
        }

        private static string Indexed(string property, int index)
            => property + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        private static string[] Filter(Func<PolicyKind, bool> keep, bool includeLists = false)
        {
            var result = new List<string>();
            foreach (var pair in Single)
            {
                var listed = includeLists && (InlinePolicies.Contains(pair.Key) || SamPolicies.Contains(pair.Key));
                var kept = listed;
                foreach (var source in pair.Value)
                {
                    kept |= keep(source.Kind);
                }

                if (kept)
                {
                    result.Add(pair.Key);
                }
            }

            return result.ToArray();
        }

        /// <summary>A property of a resource type that holds one policy document, and the kind of policy it is.</summary>
        private sealed class Source
        {
            public Source(string property, PolicyKind kind)
            {
                Property = property;
                Kind = kind;
            }

            public string Property { get; }

            public PolicyKind Kind { get; }
        }
    }
}
