using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules
{
    /// <summary>
    /// The message pieces every rule writes the same way: the detail suffix " (part; part)" and the phrases for branches
    /// and provenance. Rules do not build these by hand.
    /// </summary>
    public static class FindingText
    {
        /// <summary>How many branch paths a finding names before "and N more".</summary>
        public const int ShownPaths = 2;

        /// <summary>" (a; b)" from the non-empty parts, repeated parts once; "" when there is none.</summary>
        public static string Suffix(params string?[] parts) => Suffix((IEnumerable<string?>)parts);

        public static string Suffix(IEnumerable<string?> parts)
        {
            var kept = new List<string>();
            foreach (var part in parts)
            {
                if (!string.IsNullOrEmpty(part) && !kept.Contains(part!))
                {
                    kept.Add(part!);
                }
            }

            return kept.Count == 0 ? string.Empty : " (" + string.Join("; ", kept) + ")";
        }

        /// <summary>
        /// One of several gaps a finding lists, named by its branch: "when condition 'A' is false: what", or
        /// <paramref name="what"/> alone outside any branch.
        /// </summary>
        public static string Where(BranchPath? branch, string what) => branch == null ? what : branch.Describe() + ": " + what;

        /// <summary>"from the Default of parameter 'X'", or null for a value written where it is.</summary>
        public static string? From(Value value) => value.Provenance == null ? null : "from " + value.Provenance.Text;

        /// <summary>
        /// Several paths that lead to the same finding, as one phrase: "when condition 'A' is true or when condition 'B'
        /// is false", then "and N more" past <see cref="ShownPaths"/>. Null when no path is given.
        /// </summary>
        public static string? Paths(IReadOnlyList<BranchPath?> paths)
        {
            var shown = new List<string>();
            var more = 0;
            foreach (var path in paths)
            {
                if (path == null)
                {
                    continue;
                }

                var text = path.Describe();
                if (shown.Contains(text))
                {
                    continue;
                }

                if (shown.Count < ShownPaths)
                {
                    shown.Add(text);
                }
                else
                {
                    more++;
                }
            }

            if (shown.Count == 0)
            {
                return null;
            }

            return string.Join(" or ", shown) + (more == 0 ? string.Empty : ", and " + more.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more");
        }
    }
}
