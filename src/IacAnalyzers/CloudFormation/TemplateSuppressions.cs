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

        // id (ours) or "tool:id" (peers) -> the written reason ("" when the peer tool's entry gives none).
        private readonly Dictionary<string, string> ours = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> peers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        private TemplateSuppressions()
        {
        }

        /// <summary>Entries of ours that were not honoured, and why (reported as IAC0003).</summary>
        public List<TemplateError> Problems { get; } = new List<TemplateError>();

        public bool IsEmpty => ours.Count == 0 && peers.Count == 0;

        public bool Suppresses(RuleInfo rule) => SuppressionFor(rule) != null;

        /// <summary>The entry that suppresses <paramref name="rule"/> on this resource (ours first), or null.</summary>
        public TemplateSuppression? SuppressionFor(RuleInfo rule)
        {
            if (ours.TryGetValue(rule.Id, out var reason))
            {
                return new TemplateSuppression(MetadataKey, rule.Id, reason);
            }

            foreach (var peer in rule.Equivalents)
            {
                if (peers.TryGetValue(peer.Tool + ":" + peer.Id, out reason))
                {
                    return new TemplateSuppression(peer.Tool, peer.Id, reason.Length == 0 ? null : reason);
                }
            }

            return null;
        }

        /// <summary>True when a suppression for the peer tool's rule is written on the resource.</summary>
        public bool SuppressesPeer(string tool, string id) => peers.ContainsKey(tool + ":" + id);

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
                    ours[id] = reason!;
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
                    var reason = item.Get("reason") ?? item.Get("comment");
                    peers[tool + ":" + id.Text.Trim()] = reason != null && reason.IsScalar ? reason.Text.Trim() : string.Empty;
                }
                else if (item.IsScalar && item.Text.Length > 0)
                {
                    peers[tool + ":" + item.Text.Trim()] = string.Empty;
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
                    var lineEnd = text.IndexOf('\n', idEnd);
                    var rest = text.Substring(idEnd, (lineEnd < 0 ? text.Length : lineEnd) - idEnd).Trim();
                    var reason = rest.StartsWith(":", StringComparison.Ordinal) ? rest.Substring(1).Trim() : string.Empty;
                    peers[PeerTools.Checkov + ":" + text.Substring(idStart, idEnd - idStart)] = reason;
                }

                at = idEnd > found ? idEnd : found + 1;
            }
        }
    }

    /// <summary>A suppression entry that applies to a finding: whose (ours or a peer tool's), which id, and why.</summary>
    public sealed class TemplateSuppression
    {
        public TemplateSuppression(string source, string id, string? reason)
        {
            Source = source;
            Id = id;
            Reason = reason;
        }

        /// <summary><see cref="TemplateSuppressions.MetadataKey"/> for ours, else one of <see cref="PeerTools"/>.</summary>
        public string Source { get; }

        /// <summary>The suppressed id as written (ours, or the peer tool's rule id).</summary>
        public string Id { get; }

        /// <summary>The written reason; always set for ours, optional for peers' entries.</summary>
        public string? Reason { get; }
    }
}
