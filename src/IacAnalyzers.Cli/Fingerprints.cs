using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace IacAnalyzers.Cli
{
    /// <summary>
    /// The identity of a finding that survives line moves, reformatting and a YAML↔JSON rewrite of the same resource:
    /// rule id + file path without its extension + resource logical id + property path (written the same in YAML and
    /// JSON) + the occurrence number among findings that share all of those. Lines, columns and message text are not
    /// part of it (file-level findings without a resource use the message). Used for SARIF
    /// <c>partialFingerprints</c> and for baselines.
    /// </summary>
    public static class Fingerprints
    {
        public const string SarifKey = "iacAnalyzersFinding/v1";

        public static void Assign(IReadOnlyList<CliFinding> findings)
        {
            foreach (var group in findings.GroupBy(Key, StringComparer.Ordinal))
            {
                var n = 0;
                foreach (var finding in group.OrderBy(f => f.Start))
                {
                    finding.Fingerprint = Hash(n == 0 ? group.Key : group.Key + "\u0000" + n);
                    n++;
                }
            }
        }

        public static string Key(CliFinding f)
            => string.Join("\u0000", f.Rule.Id, WithoutExtension(f.Path), f.Resource ?? string.Empty, f.Resource == null ? f.Message : f.PropertyPath);

        /// <summary><c>infra/app.template.yaml</c> and <c>infra/app.template.json</c> are the same template written twice.</summary>
        public static string WithoutExtension(string path)
        {
            foreach (var ext in new[] { ".yaml", ".yml", ".json", ".template" })
            {
                if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                {
                    return path.Substring(0, path.Length - ext.Length);
                }
            }

            return path;
        }

        private static string Hash(string key)
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            return Convert.ToHexStringLower(bytes, 0, 16);
        }
    }
}
