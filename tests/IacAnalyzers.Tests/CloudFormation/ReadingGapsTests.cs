using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Catalog;
using Xunit;
using VerifyTemplate = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Host.TemplateAnalyzer>;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>
    /// Templates that mean the same must get the same findings: YAML aliases (located at the resource that uses them),
    /// JSON <c>\uXXXX</c> escapes, duplicate logical ids (the last wins), and <c>Fn::ForEach</c> loops (said, not skipped).
    /// </summary>
    public class ReadingGapsTests
    {
        private static readonly string[] Kept = { "IAC0001", "IAC1002", "IAC1001", "IAC2001" };

        [Fact]
        public async Task Yaml_properties_alias_gets_the_same_finding_located_at_the_alias()
        {
            await Test(("vol.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Original:
                    Type: AWS::EC2::Volume
                    Properties: &volprops
                      Size: 10
                      AvailabilityZone: us-east-1a
                      Encrypted: {|#0:false|}
                  Copy:
                    Type: AWS::EC2::Volume
                    Properties: {|#1:*volprops|}
                  Anchor:
                    Type: AWS::EC2::Volume
                    Properties:
                      Size: 10
                      AvailabilityZone: us-east-1a
                      Encrypted: {|#3:&off false|}
                  ValueAlias:
                    Type: AWS::EC2::Volume
                    Properties:
                      Size: 10
                      AvailabilityZone: us-east-1a
                      Encrypted: {|#2:*off|}
                """),
                "IAC1002", 0, 1, 3, 2).RunAsync();
        }

        [Fact]
        public async Task Json_unicode_escapes_in_types_are_read_as_the_decoded_text()
        {
            await Test(("db.json", """
                {
                  "Resources": {
                    {|IAC2001:"Db"|}: {
                      "Type": "AWS\u003a\u003aRDS\u003a\u003aDBInstance",
                      "Properties": { "Engine": "mysql", "StorageEncrypted": "\u0074rue" }
                    },
                    "Encrypted": {
                      "Type": "AWS::RDS::DBInstance",
                      "Properties": { "Engine": "mysql", "MultiAZ": true, "StorageEncrypted": {|IAC1001:"f\u0061lse"|} }
                    }
                  }
                }
                """)).RunAsync();
        }

        [Fact]
        public async Task Json_only_escaped_types_still_make_a_template()
        {
            await Test(("db.json", """
                { "Resources": { {|IAC2001:"Db"|}: { "Type": "AWS\u003a\u003aRDS\u003a\u003aDBInstance", "Properties": { "Engine": "mysql", "StorageEncrypted": true } } } }
                """)).RunAsync();
        }

        [Fact]
        public async Task Json_duplicate_logical_id_reports_only_the_last_definition()
        {
            await Test(("db.json", """
                {
                  "Resources": {
                    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql" } },
                    "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql", "StorageEncrypted": true, "MultiAZ": {|IAC2001:false|} } }
                  }
                }
                """)).RunAsync();
        }

        [Fact]
        public async Task Yaml_for_each_with_a_literal_collection_is_expanded_and_Ref_reads_the_value()
        {
            var test = Test(("loop.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Volumes:
                    - Setting
                    - [ "false", "true" ]
                    - Volume&{Setting}:
                        Type: AWS::EC2::Volume
                        Properties: { Size: 10, AvailabilityZone: us-east-1a, Encrypted: {|#0:!Ref Setting|} }
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC1002").WithLocation(0).WithMessage(
                "EBS volume 'Volumefalse' is not encrypted (from the Fn::ForEach value 'false' of 'Setting'): " +
                "set Encrypted to true; this replaces the volume (move its data through an encrypted snapshot copy) [Security · SEC08-BP02]"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Yaml_for_each_over_a_computed_collection_is_reported_as_not_analysed_and_other_resources_are_checked()
        {
            var test = Test(("loop.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: { Type: CommaDelimitedList, Default: "A,B" }
                Resources:
                  {|#0:Fn::ForEach::Volumes|}:
                    - Name
                    - !Ref Names
                    - Volume${Name}:
                        Type: AWS::EC2::Volume
                        Properties: { Size: 10, AvailabilityZone: us-east-1a }
                  Plain:
                    Type: AWS::EC2::Volume
                    Properties: { Size: 10, AvailabilityZone: us-east-1a, Encrypted: {|IAC1002:false|} }
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC0001").WithLocation(0).WithArguments(
                "loop.yaml",
                "the resources of 'Fn::ForEach::Volumes' (AWS::LanguageExtensions) were not analysed: its collection is computed " +
                "(a Ref or another function), so the resources it creates are not known; the other resources were checked"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Json_for_each_only_template_is_recognised_by_its_transform_and_expanded()
        {
            var test = Test(("loop.json", """
                {
                  "Transform": "AWS::LanguageExtensions",
                  "Resources": {
                    "Fn::ForEach::Databases": [ "Name", [ "Orders", "Users" ], {
                      {|#0:"Db${Name}"|}: { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql", "MultiAZ": true } }
                    } ]
                  }
                }
                """));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC1001").WithLocation(0).WithMessage(Unencrypted("DbOrders")));
            test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic("IAC1001").WithLocation(0).WithMessage(Unencrypted("DbUsers")));
            await test.RunAsync();
        }

        private static string Unencrypted(string name)
            => "RDS DB instance '" + name + "' is not encrypted at rest (StorageEncrypted is not set and defaults to false): set StorageEncrypted " +
               "to true; encryption is chosen at creation, so this replaces the database (move its data through an encrypted snapshot copy) [Security · SEC08-BP02]";

        private static VerifyTemplate.Test Test((string Name, string Text) file, string? id = null, params int[] locations)
        {
            var test = new VerifyTemplate.Test { TestState = { AdditionalFiles = { file } } };
            test.DisabledDiagnostics.AddRange(RuleCatalog.All.Select(r => r.Id).Where(i => !Kept.Contains(i)));
            foreach (var location in locations)
            {
                // Location only: the message is checked by the tests that name it.
                test.ExpectedDiagnostics.Add(VerifyTemplate.Diagnostic(id!).WithMessageFormat(null!).WithLocation(location));
            }

            return test;
        }
    }
}
