using System.Linq;
using System.Threading;
using IacAnalyzers.CloudFormation;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    public class IntrinsicsTests
    {
        private static ResourceView View(string text, string name = "R", string path = "t.yaml")
        {
            var template = TemplateReader.Read(path, text, CancellationToken.None);
            Assert.NotNull(template);
            var view = template!.Context.Find(name);
            Assert.NotNull(view);
            Assert.Empty(template.Errors);
            return view!;
        }

        private const string Header = """
            Parameters:
              MultiAz:
                Type: String
                Default: "false"
                AllowedValues: ["true", "false"]
              NoDefault:
                Type: String
              Cidrs:
                Type: CommaDelimitedList
                Default: 10.0.0.0/8, 0.0.0.0/0
              FromSsm:
                Type: AWS::SSM::Parameter::Value<String>
                Default: /app/cidr
              Env:
                Type: String
                Default: prod
            Mappings:
              Settings:
                prod:
                  MultiAz: false
                  Cidr: 0.0.0.0/0
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
            """;

        [Theory]
        [InlineData("!Ref MultiAz")]
        [InlineData("{ Ref: MultiAz }")]
        [InlineData("{ \"Ref\": \"MultiAz\" }")]
        public void Ref_to_a_parameter_is_its_default_with_provenance(string written)
        {
            var view = View(Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: " + written + "\n");
            var value = Assert.IsType<ScalarValue>(view.Get("MultiAZ"));
            Assert.True(value.IsFalse());
            Assert.Equal("the Default of parameter 'MultiAz'", value.Provenance?.Text);
            Assert.Equal(ValueOrigin.ParameterDefault, value.Origin);
            Assert.Equal(" (from the Default of parameter 'MultiAz')", new Leaf(value, null).Detail());
        }

        [Fact]
        public void Ref_to_a_parameter_is_located_at_the_ref()
        {
            var text = Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !Ref MultiAz\n";
            var value = View(text).Get("MultiAZ")!;
            Assert.Equal("!Ref MultiAz", text.Substring(value.Location.Start, value.Location.Length));
        }

        [Theory]
        [InlineData("!Ref NoDefault")]
        [InlineData("!Ref FromSsm")]
        [InlineData("!Ref AWS::Region")]
        [InlineData("!Ref Undeclared")]
        [InlineData("!GetAZs ''")]
        [InlineData("!ImportValue shared-cidr")]
        [InlineData("!Base64 abc")]
        [InlineData("!Cidr [10.0.0.0/16, 4, 8]")]
        [InlineData("!Sub '${AWS::Region}-x'")]
        [InlineData("!Sub '${NoDefault}'")]
        [InlineData("!Join ['', [a, !Ref AWS::AccountId]]")]
        [InlineData("!FindInMap [Settings, !Ref Env, MultiAz]")]
        [InlineData("!Transform { Name: AWS::Include }")]
        [InlineData("!Select [0, !GetAZs '']")]
        [InlineData("{ \"Fn::Base64\": \"x\" }")]
        public void Other_intrinsics_and_defaultless_parameters_are_unknown(string written)
        {
            var view = View(Header + "\n  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      CidrIp: " + written + "\n");
            Assert.IsType<UnknownValue>(view.Get("CidrIp"));
        }

        [Theory]
        [InlineData("!Ref AWS::NoValue")]
        [InlineData("{ \"Ref\": \"AWS::NoValue\" }")]
        public void Ref_AWS_NoValue_is_its_own_value_kind_not_unknown(string written)
        {
            var view = View(Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: " + written + "\n");
            Assert.IsType<NoValue>(view.Get("MultiAZ"));
        }

        [Fact]
        public void Fn_If_branches_carry_the_condition_and_its_polarity()
        {
            var view = View(Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !If [IsProd, true, false]\n");
            var oneOf = Assert.IsType<OneOfValue>(view.Get("MultiAZ"));
            Assert.Equal(new[] { (ConditionKind.Template, "IsProd", true), (ConditionKind.Template, "IsProd", false) },
                oneOf.Branches.Select(b => (b.Condition.Kind, b.Condition.Name, b.Holds)));
        }

        [Theory]
        [InlineData("!If [IsProd, true, false]")]
        [InlineData("{ \"Fn::If\": [\"IsProd\", true, false] }")]
        [InlineData("\n        Fn::If:\n          - IsProd\n          - true\n          - false")]
        public void Fn_If_is_both_branches_named_by_condition(string written)
        {
            var view = View(Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: " + written + "\n");
            var leaves = view.Get("MultiAZ")!.Leaves().ToList();
            Assert.Equal(2, leaves.Count);
            Assert.True(leaves[0].Value.IsTrue());
            Assert.Equal("when condition 'IsProd' is true", leaves[0].Branch);
            Assert.True(leaves[1].Value.IsFalse());
            Assert.Equal(" (when condition 'IsProd' is false)", leaves[1].Detail());
        }

        [Fact]
        public void Nested_Fn_If_joins_branch_labels()
        {
            var view = View(Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !If [IsProd, true, !If [Other, !Ref MultiAz, true]]\n");
            var bad = view.Get("MultiAZ")!.Leaves().Single(l => l.Value.IsFalse());
            Assert.Equal(" (when condition 'IsProd' is false and when condition 'Other' is true; from the Default of parameter 'MultiAz')", bad.Detail());
        }

        [Theory]
        [InlineData("!Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")]
        [InlineData("{ \"Fn::Sub\": \"arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess\" }")]
        [InlineData("!Sub ['arn:${P}:iam::aws:policy/${Name}', { P: !Ref AWS::Partition, Name: AdministratorAccess }]")]
        [InlineData("!Join ['', ['arn:', !Ref AWS::Partition, ':iam::aws:policy/AdministratorAccess']]")]
        [InlineData("!Join [':', [arn, aws, iam, '', aws, policy/AdministratorAccess]]")]
        public void Sub_and_join_of_known_parts_are_strings(string written)
        {
            var view = View(Header + "\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - " + written + "\n");
            var list = Assert.IsType<ListValue>(view.Get("ManagedPolicyArns"));
            Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", list.Items[0].AsString());
        }

        [Fact]
        public void Sub_says_which_pseudo_parameter_it_assumed()
        {
            var view = View(Header + "\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Arn: !Sub 'arn:${AWS::Partition}:s3:::${Env}-${!Literal}'\n");
            var value = (ScalarValue)view.Get("Arn")!;
            Assert.Equal("arn:aws:s3:::prod-${Literal}", value.Text);
            Assert.Contains("${AWS::Partition} as 'aws'", value.Provenance!.Text);
            Assert.Contains("from the Default of parameter 'Env'", value.Provenance.Text);
            Assert.Equal(ValueOrigin.Derived, value.Origin);
        }

        [Fact]
        public void FindInMap_with_literal_keys_is_the_mapping_value_at_the_call()
        {
            var text = Header + "\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MultiAZ: !FindInMap [Settings, prod, MultiAz]\n";
            var value = View(text).Get("MultiAZ")!;
            Assert.True(value.IsFalse());
            Assert.Equal("Mappings Settings.prod.MultiAz", value.Provenance?.Text);
            Assert.StartsWith("!FindInMap", text.Substring(value.Location.Start));
        }

        [Fact]
        public void List_parameters_select_and_split_resolve()
        {
            var view = View(Header + "\n  R:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      A: !Ref Cidrs\n      B: !Select [1, !Ref Cidrs]\n      C: !Select [0, !Split [',', 'x,y']]\n");
            var list = Assert.IsType<ListValue>(view.Get("A"));
            Assert.Equal(new[] { "10.0.0.0/8", "0.0.0.0/0" }, list.Items.Select(i => i.AsString()));
            Assert.Equal("0.0.0.0/0", view.Get("B").AsString());
            Assert.Equal("the Default of parameter 'Cidrs'", view.Get("B")!.Provenance?.Text);
            Assert.Equal("x", view.Get("C").AsString());
        }

        [Theory]
        [InlineData("!Ref Sg", null)]
        [InlineData("!GetAtt Sg.GroupId", "GroupId")]
        [InlineData("!GetAtt [Sg, GroupId]", "GroupId")]
        [InlineData("{ \"Fn::GetAtt\": [\"Sg\", \"GroupId\"] }", "GroupId")]
        public void Ref_and_GetAtt_to_resources_link_them(string written, string? attribute)
        {
            var text = "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: " + written + "\n      CidrIp: 0.0.0.0/0\n";
            var template = TemplateReader.Read("t.yaml", text, CancellationToken.None)!;
            var ingress = template.Context.Find("R")!;
            var groupId = Assert.IsType<UnknownValue>(ingress.Get("GroupId"));
            Assert.Equal("Sg", groupId.ReferencedResource);
            Assert.Equal(attribute, groupId.ReferencedAttribute);
            var sg = template.Context.Find("Sg")!;
            Assert.Same(sg, ingress.Context.ResolveReference(ingress.Get("GroupId")));
            Assert.Same(ingress, Assert.Single(sg.Context.ReferencesTo(sg, "AWS::EC2::SecurityGroupIngress", "GroupId")));
        }

        [Fact]
        public void Db_instance_links_to_its_cluster()
        {
            var text = "Resources:\n  Cluster:\n    Type: AWS::RDS::DBCluster\n    Properties: { Engine: aurora-mysql }\n  I1:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large }\n  I2:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: { Ref: Cluster } }\n";
            var template = TemplateReader.Read("t.yaml", text, CancellationToken.None)!;
            var cluster = template.Context.Find("Cluster")!;
            Assert.Equal(new[] { "I1", "I2" }, cluster.Context.ReferencesTo(cluster, "AWS::RDS::DBInstance", "DBClusterIdentifier").Select(r => r.Name));
        }

        [Fact]
        public void Conditions_section_functions_do_not_break_reading()
        {
            var view = View("Conditions:\n  A: !And [!Condition B, !Not [!Equals [x, y]]]\n  B: !Or [!Equals [1, 1], !Condition A]\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: !Base64 { \"Fn::Sub\": abc }\n");
            Assert.IsType<UnknownValue>(view.Get("X"));
        }
    }
}
