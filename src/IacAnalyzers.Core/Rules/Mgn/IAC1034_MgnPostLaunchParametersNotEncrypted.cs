using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.Mgn
{
    /// <summary>
    /// IAC1034: an Application Migration Service launch configuration template whose post-launch action parameters stay
    /// plain String parameters in Parameter Store. Reads <c>AWS::MGN::LaunchConfigurationTemplate</c>
    /// <c>EnableParametersEncryption</c> and <c>PostLaunchActions.SsmDocuments[].Parameters</c> (a map from document
    /// parameter to a list of <c>{ ParameterName, ParameterType }</c>, type <c>STRING</c> or <c>SECURE_STRING</c>).
    /// MGN user guide: "The post-launch action parameters are stored in AWS Systems Manager (SSM) Parameter Store ... you
    /// can select to encrypt the action parameters using AWS Key Management Service (KMS) encryption"; Systems Manager:
    /// "Do not store sensitive data in a String or StringList parameter. For all sensitive data that must remain
    /// encrypted, use only the SecureString parameter type."
    /// <para>
    /// Flagged: <c>EnableParametersEncryption</c> false, removed or not set, when some action references a parameter
    /// whose type is written <c>STRING</c> (in the branches where it does). Not flagged: no post-launch actions, actions
    /// without parameters, only <c>SECURE_STRING</c> parameters (already KMS-encrypted by Parameter Store), unknown
    /// types, <c>ExternalParameters</c> (dynamic values, not stored). The fix sets the switch to true.
    /// </para>
    /// </summary>
    public sealed class IAC1034_MgnPostLaunchParametersNotEncrypted : RequireTrueRule
    {
        public const string LaunchConfigurationTemplate = "AWS::MGN::LaunchConfigurationTemplate";

        private const string EnableParametersEncryption = "EnableParametersEncryption";

        public IAC1034_MgnPostLaunchParametersNotEncrypted()
            : base(RuleCatalog.MgnPostLaunchParametersNotEncrypted, LaunchConfigurationTemplate)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            if (!FindPlainParameter(resource.Properties, out var action, out var branch))
            {
                return;
            }

            var uses = (action == null ? "a post-launch action" : "post-launch action '" + action + "'") + " passes STRING parameters";
            RequireTrue(resource, findings, "MGN launch configuration template '" + resource.Name + "'", resource.Properties, branch,
                EnableParametersEncryption, resource.Location, uses + " and " + EnableParametersEncryption + " is not set",
                !resource.PropertiesWritten);
        }

        /// <summary>
        /// The first SSM document action that references a parameter of type STRING, preferring one reached without a
        /// branch; <paramref name="branch"/> is the one-of path that leads to it (null when none).
        /// </summary>
        private static bool FindPlainParameter(MapValue properties, out string? action, out BranchPath? branch)
        {
            var found = false;
            action = null;
            branch = null;
            foreach (var (actions, actionsBranch) in Maps(properties.Get("PostLaunchActions")))
            {
                foreach (var (item, itemBranch) in Items(actions.Get("SsmDocuments"), actionsBranch))
                {
                    foreach (var (document, documentBranch) in Maps(item, itemBranch))
                    {
                        foreach (var (parameters, parametersBranch) in Maps(document.Get("Parameters"), documentBranch))
                        {
                            foreach (var entry in parameters.Entries)
                            {
                                foreach (var (reference, referenceBranch) in Items(entry.Value, parametersBranch))
                                {
                                    foreach (var (parameter, parameterBranch) in Maps(reference, referenceBranch))
                                    {
                                        var type = parameter.Get("ParameterType");
                                        if (type == null)
                                        {
                                            continue;
                                        }

                                        foreach (var leaf in type.Leaves(parameterBranch))
                                        {
                                            if (!string.Equals(leaf.Value.AsString(), "STRING", StringComparison.OrdinalIgnoreCase))
                                            {
                                                continue;
                                            }

                                            if (!found || (branch != null && leaf.Path == null))
                                            {
                                                found = true;
                                                action = document.Get("ActionName").AsString();
                                                branch = leaf.Path;
                                            }

                                            if (branch == null)
                                            {
                                                return true;
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            return found;
        }
    }
}
