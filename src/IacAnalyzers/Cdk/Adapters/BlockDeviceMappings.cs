using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// CDK <c>BlockDevice</c> lists (EC2 <c>Instance_</c>, <c>LaunchTemplate</c>, AutoScaling <c>AutoScalingGroup</c>)
    /// → CloudFormation <c>BlockDeviceMappings</c>. Each <c>new BlockDevice { DeviceName, Volume, MappingEnabled }</c>
    /// becomes a mapping map:
    /// <list type="bullet">
    /// <item><c>BlockDeviceVolume.Ebs(size, options)</c> → <c>Ebs: { VolumeSize, Encrypted, KmsKeyId }</c>; an
    /// <c>Encrypted</c> that is not written is the CDK default false (EC2 and AutoScaling
    /// <c>EbsDeviceOptions.Encrypted</c>: "Specifies whether the EBS volume is encrypted. ... Default: false"), located
    /// at the <c>Ebs(...)</c> call.</item>
    /// <item><c>BlockDeviceVolume.EbsFromSnapshot(snapshotId, options)</c> → <c>Ebs: { SnapshotId }</c> (its encryption is the
    /// snapshot's).</item>
    /// <item><c>BlockDeviceVolume.Ephemeral(index)</c> → <c>VirtualName</c>; <c>MappingEnabled = false</c> → <c>NoDevice</c>.</item>
    /// <item>Anything else (a volume from a method, <c>new BlockDeviceVolume(...)</c>) → an unknown mapping, never flagged.</item>
    /// </list>
    /// The <c>Ebs</c> entry's key is located at the volume expression, so a finding about it lands there.
    /// </summary>
    internal static class BlockDeviceMappings
    {
        public const string EncryptedCitation = "EbsDeviceOptions.Encrypted: false";

        public static Value Convert(Value blockDevices)
            => CdkConvert.Leaves(blockDevices, list => list is ListValue items ? ConvertList(items) : new UnknownValue("block devices the analyzer cannot read", list.Location, list.Provenance));

        private static Value ConvertList(ListValue list)
        {
            var mappings = new List<Value>(list.Items.Count);
            foreach (var item in list.Items)
            {
                mappings.Add(CdkConvert.Leaves(item, Mapping));
            }

            return new ListValue(mappings, list.Location, list.Provenance);
        }

        private static Value Mapping(Value device)
        {
            if (!(device is MapValue map) || CdkValues.TypeName(map) != null)
            {
                return new UnknownValue("a block device the analyzer cannot read", device.Location, device.Provenance);
            }

            var entries = new List<MapEntry>(3);
            if (map.GetEntry("DeviceName") is MapEntry name)
            {
                entries.Add(new MapEntry("DeviceName", name.KeyLocation, name.Value));
            }

            if (map.Get("MappingEnabled") is Value enabled && enabled.IsFalse())
            {
                entries.Add(new MapEntry("NoDevice", enabled.Location, new MapValue(System.Array.Empty<MapEntry>(), enabled.Location)));
                return new MapValue(entries, map.Location, map.Provenance);
            }

            var volume = map.GetEntry("Volume");
            if (volume == null)
            {
                return new UnknownValue("a block device without a volume", device.Location, device.Provenance);
            }

            foreach (var (key, value) in Volume(volume.Value))
            {
                entries.Add(new MapEntry(key, volume.Value.Location, value));
            }

            return new MapValue(entries, map.Location, map.Provenance);
        }

        /// <summary>The mapping entries a volume value gives: <c>Ebs</c> or <c>VirtualName</c>, or an unknown <c>Ebs</c>.</summary>
        private static IEnumerable<(string Key, Value Value)> Volume(Value volume)
        {
            if (volume is OneOfValue oneOf)
            {
                // BlockDeviceVolume.Ebs(...) in one branch, something else in another: keep Ebs as a one-of of maps.
                var branches = new List<Branch>(oneOf.Branches.Count);
                foreach (var b in oneOf.Branches)
                {
                    branches.Add(b.WithValue(Ebs(b.Value) ?? new UnknownValue("not an EBS volume in this branch", b.Value.Location)));
                }

                yield return ("Ebs", new OneOfValue(branches, oneOf.Location, oneOf.Provenance));
                yield break;
            }

            if (CdkValues.IsMember(volume, "BlockDeviceVolume", "Ephemeral"))
            {
                var index = CdkValues.Argument(volume, "volumeIndex") as ScalarValue;
                yield return ("VirtualName", index?.AsInteger() is long n
                    ? new ScalarValue("ephemeral" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.String, volume.Location)
                    : (Value)new UnknownValue("an ephemeral volume index the analyzer cannot know", volume.Location));
                yield break;
            }

            yield return ("Ebs", Ebs(volume) ?? new UnknownValue("a volume the analyzer cannot read", volume.Location, volume.Provenance));
        }

        private static Value? Ebs(Value volume)
        {
            if (CdkValues.IsMember(volume, "BlockDeviceVolume", "Ebs"))
            {
                var entries = new List<MapEntry>(3);
                if (CdkValues.Argument(volume, "volumeSize") is Value size)
                {
                    entries.Add(new MapEntry("VolumeSize", size.Location, size));
                }

                var options = CdkValues.Argument(volume, "options");
                switch (options)
                {
                    case null:
                        entries.Add(new MapEntry("Encrypted", volume.Location, Default(volume)));
                        break;
                    case MapValue written when CdkValues.TypeName(written) == null:
                        if (written.GetEntry("Encrypted") is MapEntry encrypted)
                        {
                            entries.Add(new MapEntry("Encrypted", encrypted.KeyLocation, encrypted.Value));
                        }
                        else
                        {
                            entries.Add(new MapEntry("Encrypted", volume.Location, Default(volume)));
                        }

                        if (written.GetEntry("KmsKey") is MapEntry key)
                        {
                            entries.Add(new MapEntry("KmsKeyId", key.KeyLocation, new UnknownValue("the ARN of a KMS key", key.Value.Location)));
                        }

                        // The Ebs map is the options object: a fix that sets Encrypted edits its initializer.
                        return new MapValue(entries, written.Location);
                    default:
                        entries.Add(new MapEntry("Encrypted", volume.Location, new UnknownValue("EBS options the analyzer cannot read", options.Location)));
                        break;
                }

                return new MapValue(entries, volume.Location);
            }

            if (CdkValues.IsMember(volume, "BlockDeviceVolume", "EbsFromSnapshot"))
            {
                var snapshot = CdkValues.Argument(volume, "snapshotId") ?? new UnknownValue("a snapshot id", volume.Location);
                return new MapValue(new[] { new MapEntry("SnapshotId", snapshot.Location, snapshot) }, volume.Location);
            }

            return null;
        }

        private static Value Default(Value at)
            => new ScalarValue("false", ScalarKind.Boolean, at.Location, AdapterText.DefaultProvenance(EncryptedCitation));
    }
}
