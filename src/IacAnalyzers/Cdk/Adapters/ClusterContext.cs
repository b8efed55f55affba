using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// For L2 clusters that create their DB instances themselves (RDS and DocumentDB <c>DatabaseCluster</c>): the cluster
    /// view just built and its instance views share a context of their own (seeded with the method body's resources), so
    /// cross-resource rules (IAC2002 counts a cluster's instances) see them together.
    /// </summary>
    internal static class ClusterContext
    {
        /// <summary>Re-creates the last built view in a new context and returns both; add the member views to that context.</summary>
        public static (ResourceView Cluster, ListResourceContext Context) Rebind(AdapterInput input, System.Collections.Generic.IList<ResourceView> output)
        {
            var built = output[output.Count - 1];
            var context = new ListResourceContext();
            foreach (var r in input.Context.Resources)
            {
                context.Add(r);
            }

            var cluster = new ResourceView(built.Type, built.Name, built.Location, built.Properties, built.Surface, context, built.Metadata, built.Condition, built.PropertiesWritten);
            output[output.Count - 1] = cluster;
            context.Add(cluster);
            return (cluster, context);
        }
    }
}
