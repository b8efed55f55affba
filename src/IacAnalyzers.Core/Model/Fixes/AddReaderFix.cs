using System.Collections.Generic;
using IacAnalyzers.Catalog;

namespace IacAnalyzers.Model
{
    /// <summary>
    /// Give a DB cluster that has a single instance a second one (a reader in another Availability Zone), so it can fail
    /// over. <see cref="Cluster"/> is the cluster's location; the writer of each surface decides how (CDK C#: a reader in
    /// the L2 cluster's props); a surface without a writer for this kind offers nothing.
    /// </summary>
    public sealed class AddReaderFix : FixIntent
    {
        public const string ClusterStartKey = "iac.fix.clusterStart";
        public const string ClusterLengthKey = "iac.fix.clusterLength";

        public AddReaderFix(SourceLocation cluster)
            : this(FixSpan.Of(cluster))
        {
        }

        public AddReaderFix(FixSpan cluster)
            : base("Add a reader instance to the cluster")
        {
            Cluster = cluster;
        }

        public FixSpan Cluster { get; }

        public override FixKind Kind => FixKind.AddReader;

        protected override void AddProperties(IDictionary<string, string?> properties)
        {
            properties[ClusterStartKey] = Int(Cluster.Start);
            properties[ClusterLengthKey] = Int(Cluster.Length);
        }

        public static AddReaderFix? TryRead(IReadOnlyDictionary<string, string?> properties)
            => KindOf(properties) == FixKind.AddReader && TrySpan(properties, ClusterStartKey, ClusterLengthKey, out var cluster)
                ? new AddReaderFix(cluster)
                : null;
    }
}
