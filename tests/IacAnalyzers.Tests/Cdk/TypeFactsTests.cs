using System.Linq;
using IacAnalyzers.Cdk;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>Type facts (jsii data type, may be changed by other code) are right and computed once per type per compilation.</summary>
    public class TypeFactsTests
    {
        private static CdkSymbols Symbols()
        {
            var source = CdkVerifier.Usings + """
                public class UserSettings { public bool MultiAz { get; set; } }
                """;
            return CdkSymbols.TryCreate(CdkVerifier.Compile(new[] { source }))!;
        }

        [Fact]
        public void Data_types_are_jsii_structs_and_user_classes()
        {
            var symbols = Symbols();
            var compilation = symbols.Compilation;
            Assert.True(symbols.Facts.IsDataType(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.RDS.CfnDBInstanceProps")!));
            Assert.True(symbols.Facts.IsDataType(compilation.GetTypeByMetadataName("UserSettings")!));
            Assert.False(symbols.Facts.IsDataType(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatement")!));
            Assert.False(symbols.IsDataType(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.Port")!));
        }

        [Fact]
        public void Mutability_follows_setters_and_Add_methods()
        {
            var symbols = Symbols();
            var compilation = symbols.Compilation;
            Assert.True(symbols.Facts.MayBeChangedByOthers(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.RDS.CfnDBInstanceProps")));
            Assert.True(symbols.Facts.MayBeChangedByOthers(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.PolicyStatement")));
            Assert.True(symbols.Facts.MayBeChangedByOthers(compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")));
            Assert.True(symbols.Facts.MayBeChangedByOthers(null));
            Assert.False(symbols.Facts.MayBeChangedByOthers(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.Port")));
            Assert.False(symbols.Facts.MayBeChangedByOthers(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.IPeer")));
        }

        [Fact]
        public void Jsii_marks_are_read_from_the_Amazon_JSII_attributes_only()
        {
            var symbols = Symbols();
            var compilation = symbols.Compilation;
            Assert.Equal(JsiiMarks.ByValue, symbols.Facts.Jsii(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.RDS.CfnDBInstanceProps")!) & JsiiMarks.ByValue);
            Assert.Equal(JsiiMarks.Class, symbols.Facts.Jsii(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.RDS.DatabaseInstance")!));
            Assert.Equal(JsiiMarks.Interface, symbols.Facts.Jsii(compilation.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.IPeer")!));
            Assert.Equal(JsiiMarks.None, symbols.Facts.Jsii(compilation.GetTypeByMetadataName("UserSettings")!));
        }

        [Fact]
        public void Each_fact_is_computed_once_per_type_for_the_compilation()
        {
            var symbols = Symbols();
            var types = new[] { "Amazon.CDK.AWS.RDS.CfnDBInstanceProps", "Amazon.CDK.AWS.IAM.PolicyStatement", "Amazon.CDK.AWS.EC2.Port" }
                .Select(n => symbols.Compilation.GetTypeByMetadataName(n)!)
                .ToArray();
            foreach (var type in types)
            {
                symbols.Facts.IsDataType(type);
                symbols.Facts.MayBeChangedByOthers(type);
                symbols.Facts.Jsii(type);
            }

            Assert.Equal(3 * types.Length, symbols.Facts.ComputedCount);
            for (var i = 0; i < 10; i++)
            {
                foreach (var type in types)
                {
                    symbols.Facts.IsDataType(type);
                    symbols.Facts.MayBeChangedByOthers(type);
                    symbols.Facts.Jsii(type);
                }
            }

            Assert.Equal(3 * types.Length, symbols.Facts.ComputedCount);
        }
    }
}
