using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// The one-of branches a value is reached through: a sequence of (condition, polarity) steps. Immutable; joining
    /// keeps the first occurrence of each step. A path that asks one condition to be both true and false is not
    /// <see cref="IsConsistent"/>: no evaluation of the template or code can take it, and rules drop it.
    /// </summary>
    public sealed class BranchPath
    {
        private readonly (Condition Condition, bool Holds)[] steps;

        private BranchPath((Condition Condition, bool Holds)[] steps, bool consistent)
        {
            this.steps = steps;
            IsConsistent = consistent;
        }

        public int Count => steps.Length;

        public bool IsConsistent { get; }

        public IEnumerable<(Condition Condition, bool Holds)> Steps => steps;

        /// <summary>A path of one step.</summary>
        public static BranchPath Of(Condition condition, bool holds) => new BranchPath(new[] { (condition, holds) }, true);

        /// <summary><paramref name="path"/> (or nothing) followed by one step.</summary>
        public static BranchPath Append(BranchPath? path, Condition condition, bool holds)
            => path == null ? Of(condition, holds) : Join(path, Of(condition, holds))!;

        /// <summary>Both paths, in order (null when both are null). Repeated steps are kept once.</summary>
        public static BranchPath? Join(BranchPath? first, BranchPath? second)
        {
            if (first == null)
            {
                return second;
            }

            if (second == null)
            {
                return first;
            }

            var joined = new List<(Condition Condition, bool Holds)>(first.steps);
            var consistent = first.IsConsistent && second.IsConsistent;
            foreach (var step in second.steps)
            {
                var seen = false;
                foreach (var have in joined)
                {
                    if (have.Condition.Equals(step.Condition))
                    {
                        seen |= have.Holds == step.Holds;
                        consistent &= have.Holds == step.Holds;
                    }
                }

                if (!seen)
                {
                    joined.Add(step);
                }
            }

            return joined.Count == first.steps.Length && consistent == first.IsConsistent ? first : new BranchPath(joined.ToArray(), consistent);
        }

        /// <summary>Joins any number of paths; null when all are null.</summary>
        public static BranchPath? Join(params BranchPath?[] paths)
        {
            BranchPath? result = null;
            foreach (var p in paths)
            {
                result = Join(result, p);
            }

            return result;
        }

        /// <summary>True when no condition is asked to be both true and false by the paths together.</summary>
        public static bool Consistent(params BranchPath?[] paths) => Join(paths)?.IsConsistent ?? true;

        /// <summary>"when condition 'A' is true and when `b` is false".</summary>
        public string Describe()
        {
            var parts = new string[steps.Length];
            for (var i = 0; i < steps.Length; i++)
            {
                parts[i] = steps[i].Condition.Describe(steps[i].Holds);
            }

            return string.Join(" and ", parts);
        }

        public override string ToString() => Describe();
    }
}
