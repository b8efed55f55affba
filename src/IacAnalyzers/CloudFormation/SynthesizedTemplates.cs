using System;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// Templates written by <c>cdk synth</c>. They are checked like any template (when a project passes them, see
    /// build/IacAnalyzers.targets), but a fix is never offered on them: the next synth would overwrite it, and the fix
    /// belongs in the source that generates the template. A template is synthesized when it lies in a folder named
    /// <c>cdk.out</c>, or when its resources carry the <c>aws:cdk:path</c> metadata the CDK writes.
    /// </summary>
    public static class SynthesizedTemplates
    {
        public const string CdkPathMetadata = "aws:cdk:path";

        public static bool IsSynthesized(string path, string text)
            => InCdkOut(path) || text.IndexOf(CdkPathMetadata, StringComparison.Ordinal) >= 0;

        /// <summary>The finding without its fix intent (message, location and rule unchanged).</summary>
        public static Finding WithoutFix(Finding finding)
            => finding.Fix == null ? finding : new Finding(finding.Rule, finding.Resource, finding.Location, finding.MessageArgs, fix: null);

        private static bool InCdkOut(string path)
        {
            var directory = System.IO.Path.GetDirectoryName(path);
            while (!string.IsNullOrEmpty(directory))
            {
                if (string.Equals(System.IO.Path.GetFileName(directory), "cdk.out", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                directory = System.IO.Path.GetDirectoryName(directory);
            }

            return false;
        }
    }
}
