using System.Linq;
using System.Threading;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    public class TemplateReaderTests
    {
        private static Template Read(string text, string path = "t.yaml")
        {
            var template = TemplateReader.Read(path, text, CancellationToken.None);
            Assert.NotNull(template);
            Assert.Empty(template!.Errors);
            return template;
        }

        private static ResourceView View(Template template, string name)
        {
            var view = template.Context.Find(name);
            Assert.NotNull(view);
            return view!;
        }

        [Theory]
        [InlineData("AWSTemplateFormatVersion: '2010-09-09'\nDescription: nothing yet\n")]
        [InlineData("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")]
        [InlineData("Resources:\n  Skill:\n    Type: Alexa::ASK::Skill\n")]
        [InlineData("Resources:\n  Thing:\n    Type: Custom::Thing\n    Properties: { ServiceToken: arn }\n")]
        [InlineData("Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n")]
        [InlineData("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}")]
        public void Templates_are_recognised_by_content(string text)
        {
            Assert.NotNull(TemplateReader.Read("any.yaml", text, CancellationToken.None));
        }

        [Theory]
        [InlineData("appsettings.json", "{\"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}}, \"AllowedHosts\": \"*\"}")]
        [InlineData("package.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"aws-cdk-lib\": \"2.160.0\"}}")]
        [InlineData("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits: { cpu: 500m }\n")]
        [InlineData("notes.yaml", "Resources:\n  - AWS::S3::Bucket is a type name\n")]
        [InlineData("broken-other.yaml", "key: [unclosed\n  other: {\n")]
        [InlineData("workflow.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"Resources AWS::\"\n")]
        public void Other_yaml_and_json_is_ignored(string path, string text)
        {
            Assert.Null(TemplateReader.Read(path, text, CancellationToken.None));
        }

        [Fact]
        public void Prefilter_rejects_files_without_template_words_before_parsing()
        {
            Assert.False(TemplateReader.MightBeTemplate("{\"Logging\": {}}"));
            Assert.False(TemplateReader.MightBeTemplate("Resources: \0\0 AWS::"));
            Assert.True(TemplateReader.MightBeTemplate("AWSTemplateFormatVersion: x"));
        }

        [Fact]
        public void Cdk_out_template_json_is_read_like_any_template()
        {
            const string json = """
            {
             "Resources": {
              "DbInstance310A317F": {
               "Type": "AWS::RDS::DBInstance",
               "Properties": {
                "AllocatedStorage": "100",
                "DBInstanceClass": "db.t3.micro",
                "Engine": "postgres",
                "MultiAZ": false
               },
               "UpdateReplacePolicy": "Snapshot",
               "Metadata": { "aws:cdk:path": "Stack/Db/Resource" }
              }
             },
             "Parameters": { "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" } }
            }
            """;
            var view = View(Read(json, "cdk.out/Stack.template.json"), "DbInstance310A317F");
            Assert.Equal("AWS::RDS::DBInstance", view.Type);
            var multiAz = Assert.IsType<ScalarValue>(view.Properties.Get("MultiAZ"));
            Assert.Equal(ScalarKind.Boolean, multiAz.Kind);
            Assert.Equal("false", json.Substring(multiAz.Location.Start, multiAz.Location.Length));
            Assert.Equal("100", view.Get("AllocatedStorage").AsString());
        }

        [Fact]
        public void Positions_are_exact_in_yaml()
        {
            const string yaml = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: false # not yet\n";
            var view = View(Read(yaml), "Db");
            Assert.Equal((1, 2), (view.Location.StartLine, view.Location.StartColumn));
            var value = view.Properties.Get("MultiAZ")!;
            Assert.Equal((4, 15, 4, 20), (value.Location.StartLine, value.Location.StartColumn, value.Location.EndLine, value.Location.EndColumn));
            Assert.Equal("false", yaml.Substring(value.Location.Start, value.Location.Length));
        }

        [Fact]
        public void Positions_are_exact_in_json_with_tabs_and_crlf()
        {
            var json = "{\r\n\t\"Resources\": {\r\n\t\t\"Db\": {\r\n\t\t\t\"Type\": \"AWS::RDS::DBInstance\",\r\n\t\t\t\"Properties\": {\"MultiAZ\": \"false\", \"Engine\": \"mysql\"}\r\n\t\t}\r\n\t}\r\n}\r\n";
            var view = View(Read(json, "t.json"), "Db");
            var value = view.Properties.Get("MultiAZ")!;
            Assert.Equal("\"false\"", json.Substring(value.Location.Start, value.Location.Length));
            Assert.Equal((4, 29), (value.Location.StartLine, value.Location.StartColumn));
            Assert.True(value.IsFalse());
        }

        [Fact]
        public void Json_escapes_big_numbers_and_duplicate_keys_are_read_faithfully()
        {
            const string json = """{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"Arn": "arn:aws:iam::aws:policy\/Admin\u0041ccess", "Big": 123456789012345678901234567890, "K": 1, "K": 2}}}}""";
            var view = View(Read(json, "t.json"), "P");
            Assert.Equal("arn:aws:iam::aws:policy/AdminAccess", view.Get("Arn").AsString());
            Assert.Equal("123456789012345678901234567890", view.Get("Big").AsString());
            Assert.Equal(ScalarKind.Number, ((ScalarValue)view.Get("Big")!).Kind);
            Assert.Equal("2", view.Get("K").AsString());
        }

        [Fact]
        public void Quoted_scalars_are_strings_that_rules_still_read_as_booleans_and_numbers()
        {
            const string yaml = "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      FromPort: \"22\"\n      ToPort: !!str 22\n      Flag: 'true'\n      Other: True\n      Empty:\n";
            var view = View(Read(yaml), "Sg");
            Assert.Equal(ScalarKind.String, ((ScalarValue)view.Get("FromPort")!).Kind);
            Assert.Equal(22, ((ScalarValue)view.Get("FromPort")!).AsInteger());
            Assert.Equal(ScalarKind.String, ((ScalarValue)view.Get("ToPort")!).Kind);
            Assert.True(view.Get("Flag")!.IsTrue());
            Assert.Equal(ScalarKind.Boolean, ((ScalarValue)view.Get("Other")!).Kind);
            Assert.Equal(ScalarKind.Null, ((ScalarValue)view.Get("Empty")!).Kind);
        }

        [Fact]
        public void Anchors_and_aliases_are_followed()
        {
            const string yaml = "Resources:\n  A:\n    Type: AWS::RDS::DBInstance\n    Properties: &props\n      Engine: mysql\n      MultiAZ: false\n  B:\n    Type: AWS::RDS::DBInstance\n    Properties: *props\n";
            var template = Read(yaml);
            Assert.True(View(template, "B").Get("MultiAZ")!.IsFalse());
            Assert.Equal("mysql", View(template, "B").Get("Engine").AsString());
        }

        [Fact]
        public void Resource_without_properties_has_an_empty_map_at_its_body()
        {
            const string yaml = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n";
            var view = View(Read(yaml), "Db");
            Assert.False(view.PropertiesWritten);
            Assert.Empty(view.Properties.Entries);
            Assert.Equal("Type", yaml.Substring(view.Properties.Location.Start, 4));
        }

        [Fact]
        public void Metadata_and_condition_are_exposed()
        {
            const string yaml = "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Condition: IsProd\n    Metadata:\n      Owner: team-a\n";
            var view = View(Read(yaml), "Db");
            Assert.Equal("IsProd", view.Condition);
            Assert.Equal("team-a", view.Metadata!.Get("Owner").AsString());
        }

        [Fact]
        public void Views_are_built_once_and_on_demand()
        {
            const string yaml = "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::SQS::Queue\n";
            var template = Read(yaml);
            Assert.Same(template.Context.Find("A"), template.Context.Find("A"));
            Assert.Equal(new[] { "A", "B" }, template.Resources.Select(r => r.Name));
            Assert.Null(template.Context.Find("Missing"));
        }
    }
}
