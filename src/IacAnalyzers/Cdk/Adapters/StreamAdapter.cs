using System;
using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.Kinesis.Stream</c> → <c>AWS::Kinesis::Stream</c>. Amazon.CDK.Lib 2.160.0,
    /// <c>StreamProps.Encryption</c>: "Default: - StreamEncryption.KMS if encrypted Streams are supported in the region
    /// or StreamEncryption.UNENCRYPTED otherwise. StreamEncryption.KMS if an encryption key is supplied through the
    /// encryptionKey property". So a stream is encrypted unless <c>StreamEncryption.UNENCRYPTED</c> is written, which
    /// becomes a null <c>StreamEncryption</c> whose provenance names it.
    /// </summary>
    public sealed class StreamAdapter : ConstructAdapter
    {
        private const string Property = "StreamEncryption";

        public StreamAdapter()
            : base("Amazon.CDK.AWS.Kinesis.Stream", "AWS::Kinesis::Stream")
        {
            Map("Encryption", Property).Convert(Encryption);
        }

        private static Value Encryption(Value value)
        {
            switch ((value as ScalarValue)?.Text)
            {
                case "UNENCRYPTED":
                    return new ScalarValue(string.Empty, ScalarKind.Null, value.Location, Provenance.Written("StreamEncryption.UNENCRYPTED"));
                case "KMS":
                case "MANAGED":
                    return Kms(value.Location, value.Provenance);
                default:
                    return new UnknownValue("a stream encryption the analyzer cannot know", value.Location, value.Provenance);
            }
        }

        private static MapValue Kms(SourceLocation at, Provenance? provenance)
            => new MapValue(new[] { new MapEntry("EncryptionType", at, new ScalarValue("KMS", ScalarKind.String, at)) }, at, provenance);

        protected override void Complete(AdapterInput input, List<MapEntry> properties)
        {
            foreach (var entry in properties)
            {
                if (string.Equals(entry.Key, Property, StringComparison.Ordinal))
                {
                    return;
                }
            }

            // Not written: KMS with the AWS managed key (or the given EncryptionKey).
            properties.Add(new MapEntry(Property, input.Location, Kms(input.Location, AdapterText.DefaultProvenance("StreamProps.Encryption: StreamEncryption.KMS"))));
        }
    }
}
