using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// Escape hatches are judged by what they write (src/IacAnalyzers/Cdk/EscapeHatches.cs): a write that fixes a finding
    /// clears it, a write that introduces one adds it, an unknown write makes its property unknown, and the properties
    /// the hatch does not touch stay as the props say.
    /// </summary>
    public class EscapeHatchTests
    {
        [Fact]
        public async Task L2_override_of_an_unrelated_property_keeps_the_finding()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var db = [|new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.SQL_SERVER_SE, Vpc = vpc, StorageEncrypted = true })|];
                        var cfn = (CfnDBInstance)db.Node.DefaultChild;
                        cfn.BackupRetentionPeriod = 7;
                        cfn.AddPropertyOverride("DeletionProtection", true);
                    }
                }
                """, "IAC2001");
        }

        [Fact]
        public async Task L2_escape_hatch_write_that_fixes_the_finding_clears_it()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc });
                        var cfn = (CfnDBInstance)db.Node.DefaultChild;
                        cfn.MultiAz = true;
                        var other = new DatabaseInstance(this, "Other", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc });
                        ((CfnDBInstance)other.Node.DefaultChild).AddPropertyOverride("MultiAZ", true);
                    }
                }
                """, "IAC2001");
        }

        [Fact]
        public async Task L2_override_that_introduces_a_finding_is_flagged_at_the_override()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc, StorageEncrypted = true, MultiAz = true });
                        var cfn = (CfnDBInstance)db.Node.DefaultChild;
                        cfn.AddPropertyOverride("StorageEncrypted", [|false|]);
                    }
                }
                """, "IAC1001");
        }

        [Fact]
        public async Task L1_deletion_override_and_unknown_or_conditional_writes()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, bool flag, string key) : base(scope, "App")
                    {
                        var deleted = new CfnDBInstance(this, "Deleted", new CfnDBInstanceProps { Engine = "mysql", MultiAz = true });
                        [|deleted.AddPropertyDeletionOverride("MultiAZ")|];

                        var conditional = new CfnDBInstance(this, "Conditional", new CfnDBInstanceProps { Engine = "mysql", MultiAz = false });
                        if (flag)
                        {
                            conditional.AddPropertyOverride("MultiAZ", true);
                        }

                        var unknownPath = new CfnDBInstance(this, "UnknownPath", new CfnDBInstanceProps { Engine = "mysql", MultiAz = false });
                        unknownPath.AddPropertyOverride(key, true);

                        var metadataOnly = new CfnDBInstance(this, "MetadataOnly", new CfnDBInstanceProps { Engine = "mysql", MultiAz = [|false|] });
                        metadataOnly.AddOverride("Metadata.Owner", "team");
                    }
                }
                """, "IAC2001");
        }

        [Fact]
        public async Task Escape_hatch_child_passed_to_other_code_makes_the_construct_unknown()
        {
            await CdkVerifier.VerifyRuleAsync("""
                public class AppStack : Stack
                {
                    public AppStack(Construct scope, IVpc vpc) : base(scope, "App")
                    {
                        var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.MYSQL, Vpc = vpc });
                        Harden((CfnDBInstance)db.Node.DefaultChild);
                    }

                    private static void Harden(CfnDBInstance cfn) => cfn.MultiAz = true;
                }
                """, "IAC2001");
        }

        [Fact]
        public async Task L2_nested_override_path_is_applied_inside_the_property()
        {
            await CdkVerifier.VerifyRuleAsync("""
                using Amazon.CDK.AWS.OpenSearchService;
                using EngineVersion = Amazon.CDK.AWS.OpenSearchService.EngineVersion;

                public class AppStack : Stack
                {
                    public AppStack(Construct scope) : base(scope, "App")
                    {
                        var search = new Domain(this, "Search", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13 });
                        ((CfnDomain)search.Node.DefaultChild).AddPropertyOverride("EncryptionAtRestOptions.Enabled", true);
                        var open = new Domain(this, "Open", new DomainProps { Version = EngineVersion.OPENSEARCH_2_13, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        ((CfnDomain)open.Node.DefaultChild).AddPropertyOverride("EncryptionAtRestOptions.Enabled", [|false|]);
                    }
                }
                """, "IAC1006");
        }
    }
}
