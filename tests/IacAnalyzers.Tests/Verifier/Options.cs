namespace IacAnalyzers.Tests.Verifier
{
    /// <summary>Which compiler diagnostics take part in the comparison (like Microsoft.CodeAnalysis.Testing).</summary>
    public enum CompilerDiagnostics
    {
        /// <summary>Compiler diagnostics are ignored (a test source that does not compile still passes).</summary>
        None,

        /// <summary>The default: compiler errors must be expected, so test sources must compile.</summary>
        Errors,

        /// <summary>Errors and warnings must be expected.</summary>
        Warnings,

        /// <summary>Errors, warnings and infos must be expected.</summary>
        Suggestions,

        /// <summary>Every compiler diagnostic, hidden ones included, must be expected.</summary>
        All,
    }

    /// <summary>How the markup of a state's documents is handled.</summary>
    public enum MarkupMode
    {
        /// <summary>No markup processing: the text is used as written.</summary>
        None,

        /// <summary>Markup is removed from the text, and the diagnostics of this state are not verified at all.</summary>
        Ignore,

        /// <summary>The default: markup is removed and its spans become expected diagnostics or markup locations.</summary>
        Allow,
    }
}
