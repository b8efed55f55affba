using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>
    /// One expected location of a <see cref="DiagnosticResult"/>: either a reference to a markup location
    /// (<c>{|#0:...|}</c>, resolved when the test runs) or a path with a line/column span.
    /// </summary>
    public readonly struct DiagnosticLocation : IEquatable<DiagnosticLocation>
    {
        private DiagnosticLocation(int? markupKey, string path, LinePositionSpan span, bool ignoreLength, bool fromMarkup)
        {
            MarkupKey = markupKey;
            Path = path;
            Span = span;
            IgnoreLength = ignoreLength;
            FromMarkup = fromMarkup;
        }

        /// <summary>The markup key (<c>{|#key:...|}</c>) this location waits for; null once resolved.</summary>
        public int? MarkupKey { get; }

        /// <summary>The file path; empty means the default (first) source file.</summary>
        public string Path { get; }

        /// <summary>Zero-based line/character span.</summary>
        public LinePositionSpan Span { get; }

        /// <summary>Only the start position is compared (<c>WithLocation(line, column)</c>).</summary>
        public bool IgnoreLength { get; }

        /// <summary>The span came from markup in a document (used in failure messages only).</summary>
        public bool FromMarkup { get; }

        public bool IsResolved => MarkupKey == null;

        public static DiagnosticLocation ForMarkupKey(int key) => new DiagnosticLocation(key, string.Empty, default, false, true);

        public static DiagnosticLocation ForSpan(string path, LinePositionSpan span, bool ignoreLength = false, bool fromMarkup = false) =>
            new DiagnosticLocation(null, path ?? string.Empty, span, ignoreLength, fromMarkup);

        public DiagnosticLocation WithPath(string path) => new DiagnosticLocation(MarkupKey, path, Span, IgnoreLength, FromMarkup);

        public bool Equals(DiagnosticLocation other) =>
            MarkupKey == other.MarkupKey && Path == other.Path && Span.Equals(other.Span) && IgnoreLength == other.IgnoreLength;

        public override bool Equals(object? obj) => obj is DiagnosticLocation other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(MarkupKey, Path, Span, IgnoreLength);

        /// <summary>1-based, like the compiler prints it: <c>path(line,col,endLine,endCol)</c> or <c>{|#0:|}</c>.</summary>
        public override string ToString()
        {
            if (MarkupKey is int key)
            {
                return "{|#" + key.ToString(CultureInfo.InvariantCulture) + ":...|}";
            }

            var start = Span.Start;
            var text = (Path.Length == 0 ? "<default file>" : Path) + "(" + (start.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (start.Character + 1).ToString(CultureInfo.InvariantCulture);
            if (!IgnoreLength)
            {
                text += "," + (Span.End.Line + 1).ToString(CultureInfo.InvariantCulture) + "," + (Span.End.Character + 1).ToString(CultureInfo.InvariantCulture);
            }

            return text + ")";
        }

        public static bool operator ==(DiagnosticLocation left, DiagnosticLocation right) => left.Equals(right);

        public static bool operator !=(DiagnosticLocation left, DiagnosticLocation right) => !left.Equals(right);
    }

    /// <summary>
    /// An expected diagnostic, shaped like Microsoft.CodeAnalysis.Testing's <c>DiagnosticResult</c>: an immutable
    /// value built fluently (<c>Diagnostic("IAC2001").WithLocation(0).WithArguments("Db")</c>).
    /// What is compared: the id; the location (none, a span, or a start position); the effective severity
    /// (the descriptor's default unless <see cref="WithSeverity"/> says otherwise; not compared for ids no analyzer
    /// declares, such as compiler ids); the message when <see cref="WithMessage"/> was used, else the arguments when
    /// <see cref="WithArguments"/> was used (formatted with the actual descriptor's message format);
    /// <see cref="Diagnostic.IsSuppressed"/> when <see cref="WithIsSuppressed"/> was used.
    /// Locations after the first are compared with the diagnostic's additional locations.
    /// </summary>
    public readonly struct DiagnosticResult : IEquatable<DiagnosticResult>
    {
        /// <summary>An empty array, for <c>VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource)</c>.</summary>
        public static readonly DiagnosticResult[] EmptyDiagnosticResults = Array.Empty<DiagnosticResult>();

        private readonly ImmutableArray<DiagnosticLocation> _locations;
        private readonly ImmutableArray<object?> _arguments;

        private DiagnosticResult(
            string id,
            DiagnosticSeverity? severity,
            ImmutableArray<DiagnosticLocation> locations,
            bool suppressMessage,
            string? message,
            LocalizableString? messageFormat,
            ImmutableArray<object?> arguments,
            bool? isSuppressed,
            bool noLocation)
        {
            Id = id;
            Severity = severity;
            _locations = locations;
            Message = suppressMessage ? null : message;
            MessageFormat = messageFormat;
            _arguments = arguments;
            IsSuppressed = isSuppressed;
            HasNoLocation = noLocation;
        }

        /// <summary>An expected diagnostic with this id and (optionally) severity; no location yet.</summary>
        public DiagnosticResult(string id, DiagnosticSeverity? severity)
            : this(id, severity, ImmutableArray<DiagnosticLocation>.Empty, false, null, null, default, null, false)
        {
        }

        /// <summary>An expected diagnostic for this descriptor: its id, default severity and message format.</summary>
        public DiagnosticResult(DiagnosticDescriptor descriptor)
            : this((descriptor ?? throw new ArgumentNullException(nameof(descriptor))).Id, descriptor.DefaultSeverity, ImmutableArray<DiagnosticLocation>.Empty, false, null, descriptor.MessageFormat, default, null, false)
        {
        }

        public string Id { get; }

        /// <summary>The expected effective severity; null = not compared.</summary>
        public DiagnosticSeverity? Severity { get; }

        public ImmutableArray<DiagnosticLocation> Locations => _locations.IsDefault ? ImmutableArray<DiagnosticLocation>.Empty : _locations;

        public bool HasLocation => !Locations.IsEmpty;

        /// <summary><see cref="WithNoLocation"/> was used. Any result without a location expects <see cref="Location.None"/>.</summary>
        public bool HasNoLocation { get; }

        /// <summary>The exact expected message; null = not compared (unless arguments are given).</summary>
        public string? Message { get; }

        public LocalizableString? MessageFormat { get; }

        /// <summary>Expected message arguments; default = not compared.</summary>
        public ImmutableArray<object?> MessageArguments => _arguments;

        public bool HasArguments => !_arguments.IsDefault;

        public bool? IsSuppressed { get; }

        /// <summary>An expected compiler error (<c>CS0103</c> ...), for tests that expect a compile error.</summary>
        public static DiagnosticResult CompilerError(string id) => new DiagnosticResult(id, DiagnosticSeverity.Error);

        /// <summary>An expected compiler warning (when <c>CompilerDiagnostics</c> includes warnings).</summary>
        public static DiagnosticResult CompilerWarning(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        /// <summary>The location marked <c>{|#markupKey:...|}</c> in the test state's documents.</summary>
        public DiagnosticResult WithLocation(int markupKey) => AppendLocation(DiagnosticLocation.ForMarkupKey(markupKey));

        /// <summary>A start position (1-based) in the default (first) source file; the length is not compared.</summary>
        public DiagnosticResult WithLocation(int line, int column) => WithLocation(string.Empty, line, column);

        /// <summary>A start position (1-based) in the given file; the length is not compared.</summary>
        public DiagnosticResult WithLocation(string path, int line, int column)
        {
            var position = ToPosition(line, column);
            return AppendLocation(DiagnosticLocation.ForSpan(path, new LinePositionSpan(position, position), ignoreLength: true));
        }

        /// <summary>A full span (1-based, end exclusive as the compiler prints it) in the default (first) source file.</summary>
        public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn) =>
            WithSpan(string.Empty, startLine, startColumn, endLine, endColumn);

        /// <summary>A full span (1-based) in the given file (e.g. <c>/0/Test0.cs</c> or <c>templates/db.yaml</c>).</summary>
        public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn) =>
            AppendLocation(DiagnosticLocation.ForSpan(path, new LinePositionSpan(ToPosition(startLine, startColumn), ToPosition(endLine, endColumn))));

        /// <summary>Adds a location (the first is the primary location, further ones are additional locations).</summary>
        public DiagnosticResult WithLocation(DiagnosticLocation location) => AppendLocation(location);

        /// <summary>The actual diagnostic must have no location (<see cref="Location.None"/>).</summary>
        public DiagnosticResult WithNoLocation() =>
            new DiagnosticResult(Id, Severity, ImmutableArray<DiagnosticLocation>.Empty, false, Message, MessageFormat, _arguments, IsSuppressed, true);

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity) =>
            new DiagnosticResult(Id, severity, Locations, false, Message, MessageFormat, _arguments, IsSuppressed, HasNoLocation);

        /// <summary>Internal use: forget the severity (ids that no analyzer declares).</summary>
        internal DiagnosticResult WithoutSeverity() =>
            new DiagnosticResult(Id, null, Locations, false, Message, MessageFormat, _arguments, IsSuppressed, HasNoLocation);

        public DiagnosticResult WithArguments(params object?[] arguments) =>
            new DiagnosticResult(Id, Severity, Locations, false, Message, MessageFormat, (arguments ?? Array.Empty<object?>()).ToImmutableArray(), IsSuppressed, HasNoLocation);

        public DiagnosticResult WithMessage(string? message) =>
            new DiagnosticResult(Id, Severity, Locations, message == null, message, MessageFormat, _arguments, IsSuppressed, HasNoLocation);

        public DiagnosticResult WithMessageFormat(LocalizableString? messageFormat) =>
            new DiagnosticResult(Id, Severity, Locations, false, Message, messageFormat, _arguments, IsSuppressed, HasNoLocation);

        public DiagnosticResult WithIsSuppressed(bool? isSuppressed) =>
            new DiagnosticResult(Id, Severity, Locations, false, Message, MessageFormat, _arguments, isSuppressed, HasNoLocation);

        /// <summary>Replaces every location (used when markup keys are resolved).</summary>
        internal DiagnosticResult WithLocations(ImmutableArray<DiagnosticLocation> locations) =>
            new DiagnosticResult(Id, Severity, locations, false, Message, MessageFormat, _arguments, IsSuppressed, HasNoLocation);

        /// <summary>The message the diagnostic must have, if any: the explicit one, else the format with the arguments.</summary>
        internal string? ExpectedMessage(LocalizableString? actualFormat)
        {
            if (Message != null)
            {
                return Message;
            }

            if (!HasArguments)
            {
                return null;
            }

            var format = MessageFormat ?? actualFormat;
            if (format == null)
            {
                return null;
            }

            return string.Format(CultureInfo.InvariantCulture, format.ToString(CultureInfo.InvariantCulture), _arguments.ToArray());
        }

        private DiagnosticResult AppendLocation(DiagnosticLocation location) =>
            new DiagnosticResult(Id, Severity, Locations.Add(location), false, Message, MessageFormat, _arguments, IsSuppressed, false);

        private static LinePosition ToPosition(int line, int column)
        {
            if (line < 1 || column < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(line), "Lines and columns are 1-based.");
            }

            return new LinePosition(line - 1, column - 1);
        }

        public bool Equals(DiagnosticResult other) =>
            Id == other.Id
            && Severity == other.Severity
            && Locations.SequenceEqual(other.Locations)
            && HasNoLocation == other.HasNoLocation
            && Message == other.Message
            && HasArguments == other.HasArguments
            && (!HasArguments || _arguments.SequenceEqual(other._arguments))
            && IsSuppressed == other.IsSuppressed;

        public override bool Equals(object? obj) => obj is DiagnosticResult other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Id, Severity, Locations.Length, Message);

        public static bool operator ==(DiagnosticResult left, DiagnosticResult right) => left.Equals(right);

        public static bool operator !=(DiagnosticResult left, DiagnosticResult right) => !left.Equals(right);

        /// <summary>E.g. <c>IAC2001 at /0/Test0.cs(3,5,3,20) [warning] args ("Db")</c>.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder(Id ?? "<no id>");
            if (HasLocation)
            {
                builder.Append(" at ").Append(Locations[0].ToString());
                if (Locations[0].FromMarkup)
                {
                    builder.Append(" (markup)");
                }

                for (var i = 1; i < Locations.Length; i++)
                {
                    builder.Append(", additional ").Append(Locations[i].ToString());
                }
            }
            else
            {
                builder.Append(" at <no location>");
            }

            if (Severity is DiagnosticSeverity severity)
            {
                builder.Append(" [").Append(severity.ToString().ToLowerInvariant()).Append(']');
            }

            if (Message != null)
            {
                builder.Append(" message \"").Append(Message).Append('"');
            }
            else if (HasArguments)
            {
                builder.Append(" arguments (").Append(string.Join(", ", _arguments.Select(a => a == null ? "null" : "\"" + Convert.ToString(a, CultureInfo.InvariantCulture) + "\""))).Append(')');
            }

            if (IsSuppressed is bool suppressed)
            {
                builder.Append(suppressed ? " suppressed" : " not suppressed");
            }

            return builder.ToString();
        }
    }
}
