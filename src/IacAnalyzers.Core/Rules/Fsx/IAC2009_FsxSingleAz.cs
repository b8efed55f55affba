using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Fsx
{
    /// <summary>
    /// IAC2009: an <c>AWS::FSx::FileSystem</c> with a single-AZ deployment type, read from the configuration block of
    /// its <c>FileSystemType</c>:
    /// <list type="bullet">
    /// <item>WINDOWS: <c>WindowsConfiguration.DeploymentType</c> MULTI_AZ_1 | SINGLE_AZ_1 (the default) | SINGLE_AZ_2;
    /// missing is SINGLE_AZ_1 (when the configuration block is written).</item>
    /// <item>ONTAP: <c>OntapConfiguration.DeploymentType</c> (required) MULTI_AZ_1 | MULTI_AZ_2 | SINGLE_AZ_1 | SINGLE_AZ_2.</item>
    /// <item>OPENZFS: <c>OpenZFSConfiguration.DeploymentType</c> (required) MULTI_AZ_1 | SINGLE_AZ_1 | SINGLE_AZ_2 |
    /// SINGLE_AZ_HA_1 | SINGLE_AZ_HA_2 (the HA types pair file servers within one zone: still one zone).</item>
    /// <item>LUSTRE: not checked; every Lustre deployment type is single-AZ and there is no Multi-AZ one.</item>
    /// </list>
    /// Unknown file system types, blocks or deployment types are not flagged. No fix (replacement).
    /// </summary>
    public sealed class IAC2009_FsxSingleAz : Rule
    {
        public const string FileSystem = "AWS::FSx::FileSystem";

        public IAC2009_FsxSingleAz()
            : base(RuleCatalog.FsxSingleAz, FileSystem)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            string? block;
            string kind;
            string multiAz;
            switch (resource.Properties.Get("FileSystemType").AsString()?.Trim().ToUpperInvariant())
            {
                case "WINDOWS":
                    block = "WindowsConfiguration";
                    kind = "Windows File Server";
                    multiAz = "MULTI_AZ_1";
                    break;
                case "ONTAP":
                    block = "OntapConfiguration";
                    kind = "NetApp ONTAP";
                    multiAz = "MULTI_AZ_1 or MULTI_AZ_2";
                    break;
                case "OPENZFS":
                    block = "OpenZFSConfiguration";
                    kind = "OpenZFS";
                    multiAz = "MULTI_AZ_1";
                    break;
                default:
                    return;
            }

            if (!(resource.Properties.Get(block) is MapValue config))
            {
                return;
            }

            var type = config.Get("DeploymentType");
            if (type == null)
            {
                if (block == "WindowsConfiguration")
                {
                    findings.Add(Create(resource, resource.Location, null, resource.Name, kind,
                        FindingText.Suffix(block + ".DeploymentType is not set and defaults to SINGLE_AZ_1"), multiAz));
                }

                return;
            }

            foreach (var leaf in type.Leaves())
            {
                if (leaf.Value is NoValue && block == "WindowsConfiguration")
                {
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, kind,
                        FindingText.Suffix(leaf.Branch, "AWS::NoValue leaves " + block + ".DeploymentType unset (SINGLE_AZ_1)"), multiAz));
                    return;
                }

                if (leaf.Value.AsString() is string text && text.Trim().StartsWith("SINGLE_AZ", StringComparison.OrdinalIgnoreCase))
                {
                    var why = "DeploymentType is " + text.Trim() + (leaf.Value.Provenance != null ? ", " + FindingText.From(leaf.Value) : string.Empty);
                    findings.Add(Create(resource, leaf.Value.Location, null, resource.Name, kind, FindingText.Suffix(leaf.Branch, why), multiAz));
                    return;
                }
            }
        }
    }
}
