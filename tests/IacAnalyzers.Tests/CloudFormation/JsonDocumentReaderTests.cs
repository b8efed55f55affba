using System.Linq;
using System.Text;
using System.Threading;
using IacAnalyzers.CloudFormation;
using Xunit;

namespace IacAnalyzers.Tests.CloudFormation
{
    /// <summary>The fast JSON reader must build exactly the tree the YAML reader builds for the same JSON.</summary>
    public class JsonDocumentReaderTests
    {
        [Fact]
        public void A_collection_costs_its_node_and_one_exactly_sized_array()
        {
            // The node tree survives the reading, so its size is what the garbage collector pays for (issue 7's deep
            // nesting and flow lists): a collection keeps its children in one array of their number, not a growing list.
            const int n = 20_000;
            var nested = "[" + string.Join(",", Enumerable.Range(0, n).Select(i => "[true]")) + "]";
            var flat = "[" + string.Join(",", Enumerable.Range(0, n).Select(i => "true")) + "]";
            long Allocated(string text)
            {
                var before = System.GC.GetAllocatedBytesForCurrentThread();
                var document = JsonDocumentReader.TryRead(text, CancellationToken.None)!;
                var after = System.GC.GetAllocatedBytesForCurrentThread();
                Assert.Null(document.Error);
                return after - before;
            }

            Allocated(flat);
            var perCollection = (Allocated(nested) - Allocated(flat)) / (double)n;

            // A node (88 bytes), a one-slot array (32) and the reader's frame while it is open (40): 160 here. A list and
            // its four-slot array instead of the exact array, as before, made it about 250.
            Assert.True(perCollection <= 176, perCollection + " bytes per one-item collection; nested " + (Allocated(nested) / (double)n) + ", flat " + (Allocated(flat) / (double)n));
            var root = JsonDocumentReader.TryRead(nested, CancellationToken.None)!.Root!;
            Assert.Equal(n, Assert.IsType<YamlNode[]>(root.Items).Length);
            Assert.Single(Assert.IsType<YamlNode[]>(root.Items[0].Items));
        }

        public static TheoryData<string> JsonTexts()
        {
            var data = new TheoryData<string>
            {
                "{}",
                "[]",
                "  {\"a\": []}  \n",
                "{\r\n\t\"Resources\": {\r\n\t\t\"Db\": {\"Type\": \"AWS::RDS::DBInstance\", \"Properties\": {\"MultiAZ\": false}}\r\n\t}\r\n}\r\n",
                """{"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00", "n": [0, -1, 1.5, 2e10, -3.25E-4, 123456789012345678901234567890], "k": [true, false, null], "e": {}, "z": [[], [{}]]}""",
                """{"Resources":{"A":{"Type":"AWS::S3::Bucket"}},"A":1,"A":2}""",
                """{"Fn": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/AdministratorAccess"]]}}""",
            };
            var big = new StringBuilder("{\n \"Resources\": {\n");
            for (var i = 0; i < 200; i++)
            {
                big.Append("  \"R").Append(i).Append("\": { \"Type\": \"AWS::SQS::Queue\", \"Properties\": { \"VisibilityTimeout\": ").Append(i).Append(", \"Tags\": [ { \"Key\": \"k\", \"Value\": \"v\\u0041\" } ] } }").Append(i < 199 ? ",\n" : "\n");
            }

            data.Add(big.Append(" }\n}\n").ToString());
            return data;
        }

        [Theory]
        [MemberData(nameof(JsonTexts))]
        public void Json_reader_builds_the_same_tree_as_the_yaml_reader(string json)
        {
            var fast = JsonDocumentReader.TryRead(json, CancellationToken.None);
            var yaml = YamlDocumentReader.Read(json, CancellationToken.None);
            Assert.NotNull(fast);
            Assert.Null(yaml.Error);
            Assert.Null(fast!.Error);
            Assert.Equal(yaml.NodeCount, fast.NodeCount);
            AssertSame(yaml.Root!, fast.Root!);
        }

        [Theory]
        [InlineData("{\"a\": \"tab\there\"}")]
        [InlineData("{\"a\": 1, }")]
        [InlineData("{a: 1}")]
        [InlineData("{\"a\": 1} # comment")]
        [InlineData("{\"a\": 01}")]
        [InlineData("{\"a\": \"\\x41\"}")]
        [InlineData("{\"a\": [1, 2}")]
        public void Anything_but_strict_json_is_left_to_the_yaml_reader(string text)
        {
            Assert.Null(JsonDocumentReader.TryRead(text, CancellationToken.None));
        }

        [Fact]
        public void Yaml_fallback_reads_json_like_yaml()
        {
            var document = TemplateDocuments.Parse("{\"a\": \"tab\there\", b: 1} # a comment", CancellationToken.None);
            Assert.Null(document.Error);
            Assert.Equal("tab\there", document.Root!.Get("a")!.Text);
        }

        [Fact]
        public void Deep_json_is_cut_off_like_yaml()
        {
            var deep = new string('[', 1000) + new string(']', 1000);
            var fast = JsonDocumentReader.TryRead(deep, CancellationToken.None)!;
            var yaml = YamlDocumentReader.Read(deep, CancellationToken.None);
            Assert.Equal(yaml.Error, fast.Error);
            Assert.Equal(yaml.ErrorOffset, fast.ErrorOffset);
        }

        private static void AssertSame(YamlNode expected, YamlNode actual)
        {
            Assert.Equal((expected.Kind, expected.Style, expected.Text, expected.Start, expected.End, expected.ContentStart, expected.Tag), (actual.Kind, actual.Style, actual.Text, actual.Start, actual.End, actual.ContentStart, actual.Tag));
            Assert.Equal(expected.Items.Count, actual.Items.Count);
            Assert.Equal(expected.Pairs.Count, actual.Pairs.Count);
            foreach (var (e, a) in expected.Items.Zip(actual.Items))
            {
                AssertSame(e, a);
            }

            foreach (var (e, a) in expected.Pairs.Zip(actual.Pairs))
            {
                AssertSame(e.Key, a.Key);
                AssertSame(e.Value, a.Value);
            }
        }
    }
}
