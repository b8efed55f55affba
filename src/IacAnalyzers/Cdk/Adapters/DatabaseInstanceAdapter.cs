using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.RDS.DatabaseInstance</c> → <c>AWS::RDS::DBInstance</c>. Defaults quoted from Amazon.CDK.Lib
    /// 2.160.0's XML documentation (<c>DatabaseInstanceProps</c>).
    /// </summary>
    public sealed class DatabaseInstanceAdapter : ConstructAdapter
    {
        public DatabaseInstanceAdapter()
            : base("Amazon.CDK.AWS.RDS.DatabaseInstance", "AWS::RDS::DBInstance")
        {
            // MultiAz: "Specifies if the database instance is a multiple Availability Zone deployment. Default: false"
            Map("MultiAz", "MultiAZ").Default(false, "DatabaseInstanceProps.MultiAz: false");

            // StorageEncrypted: "Indicates whether the DB instance is encrypted.
            // Default: - true if storageEncryptionKey has been provided, false otherwise"
            Map("StorageEncrypted").Default(
                props => props.Has("StorageEncryptionKey"),
                "DatabaseInstanceProps.StorageEncrypted: true if storageEncryptionKey has been provided, false otherwise");

            // StorageEncryptionKey: "The KMS key that's used to encrypt the DB instance." Its ARN is a token: present, unknown.
            Map("StorageEncryptionKey", "KmsKeyId").Convert(key => new UnknownValue("the ARN of a KMS key", key.Location));

            // Engine: "The database engine." (required) DatabaseInstanceEngine.Postgres(...) / .POSTGRES → "postgres"
            Map("Engine").Convert(engine => CdkConvert.MemberToString(engine, "DatabaseInstanceEngine", Engines));
        }

        /// <summary>DatabaseInstanceEngine factory methods and static properties → the CloudFormation <c>Engine</c> value.</summary>
        internal static readonly Dictionary<string, string> Engines = new Dictionary<string, string>
        {
            ["postgres"] = "postgres",
            ["mysql"] = "mysql",
            ["mariadb"] = "mariadb",
            ["oracleee"] = "oracle-ee",
            ["oracleeecdb"] = "oracle-ee-cdb",
            ["oraclese2"] = "oracle-se2",
            ["oraclese2cdb"] = "oracle-se2-cdb",
            ["sqlserveree"] = "sqlserver-ee",
            ["sqlserverse"] = "sqlserver-se",
            ["sqlserverex"] = "sqlserver-ex",
            ["sqlserverweb"] = "sqlserver-web",
        };
    }
}
