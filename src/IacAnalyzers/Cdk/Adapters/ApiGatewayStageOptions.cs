using System.Collections.Generic;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.APIGateway.StageOptions</c> (the props of <c>Stage</c>, the <c>DeployOptions</c> of
    /// <c>RestApi</c>/<c>SpecRestApi</c>) → the cache-related properties of <c>AWS::ApiGateway::Stage</c>, as the
    /// construct renders them in Amazon.CDK.Lib 2.160.0:
    /// <list type="bullet">
    /// <item><c>CacheClusterEnabled</c>: "Default: - Disabled for the stage."; the construct turns it on when
    /// <c>CacheClusterSize</c> is set or a method option enables caching (its <c>renderMethodSettings</c>).</item>
    /// <item>The common method options (<c>CachingEnabled</c>, <c>CacheDataEncrypted</c>, ...) become the
    /// <c>MethodSettings</c> entry for <c>/*/*</c> (ResourcePath <c>/*</c>, HttpMethod <c>*</c>). It is always
    /// produced here, with <c>CacheDataEncrypted</c> "Default: false" when not written: with no such entry API Gateway
    /// also caches GET methods unencrypted, and the fix adds the member to the options object.</item>
    /// <item><c>MethodOptions</c> ("/path/METHOD" → <c>MethodDeploymentOptions</c>) become one entry each, with what is
    /// written (the construct leaves an unset <c>CacheDataEncrypted</c> out).</item>
    /// </list>
    /// </summary>
    internal static class ApiGatewayStageOptions
    {
        public static List<MapEntry> Entries(MapValue options)
        {
            var entries = new List<MapEntry>(2);
            var methodOptions = options.GetEntry("MethodOptions");
            var methodMaps = new List<(MapEntry Entry, MapValue? Map)>();
            var unknownMethods = false;
            if (methodOptions != null)
            {
                if (methodOptions.Value is MapValue dictionary && CdkValues.TypeName(dictionary) == null)
                {
                    foreach (var entry in CdkValues.DataEntries(dictionary))
                    {
                        methodMaps.Add((entry, entry.Value is MapValue m && CdkValues.TypeName(m) == null ? m : null));
                    }
                }
                else
                {
                    unknownMethods = true;
                }
            }

            var cluster = options.GetEntry("CacheClusterEnabled");
            if (cluster != null)
            {
                entries.Add(new MapEntry("CacheClusterEnabled", cluster.KeyLocation, cluster.Value));
            }
            else if (options.GetEntry("CacheClusterSize") != null)
            {
                entries.Add(new MapEntry("CacheClusterEnabled", options.Location, Default(true, "StageOptions.CacheClusterEnabled: on when CacheClusterSize is set", options.Location)));
            }
            else if (options.Get("CachingEnabled").AllLeaves(v => v.IsTrue()) || methodMaps.Exists(m => m.Map != null && m.Map.Get("CachingEnabled").AllLeaves(v => v.IsTrue())))
            {
                entries.Add(new MapEntry("CacheClusterEnabled", options.Location, Default(true, "StageOptions.CacheClusterEnabled: on when a method enables caching", options.Location)));
            }
            else if (unknownMethods || options.GetEntry("CachingEnabled") != null || methodMaps.Exists(m => m.Map == null || m.Map.Get("CachingEnabled") != null))
            {
                // Caching written but not known to be on: the cluster may be turned on by it.
                entries.Add(new MapEntry("CacheClusterEnabled", options.Location, new UnknownValue("a cache cluster turned on by method caching", options.Location)));
            }

            var settings = new List<Value>(1 + methodMaps.Count);
            var common = new List<MapEntry>
            {
                new MapEntry("ResourcePath", options.Location, new ScalarValue("/*", ScalarKind.String, options.Location)),
                new MapEntry("HttpMethod", options.Location, new ScalarValue("*", ScalarKind.String, options.Location)),
            };
            Copy(options, "CachingEnabled", common);
            if (!Copy(options, "CacheDataEncrypted", common))
            {
                common.Add(new MapEntry("CacheDataEncrypted", options.Location, Default(false, "StageOptions.CacheDataEncrypted: false", options.Location)));
            }

            settings.Add(new MapValue(common, options.Location));
            if (unknownMethods)
            {
                settings.Add(new UnknownValue("method options the analyzer cannot read", methodOptions!.Value.Location));
            }

            foreach (var (entry, map) in methodMaps)
            {
                if (map == null)
                {
                    settings.Add(new UnknownValue("method options the analyzer cannot read", entry.Value.Location));
                    continue;
                }

                var (resourcePath, httpMethod) = ParsePath(entry.Key);
                var item = new List<MapEntry>
                {
                    new MapEntry("ResourcePath", entry.KeyLocation, new ScalarValue(resourcePath, ScalarKind.String, entry.KeyLocation)),
                    new MapEntry("HttpMethod", entry.KeyLocation, new ScalarValue(httpMethod, ScalarKind.String, entry.KeyLocation)),
                };
                Copy(map, "CachingEnabled", item);
                Copy(map, "CacheDataEncrypted", item);
                settings.Add(new MapValue(item, map.Location));
            }

            entries.Add(new MapEntry("MethodSettings", methodOptions?.KeyLocation ?? options.Location, new ListValue(settings, options.Location)));
            return entries;
        }

        /// <summary>"/orders/GET" → ("/orders", "GET"), "/*/*" → ("/*", "*"), as the construct's <c>parseMethodOptionsPath</c> (readable, without its ~1 escapes).</summary>
        private static (string ResourcePath, string HttpMethod) ParsePath(string path)
        {
            var trimmed = path.StartsWith("/", System.StringComparison.Ordinal) ? path.Substring(1) : path;
            var slash = trimmed.LastIndexOf('/');
            if (slash < 0)
            {
                return ("/" + trimmed, "?");
            }

            var method = trimmed.Substring(slash + 1).ToUpperInvariant();
            var resource = trimmed.Substring(0, slash);
            return (resource == "*" ? "/*" : "/" + resource, method);
        }

        private static bool Copy(MapValue from, string member, List<MapEntry> to)
        {
            var entry = from.GetEntry(member);
            if (entry == null)
            {
                return false;
            }

            to.Add(new MapEntry(member, entry.KeyLocation, entry.Value));
            return true;
        }

        private static Value Default(bool value, string citation, SourceLocation at)
            => new ScalarValue(value ? "true" : "false", ScalarKind.Boolean, at, AdapterText.DefaultProvenance(citation));
    }
}
