using System;
using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.CodeBuild.Project</c> → <c>AWS::CodeBuild::Project</c>, its S3 artifacts only. Amazon.CDK.Lib
    /// 2.160.0, <c>S3ArtifactsProps.Encryption</c>: "If this is false, build output will not be encrypted. ... Default:
    /// true - output will be encrypted". <c>Artifacts.S3(props)</c> becomes <c>{ Type: S3, EncryptionDisabled: !Encryption }</c>
    /// (the construct writes <c>EncryptionDisabled: true</c> for <c>Encryption = false</c>); other artifacts are unknown.
    /// <para>
    /// <c>Logging = new LoggingOptions { S3 = new S3LoggingOptions { ... } }</c> becomes <c>LogsConfig.S3Logs</c>
    /// (<c>LoggingOptions.S3</c>: "Default: - disabled"). <c>S3LoggingOptions.Encrypted</c> is documented as "Encrypt the
    /// S3 build log output. Default: true", but aws-cdk-lib up to 2.252.0 writes it unchanged as
    /// <c>EncryptionDisabled</c> (2.160.0's <c>project.js</c>: <c>encryptionDisabled: s3Logs.encrypted</c>), so
    /// <c>Encrypted = true</c> turns encryption off there; 2.253.0 negates it (aws-cdk PR #37761, advisory
    /// GHSA-464c-974j-9xm6). The version is read from the referenced Amazon.CDK.Lib; when it cannot be read, a written
    /// <c>Encrypted</c> is unknown. Not written: no <c>EncryptionDisabled</c>, encrypted in every version.
    /// </para>
    /// </summary>
    public sealed class ProjectAdapter : ConstructAdapter
    {
        public ProjectAdapter()
            : base("Amazon.CDK.AWS.CodeBuild.Project", "AWS::CodeBuild::Project")
        {
            Map("Artifacts").Convert(Artifacts);
            Map("SecondaryArtifacts").Convert(Secondary);
            Map("Logging", "LogsConfig").Convert((input, logging) => LogsConfig(logging, input.CdkLibraryVersion));
        }

        /// <summary>The first aws-cdk-lib release that negates <c>S3LoggingOptions.Encrypted</c> (checked in the 2.252.0 and 2.253.0 packages).</summary>
        public static readonly Version LogEncryptionFixedIn = new Version(2, 253, 0);

        /// <summary>
        /// <c>LoggingOptions</c> → <c>LogsConfig</c> with its <c>S3Logs</c> (CloudWatch logs are not read), as aws-cdk-lib
        /// <paramref name="version"/> writes it (null: the version is not known).
        /// </summary>
        public static Value LogsConfig(Value logging, Version? version) => CdkConvert.Leaves(logging, value =>
        {
            if (!(value is MapValue options))
            {
                return new UnknownValue("logging options the analyzer cannot read", value.Location, value.Provenance);
            }

            var entries = new List<MapEntry>(1);
            var s3 = options.GetEntry("S3");
            if (s3 != null)
            {
                entries.Add(new MapEntry("S3Logs", s3.KeyLocation, CdkConvert.Leaves(s3.Value, v => S3Logs(v, version))));
            }

            return new MapValue(entries, options.Location, options.Provenance);
        });

        private static Value S3Logs(Value value, Version? version)
        {
            if (!(value is MapValue options))
            {
                return new UnknownValue("S3 logging options the analyzer cannot read", value.Location, value.Provenance);
            }

            var entries = new List<MapEntry>(2);
            var enabled = options.GetEntry("Enabled");
            if (enabled != null)
            {
                // S3LoggingOptions.Enabled, "Default: true": the construct writes Status ENABLED or DISABLED.
                entries.Add(new MapEntry("Status", enabled.KeyLocation, CdkConvert.Leaves(enabled.Value, v => v is ScalarValue s && s.AsBoolean() is bool b
                    ? new ScalarValue(b ? "ENABLED" : "DISABLED", ScalarKind.String, v.Location, v.Provenance)
                    : (Value)new UnknownValue("a log status the analyzer cannot know", v.Location, v.Provenance))));
            }

            var encrypted = options.GetEntry("Encrypted");
            if (encrypted != null)
            {
                entries.Add(new MapEntry("EncryptionDisabled", encrypted.KeyLocation, CdkConvert.Leaves(encrypted.Value, v => EncryptionDisabled(v, version))));
            }

            return new MapValue(entries, options.Location, options.Provenance);
        }

        /// <summary>What aws-cdk-lib <paramref name="version"/> writes as <c>EncryptionDisabled</c> for <c>Encrypted</c> = <paramref name="value"/>.</summary>
        private static Value EncryptionDisabled(Value value, Version? version)
        {
            if (!(value is ScalarValue s && s.AsBoolean() is bool encrypted))
            {
                return new UnknownValue("a log encryption the analyzer cannot know", value.Location, value.Provenance);
            }

            if (version == null)
            {
                return new UnknownValue("S3LoggingOptions.Encrypted, whose meaning depends on the aws-cdk-lib version, which cannot be read", value.Location, value.Provenance);
            }

            var written = "S3LoggingOptions.Encrypted = " + (encrypted ? "true" : "false");
            if (version < LogEncryptionFixedIn)
            {
                // Passed through unchanged. Derived, not Written: no fix edits this value (the fix is to remove it).
                return new ScalarValue(encrypted ? "true" : "false", ScalarKind.Boolean, value.Location,
                    Provenance.Derived(written + ", which aws-cdk-lib " + version.ToString(3) + " writes unchanged as EncryptionDisabled"));
            }

            return new ScalarValue(encrypted ? "false" : "true", ScalarKind.Boolean, value.Location, Provenance.Derived(written));
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
