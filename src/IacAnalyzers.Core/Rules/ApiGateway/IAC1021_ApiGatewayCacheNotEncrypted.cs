using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Model;

namespace IacAnalyzers.Rules.ApiGateway
{
    /// <summary>
    /// IAC1021: an API Gateway stage whose cache keeps responses unencrypted. Read on <c>AWS::ApiGateway::Stage</c>
    /// (<c>CacheClusterEnabled</c>, <c>MethodSettings</c>) and on <c>AWS::ApiGateway::Deployment</c>
    /// (<c>StageDescription</c>: <c>CacheClusterEnabled</c>, stage-wide <c>CachingEnabled</c>/<c>CacheDataEncrypted</c>,
    /// <c>MethodSettings</c>).
    /// <para>
    /// Only stages whose cache cluster is on (<c>CacheClusterEnabled</c> true in some branch) are checked: without it
    /// nothing is cached. Then:
    /// </para>
    /// <list type="bullet">
    /// <item>The stage-wide setting (the <c>MethodSettings</c> entry with <c>ResourcePath</c> <c>/*</c> and
    /// <c>HttpMethod</c> <c>*</c>, or the stage description itself): API Gateway caches GET methods by default, so unless
    /// it turns <c>CachingEnabled</c> off, its <c>CacheDataEncrypted</c> must be true. A stage with no stage-wide entry
    /// is flagged at <c>CacheClusterEnabled</c> (no fix: a list entry is the author's to write).</item>
    /// <item>Every other method setting with <c>CachingEnabled</c> true must have <c>CacheDataEncrypted</c> true; a
    /// missing one is accepted when the stage-wide setting encrypts (it may be inherited).</item>
    /// </list>
    /// Unknown values (the cluster flag, the list, an entry) are never findings.
    /// </summary>
    public sealed class IAC1021_ApiGatewayCacheNotEncrypted : RequireTrueRule
    {
        public const string Stage = "AWS::ApiGateway::Stage";
        public const string Deployment = "AWS::ApiGateway::Deployment";

        private const string Encrypted = "CacheDataEncrypted";
        private const string Caching = "CachingEnabled";
        private const string MissingDefault = Encrypted + " is not set and defaults to false";

        public IAC1021_ApiGatewayCacheNotEncrypted()
            : base(RuleCatalog.ApiGatewayCacheNotEncrypted, Stage, Deployment)
        {
        }

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            var isDeployment = string.Equals(resource.Type, Deployment, StringComparison.Ordinal);
            MapValue stage;
            SourceLocation stageAt;
            string subject;
            if (isDeployment)
            {
                var description = resource.Properties.GetEntry("StageDescription");
                if (description == null || !(description.Value is MapValue map))
                {
                    return;
                }

                stage = map;
                stageAt = description.KeyLocation;
                subject = "API Gateway deployment '" + resource.Name + "' (StageDescription)";
            }
            else
            {
                stage = resource.Properties;
                stageAt = resource.Location;
                subject = "API Gateway stage '" + resource.Name + "'";
            }

            var cluster = stage.Get("CacheClusterEnabled");
            if (cluster == null)
            {
                return;
            }

            Leaf? on = null;
            foreach (var leaf in cluster.Leaves())
            {
                if (leaf.Value.IsTrue())
                {
                    on = leaf;
                    break;
                }
            }

            if (on == null)
            {
                return;
            }

            var clusterBranch = on.Path;
            var items = new List<MapValue>();
            var settings = stage.Get("MethodSettings");
            if (settings != null)
            {
                if (!(settings is ListValue list))
                {
                    return;
                }

                foreach (var item in list.Items)
                {
                    if (!(item is MapValue map))
                    {
                        return;
                    }

                    items.Add(map);
                }
            }

            MapValue? stageWide = isDeployment ? stage : null;
            if (!isDeployment)
            {
                foreach (var item in items)
                {
                    if (Is(item.Get("ResourcePath"), "/*") && Is(item.Get("HttpMethod"), "*"))
                    {
                        stageWide = item;
                        break;
                    }
                }
            }

            if (stageWide == null)
            {
                var why = "CacheClusterEnabled is true, GET methods are cached by default, and no MethodSettings entry for ResourcePath /* and HttpMethod * sets " + Encrypted;
                findings.Add(Create(resource, on.Value.Location, null, subject, FindingText.Suffix(on.Branch, why)));
            }
            else if (!(stageWide.Get(Caching) is Value caching && !caching.AnyLeaf(v => v.IsTrue())))
            {
                RequireTrue(resource, findings, isDeployment ? subject : subject + " (method settings /* *)", stageWide, clusterBranch, Encrypted,
                    At(stageWide, isDeployment ? stageAt : stageWide.Location), MissingDefault);
            }

            var stageWideEncrypted = stageWide != null && stageWide.Get(Encrypted).AllLeaves(v => v.IsTrue());
            foreach (var item in items)
            {
                if (ReferenceEquals(item, stageWide) || !item.Get(Caching).AnyLeaf(v => v.IsTrue()))
                {
                    continue;
                }

                if (item.Get(Encrypted) == null && stageWideEncrypted)
                {
                    continue;
                }

                var method = (item.Get("HttpMethod").AsString() ?? "?") + " " + (item.Get("ResourcePath").AsString() ?? "?");
                RequireTrue(resource, findings, subject + " (method settings " + method + ")", item, clusterBranch, Encrypted,
                    At(item, item.Location), MissingDefault);
            }
        }

        /// <summary>Where a missing <c>CacheDataEncrypted</c> is reported: at the <c>CachingEnabled</c> that caches, else <paramref name="fallback"/>.</summary>
        private static SourceLocation At(MapValue settings, SourceLocation fallback)
            => settings.GetEntry(Caching)?.KeyLocation ?? fallback;

        private static bool Is(Value? value, string text)
            => value.AsString() is string s && string.Equals(s.Trim(), text, StringComparison.Ordinal);
    }
}
