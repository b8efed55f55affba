namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.OpenSearchService.Domain</c> → <c>AWS::OpenSearchService::Domain</c>: encryption at rest and the
    /// cluster shape (<c>ClusterConfig</c>). The props and their defaults are shared with the deprecated Elasticsearch
    /// domain (<see cref="SearchDomainAdapter"/>); OpenSearch adds <c>CapacityConfig.MultiAzWithStandbyEnabled</c>.
    /// </summary>
    public sealed class DomainAdapter : SearchDomainAdapter
    {
        public DomainAdapter()
            : base("Amazon.CDK.AWS.OpenSearchService.Domain", "AWS::OpenSearchService::Domain", "ClusterConfig", hasMultiAzWithStandby: true)
        {
        }
    }
}
