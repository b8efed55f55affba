using System;

namespace IacAnalyzers.Catalog
{
    /// <summary>
    /// The kinds of fix intent a rule may emit (<see cref="Model.FixIntent"/>). The catalog says which kinds each rule
    /// emits; each front-end has one writer per kind, and a code fix provider claims exactly the rules whose kinds its
    /// writer handles.
    /// </summary>
    [Flags]
    public enum FixKind
    {
        None = 0,

        /// <summary>Set a property to a scalar (<see cref="Model.SetPropertyFix"/>).</summary>
        SetProperty = 1,

        /// <summary>Replace a written value with a new parameter the deployer must give (<see cref="Model.ReplaceWithParameterFix"/>).</summary>
        ReplaceWithParameter = 2,

        /// <summary>Add a reader instance to a DB cluster (<see cref="Model.AddReaderFix"/>).</summary>
        AddReader = 4,
    }
}
