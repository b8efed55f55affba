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
    }
}
