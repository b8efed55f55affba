namespace IacAnalyzers.Catalog
{
    /// <summary>IAC2xxx: Reliability, single points of failure across Availability Zones.</summary>
    public static partial class RuleCatalog
    {
        // ---- IAC2xxx: Reliability -------------------------------------------------------------------

        public static readonly RuleInfo RdsInstanceSingleAz = new RuleInfo(
            "IAC2001",
            "RDS DB instance runs in a single Availability Zone",
            "RDS DB instance '{0}' runs in a single Availability Zone{1}: set MultiAZ to true so a standby in another zone takes over on failure",
            "A DB instance without Multi-AZ has no standby: an Availability Zone outage or a host failure takes the " +
            "database down until it is restored. Aurora instances that belong to a DB cluster are exempt: their " +
            "availability comes from the cluster's instances in several zones.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZ (MultiAz in CDK C#) to true.", noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Checkov, "CKV_AWS_157"),
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-RDS3"),
                new PeerRule(PeerTools.CdkNag, "HIPAA.Security-RDSMultiAZSupport"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R4-RDSMultiAZSupport"),
                new PeerRule(PeerTools.CdkNag, "NIST.800.53.R5-RDSMultiAZSupport"),
                new PeerRule(PeerTools.Guard, "RDS_MULTI_AZ_SUPPORT"),
            });

        // ---- Reliability: single-AZ (IAC200x) -----------------------------------------------------------

        public static readonly RuleInfo DbClusterSingleInstance = new RuleInfo(
            "IAC2002",
            "DB cluster has a single DB instance",
            "{0} '{1}' has a single DB instance ('{2}'): add a second instance (a reader) so the cluster can fail over to another Availability Zone",
            "An Aurora, DocumentDB or Neptune cluster keeps its storage in three Availability Zones, but its compute is its " +
            "instances. With one instance, a zone or host failure leaves the cluster without a writer until a new instance " +
            "is created; with a reader in another zone, the cluster fails over in about a minute. Instances are counted " +
            "across the template (or app): those whose DBClusterIdentifier references the cluster. RDS Multi-AZ DB clusters " +
            "and Aurora Serverless v1 are exempt.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "In CDK C#, adds Readers = new[] { ClusterInstance.Provisioned/ServerlessV2(\"reader\", writer props) } " +
                "to an RDS DatabaseCluster whose writer's props can be copied as written (a reader the writer's size, so a " +
                "failover keeps the capacity; it adds the cost of one instance), and turns the deprecated Instances = 1 into 2. " +
                "Not offered in templates (a new AWS::RDS::DBInstance resource is the author's to write) nor for DocumentDB.",
            noFixReason: null, fixes: FixKind.AddReader);

        public static readonly RuleInfo ElastiCacheSingleAz = new RuleInfo(
            "IAC2003",
            "ElastiCache replication group does not fail over to another Availability Zone",
            "ElastiCache replication group '{0}' does not fail over to another Availability Zone{1}: enable MultiAZEnabled and AutomaticFailoverEnabled with at least one replica per shard",
            "Without Multi-AZ, a replication group's primary is not replaced by a replica in another Availability Zone when " +
            "its zone or node fails: the cache is down, or read-only, until the node is recovered. MultiAZEnabled (default " +
            "false) decides; AWS accepts it only with AutomaticFailoverEnabled (default false) and at least one replica.",
            Pillar.Reliability, "REL11-BP02", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZEnabled to true, when automatic failover is already on and the group has a replica.",
            noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-AEC4"),
            });

        public static readonly RuleInfo OpenSearchNoZoneAwareness = new RuleInfo(
            "IAC2004",
            "OpenSearch domain keeps its data nodes in one Availability Zone",
            "{0} has {1} data nodes in a single Availability Zone{2}: set ZoneAwarenessEnabled to true in {3} so nodes and replicas spread across zones",
            "A domain with several data nodes but no zone awareness places them all in one Availability Zone: a zone " +
            "failure takes the whole domain down, and replica shards do not protect against it. Single-node domains are " +
            "not flagged.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets ZoneAwarenessEnabled to true in the cluster configuration, when the data node count is even.",
            noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.CdkNag, "AwsSolutions-OS7"),
                new PeerRule(PeerTools.Guard, "OPENSEARCH_DATA_NODE_FAULT_TOLERANCE"),
            });

        // ---- Reliability: single-AZ placement beyond RDS (IAC2005-IAC2019) ------------------------------

        public static readonly RuleInfo ElastiCacheMemcachedSingleAz = new RuleInfo(
            "IAC2005",
            "ElastiCache Memcached cluster places all its nodes in one Availability Zone",
            "ElastiCache Memcached cluster '{0}' places its {1} nodes in a single Availability Zone{2}: set AZMode to cross-az so a zone failure takes only part of the cache",
            "A Memcached cluster has no replication: each node holds its share of the keys. With AZMode single-az (the " +
            "default when neither AZMode nor PreferredAvailabilityZones is given) every node is in one Availability Zone, " +
            "so a zone failure empties the whole cache at once and the load falls on the database behind it. Clusters of " +
            "one node and Redis OSS / Valkey cache clusters (AZMode applies to Memcached only) are not flagged.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets AZMode to cross-az, when PreferredAvailabilityZones is not written.",
            noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo EfsOneZone = new RuleInfo(
            "IAC2006",
            "EFS file system is a One Zone file system",
            "{0} stores its data in a single Availability Zone{1}: remove AvailabilityZoneName (in CDK, OneZone) for a Regional file system that stores data across zones; this replaces the file system (copy its data, e.g. with AWS DataSync or EFS replication)",
            "An EFS One Zone file system (AvailabilityZoneName set) keeps its data and metadata redundantly within one " +
            "Availability Zone only: if that zone fails or is lost, the data is unavailable, and may be lost. Regional file " +
            "systems store data across several zones.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "AvailabilityZoneName cannot change in place: a Regional file system is a new file system, and its data must be copied.");

        public static readonly RuleInfo MqSingleInstanceBroker = new RuleInfo(
            "IAC2007",
            "Amazon MQ broker is a single-instance broker",
            "Amazon MQ broker '{0}' runs as a single instance in one Availability Zone{1}: use DeploymentMode ACTIVE_STANDBY_MULTI_AZ (ActiveMQ) or CLUSTER_MULTI_AZ (RabbitMQ) with subnets in several zones",
            "A SINGLE_INSTANCE broker is one broker in one Availability Zone: a zone or host failure makes the broker, and " +
            "the messages it holds, unavailable until it is recovered. Active/standby (ActiveMQ) and cluster (RabbitMQ) " +
            "deployments keep a broker running in another zone.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "DeploymentMode cannot change in place (the broker is replaced), and a Multi-AZ broker needs subnets in two or more zones and more instances: decisions for the author.");

        public static readonly RuleInfo DmsReplicationInstanceSingleAz = new RuleInfo(
            "IAC2008",
            "DMS replication runs in a single Availability Zone",
            "{0} runs in a single Availability Zone{1}: set MultiAZ to true so a standby in another zone takes over the replication on failure",
            "A DMS replication instance (AWS::DMS::ReplicationInstance) or DMS Serverless replication " +
            "(AWS::DMS::ReplicationConfig, ComputeConfig) without Multi-AZ has no standby: a zone or host failure stops " +
            "the migration and ongoing replication until it is recovered. MultiAZ defaults to false.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZ (MultiAz in CDK C#) to true, when no AvailabilityZone is written.",
            noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Guard, "DMS_REPLICATION_INSTANCE_MULTI_AZ_ENABLED"),
            });

        public static readonly RuleInfo FsxSingleAz = new RuleInfo(
            "IAC2009",
            "FSx file system uses a single-AZ deployment type",
            "FSx for {1} file system '{0}' runs in a single Availability Zone{2}: use a Multi-AZ deployment type ({3}) with a preferred subnet and subnets in two zones; this replaces the file system",
            "FSx for Windows File Server, NetApp ONTAP and OpenZFS file systems with a SINGLE_AZ deployment type keep their " +
            "file servers and storage in one Availability Zone: a zone failure makes the file system unavailable. Multi-AZ " +
            "deployment types keep a standby file server in another zone and fail over automatically. FSx for Windows " +
            "defaults to SINGLE_AZ_1. FSx for Lustre (single-AZ by design, with no Multi-AZ option) is not flagged.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "DeploymentType cannot change in place (the file system is replaced), and Multi-AZ needs a preferred subnet and a second subnet.");

        public static readonly RuleInfo RedshiftClusterSingleAz = new RuleInfo(
            "IAC2010",
            "Redshift RA3 cluster runs in a single Availability Zone",
            "Redshift cluster '{0}' runs in a single Availability Zone{1}: set MultiAZ to true so the cluster keeps running from a second zone when one fails (it provisions the same compute in the second zone)",
            "A provisioned Redshift cluster without Multi-AZ runs its compute in one Availability Zone: a zone failure stops " +
            "the data warehouse until it is relocated or restored. RA3 multi-node clusters can be Multi-AZ (MultiAZ, default " +
            "false): the same compute in two zones behind one endpoint. Single-node and non-RA3 clusters, which cannot be " +
            "Multi-AZ, are not flagged.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets MultiAZ (MultiAz in CDK C#) to true, when no AvailabilityZone is written and Encrypted is not false.",
            noFixReason: null, fixes: FixKind.SetProperty,
            equivalents: new[]
            {
                new PeerRule(PeerTools.Guard, "REDSHIFT_CLUSTER_MULTI_AZ_ENABLED"),
            });

        public static readonly RuleInfo DaxClusterNotFaultTolerant = new RuleInfo(
            "IAC2011",
            "DAX cluster is not fault-tolerant across Availability Zones",
            "DAX cluster '{0}' is not fault-tolerant across Availability Zones{1}: set ReplicationFactor to 3 or more and let DAX spread the nodes across zones (leave AvailabilityZones out, or list different zones)",
            "A DynamoDB Accelerator (DAX) cluster of one node has no replica: a node or zone failure empties the cache and " +
            "sends every read to DynamoDB until a new node is up. AWS calls one- and two-node clusters not fault-tolerant and " +
            "recommends at least three nodes, each in a different Availability Zone, for production. A cluster whose " +
            "AvailabilityZones list names a single zone keeps all its nodes there. Without AvailabilityZones, DAX spreads the " +
            "nodes across zones itself.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets ReplicationFactor to 3 (in place, no replacement; three nodes cost three times one), when AvailabilityZones is not written (its length must equal the node count).",
            noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo TimestreamInfluxDbSingleAz = new RuleInfo(
            "IAC2012",
            "Timestream for InfluxDB instance runs in a single Availability Zone",
            "Timestream for InfluxDB instance '{0}' runs in a single Availability Zone{1}: set DeploymentType to WITH_MULTIAZ_STANDBY, with VpcSubnetIds in two zones, so a standby in another zone takes over on failure",
            "A Timestream for InfluxDB DB instance deployed as SINGLE_AZ (the default when DeploymentType is not given) has " +
            "no standby: a zone or host failure makes the time-series database unavailable until it is recovered. With " +
            "WITH_MULTIAZ_STANDBY, Timestream keeps a synchronous standby in another Availability Zone and fails over to it " +
            "automatically.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: "Sets DeploymentType to WITH_MULTIAZ_STANDBY, unless VpcSubnetIds lists fewer than two subnets (the standby needs subnets in two zones; it doubles the instance cost).",
            noFixReason: null, fixes: FixKind.SetProperty);

        public static readonly RuleInfo LightsailDatabaseSingleAz = new RuleInfo(
            "IAC2013",
            "Lightsail database uses a standard plan without high availability",
            "Lightsail database '{0}' runs in a single Availability Zone{1}: use a high availability plan ({2}) so a standby in another zone takes over on failure; the plan is chosen at creation, so this replaces the database (restore it from a snapshot)",
            "A Lightsail managed database on a standard plan is one database in one Availability Zone: a zone or host failure " +
            "makes it unavailable until it is recovered. A high availability plan (a bundle id with _ha_, such as " +
            "micro_ha_2_0) keeps a standby database in a second zone for failover. The plan is RelationalDatabaseBundleId, " +
            "which cannot change in place.",
            Pillar.Reliability, "REL10-BP01", RuleLevel.BuildWarning, Surfaces.Both,
            fix: null,
            noFixReason: "RelationalDatabaseBundleId cannot change in place: a new plan is a new database, created from a snapshot of the old one, at about twice the price.");
    }
}
