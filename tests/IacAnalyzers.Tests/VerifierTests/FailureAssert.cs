using System;
using System.Threading.Tasks;
using IacAnalyzers.Tests.Verifier;
using Xunit;

namespace IacAnalyzers.Tests.VerifierTests
{
    internal static class FailureAssert
    {
        /// <summary>
        /// The run must fail with a <see cref="VerifierException"/> whose message contains every fragment.
        /// Set IAC_VERIFIER_DUMP=/some/file to collect every failure message there and review how they read.
        /// </summary>
        public static async Task<string> FailsWithAsync(Func<Task> run, params string[] fragments)
        {
            var exception = await Assert.ThrowsAsync<VerifierException>(run);
            foreach (var fragment in fragments)
            {
                Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
            }

            if (Environment.GetEnvironmentVariable("IAC_VERIFIER_DUMP") is string dump)
            {
                System.IO.File.AppendAllText(dump, "=====\n" + exception.Message + "\n");
            }

            return exception.Message;
        }
    }
}
