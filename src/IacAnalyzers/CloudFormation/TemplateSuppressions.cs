using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.CloudFormation
{
    /// <summary>
    /// The suppressions written on one resource. Ours, with a required reason:
    /// <code>
    /// Metadata:
    ///   IacAnalyzers:
    ///     Suppress:
    ///       - Id: IAC2001
    ///         Reason: Dev database, rebuilt nightly
    /// </code>
    /// and the ones users already wrote for other tools, honoured for our rules that list the peer rule in
    /// <see cref="RuleInfo.Equivalents"/>: cfn_nag <c>Metadata.cfn_nag.rules_to_suppress[].id</c>, checkov
    /// <c>Metadata.checkov.skip[].id</c> and <c># checkov:skip=CKV_AWS_157:reason</c> comments inside the resource,
    /// cdk-nag <c>Metadata.cdk_nag.rules_to_suppress[].id</c>, AWS CloudFormation Guard
    /// <c>Metadata.guard.SuppressedRules[]</c> (rule names). Peer suppressions are honoured as their tool honours them
    /// (their reason is optional there, so it is here).
    /// </summary>
    public sealed class TemplateSuppressions
    {
        public const string MetadataKey = "IacAnalyzers";
        public const string SuppressKey = "Suppress";

        private readonly HashSet<string> ours = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> peers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private TemplateSuppressions()
        {
        }

        /// <summary>Entries of ours that were not honoured, and why (reported as IAC0003).</summary>
        public List<TemplateError> Problems { get; } = new List<TemplateError>();

        public bool IsEmpty => ours.Count == 0 && peers.Count == 0;

        public bool Suppresses(RuleInfo rule)
        {
            if (ours.Contains(rule.Id))
            {
                return true;
            }

            foreach (var peer in rule.Equivalents)
            {
                if (peers.Contains(peer.Tool + ":" + peer.Id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a suppression for the peer tool's rule is written on the resource.</summary>
        public bool SuppressesPeer(string tool, string id) => peers.Contains(tool + ":" + id);

        /// <summary>Reads the suppressions of <paramref name="resource"/> from its Metadata and its text (checkov comments).</summary>
        /// <param name="scanEnd">Where the resource's text ends for comment scanning (the next resource's key), or -1.</param>
        public static TemplateSuppressions Read(TemplateResource resource, string text, LineMap lines, int scanEnd = -1)
        {
            var result = new TemplateSuppressions();
            var metadata = resource.Body.Get("Metadata");
            if (metadata != null && metadata.IsMapping)
            {
                result.ReadOurs(metadata, lines);
                result.ReadPeerList(metadata.Get("cfn_nag")?.Get("rules_to_suppress"), PeerTools.CfnNag, "id");
                result.ReadPeerList(metadata.Get("checkov")?.Get("skip"), PeerTools.Checkov, "id");
                result.ReadPeerList(metadata.Get("cdk_nag")?.Get("rules_to_suppress"), PeerTools.CdkNag, "id");
                result.ReadPeerList(metadata.Get("guard")?.Get("SuppressedRules"), PeerTools.Guard, "id");
            }

            result.ReadCheckovComments(text, resource.Key.Start, Math.Max(scanEnd, Math.Max(resource.Key.End, resource.Body.End)));
            return result;
        }

        private void ReadOurs(YamlNode metadata, LineMap lines)
        {
            var block = metadata.Get(MetadataKey);
            if (block == null)
            {
                return;
            }

            var list = block.IsMapping ? block.Get(SuppressKey) : null;
            if (list == null || !list.IsSequence)
            {
                Problems.Add(new TemplateError(
                    "'" + MetadataKey + "' must hold '" + SuppressKey + "', a list of entries with 'Id' and 'Reason'",
                    lines.Span(block.Start, block.End)));
                return;
            }

            foreach (var item in list.Items)
            {
                var id = item.IsMapping && item.Get("Id") is YamlNode i && i.IsScalar ? i.Text.Trim() : null;
                var reason = item.IsMapping && item.Get("Reason") is YamlNode r && r.IsScalar && !r.HasLocalTag ? r.Text.Trim() : null;
                var where = lines.Span(item.Start, item.End);
                if (string.IsNullOrEmpty(id))
                {
                    Problems.Add(new TemplateError("the entry has no 'Id'", where));
                }
                else if (RuleCatalog.Find(id!.ToUpperInvariant()) == null)
                {
                    Problems.Add(new TemplateError("'" + id + "' is not an IacAnalyzers rule id", where));
                }
                else if (string.IsNullOrEmpty(reason))
                {
                    Problems.Add(new TemplateError("the entry for " + id + " has no 'Reason'; a suppression must say why the finding is accepted", where));
                }
                else
                {
                    ours.Add(id);
                }
            }
        }

        private void ReadPeerList(YamlNode? list, string tool, string idKey)
        {
            if (list == null || !list.IsSequence)
            {
                return;
            }

            foreach (var item in list.Items)
            {
                if (item.IsMapping && item.Get(idKey) is YamlNode id && id.IsScalar && id.Text.Length > 0)
                {
                    peers.Add(tool + ":" + id.Text.Trim());
                }
                else if (item.IsScalar && item.Text.Length > 0)
                {
                    peers.Add(tool + ":" + item.Text.Trim());
                }
            }
        }

        /// <summary><c># checkov:skip=CKV_AWS_20:reason</c> (reason optional) anywhere in the resource's text.</summary>
        private void ReadCheckovComments(string text, int start, int end)
        {
            const string Marker = "checkov:skip=";
            end = Math.Min(end, text.Length);
            var at = start;
            while (at < end)
            {
                var found = text.IndexOf(Marker, at, end - at, StringComparison.Ordinal);
                if (found < 0)
                {
                    return;
                }

                // Only inside a comment: a '#' earlier on the same line.
                var lineStart = text.LastIndexOf('\n', Math.Max(found - 1, 0)) + 1;
                var hash = text.IndexOf('#', lineStart, found - lineStart);
                var idStart = found + Marker.Length;
                var idEnd = idStart;
                while (idEnd < text.Length && (char.IsLetterOrDigit(text[idEnd]) || text[idEnd] == '_' || text[idEnd] == '-'))
                {
                    idEnd++;
                }

                if (hash >= 0 && idEnd > idStart)
                {
                    peers.Add(PeerTools.Checkov + ":" + text.Substring(idStart, idEnd - idStart));
                }

                at = idEnd > found ? idEnd : found + 1;
            }
        }
    }
}
