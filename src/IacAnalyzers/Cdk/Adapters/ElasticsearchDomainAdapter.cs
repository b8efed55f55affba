namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.Elasticsearch.Domain</c> (deprecated in aws-cdk-lib 2.160.0, still shipped) →
    /// <c>AWS::Elasticsearch::Domain</c>: encryption at rest and the cluster shape (<c>ElasticsearchClusterConfig</c>).
    /// Its props (<c>EncryptionAtRest</c>, <c>Capacity</c>, <c>ZoneAwareness</c>, <c>UseUnsignedBasicAuth</c>) have the
    /// same names and the same documented defaults as the OpenSearch domain's (Amazon.CDK.Lib 2.160.0 XML docs, e.g.
    /// <c>Elasticsearch.CapacityConfig.DataNodes</c> "Default: - 1", <c>Elasticsearch.DomainProps.EncryptionAtRest</c>
    /// "Default: - No encryption at rest"), and aws-elasticsearch/lib/domain.js derives the template the same way as
    /// aws-opensearchservice's; its <c>CapacityConfig</c> has no <c>MultiAzWithStandbyEnabled</c>.
    /// </summary>
    public sealed class ElasticsearchDomainAdapter : SearchDomainAdapter
    {
        public ElasticsearchDomainAdapter()
            : base("Amazon.CDK.AWS.Elasticsearch.Domain", "AWS::Elasticsearch::Domain", "ElasticsearchClusterConfig", hasMultiAzWithStandby: false)
        {
        }
    }
}
