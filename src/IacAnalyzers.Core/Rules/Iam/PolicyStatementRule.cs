using System;
using System.Collections.Generic;
using IacAnalyzers.Catalog;
using IacAnalyzers.Iam;
using IacAnalyzers.Model;
using IacAnalyzers.Rules;

namespace IacAnalyzers.Rules.Iam
{
    /// <summary>
    /// The shared walk of the IAM rules that judge statements: every policy document of the resource
    /// (<see cref="PolicyDocumentSources"/>), every statement that allows in some branch. Deny statements and
    /// statements whose Effect is unknown are never visited. Rules report through <see cref="StatementFindings"/>:
    /// a value reached only on a path no Allow branch of the Effect can share ("C is true" for Allow, "C is false" for
    /// the value) is dropped, and one statement gets one finding per rule and key (e.g. per element), naming the
    /// first paths and "and N more", however many one-of branches lead to it.
    /// </summary>
    public abstract class PolicyStatementRule : Rule
    {
        protected PolicyStatementRule(RuleInfo info, IReadOnlyList<string> resourceTypes)
            : base(info, ToArray(resourceTypes))
        {
        }

        /// <summary>False to skip a document (by kind or resource type).</summary>
        protected virtual bool Applies(ResourceView resource, PolicyDocument document) => true;

        /// <summary>Judges one allowing statement, adding what it finds to <paramref name="found"/>.</summary>
        protected abstract void AnalyzeStatement(ResourceView resource, PolicyStatement statement, StatementFindings found);

        public override void Analyze(ResourceView resource, IList<Finding> findings)
        {
            IamMatchBudget? budget = null;
            foreach (var document in PolicyDocumentSources.Documents(resource))
            {
                if (!Applies(resource, document))
                {
                    continue;
                }

                foreach (var statement in document.Statements)
                {
                    var allow = statement.AllowPaths();
                    if (allow.Count > 0)
                    {
                        budget ??= new IamMatchBudget();
                        var found = new StatementFindings(allow) { Budget = budget };
                        AnalyzeStatement(resource, statement, found);
                        found.AddTo(findings);
                    }
                }
            }
        }

        /// <summary>
        /// What one rule finds in one statement, grouped by key: the first value of a key gives the location and the
        /// message, the paths of all of them the "when ..." part (<see cref="FindingText.Paths"/>).
        /// </summary>
        protected sealed class StatementFindings
        {
            private readonly IReadOnlyList<BranchPath?> allow;
            private readonly List<Group> groups = new List<Group>();

            internal StatementFindings(IReadOnlyList<BranchPath?> allow)
            {
                this.allow = allow;
            }

            /// <summary>The IAM matching budget of this resource's analysis by this rule (when the context has none).</summary>
            public IamMatchBudget Budget { get; internal set; } = new IamMatchBudget();

            /// <summary>
            /// <paramref name="path"/> joined with the first Allow branch of the Effect it can be taken with; false when
            /// it contradicts every one (the statement never allows on that path).
            /// </summary>
            public bool TryAllow(BranchPath? path, out BranchPath? joined)
            {
                foreach (var a in allow)
                {
                    joined = BranchPath.Join(a, path);
                    if (joined == null || joined.IsConsistent)
                    {
                        return true;
                    }
                }

                joined = null;
                return false;
            }

            /// <summary>
            /// Records <paramref name="value"/>, reached on <paramref name="path"/>, under <paramref name="key"/> (ignored
            /// when no Allow branch can be taken with the path). The first value of a key makes the finding:
            /// <paramref name="create"/> gets it and the detail suffix (branches and provenance).
            /// </summary>
            public void Add(string key, Value value, BranchPath? path, Func<Value, string, Finding> create)
            {
                if (!TryAllow(path, out var joined))
                {
                    return;
                }

                foreach (var g in groups)
                {
                    if (g.Key == key)
                    {
                        g.Add(value, joined);
                        return;
                    }
                }

                var group = new Group(key, create);
                group.Add(value, joined);
                groups.Add(group);
            }

            internal void AddTo(IList<Finding> findings)
            {
                foreach (var g in groups)
                {
                    findings.Add(g.Create());
                }
            }

            private sealed class Group
            {
                private readonly Func<Value, string, Finding> create;
                private readonly List<Value> values = new List<Value>();
                private readonly List<BranchPath?> paths = new List<BranchPath?>();
                private bool anyWithoutPath;

                public Group(string key, Func<Value, string, Finding> create)
                {
                    Key = key;
                    this.create = create;
                }

                public string Key { get; }

                public void Add(Value value, BranchPath? path)
                {
                    values.Add(value);
                    paths.Add(path);
                    anyWithoutPath |= path == null;
                }

                public Finding Create()
                {
                    // A value reached without a branch makes the finding hold always: no "when ..." then.
                    var parts = new List<string?> { anyWithoutPath ? null : FindingText.Paths(paths) };
                    for (var i = 0; i < values.Count && i < FindingText.ShownPaths; i++)
                    {
                        parts.Add(FindingText.From(values[i]));
                    }

                    var first = anyWithoutPath ? values[paths.IndexOf(null)] : values[0];
                    return create(first, FindingText.Suffix(parts));
                }
            }
        }

        /// <summary>True for an action pattern that matches every action: <c>*</c>, <c>*:*</c>, <c>**</c>.</summary>
        protected static bool IsEveryAction(string action)
        {
            var colon = action.IndexOf(':');
            if (colon < 0)
            {
                return action.Length > 0 && action.Trim('*').Length == 0;
            }

            return colon > 0 && colon < action.Length - 1 && action.Trim('*') == ":";
        }

        private static string[] ToArray(IReadOnlyList<string> list)
        {
            var a = new string[list.Count];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = list[i];
            }

            return a;
        }
    }
}
