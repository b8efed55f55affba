using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Efs
{
    /// <summary>
    /// IAC1004: an EFS file system without encryption at rest. CloudFormation: <c>AWS::EFS::FileSystem.Encrypted</c>
    /// defaults to false. (The CDK L2 <c>FileSystem</c> defaults to true under the
    /// <c>@aws-cdk/aws-efs:defaultEncryptionAtRest</c> flag: its adapter supplies that, not this rule.)
    /// </summary>
    public sealed class IAC1004_EfsFileSystemNotEncrypted : RequireTrueRule
    {
        public const string FileSystem = "AWS::EFS::FileSystem";

        public IAC1004_EfsFileSystemNotEncrypted()
            : base(RuleCatalog.EfsFileSystemNotEncrypted, FileSystem)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
            => RequireTrue(resource, findings, "EFS file system '" + resource.Name + "'", resource.Properties, null, "Encrypted",
                resource.Location, "Encrypted is not set and defaults to false", !resource.PropertiesWritten);
    }
}
