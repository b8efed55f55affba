using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using IacAnalyzers.Cli.Lsp;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace IacAnalyzers.Cli.Tests.Lsp
{
    /// <summary>One textDocument/publishDiagnostics notification as the client received it.</summary>
    internal sealed record Publish(string Uri, int? Version, IReadOnlyList<JsonElement> Diagnostics)
    {
        public IEnumerable<string> Codes => Diagnostics.Select(d => d.GetProperty("code").GetString()!);
    }

    /// <summary>
    /// A minimal LSP client over JSON-RPC with Content-Length framing: the server in-process over a full-duplex pipe,
    /// or a real process over its stdin/stdout. Records every publishDiagnostics in arrival order.
    /// </summary>
    internal sealed class LspClient : IAsyncDisposable
    {
        /// <summary>A guard against a hung server (a failure, never a performance threshold).</summary>
        public static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

        private readonly JsonRpc rpc;
        private readonly Channel<Publish> incoming = Channel.CreateUnbounded<Publish>();
        private readonly List<Publish> all = new List<Publish>();
        private readonly Stream? serverSide;

        private LspClient(Stream send, Stream receive, TemplateLanguageServer? server, Stream? serverSide)
        {
            Server = server;
            this.serverSide = serverSide;
            rpc = new JsonRpc(new HeaderDelimitedMessageHandler(send, receive, new SystemTextJsonFormatter()));
            rpc.AddLocalRpcTarget(new Target(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
            rpc.StartListening();
        }

        public TemplateLanguageServer? Server { get; }

        public IReadOnlyList<Publish> All
        {
            get
            {
                lock (all)
                {
                    return all.ToList();
                }
            }
        }

        public static LspClient InProcess(LanguageServerOptions? options = null)
        {
            var (clientSide, serverSide) = FullDuplexStream.CreatePair();
            var server = new TemplateLanguageServer(serverSide, serverSide, options ?? new LanguageServerOptions { Debounce = TimeSpan.Zero });
            return new LspClient(clientSide, clientSide, server, serverSide);
        }

        public static LspClient OverStreams(Stream toServer, Stream fromServer) => new LspClient(toServer, fromServer, null, null);

        public async Task<JsonElement> InitializeAsync(JsonObject? capabilities = null)
        {
            var result = await RequestAsync("initialize", new JsonObject { ["processId"] = null, ["rootUri"] = null, ["capabilities"] = capabilities ?? new JsonObject() });
            await NotifyAsync("initialized", new JsonObject());
            return result;
        }

        public Task<JsonElement> RequestAsync(string method, JsonObject? parameters)
            => rpc.InvokeWithParameterObjectAsync<JsonElement>(method, Named(parameters)).WaitAsync(Hang);

        public Task NotifyAsync(string method, JsonObject? parameters)
            => rpc.NotifyWithParameterObjectAsync(method, Named(parameters)).WaitAsync(Hang);

        public Task OpenAsync(string uri, string text, int version = 1, string languageId = "yaml")
            => NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
            });

        public Task ChangeAsync(string uri, string text, int version)
            => NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
            });

        /// <summary>An incremental didChange: each (range, text) replaces its range of the text the previous one left.</summary>
        public Task ChangeRangesAsync(string uri, int version, params (int StartLine, int StartCharacter, int EndLine, int EndCharacter, string Text)[] changes)
            => NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject
                {
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = c.StartLine, ["character"] = c.StartCharacter },
                        ["end"] = new JsonObject { ["line"] = c.EndLine, ["character"] = c.EndCharacter },
                    },
                    ["text"] = c.Text,
                }).ToArray()),
            });

        public Task CloseAsync(string uri)
            => NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });

        public async Task<JsonElement[]> CodeActionsAsync(string uri, JsonElement range, params string[] only)
        {
            var context = new JsonObject { ["diagnostics"] = new JsonArray() };
            if (only.Length > 0)
            {
                context["only"] = new JsonArray(only.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
            }

            var result = await RequestAsync("textDocument/codeAction", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["range"] = JsonNode.Parse(range.GetRawText()),
                ["context"] = context,
            });
            return result.EnumerateArray().ToArray();
        }

        /// <summary>The next publish for <paramref name="uri"/> (others are skipped), waiting for it.</summary>
        public async Task<Publish> NextPublishAsync(string uri)
        {
            using var cts = new CancellationTokenSource(Hang);
            while (true)
            {
                var publish = await incoming.Reader.ReadAsync(cts.Token);
                if (publish.Uri == uri)
                {
                    return publish;
                }
            }
        }

        /// <summary>The next publish for <paramref name="uri"/> of the given version (earlier ones are skipped).</summary>
        public async Task<Publish> PublishOfVersionAsync(string uri, int version)
        {
            while (true)
            {
                var publish = await NextPublishAsync(uri);
                if (publish.Version == version)
                {
                    return publish;
                }
            }
        }

        public async Task<int> ShutdownAndExitAsync()
        {
            await RequestAsync("shutdown", null);
            await NotifyAsync("exit", null);
            return Server == null ? 0 : await Server.WaitForExitAsync().WaitAsync(Hang);
        }

        /// <summary>Applies a WorkspaceEdit's edits for <paramref name="uri"/> to <paramref name="text"/>, as an editor does.</summary>
        public static string Apply(string text, JsonElement workspaceEdit, string uri)
        {
            var lines = new LineIndex(text);
            var edits = workspaceEdit.GetProperty("changes").GetProperty(uri).EnumerateArray()
                .Select(e => (Start: Offset(lines, e.GetProperty("range").GetProperty("start")), End: Offset(lines, e.GetProperty("range").GetProperty("end")), Text: e.GetProperty("newText").GetString()!))
                .OrderByDescending(e => e.Start)
                .ToList();
            var sb = new StringBuilder(text);
            foreach (var (start, end, newText) in edits)
            {
                sb.Remove(start, end - start).Insert(start, newText);
            }

            return sb.ToString();
        }

        private static int Offset(LineIndex lines, JsonElement position)
            => lines.Offset(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

        public async ValueTask DisposeAsync()
        {
            rpc.Dispose();
            Server?.Dispose();
            if (serverSide != null)
            {
                await serverSide.DisposeAsync();
            }
        }

        private static Dictionary<string, object?>? Named(JsonObject? parameters)
            => parameters?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());

        private sealed class Target
        {
            private readonly LspClient client;

            public Target(LspClient client)
            {
                this.client = client;
            }

            [JsonRpcMethod("textDocument/publishDiagnostics")]
            public void PublishDiagnostics(JsonElement p)
            {
                var publish = new Publish(
                    p.GetProperty("uri").GetString()!,
                    p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null,
                    p.GetProperty("diagnostics").EnumerateArray().Select(d => d.Clone()).ToList());
                lock (client.all)
                {
                    client.all.Add(publish);
                }

                client.incoming.Writer.TryWrite(publish);
            }

            [JsonRpcMethod("window/logMessage")]
            public void LogMessage(JsonElement p)
            {
            }
        }
    }
}
