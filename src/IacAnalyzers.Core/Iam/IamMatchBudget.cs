using System.Threading;

namespace IacAnalyzers.Iam
{
    /// <summary>
    /// The wildcard-matching work one analysis may spend on IAM action patterns (steps of
    /// <see cref="IamKnowledge.TrySummarize"/>). A service wildcard such as <c>*:*a*b*</c> is tried on every known
    /// action, so a template of many distinct ones would otherwise cost minutes; past the budget a pattern is not judged
    /// (as an unknown value is not). Thread-safe.
    /// </summary>
    public sealed class IamMatchBudget
    {
        /// <summary>Steps per template: thousands of ordinary patterns (<c>s3:Put*</c> costs a few thousand), about 40 service wildcards.</summary>
        public const long PerAnalysis = 8_000_000;

        private long remaining;
        private long spent;

        public IamMatchBudget(long steps = PerAnalysis)
        {
            remaining = steps;
        }

        /// <summary>What is left (never below 0 for callers).</summary>
        public long Remaining => Interlocked.Read(ref remaining) is var r && r > 0 ? r : 0;

        public bool IsExhausted => Remaining == 0;

        /// <summary>Steps spent so far, counting the last pattern's steps up to where its walk stopped: for work-bound tests.</summary>
        public long Spent => Interlocked.Read(ref spent);

        internal void Spend(long steps)
        {
            Interlocked.Add(ref spent, steps);
            Interlocked.Add(ref remaining, -steps);
        }
    }

    /// <summary>A resource context that carries the IAM matching budget of its analysis (the template's context does).</summary>
    public interface IHasIamMatchBudget
    {
        IamMatchBudget IamMatchBudget { get; }
    }
}
