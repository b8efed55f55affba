using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;
using VerifyClass = IacAnalyzers.Tests.Verifier.CSharpAnalyzerVerifier<IacAnalyzers.Tests.VerifierTests.ClassNameAnalyzer>;

namespace IacAnalyzers.Tests.VerifierTests
{
    public class CdkReferenceTests
    {
        private const string Stack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;
            using Constructs;

            public class {|DEMO001:StorageStack|} : Stack
            {
                public StorageStack(Construct scope, string id)
                    : base(scope, id)
                {
                    _ = new Bucket(this, "Data", new BucketProps { Versioned = true, Encryption = BucketEncryption.S3_MANAGED });
                }
            }
            """;

        private readonly ITestOutputHelper _output;

        public CdkReferenceTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task Cdk_types_compile_and_the_references_are_shared_between_tests()
        {
            // Warm up the verifier (JIT, Workspaces' MEF composition) on code that does not touch the CDK, so the
            // first CDK run below shows what binding against the CDK assembly costs.
            var warmUp = Stopwatch.StartNew();
            await VerifyClass.VerifyAnalyzerAsync("class {|DEMO001:C|} { }");
            _output.WriteLine("First verifier run in this test (no CDK types used): " + warmUp.ElapsedMilliseconds + " ms");

            var seen = new List<MetadataReference>();
            var times = new List<long>();
            for (var run = 0; run < 5; run++)
            {
                var test = new VerifyClass.Test { TestCode = Stack };
                test.SolutionTransforms.Add((solution, projectId) =>
                {
                    seen.Add(solution.GetProject(projectId)!.MetadataReferences.OfType<PortableExecutableReference>()
                        .Single(r => r.FilePath!.EndsWith("Amazon.CDK.Lib.dll", System.StringComparison.Ordinal)));
                    return solution;
                });

                var watch = Stopwatch.StartNew();
                await test.RunAsync();
                times.Add(watch.ElapsedMilliseconds);
            }

            _output.WriteLine("CDK verifier test runs (ms): " + string.Join(", ", times) + "; references created once in " + TestReferences.LoadTime.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms");
            // Each run builds the project at least once (more when the framework re-runs it, e.g. its #pragma check).
            Assert.True(seen.Count >= 5, seen.Count + " projects built");
            Assert.All(seen, reference => Assert.Same(TestReferences.Cdk[0], reference));
            Assert.Equal(1, TestReferences.LoadCount);
        }

        [Fact]
        public Task Cdk_code_with_a_type_error_fails_to_compile() =>
            FailureAssert.FailsWithAsync(
                () => VerifyClass.VerifyAnalyzerAsync(Stack.Replace("Versioned = true", "Versioned = \"yes\"", System.StringComparison.Ordinal)));
    }
}
