using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>new Bucket(this, "Site", new BucketProps { PublicReadAccess = true })</c> → the bucket policy CDK writes for it:
    /// Allow <c>s3:GetObject</c> to Principal <c>{"AWS": "*"}</c> on every object, without a condition
    /// (Amazon.CDK.Lib 2.160.0, <c>IBucketProps.PublicReadAccess</c>: "Grants public read access to all objects in the
    /// bucket. Similar to calling <c>bucket.grantPublicAccess()</c>. Default: false"). The statement is located at the
    /// <c>true</c>, so a finding lands where the access is granted. False, unset or unknown: no policy.
    /// <para>
    /// The bucket only gets that policy when its block-public-access settings let it: Amazon.CDK.Lib 2.160.0's own
    /// <c>aws-s3/lib/bucket.js</c> throws "Cannot use 'publicReadAccess' property on a bucket without allowing
    /// bucket-level public access through 'blockPublicAccess' property." when <c>BlockPublicAccess</c> is not set, and
    /// <c>grantPublicAccess</c> throws "Cannot grant public access when 'blockPublicPolicy' is enabled" when it blocks
    /// public policies (<c>BlockPublicAccess.BLOCK_ALL</c>, or <c>new BlockPublicAccess(...)</c> with
    /// <c>BlockPublicPolicy = true</c>). Either way the app does not synthesize and no policy is ever deployed, so there
    /// is nothing to flag. Any other setting (<c>BLOCK_ACLS</c>, options that leave public policies allowed, a value we
    /// cannot read) either deploys the policy or fails: the policy is flagged.
    /// </para>
    /// </summary>
    public sealed class BucketPublicReadAdapter : CdkAdapter
    {
        private const string PolicyOrigin = "BucketProps.PublicReadAccess: a bucket policy for any principal";

        public BucketPublicReadAdapter()
            : base("AWS::S3::BucketPolicy")
        {
            OnCreation("Amazon.CDK.AWS.S3.Bucket");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (!(input.Props is MapValue props) || !(props.Get("PublicReadAccess") is Value access))
            {
                return;
            }

            if (!AllowsPublicPolicy(props.Get("BlockPublicAccess")))
            {
                return;
            }

            foreach (var leaf in access.Leaves())
            {
                if (!leaf.Value.IsTrue())
                {
                    continue;
                }

                var at = leaf.Value.Location;
                var statement = IamValues.Allow(
                    at,
                    new ScalarValue("s3:GetObject", ScalarKind.String, at),
                    new UnknownValue("the ARN of the bucket's objects", at),
                    principal: new MapValue(new[] { new MapEntry("AWS", at, new ScalarValue("*", ScalarKind.String, at, Provenance.Derived(PolicyOrigin))) }, at));
                var document = IamValues.Document(new ListValue(new Value[] { statement }, at), at);
                var properties = new MapValue(new[] { new MapEntry("PolicyDocument", at, document) }, input.Location);
                output.Add(new ResourceView("AWS::S3::BucketPolicy", input.Name, input.Location, properties, Catalog.Surfaces.Cdk, input.Context));
                return;
            }
        }

        /// <summary>
        /// False when every value <paramref name="blockPublicAccess"/> may take makes CDK refuse <c>PublicReadAccess</c>:
        /// not set or <c>null</c>, <c>BLOCK_ALL</c>, or options with <c>BlockPublicPolicy</c> true. Unknown: true.
        /// </summary>
        private static bool AllowsPublicPolicy(Value? blockPublicAccess)
        {
            if (blockPublicAccess == null)
            {
                return false;
            }

            foreach (var leaf in blockPublicAccess.Leaves())
            {
                var value = leaf.Value;
                if (value is ScalarValue scalar && scalar.Kind == ScalarKind.Null)
                {
                    continue;
                }

                if (CdkValues.IsMember(value, "BlockPublicAccess", "BLOCK_ALL"))
                {
                    continue;
                }

                if (CdkValues.IsMember(value, "BlockPublicAccess", CdkValues.NewMember)
                    && CdkValues.Argument(value, "options") is MapValue options
                    && options.Get("BlockPublicPolicy") is Value blockPolicy
                    && blockPolicy.AllLeaves(v => v.IsTrue()))
                {
                    continue;
                }

                return true;
            }

            return false;
        }
    }
}
