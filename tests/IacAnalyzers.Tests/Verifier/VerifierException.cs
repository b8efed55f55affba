using Xunit.Sdk;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>A verification failure: xunit prints the message as it is, without an exception type prefix.</summary>
    public sealed class VerifierException : XunitException
    {
        public VerifierException(string message)
            : base(message)
        {
        }
    }
}
