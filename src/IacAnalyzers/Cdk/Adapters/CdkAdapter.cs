using System;
using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// CDK knowledge about one L2 construct or method: which CloudFormation-shaped resource views a creation
    /// (<c>new DatabaseInstance(...)</c>) or a call (<c>securityGroup.AddIngressRule(peer, port)</c>) produces, and
    /// the CDK defaults they carry. Adapters are found by reflection (any non-abstract subclass with a public
    /// parameterless constructor in this assembly), so adding one is adding one file in <c>Cdk/Adapters/</c>.
    /// Most adapters derive from <see cref="ConstructAdapter"/> (a property table); derive from this class directly
    /// for method calls or for constructs that produce several resources. See <c>Cdk/README.md</c>.
    /// <para>Adapters are stateless and shared between threads.</para>
    /// </summary>
    public abstract class CdkAdapter
    {
        private readonly List<string> constructTypes = new List<string>();
        private readonly List<MethodTrigger> methods = new List<MethodTrigger>();

        /// <param name="resourceTypes">The CloudFormation types this adapter produces. It runs only when a rule reads one.</param>
        protected CdkAdapter(params string[] resourceTypes)
        {
            ResourceTypes = resourceTypes;
        }

        public IReadOnlyList<string> ResourceTypes { get; }

        /// <summary>Metadata names of the construct classes whose creation triggers this adapter (subclasses included).</summary>
        public IReadOnlyList<string> ConstructTypes => constructTypes;

        /// <summary>The methods whose calls trigger this adapter.</summary>
        public IReadOnlyList<MethodTrigger> Methods => methods;

        /// <summary>Builds the views for one creation or call. Never throws for odd input: unknown stays unknown.</summary>
        public abstract void Build(AdapterInput input, IList<ResourceView> output);

        /// <summary>
        /// The C# member a rule's CloudFormation property is set through on this construct's props, and the C# value
        /// for a CloudFormation value (null: same spelling, the writer matches names ignoring case). Override for renamed
        /// properties (<c>SqsManagedSseEnabled</c> → <c>Encryption</c>, <c>true</c> → <c>QueueEncryption.SQS_MANAGED</c>).
        /// </summary>
        public virtual CSharpSetter? SetterFor(string cloudFormationProperty, string cloudFormationValue) => null;

        /// <summary>
        /// The CloudFormation type of the construct's <c>Node.DefaultChild</c> when the adapter builds its view (what an
        /// escape hatch without a typed cast writes to), or null when none of its views is the default child.
        /// </summary>
        public virtual string? DefaultChildType => null;

        /// <summary>Triggers on creations of <paramref name="metadataName"/> (e.g. <c>Amazon.CDK.AWS.RDS.DatabaseInstance</c>).</summary>
        protected void OnCreation(string metadataName) => constructTypes.Add(metadataName);

        /// <summary>Triggers on calls of <paramref name="method"/> declared by <paramref name="metadataName"/> or a type deriving from it.</summary>
        protected void OnCall(string metadataName, string method) => methods.Add(new MethodTrigger(metadataName, method));

        public override string ToString() => GetType().Name;
    }

    public sealed class MethodTrigger
    {
        public MethodTrigger(string typeMetadataName, string method)
        {
            TypeMetadataName = typeMetadataName;
            Method = method;
        }

        public string TypeMetadataName { get; }

        public string Method { get; }
    }

    /// <summary>How a CloudFormation property of a fix is written in C#: the props member, and the value's C# syntax.</summary>
    public sealed class CSharpSetter
    {
        public CSharpSetter(string member, string? value)
        {
            Member = member;
            Value = value;
        }

        /// <summary>The props member (matched ignoring case), e.g. <c>MultiAz</c>.</summary>
        public string Member { get; }

        /// <summary>
        /// The value in the fix writer's value syntax (see <see cref="CSharpFixKeys.Value"/>), e.g. <c>true</c>,
        /// <c>BucketEncryption.S3_MANAGED</c>; null keeps the rule's value.
        /// </summary>
        public string? Value { get; }
    }

    /// <summary>The diagnostic property keys the C# fix writer reads in addition to <see cref="SetPropertyFix"/>'s.</summary>
    public static class CSharpFixKeys
    {
        /// <summary>The C# member to set (when it is not the CloudFormation property's name).</summary>
        public const string Member = "iac.fix.cs.member";

        /// <summary>
        /// The C# value: <c>true</c>/<c>false</c>, a number, a string in double quotes (<c>"aws:kms"</c>), or an
        /// enum-like member <c>Type.MEMBER</c> (<c>BucketEncryption.S3_MANAGED</c>, <c>QueueEncryption.SQS_MANAGED</c>)
        /// that the writer looks up by symbol on the member's type.
        /// </summary>
        public const string Value = "iac.fix.cs.value";

        /// <summary>"true" when the C# edit adds a member that is not written (a default or a missing property).</summary>
        public const string Add = "iac.fix.cs.add";
    }

    internal static class AdapterText
    {
        public static Provenance DefaultProvenance(string citation) => Provenance.CdkDefault("the CDK default (" + citation + ")");

        public static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
