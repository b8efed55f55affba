using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.CodeBuild.Project</c> → <c>AWS::CodeBuild::Project</c>, its S3 artifacts only. Amazon.CDK.Lib
    /// 2.160.0, <c>S3ArtifactsProps.Encryption</c>: "If this is false, build output will not be encrypted. ... Default:
    /// true - output will be encrypted". <c>Artifacts.S3(props)</c> becomes <c>{ Type: S3, EncryptionDisabled: !Encryption }</c>
    /// (the construct writes <c>EncryptionDisabled: true</c> for <c>Encryption = false</c>); other artifacts are unknown.
    /// </summary>
    public sealed class ProjectAdapter : ConstructAdapter
    {
        public ProjectAdapter()
            : base("Amazon.CDK.AWS.CodeBuild.Project", "AWS::CodeBuild::Project")
        {
            Map("Artifacts").Convert(Artifacts);
            Map("SecondaryArtifacts").Convert(Secondary);
        }

        /// <summary>The fix writes <c>Encryption = true</c> on the S3ArtifactsProps for <c>EncryptionDisabled: false</c>.</summary>
        public override CSharpSetter? SetterFor(string cloudFormationProperty, string cloudFormationValue)
            => cloudFormationProperty == "EncryptionDisabled" && cloudFormationValue == "false" ? new CSharpSetter("Encryption", "true") : null;

        private static Value Secondary(Value value)
        {
            if (!(value is ListValue list))
            {
                return new UnknownValue("secondary artifacts the analyzer cannot read", value.Location, value.Provenance);
            }

            var items = new List<Value>(list.Items.Count);
            foreach (var item in list.Items)
            {
                items.Add(CdkConvert.Leaves(item, Artifacts));
            }

            return new ListValue(items, list.Location, list.Provenance);
        }

        private static Value Artifacts(Value value)
        {
            if (!CdkValues.IsMember(value, "Artifacts", "S3") || !(CdkValues.Argument(value, "props") is MapValue props))
            {
                return new UnknownValue("artifacts the analyzer cannot read", value.Location, value.Provenance);
            }

            var entries = new List<MapEntry> { new MapEntry("Type", value.Location, new ScalarValue("S3", ScalarKind.String, value.Location)) };
            var encryption = props.GetEntry("Encryption");
            if (encryption != null)
            {
                entries.Add(new MapEntry("EncryptionDisabled", encryption.KeyLocation, CdkConvert.Leaves(encryption.Value, Negate)));
            }

            return new MapValue(entries, props.Location, props.Provenance);
        }

        private static Value Negate(Value value)
        {
            switch (value)
            {
                case ScalarValue s when s.AsBoolean() is bool b:
                    return new ScalarValue(b ? "false" : "true", ScalarKind.Boolean, value.Location, value.Provenance ?? Provenance.Written("S3ArtifactsProps.Encryption = " + (b ? "true" : "false")));
                default:
                    return new UnknownValue("an artifact encryption the analyzer cannot know", value.Location, value.Provenance);
            }
        }
    }
}
