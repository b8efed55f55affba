using System;
using System.Threading.Tasks;
using Xunit;

namespace IacAnalyzers.Tests.VerifierTests
{
    internal static class FailureAssert
    {
        /// <summary>
        /// The run must fail (the official verifier throws) with a message that contains every fragment.
        /// Set IAC_VERIFIER_DUMP=/some/file to collect every failure message there and review how they read.
        /// </summary>
        public static async Task<string> FailsWithAsync(Func<Task> run, params string[] fragments)
        {
            var caller = new System.Diagnostics.StackTrace().GetFrame(1)?.GetMethod()?.Name;
            var exception = await Assert.ThrowsAnyAsync<Exception>(run);
            if (Environment.GetEnvironmentVariable("IAC_VERIFIER_DUMP") is string dump)
            {
                System.IO.File.AppendAllText(dump, "===== " + caller + "\n" + exception.Message + "\n");
            }

            foreach (var fragment in fragments)
            {
                Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
            }

            return exception.Message;
        }
    }
}
