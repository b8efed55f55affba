using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>The template writers on text, before/after. SetProperty intents come from the real IAC2001 finding.</summary>
    public class TemplateFixWriterTests
    {
        private static async Task<string> FixIac2001(string path, string before)
        {
            var diagnostics = await TemplateVerifier.AnalyzeAsync(path, before);
            var diagnostic = Assert.Single(diagnostics, d => d.Id == "IAC2001");
            var after = TemplateFixWriter.Apply(before, diagnostic.Properties);
            Assert.NotNull(after);

            // The fixed template reads, and the finding is gone.
            Assert.DoesNotContain(await TemplateVerifier.AnalyzeAsync(path, after!), d => d.Id == "IAC2001" || d.Id == "IAC0001");
            return after!;
        }

        [Fact]
        public async Task Yaml_written_false_is_replaced_keeping_the_comment()
        {
            var after = await FixIac2001("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false   # decided in 2019\n      Engine: mysql\n");
            Assert.Equal("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true   # decided in 2019\n      Engine: mysql\n", after);
        }

        [Fact]
        public async Task Yaml_quoted_false_is_replaced()
        {
            var after = await FixIac2001("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: \"false\"\n");
            Assert.Equal("Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: true\n", after);
        }

        [Fact]
        public async Task Yaml_missing_property_is_added_after_the_last_entry_with_odd_indentation_and_comments()
        {
            const string before = """
                # Database for the reporting service
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                   Db:   # the only one
                      Type: AWS::RDS::DBInstance
                      Properties:
                         Engine: postgres    # pinned
                         DBInstanceClass: db.t3.micro # small
                      # trailing comment about the resource
                   Next:
                      Type: AWS::SQS::Queue
                """;
            const string expected = """
                # Database for the reporting service
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                   Db:   # the only one
                      Type: AWS::RDS::DBInstance
                      Properties:
                         Engine: postgres    # pinned
                         DBInstanceClass: db.t3.micro # small
                         MultiAZ: true
                      # trailing comment about the resource
                   Next:
                      Type: AWS::SQS::Queue
                """;
            Assert.Equal(expected, await FixIac2001("t.yaml", before));
        }

        [Fact]
        public async Task Yaml_properties_block_is_created_when_absent()
        {
            const string before = "Resources:\n   Db:\n      Type: AWS::RDS::DBInstance\n      DeletionPolicy: Snapshot # keep data\n   Q:\n      Type: AWS::SQS::Queue\n";
            const string expected = "Resources:\n   Db:\n      Type: AWS::RDS::DBInstance\n      DeletionPolicy: Snapshot # keep data\n      Properties:\n         MultiAZ: true\n   Q:\n      Type: AWS::SQS::Queue\n";
            Assert.Equal(expected, await FixIac2001("t.yaml", before));
        }

        [Fact]
        public async Task Yaml_flow_mappings_stay_flow()
        {
            Assert.Equal(
                "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql, MultiAZ: true }\n",
                await FixIac2001("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: mysql }\n"));
            Assert.Equal(
                "Resources:\n  Db: { Type: AWS::RDS::DBInstance, Properties: { MultiAZ: true } }\n",
                await FixIac2001("t.yaml", "Resources:\n  Db: { Type: AWS::RDS::DBInstance }\n"));
            Assert.Equal(
                "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: { MultiAZ: true }\n",
                await FixIac2001("t.yaml", "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties: {}\n"));
        }

        [Fact]
        public async Task Yaml_after_a_block_scalar_and_with_crlf()
        {
            const string before = "Resources:\r\n  Db:\r\n    Type: AWS::RDS::DBInstance\r\n    Properties:\r\n      Description: |\r\n        line one\r\n        line two\r\n\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n";
            var after = await FixIac2001("t.yaml", before);
            Assert.True(after.Contains("        line two\r\n      MultiAZ: true\r\n", System.StringComparison.Ordinal), after.Replace("\r", "\\r"));
            Assert.Equal("line one\nline two\n", TemplateReader.Read("t.yaml", after, CancellationToken.None)!.Context.Find("Db")!.Get("Description").AsString()?.Replace("\r", ""));
        }

        [Fact]
        public async Task Json_multiline_keeps_its_indentation()
        {
            const string before = """
                {
                    "Resources": {
                        "Db": {
                            "Type": "AWS::RDS::DBInstance",
                            "Properties": {
                                "Engine": "mysql"
                            }
                        }
                    }
                }
                """;
            const string expected = """
                {
                    "Resources": {
                        "Db": {
                            "Type": "AWS::RDS::DBInstance",
                            "Properties": {
                                "Engine": "mysql",
                                "MultiAZ": true
                            }
                        }
                    }
                }
                """;
            Assert.Equal(expected, await FixIac2001("t.json", before));
        }

        [Fact]
        public async Task Json_with_tabs_creates_properties()
        {
            const string before = "{\n\t\"Resources\": {\n\t\t\"Db\": {\n\t\t\t\"Type\": \"AWS::RDS::DBInstance\"\n\t\t}\n\t}\n}\n";
            const string expected = "{\n\t\"Resources\": {\n\t\t\"Db\": {\n\t\t\t\"Type\": \"AWS::RDS::DBInstance\",\n\t\t\t\"Properties\": {\n\t\t\t\t\"MultiAZ\": true\n\t\t\t}\n\t\t}\n\t}\n}\n";
            Assert.Equal(expected, await FixIac2001("t.json", before));
        }

        [Fact]
        public async Task Json_single_line_stays_single_line()
        {
            Assert.Equal(
                """{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mysql", "MultiAZ": true}}}}""",
                await FixIac2001("t.json", """{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mysql"}}}}"""));
            Assert.Equal(
                """{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MultiAZ": true}}}}""",
                await FixIac2001("t.json", """{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"MultiAZ": "false"}}}}"""));
        }

        [Fact]
        public async Task No_fix_when_the_text_changed_since_the_analysis()
        {
            const string before = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false\n";
            var diagnostic = Assert.Single(await TemplateVerifier.AnalyzeAsync("t.yaml", before));
            Assert.Null(TemplateFixWriter.Apply("# a new comment line\n" + before, diagnostic.Properties));
            Assert.Null(TemplateFixWriter.Apply("Resources: [", diagnostic.Properties));
        }

        [Fact]
        public void Unknown_intent_kinds_have_no_writer()
        {
            Assert.Null(TemplateFixWriter.Apply("Resources: {}", new Dictionary<string, string?> { [FixIntent.KindKey] = "Other" }));
            Assert.Null(TemplateFixWriter.Apply("Resources: {}", new Dictionary<string, string?>()));
        }

        // ---- Replace a world CIDR with a reference to a new parameter ---------------------------------------------

        private static string ReplaceCidr(string path, string before, string resource = "Sg", string property = "CidrIp")
        {
            var template = TemplateReader.Read(path, before, CancellationToken.None)!;
            var value = template.Context.Find(resource)!.Get(property) ?? FindCidr(template.Context.Find(resource)!.Properties);
            var intent = ReplaceWithParameterFix.ForCidr(value!.Location, value.AsString()!, "SshIngressCidr", "CIDR block allowed to reach SSH (port 22)");
            var after = TemplateFixWriter.Apply(before, (IReadOnlyDictionary<string, string?>)intent.ToProperties());
            Assert.NotNull(after);
            var fixedTemplate = TemplateReader.Read(path, after!, CancellationToken.None);
            Assert.NotNull(fixedTemplate);
            Assert.Empty(fixedTemplate!.Errors);
            return after!;
        }

        private static Value? FindCidr(Value value)
        {
            switch (value)
            {
                case MapValue map:
                    return map.Entries.Select(e => e.Key == "CidrIp" ? e.Value : FindCidr(e.Value)).FirstOrDefault(v => v != null);
                case ListValue list:
                    return list.Items.Select(FindCidr).FirstOrDefault(v => v != null);
                default:
                    return null;
            }
        }

        [Fact]
        public void Yaml_cidr_becomes_a_ref_and_the_parameters_section_is_created_before_resources()
        {
            const string before = """
                AWSTemplateFormatVersion: "2010-09-09"
                Description: Bastion
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-123
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: 0.0.0.0/0 # anyone
                """;
            const string expected = """
                AWSTemplateFormatVersion: "2010-09-09"
                Description: Bastion
                Parameters:
                  SshIngressCidr:
                    Type: String
                    Description: 'CIDR block allowed to reach SSH (port 22)'
                    AllowedPattern: '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$'
                    ConstraintDescription: 'An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted'
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties:
                      GroupId: sg-123
                      IpProtocol: tcp
                      FromPort: 22
                      ToPort: 22
                      CidrIp: !Ref SshIngressCidr # anyone
                """;
            var after = ReplaceCidr("t.yaml", before);
            Assert.Equal(expected, after);
            var template = TemplateReader.Read("t.yaml", after, CancellationToken.None)!;
            Assert.IsType<UnknownValue>(template.Context.Find("Sg")!.Get("CidrIp"));
            Assert.Equal(CidrPattern.Ipv4, template.Root!.Get("Parameters")!.Get("SshIngressCidr")!.Get("AllowedPattern")!.Text);
        }

        [Fact]
        public void Yaml_existing_parameters_get_one_more_with_a_free_name()
        {
            const string before = "Parameters:\n    SshIngressCidr:\n        Type: String\nResources:\n    Sg:\n        Type: AWS::EC2::SecurityGroup\n        Properties:\n            SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }]\n";
            var after = ReplaceCidr("t.yaml", before);
            Assert.Equal(
                "Parameters:\n    SshIngressCidr:\n        Type: String\n    SshIngressCidr2:\n        Type: String\n        Description: 'CIDR block allowed to reach SSH (port 22)'\n" +
                "        AllowedPattern: '" + CidrPattern.Ipv4 + "'\n        ConstraintDescription: 'An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted'\n" +
                "Resources:\n    Sg:\n        Type: AWS::EC2::SecurityGroup\n        Properties:\n            SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SshIngressCidr2 }]\n",
                after);
        }

        [Fact]
        public void Ipv6_cidr_gets_the_ipv6_pattern()
        {
            var after = ReplaceCidr("t.yaml", "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      CidrIpv6: ::/0\n", property: "CidrIpv6");
            Assert.Contains("CidrIpv6: !Ref SshIngressCidr\n", after);
            Assert.Contains(CidrPattern.Ipv6, after);
        }

        [Fact]
        public void Json_cidr_becomes_a_ref_object_and_parameters_are_inserted_before_resources()
        {
            const string before = """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Resources": {
                    "Sg": {
                      "Type": "AWS::EC2::SecurityGroupIngress",
                      "Properties": { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0" }
                    }
                  }
                }
                """;
            const string expected = """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Parameters": {
                    "SshIngressCidr": {
                      "Type": "String",
                      "Description": "CIDR block allowed to reach SSH (port 22)",
                      "AllowedPattern": "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([1-9]|[12][0-9]|3[0-2])$",
                      "ConstraintDescription": "An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted"
                    }
                  },
                  "Resources": {
                    "Sg": {
                      "Type": "AWS::EC2::SecurityGroupIngress",
                      "Properties": { "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": { "Ref": "SshIngressCidr" } }
                    }
                  }
                }
                """;
            Assert.Equal(expected, ReplaceCidr("t.json", before));
        }

        [Fact]
        public void Json_existing_parameters_after_resources_get_the_new_one()
        {
            const string before = "{\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroupIngress\", \"Properties\": {\"CidrIp\": \"0.0.0.0/0\"}}}, \"Parameters\": {}}";
            var after = ReplaceCidr("t.json", before);
            Assert.Equal(
                "{\"Resources\": {\"Sg\": {\"Type\": \"AWS::EC2::SecurityGroupIngress\", \"Properties\": {\"CidrIp\": { \"Ref\": \"SshIngressCidr\" }}}}, \"Parameters\": { \"SshIngressCidr\": { \"Type\": \"String\", " +
                "\"Description\": \"CIDR block allowed to reach SSH (port 22)\", \"AllowedPattern\": \"" + CidrPattern.Ipv4.Replace("\\", "\\\\") + "\", \"ConstraintDescription\": \"An IPv4 CIDR block such as 203.0.113.0/24; 0.0.0.0/0 is not accepted\" } }}",
                after);
        }
    }
}
