using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary><c>Amazon.CDK.AWS.EFS.FileSystem</c> → <c>AWS::EFS::FileSystem</c>. Defaults from Amazon.CDK.Lib 2.160.0's XML docs.</summary>
    public sealed class FileSystemAdapter : ConstructAdapter
    {
        public FileSystemAdapter()
            : base("Amazon.CDK.AWS.EFS.FileSystem", "AWS::EFS::FileSystem")
        {
            // FileSystemProps.Encrypted: "Default: - If your application has the '@aws-cdk/aws-efs:defaultEncryptionAtRest'
            // feature flag set, the default is true, otherwise, the default is false." That flag is one of the v1 flags
            // CDK v2 removed and fixed to true, so in Amazon.CDK.Lib v2 the default is true.
            Map("Encrypted").Default(true, "FileSystemProps.Encrypted: true under @aws-cdk/aws-efs:defaultEncryptionAtRest, always on in CDK v2");

            // FileSystemProps.KmsKey: "The KMS key used for encryption." Its ARN is a token: present, unknown.
            Map("KmsKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));

        }

        /// <summary>
        /// <c>FileSystemProps.OneZone</c>: "Whether this is a One Zone file system. ... Default: false". With true the
        /// construct writes <c>AvailabilityZoneName</c> (the first zone of the VPC): a zone the analyzer does not know,
        /// but present. False or not written: no <c>AvailabilityZoneName</c> (Regional). A OneZone the analyzer cannot
        /// know produces no entry (never a finding); a conditional gives each branch its own value.
        /// </summary>
        protected override void Complete(AdapterInput input, System.Collections.Generic.List<MapEntry> properties)
        {
            if (!(input.Props is MapValue props) || !(props.GetEntry("OneZone") is MapEntry oneZone))
            {
                return;
            }

            Value zone;
            if (oneZone.Value is OneOfValue oneOf)
            {
                var branches = new System.Collections.Generic.List<Branch>(oneOf.Branches.Count);
                foreach (var branch in oneOf.Branches)
                {
                    branches.Add(branch.WithValue(Zone(branch.Value)));
                }

                zone = new OneOfValue(branches, oneOf.Location, oneOf.Provenance);
            }
            else if ((oneZone.Value as ScalarValue)?.AsBoolean() != null)
            {
                zone = Zone(oneZone.Value);
            }
            else
            {
                return;
            }

            properties.Add(new MapEntry("AvailabilityZoneName", oneZone.KeyLocation, zone));
        }

        /// <summary>true → an unknown zone name (present), false → removed, anything else → an empty name (not a zone).</summary>
        private static Value Zone(Value oneZone)
        {
            switch ((oneZone as ScalarValue)?.AsBoolean())
            {
                case true:
                    return new UnknownValue("the first Availability Zone of the VPC (OneZone is true)", oneZone.Location, oneZone.Provenance);
                case false:
                    return new NoValue(oneZone.Location, oneZone.Provenance);
                default:
                    return new ScalarValue(string.Empty, ScalarKind.String, oneZone.Location, oneZone.Provenance);
            }
        }
    }
}
