using System.Collections.Generic;

namespace IacAnalyzers.Catalog
{
    /// <summary>
    /// Titles of the AWS Well-Architected Framework best practices our rules cite (framework of 2024-06), for reports
    /// written in the language of a Well-Architected review. A guard test checks every catalog id has a title here.
    /// </summary>
    public static class BestPractices
    {
        private static readonly Dictionary<string, string> Titles = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["SEC01-BP01"] = "Separate workloads using accounts",
            ["SEC02-BP02"] = "Use temporary credentials",
            ["SEC03-BP01"] = "Define access requirements",
            ["SEC03-BP02"] = "Grant least privilege access",
            ["SEC03-BP07"] = "Analyze public and cross-account access",
            ["SEC04-BP01"] = "Configure service and application logging",
            ["SEC05-BP01"] = "Create network layers",
            ["SEC05-BP02"] = "Control traffic flow within your network layers",
            ["SEC06-BP03"] = "Reduce manual management and interactive access",
            ["SEC08-BP01"] = "Implement secure key management",
            ["SEC08-BP02"] = "Enforce encryption at rest",
            ["SEC09-BP02"] = "Enforce encryption in transit",
            ["REL09-BP01"] = "Identify and back up all data that needs to be backed up, or reproduce the data from sources",
            ["REL09-BP02"] = "Secure and encrypt backups",
            ["REL10-BP01"] = "Deploy the workload to multiple locations",
            ["REL11-BP02"] = "Fail over to healthy resources",
        };

        /// <summary>The title of a best practice id such as <c>SEC08-BP02</c>, or null when it is not listed.</summary>
        public static string? Title(string id) => Titles.TryGetValue(id, out var title) ? title : null;
    }
}
