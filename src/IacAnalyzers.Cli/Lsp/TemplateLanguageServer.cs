using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using IacAnalyzers.CodeFixes.Templates;
using IacAnalyzers.Host;
using Microsoft.CodeAnalysis;
using StreamJsonRpc;

namespace IacAnalyzers.Cli.Lsp
{
    /// <summary>Knobs of the server; tests use the seams.</summary>
    public sealed class LanguageServerOptions
    {
        /// <summary>How long a change waits for the next keystroke before it is analysed.</summary>
        public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(200);

        /// <summary>Test seam: awaited before each analysis (uri, version, the analysis's token).</summary>
        public Func<string, int, CancellationToken, Task>? BeforeAnalysis { get; init; }

        /// <summary>Test seam: called with the milliseconds each published analysis took (analysis + publish, not the debounce).</summary>
        public Action<string, int, double>? Published { get; init; }
    }

    /// <summary>
    /// <c>iac-analyzers lsp</c>: a Language Server Protocol 3.17 server for CloudFormation templates (YAML and JSON),
    /// over JSON-RPC with Content-Length framing. It runs the engine the build runs (<see cref="TemplateEngine"/>), with
    /// the configuration the tool finds for the file (<see cref="ConfigResolver"/>), and offers the IDE's template fixes
    /// (<see cref="TemplateFixWriter"/>) and a suppression (<see cref="SuppressionTemplateWriter"/>) as code actions, and
    /// every fix of a file at once (<see cref="TemplateFixAll"/>) as a <c>source.fixAll</c> action.
    /// Documents are synchronised incrementally; each change is analysed after a short debounce, and a newer change cancels the
    /// analysis of the older text, whose result is then never published.
    /// </summary>
    public sealed class TemplateLanguageServer : IDisposable
    {
        /// <summary>The placeholder reason a suppression action writes, for the user to replace.</summary>
        public const string PlaceholderReason = "TODO: say why this finding is accepted";

        /// <summary>Longer documents are not analysed while edited (the same cap as the tool's file reads).</summary>
        public const int MaxDocumentChars = (int)(Scanner.MaxFileBytes / 2);

        private readonly JsonRpc rpc;
        private readonly LanguageServerOptions options;
        private readonly object gate = new object();
        private readonly Dictionary<string, OpenDocument> documents = new Dictionary<string, OpenDocument>(StringComparer.Ordinal);
        private readonly SemaphoreSlim publishLock = new SemaphoreSlim(1, 1);
        private readonly TaskCompletionSource<bool> exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private const string QuickFixKind = "quickfix";
        private const string FixAllKind = "source.fixAll";
        private bool shutdownRequested;
        private volatile bool resolveEdits;
        private int analysesCompleted;
        private int analysesCancelled;
        private int stalePublishesDropped;

        public TemplateLanguageServer(Stream sendingStream, Stream receivingStream, LanguageServerOptions? options = null)
        {
            this.options = options ?? new LanguageServerOptions();
            var handler = new HeaderDelimitedMessageHandler(sendingStream, receivingStream, new SystemTextJsonFormatter());
            rpc = new JsonRpc(handler);
            rpc.AddLocalRpcTarget(new Target(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
            rpc.StartListening();
        }

        /// <summary>Analyses that ran to the end (published or dropped as stale).</summary>
        public int AnalysesCompleted => Volatile.Read(ref analysesCompleted);

        /// <summary>Analyses stopped because a newer change (or a close) cancelled them.</summary>
        public int AnalysesCancelled => Volatile.Read(ref analysesCancelled);

        /// <summary>Finished analyses whose text was no longer current, so not published.</summary>
        public int StalePublishesDropped => Volatile.Read(ref stalePublishesDropped);

        /// <summary>Open documents (each holds its text and its last analysis).</summary>
        public int OpenDocuments
        {
            get
            {
                lock (gate)
                {
                    return documents.Count;
                }
            }
        }

        /// <summary>Completes with the process exit code: 0 after shutdown then exit, 1 for exit without shutdown or a lost connection.</summary>
        public async Task<int> WaitForExitAsync()
        {
            await Task.WhenAny(exited.Task, rpc.Completion).ConfigureAwait(false);
            lock (gate)
            {
                return exited.Task.IsCompleted && shutdownRequested ? 0 : 1;
            }
        }

        /// <summary>Serves one client over the streams until it exits or disconnects.</summary>
        public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions? options = null)
        {
            using var server = new TemplateLanguageServer(output, input, options);
            return await server.WaitForExitAsync().ConfigureAwait(false);
        }

        public void Dispose()
        {
            lock (gate)
            {
                foreach (var document in documents.Values)
                {
                    document.Pending?.Cancel();
                }

                documents.Clear();
            }

            rpc.Dispose();
            publishLock.Dispose();
        }

        private static JsonObject Capabilities() => new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                // Incremental: a keystroke sends its range and a few characters, not the whole file.
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 },
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray(QuickFixKind, FixAllKind), ["resolveProvider"] = true },
                ["hoverProvider"] = true,
                ["documentSymbolProvider"] = true,
            },
            ["serverInfo"] = new JsonObject { ["name"] = "iac-analyzers", ["version"] = CliApp.Version },
        };

        private void Open(JsonElement p)
        {
            var item = p.GetProperty("textDocument");
            var uri = item.GetProperty("uri").GetString() ?? string.Empty;
            var document = new OpenDocument(uri, PathOf(uri));
            lock (gate)
            {
                if (documents.TryGetValue(uri, out var previous))
                {
                    previous.Pending?.Cancel();
                }

                documents[uri] = document;
                document.Version = Version(item);
                document.Text = item.GetProperty("text").GetString() ?? string.Empty;
                Schedule(document);
            }
        }

        private void Change(JsonElement p)
        {
            var uri = p.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;
            var changes = p.GetProperty("contentChanges");
            lock (gate)
            {
                if (!documents.TryGetValue(uri, out var document))
                {
                    return;
                }

                // Incremental synchronisation: each change replaces its range of the text as the previous change left it;
                // a change without a range carries the whole text.
                foreach (var change in changes.EnumerateArray())
                {
                    var text = change.GetProperty("text").GetString() ?? string.Empty;
                    if (change.TryGetProperty("range", out var range) && range.ValueKind == JsonValueKind.Object)
                    {
                        var lines = new LineIndex(document.Text);
                        var start = OffsetOf(lines, range.GetProperty("start"));
                        var end = Math.Max(start, OffsetOf(lines, range.GetProperty("end")));
                        document.Text = document.Text.Substring(0, start) + text + document.Text.Substring(end);
                    }
                    else
                    {
                        document.Text = text;
                    }
                }

                document.Version = Version(p.GetProperty("textDocument"));
                Schedule(document);
            }
        }

        private async Task CloseAsync(JsonElement p)
        {
            var uri = p.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;
            lock (gate)
            {
                if (!documents.Remove(uri, out var document))
                {
                    return;
                }

                document.Pending?.Cancel();
            }

            await PublishAsync(uri, null, new JsonArray()).ConfigureAwait(false);
        }

        /// <summary>Under <see cref="gate"/>: cancels the document's running analysis and starts one of its current text.</summary>
        private void Schedule(OpenDocument document)
        {
            document.Pending?.Cancel();
            var cts = new CancellationTokenSource();
            document.Pending = cts;
            var version = document.Version;
            var text = document.Text;
            _ = Task.Run(() => AnalyzeAndPublishAsync(document, version, text, cts.Token));
        }

        private async Task AnalyzeAndPublishAsync(OpenDocument document, int version, string text, CancellationToken cancellationToken)
        {
            try
            {
                if (options.Debounce > TimeSpan.Zero)
                {
                    await Task.Delay(options.Debounce, cancellationToken).ConfigureAwait(false);
                }

                if (options.BeforeAnalysis != null)
                {
                    await options.BeforeAnalysis(document.Uri, version, cancellationToken).ConfigureAwait(false);
                }

                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                cancellationToken.ThrowIfCancellationRequested();
                var result = DocumentAnalysis.Run(document.Path, text, version, cancellationToken);
                Interlocked.Increment(ref analysesCompleted);
                await publishLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    lock (gate)
                    {
                        // Only the analysis of the current text is published: a newer change or a close cancelled this one.
                        if (cancellationToken.IsCancellationRequested || !documents.TryGetValue(document.Uri, out var current) || current != document || document.Version != version)
                        {
                            Interlocked.Increment(ref stalePublishesDropped);
                            return;
                        }

                        document.Last = result;
                    }

                    await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", PublishParams(document.Uri, version, result.Diagnostics(document.Uri))).ConfigureAwait(false);
                }
                finally
                {
                    publishLock.Release();
                }

                options.Published?.Invoke(document.Uri, version, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref analysesCancelled);
            }
            catch (ObjectDisposedException)
            {
                // The connection closed while analysing.
            }
            catch (ConnectionLostException)
            {
            }
#pragma warning disable CA1031 // A bug in one analysis must not take the editor's server down: it is logged to the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await LogAsync("iac-analyzers: analysis of " + document.Uri + " failed: " + ex).ConfigureAwait(false);
            }
        }

        private async Task PublishAsync(string uri, int? version, JsonArray diagnostics)
        {
            await publishLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", PublishParams(uri, version, diagnostics)).ConfigureAwait(false);
            }
            finally
            {
                publishLock.Release();
            }
        }

        private static Dictionary<string, object?> PublishParams(string uri, int? version, JsonArray diagnostics)
        {
            var p = new Dictionary<string, object?>(StringComparer.Ordinal) { ["uri"] = uri, ["diagnostics"] = diagnostics };
            if (version != null)
            {
                p["version"] = version.Value;
            }

            return p;
        }

        private async Task LogAsync(string message)
        {
            try
            {
                await rpc.NotifyWithParameterObjectAsync("window/logMessage", new Dictionary<string, object?> { ["type"] = 1, ["message"] = message }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is ConnectionLostException)
            {
            }
        }

        /// <summary>The analysis of the document's current text: the published one, or a fresh one when a change is pending.</summary>
        private DocumentAnalysis? Current(string uri, CancellationToken cancellationToken, out OpenDocument? document)
        {
            string text;
            int version;
            lock (gate)
            {
                if (!documents.TryGetValue(uri, out document))
                {
                    return null;
                }

                if (document.Last is { } last && last.Version == document.Version)
                {
                    return last;
                }

                text = document.Text;
                version = document.Version;
            }

            return DocumentAnalysis.Run(document.Path, text, version, cancellationToken);
        }

        private JsonArray CodeActions(JsonElement p, CancellationToken cancellationToken)
        {
            var uri = p.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;
            var actions = new JsonArray();
            var analysis = Current(uri, cancellationToken, out _);
            if (analysis == null)
            {
                return actions;
            }

            var only = Only(p);
            var range = p.GetProperty("range");
            var from = OffsetOf(analysis.Lines, range.GetProperty("start"));
            var to = OffsetOf(analysis.Lines, range.GetProperty("end"));
            var fixableHere = false;
            if (Wants(only, QuickFixKind))
            {
                foreach (var (finding, severity) in analysis.Findings)
                {
                    if (finding.Location.Start > to || finding.Location.End < from)
                    {
                        continue;
                    }

                    var diagnostic = analysis.Diagnostic(uri, finding, severity);
                    if (finding.Fix != null && TemplateFixWriter.Supports(finding.Fix.Kind)
                        && TemplateFixWriter.Edits(analysis.Text, finding.Fix, cancellationToken) is { Count: > 0 } edits)
                    {
                        actions.Add(Action(finding.Fix.Title, diagnostic, analysis.Edit(uri, edits), preferred: true));
                        fixableHere = true;
                    }

                    if (finding.ResourceName != null && finding.Rule.Pillar != Catalog.Pillar.Tool
                        && SuppressionTemplateWriter.Edits(analysis.Text, finding.ResourceName, finding.Rule.Id, PlaceholderReason, cancellationToken) is { Count: > 0 } suppression)
                    {
                        actions.Add(Action($"Suppress {finding.Rule.Id} for {finding.ResourceName} with a reason", analysis.Diagnostic(uri, finding, severity), analysis.Edit(uri, suppression), preferred: false));
                    }
                }
            }

            // Fix all: asked for by kind (source.fixAll, e.g. on save), or offered next to a quick fix when the file has
            // more than one. Its edit re-analyses the text once per pass, so in the light bulb (asked for at every cursor
            // move) it is offered only to clients that resolve it when chosen.
            var fixable = analysis.FixableCount;
            var explicitFixAll = only != null && Wants(only, FixAllKind);
            if (fixable > 0 && (explicitFixAll || (fixableHere && fixable > 1 && resolveEdits)))
            {
                var fixAll = new JsonObject
                {
                    ["title"] = FixAllTitle(fixable),
                    ["kind"] = explicitFixAll ? FixAllKind : QuickFixKind,
                    ["data"] = new JsonObject { ["uri"] = uri, ["version"] = analysis.Version },
                };
                if (!resolveEdits)
                {
                    fixAll["edit"] = FixAllEdit(analysis, uri, cancellationToken);
                }

                actions.Add(fixAll);
            }

            return actions;
        }

        internal static string FixAllTitle(int fixable) => fixable == 1 ? "Fix the IacAnalyzers finding in this file" : $"Fix all {fixable} IacAnalyzers findings in this file";

        /// <summary>codeAction/resolve: the edit of a fix-all action, on the document's current text.</summary>
        private JsonObject ResolveAction(JsonElement p, CancellationToken cancellationToken)
        {
            var action = JsonNode.Parse(p.GetRawText())!.AsObject();
            if (!p.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("uri", out var uriElement))
            {
                return action;
            }

            var uri = uriElement.GetString() ?? string.Empty;
            var analysis = Current(uri, cancellationToken, out _);
            // An action offered for an older text is not applied to a newer one: the client asks again.
            if (analysis == null || !data.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != analysis.Version)
            {
                return action;
            }

            action["edit"] = FixAllEdit(analysis, uri, cancellationToken);
            return action;
        }

        /// <summary>Every fix of the document (<see cref="TemplateFixAll"/>, the engine of <c>iac-analyzers fix</c>) as one edit.</summary>
        private static JsonObject FixAllEdit(DocumentAnalysis analysis, string uri, CancellationToken cancellationToken)
        {
            var (text, count) = TemplateFixAll.Apply(analysis.Path, analysis.Text, analysis.Severities, cancellationToken);
            var edits = count == 0 || text == analysis.Text ? Array.Empty<TemplateEdit>() : new[] { TemplateFixAll.MinimalEdit(analysis.Text, text) };
            return analysis.Edit(uri, edits);
        }

        /// <summary>The kinds of <c>context.only</c>, or null when the client asks for every kind.</summary>
        private static string[]? Only(JsonElement p)
            => p.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
               && context.TryGetProperty("only", out var only) && only.ValueKind == JsonValueKind.Array
                ? only.EnumerateArray().Select(k => k.GetString() ?? string.Empty).ToArray()
                : null;

        /// <summary>Whether a kind is asked for: LSP kinds are hierarchical, so <c>source</c> asks for <c>source.fixAll</c>.</summary>
        private static bool Wants(string[]? only, string kind)
            => only == null || only.Any(k => k.Length == 0 || kind == k || kind.StartsWith(k + ".", StringComparison.Ordinal));

        private static JsonObject Action(string title, JsonObject diagnostic, JsonObject edit, bool preferred) => new JsonObject
        {
            ["title"] = title,
            ["kind"] = QuickFixKind,
            ["diagnostics"] = new JsonArray(diagnostic),
            ["isPreferred"] = preferred,
            ["edit"] = edit,
        };

        private JsonNode? Hover(JsonElement p, CancellationToken cancellationToken)
        {
            var uri = p.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;
            var analysis = Current(uri, cancellationToken, out _);
            if (analysis == null)
            {
                return null;
            }

            var offset = OffsetOf(analysis.Lines, p.GetProperty("position"));
            var here = analysis.Findings.Where(f => f.Finding.Location.Start <= offset && offset <= f.Finding.Location.End).ToList();
            if (here.Count == 0)
            {
                return null;
            }

            var value = string.Join("\n\n---\n\n", here.Select(f => f.Finding.Rule).Distinct().Select(RuleHover.Markdown));
            var first = here[0].Finding.Location;
            return new JsonObject
            {
                ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = value },
                ["range"] = analysis.Range(first.Start, first.End),
            };
        }

        private JsonArray Symbols(JsonElement p, CancellationToken cancellationToken)
        {
            var uri = p.GetProperty("textDocument").GetProperty("uri").GetString() ?? string.Empty;
            string text;
            string path;
            lock (gate)
            {
                if (!documents.TryGetValue(uri, out var document))
                {
                    return new JsonArray();
                }

                text = document.Text;
                path = document.Path;
            }

            var symbols = new JsonArray();
            if (text.Length > MaxDocumentChars)
            {
                return symbols;
            }

            var template = CloudFormation.TemplateReader.Read(path, text, cancellationToken);
            if (template == null)
            {
                return symbols;
            }

            var lines = new LineIndex(text);
            var seen = new HashSet<int>();
            foreach (var entry in template.Entries)
            {
                if (!seen.Add(entry.Key.Start))
                {
                    continue;
                }

                symbols.Add(new JsonObject
                {
                    ["name"] = entry.Key.Text,
                    ["detail"] = entry.Type,
                    ["kind"] = 19,
                    ["range"] = DocumentAnalysis.Range(lines, entry.Key.Start, Math.Max(entry.Key.End, entry.Body.End)),
                    ["selectionRange"] = DocumentAnalysis.Range(lines, entry.Key.Start, entry.Key.End),
                });
            }

            return symbols;
        }

        private static int Version(JsonElement textDocument)
            => textDocument.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

        private static int OffsetOf(LineIndex lines, JsonElement position)
            => lines.Offset(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

        /// <summary>The file a document URI names (configuration is looked up next to it), or a bare name for other schemes.</summary>
        public static string PathOf(string uri)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            {
                if (parsed.IsFile)
                {
                    return parsed.LocalPath;
                }

                var name = parsed.Segments.Length > 0 ? Uri.UnescapeDataString(parsed.Segments[^1]) : "untitled";
                return name.Length == 0 ? "untitled" : name;
            }

            return uri;
        }

        private sealed class OpenDocument
        {
            public OpenDocument(string uri, string path)
            {
                Uri = uri;
                Path = path;
            }

            public string Uri { get; }

            public string Path { get; }

            public int Version { get; set; }

            public string Text { get; set; } = string.Empty;

            public CancellationTokenSource? Pending { get; set; }

            public DocumentAnalysis? Last { get; set; }
        }

        /// <summary>The JSON-RPC methods; the server's own members stay out of the RPC surface.</summary>
        private sealed class Target
        {
            private readonly TemplateLanguageServer server;

            public Target(TemplateLanguageServer server)
            {
                this.server = server;
            }

            [JsonRpcMethod("initialize")]
            public JsonObject Initialize(JsonElement p)
            {
                server.resolveEdits = ResolvesEdits(p);
                return Capabilities();
            }

            /// <summary>Whether the client can resolve a code action's edit when it is chosen (<c>codeAction.resolveSupport</c>).</summary>
            private static bool ResolvesEdits(JsonElement p)
                => p.TryGetProperty("capabilities", out var c) && c.ValueKind == JsonValueKind.Object
                   && c.TryGetProperty("textDocument", out var td) && td.ValueKind == JsonValueKind.Object
                   && td.TryGetProperty("codeAction", out var ca) && ca.ValueKind == JsonValueKind.Object
                   && ca.TryGetProperty("resolveSupport", out var rs) && rs.ValueKind == JsonValueKind.Object
                   && rs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Array
                   && props.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == "edit");

            [JsonRpcMethod("initialized")]
            public void Initialized(JsonElement p)
            {
            }

            [JsonRpcMethod("shutdown")]
            public JsonNode? Shutdown()
            {
                lock (server.gate)
                {
                    server.shutdownRequested = true;
                    foreach (var document in server.documents.Values)
                    {
                        document.Pending?.Cancel();
                    }
                }

                return null;
            }

            [JsonRpcMethod("exit")]
            public void Exit() => server.exited.TrySetResult(true);

            [JsonRpcMethod("textDocument/didOpen")]
            public void DidOpen(JsonElement p) => server.Open(p);

            [JsonRpcMethod("textDocument/didChange")]
            public void DidChange(JsonElement p) => server.Change(p);

            [JsonRpcMethod("textDocument/didClose")]
            public Task DidClose(JsonElement p) => server.CloseAsync(p);

            [JsonRpcMethod("textDocument/didSave")]
            public void DidSave(JsonElement p)
            {
            }

            /// <summary>A configuration file changed (clients that watch <c>.editorconfig</c>/<c>.globalconfig</c>): analyse every open document again.</summary>
            [JsonRpcMethod("workspace/didChangeWatchedFiles")]
            public void DidChangeWatchedFiles(JsonElement p)
            {
                lock (server.gate)
                {
                    foreach (var document in server.documents.Values)
                    {
                        server.Schedule(document);
                    }
                }
            }

            [JsonRpcMethod("textDocument/codeAction")]
            public JsonArray CodeAction(JsonElement p, CancellationToken cancellationToken) => server.CodeActions(p, cancellationToken);

            [JsonRpcMethod("codeAction/resolve")]
            public JsonObject ResolveCodeAction(JsonElement p, CancellationToken cancellationToken) => server.ResolveAction(p, cancellationToken);

            [JsonRpcMethod("textDocument/hover")]
            public JsonNode? Hover(JsonElement p, CancellationToken cancellationToken) => server.Hover(p, cancellationToken);

            [JsonRpcMethod("textDocument/documentSymbol")]
            public JsonArray DocumentSymbol(JsonElement p, CancellationToken cancellationToken) => server.Symbols(p, cancellationToken);
        }
    }
}
