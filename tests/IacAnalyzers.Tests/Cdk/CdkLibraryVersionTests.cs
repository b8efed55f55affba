using System;
using IacAnalyzers.Cdk;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis;
using Xunit;

namespace IacAnalyzers.Tests.Cdk
{
    /// <summary>
    /// <see cref="CdkSymbols.LibraryVersion"/>: the aws-cdk-lib version comes from Amazon.CDK.Lib's
    /// <c>[assembly: JsiiAssembly("aws-cdk-lib", "2.160.0", ...)]</c> (its assembly version is 1.0.0.0 in every release).
    /// The real 2.160.0 reference is read by the IAC1013 L2 tests (their message names "aws-cdk-lib 2.160.0"); here,
    /// assemblies compiled from source carry the attribute shapes another release or a broken reference could have.
    /// </summary>
    public class CdkLibraryVersionTests
    {
        private static IAssemblySymbol Compile(string attributeUse) => CdkVerifier.Compile(
                new[]
                {
                    attributeUse + """

                        namespace Amazon.JSII.Runtime.Deputy
                        {
                            [System.AttributeUsage(System.AttributeTargets.Assembly)]
                            public sealed class JsiiAssemblyAttribute : System.Attribute
                            {
                                public JsiiAssemblyAttribute(string name, string version, string tarball) { }
                                public JsiiAssemblyAttribute(string name, string[] versions) { }
                            }
                        }
                        """,
                },
                TestReferences.Runtime)
            .Assembly;

        [Fact]
        public void The_version_argument_of_JsiiAssembly_is_read()
        {
            var assembly = Compile("""[assembly: Amazon.JSII.Runtime.Deputy.JsiiAssembly("aws-cdk-lib", "2.253.0", "aws-cdk-lib-2.253.0.tgz")]""");
            Assert.Equal(new Version(2, 253, 0), CdkSymbols.ReadLibraryVersion(assembly));
        }

        [Fact]
        public void No_attribute_an_array_argument_or_a_malformed_version_reads_as_unknown()
        {
            Assert.Null(CdkSymbols.ReadLibraryVersion(Compile("")));
            Assert.Null(CdkSymbols.ReadLibraryVersion(Compile("""[assembly: Amazon.JSII.Runtime.Deputy.JsiiAssembly("aws-cdk-lib", new[] { "2.253.0" })]""")));
            Assert.Null(CdkSymbols.ReadLibraryVersion(Compile("""[assembly: Amazon.JSII.Runtime.Deputy.JsiiAssembly("aws-cdk-lib", "latest", "x.tgz")]""")));
        }

        [Fact]
        public void A_pre_release_suffix_is_dropped()
        {
            Assert.Equal(new Version(2, 160, 0), CdkSymbols.ParseLibraryVersion("2.160.0"));
            Assert.Equal(new Version(2, 253, 0), CdkSymbols.ParseLibraryVersion("2.253.0-rc.1"));
            Assert.Equal(new Version(2, 253, 0), CdkSymbols.ParseLibraryVersion("2.253.0+build.5"));
            Assert.Null(CdkSymbols.ParseLibraryVersion(null));
            Assert.Null(CdkSymbols.ParseLibraryVersion(""));
        }
    }
}
