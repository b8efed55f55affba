using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>A document of a prepared state: its final path and its text with the markup removed.</summary>
    internal sealed class PreparedDocument
    {
        public PreparedDocument(string path, SourceText text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public SourceText Text { get; }
    }

    /// <summary>
    /// A <see cref="SolutionState"/> made concrete: paths assigned, markup removed, markup diagnostics and
    /// <c>{|#n:|}</c> locations resolved into the expected diagnostics.
    /// </summary>
    internal sealed class PreparedState
    {
        private PreparedState(
            string name,
            ImmutableArray<PreparedDocument> sources,
            ImmutableArray<PreparedDocument> additionalFiles,
            ImmutableArray<PreparedDocument> analyzerConfigFiles,
            ImmutableArray<MetadataReference> additionalReferences,
            ImmutableArray<DiagnosticResult> expected,
            bool verifyDiagnostics)
        {
            Name = name;
            Sources = sources;
            AdditionalFiles = additionalFiles;
            AnalyzerConfigFiles = analyzerConfigFiles;
            AdditionalReferences = additionalReferences;
            ExpectedDiagnostics = expected;
            VerifyDiagnostics = verifyDiagnostics;
        }

        /// <summary>"TestState", "FixedState", ... for failure messages.</summary>
        public string Name { get; }

        public ImmutableArray<PreparedDocument> Sources { get; }

        public ImmutableArray<PreparedDocument> AdditionalFiles { get; }

        public ImmutableArray<PreparedDocument> AnalyzerConfigFiles { get; }

        public ImmutableArray<MetadataReference> AdditionalReferences { get; }

        public ImmutableArray<DiagnosticResult> ExpectedDiagnostics { get; }

        public bool VerifyDiagnostics { get; }

        /// <summary>All documents that carry text the analyzers see (sources and additional files), by path.</summary>
        public IReadOnlyDictionary<string, SourceText> TextsByPath =>
            Sources.Concat(AdditionalFiles).ToDictionary(d => d.Path, d => d.Text, StringComparer.Ordinal);

        public bool HasSameTextsAs(PreparedState other) =>
            SameDocuments(Sources, other.Sources) && SameDocuments(AdditionalFiles, other.AdditionalFiles);

        /// <summary>
        /// Prepares <paramref name="state"/>. A collection that is empty in the state is taken from the first of
        /// <paramref name="inheritFrom"/> that has one (raw text, so its markup counts again in this state); expected
        /// diagnostics listed explicitly are never inherited.
        /// </summary>
        public static PreparedState Prepare(
            string name,
            SolutionState state,
            IReadOnlyList<SolutionState> inheritFrom,
            string? markupDefaultId,
            IReadOnlyDictionary<string, DiagnosticDescriptor> descriptors)
        {
            var mode = state.MarkupHandling ?? MarkupMode.Allow;
            IReadOnlyList<T> Pick<T>(Func<SolutionState, List<T>> collection) =>
                new[] { state }.Concat(inheritFrom).Select(collection).FirstOrDefault(c => c.Count > 0) ?? collection(state);
            var sources = Pick(s => s.Sources);
            var additional = Pick(s => s.AdditionalFiles);
            var configs = Pick(s => s.AnalyzerConfigFiles);
            var references = Pick(s => s.AdditionalReferences);

            var paths = new HashSet<string>(StringComparer.Ordinal);
            var markupDiagnostics = new List<(MarkupSpan Span, string Path, SourceText Text)>();
            var keyedLocations = new Dictionary<int, DiagnosticLocation>();

            ImmutableArray<PreparedDocument> ProcessDocuments(IReadOnlyList<(string filename, SourceText content)> files, bool markup)
            {
                var result = ImmutableArray.CreateBuilder<PreparedDocument>(files.Count);
                foreach (var (filename, content) in files)
                {
                    var path = TestPaths.Normalize(filename);
                    if (!paths.Add(path))
                    {
                        throw new VerifierException(name + " has two documents at " + path + ".");
                    }

                    if (!markup || mode == MarkupMode.None)
                    {
                        result.Add(new PreparedDocument(path, content));
                        continue;
                    }

                    var (clean, spans) = TestMarkup.Parse(content.ToString(), path);
                    var text = SourceText.From(clean, content.Encoding, content.ChecksumAlgorithm);
                    foreach (var span in spans)
                    {
                        if (span.Kind == MarkupSpanKind.Location)
                        {
                            if (keyedLocations.ContainsKey(span.Key))
                            {
                                throw new VerifierException(name + ": the markup location {|#" + span.Key.ToString(CultureInfo.InvariantCulture) + ":...|} is defined twice.");
                            }

                            keyedLocations.Add(span.Key, DiagnosticLocation.ForSpan(path, text.Lines.GetLinePositionSpan(span.Span), fromMarkup: true));
                        }
                        else
                        {
                            markupDiagnostics.Add((span, path, text));
                        }
                    }

                    result.Add(new PreparedDocument(path, text));
                }

                return result.MoveToImmutable();
            }

            var preparedSources = ProcessDocuments(sources, markup: true);
            var preparedAdditional = ProcessDocuments(additional, markup: true);
            var preparedConfigs = ProcessDocuments(configs, markup: false);

            var expected = ImmutableArray.CreateBuilder<DiagnosticResult>();
            var defaultPath = preparedSources.Length > 0 ? preparedSources[0].Path : null;

            // Explicit expectations: resolve markup keys and default/relative paths.
            foreach (var result in state.ExpectedDiagnostics)
            {
                var locations = ImmutableArray.CreateBuilder<DiagnosticLocation>(result.Locations.Length);
                foreach (var location in result.Locations)
                {
                    if (location.MarkupKey is int key)
                    {
                        if (!keyedLocations.TryGetValue(key, out var resolved))
                        {
                            throw new VerifierException(
                                name + ": the expected diagnostic " + result + " refers to markup location #" + key.ToString(CultureInfo.InvariantCulture)
                                + ", but no document of the state has {|#" + key.ToString(CultureInfo.InvariantCulture) + ":...|}"
                                + (mode == MarkupMode.None ? " (markup processing is off: MarkupHandling = None)." : "."));
                        }

                        locations.Add(resolved);
                    }
                    else if (location.Path.Length == 0)
                    {
                        locations.Add(location.WithPath(defaultPath ?? throw new VerifierException(
                            name + ": the expected diagnostic " + result + " has a location without a path, but the state has no source file.")));
                    }
                    else
                    {
                        locations.Add(location.WithPath(TestPaths.Normalize(location.Path)));
                    }
                }

                expected.Add(result.WithLocations(locations.MoveToImmutable()));
            }

            // Markup expectations (none in Ignore mode: that state's diagnostics are not verified).
            if (mode == MarkupMode.Ignore)
            {
                markupDiagnostics.Clear();
            }

            string? defaultId = null;
            if (markupDiagnostics.Any(m => m.Span.Kind == MarkupSpanKind.DefaultDiagnostic))
            {
                defaultId = ResolveDefaultId(name, markupDefaultId, descriptors, state.ExpectedDiagnostics, markupDiagnostics.Select(m => m.Span));
            }

            foreach (var (span, path, text) in markupDiagnostics)
            {
                var id = span.Kind == MarkupSpanKind.DefaultDiagnostic ? defaultId! : span.Id!;
                var result = descriptors.TryGetValue(id, out var descriptor)
                    ? new DiagnosticResult(descriptor)
                    : new DiagnosticResult(id, null);
                expected.Add(result.WithLocation(DiagnosticLocation.ForSpan(path, text.Lines.GetLinePositionSpan(span.Span), fromMarkup: true)));
            }

            return new PreparedState(
                name,
                preparedSources,
                preparedAdditional,
                preparedConfigs,
                references.ToImmutableArray(),
                expected.ToImmutable(),
                mode != MarkupMode.Ignore);
        }

        /// <summary>
        /// The id <c>[|...|]</c> stands for: <c>MarkupDefaultId</c> if set; else the only id the analyzers declare;
        /// else the only id among the state's explicit expectations and <c>{|ID:...|}</c> markup.
        /// </summary>
        private static string ResolveDefaultId(
            string name,
            string? markupDefaultId,
            IReadOnlyDictionary<string, DiagnosticDescriptor> descriptors,
            IEnumerable<DiagnosticResult> explicitExpected,
            IEnumerable<MarkupSpan> spans)
        {
            if (!string.IsNullOrEmpty(markupDefaultId))
            {
                return markupDefaultId;
            }

            if (descriptors.Count == 1)
            {
                return descriptors.Keys.Single();
            }

            var ids = explicitExpected.Select(e => e.Id)
                .Concat(spans.Where(s => s.Kind == MarkupSpanKind.Diagnostic).Select(s => s.Id!))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (ids.Count == 1)
            {
                return ids[0];
            }

            throw new VerifierException(
                name + ": '[|...|]' needs a diagnostic id, but the analyzers declare " + descriptors.Count.ToString(CultureInfo.InvariantCulture)
                + " ids and the test expects " + (ids.Count == 0 ? "no other id" : "several (" + string.Join(", ", ids) + ")")
                + ". Set MarkupDefaultId on the test, or write {|ID:...|}.");
        }

        private static bool SameDocuments(ImmutableArray<PreparedDocument> left, ImmutableArray<PreparedDocument> right) =>
            left.Length == right.Length
            && left.Zip(right, (l, r) => l.Path == r.Path && l.Text.ContentEquals(r.Text)).All(same => same);
    }
}
