using System;
using System.Collections.Generic;
using System.Linq;
using IacAnalyzers.Host;
using IacAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IacAnalyzers.Cdk
{
    /// <summary>Local data flow: a local's last definite write before the use, member writes applied in order, escapes, and arguments bound to a helper's parameters.</summary>
    public sealed partial class ValueResolver
    {
        /// <summary>
        /// A construct's own property writes after its creation (<c>var db = new CfnDBInstance(...); db.MultiAz = true;</c>),
        /// in order: last write wins. Conditional writes become unknown. Empty when the construct is not held in a local.
        /// </summary>
        public IReadOnlyList<MapEntry> WritesAfterCreation(IObjectCreationOperation creation)
        {
            var local = DeclaredLocal(creation);
            if (local == null)
            {
                return Array.Empty<MapEntry>();
            }

            var index = indexes.Of(creation);
            List<MapEntry>? result = null;
            foreach (var w in index.MemberWritesOf(local))
            {
                if (w.Start < creation.Syntax.Span.End || w.Path.Length != 1)
                {
                    continue;
                }

                var key = Locations.FromSyntax(w.Target.Syntax);
                var value = w.Value == null || w.IfUnset || !BodyIndex.Dominates(w.Node, creation)
                    ? Unknown("changed conditionally after creation", w.Node.Syntax)
                    : Resolve(w.Value, Env.Empty);
                (result ??= new List<MapEntry>()).Add(new MapEntry(w.Path[0], key, value));
            }

            return (IReadOnlyList<MapEntry>?)result ?? Array.Empty<MapEntry>();
        }

        /// <summary>The local a creation is stored in (<c>var x = new ...;</c> or <c>x = new ...;</c>), or null.</summary>
        public static ILocalSymbol? DeclaredLocal(IOperation creation)
        {
            var p = creation.Parent;
            while (p is IConversionOperation)
            {
                p = p.Parent;
            }

            if (p is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator)
            {
                return declarator.Symbol;
            }

            if (p is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target)
            {
                return target.Local;
            }

            return null;
        }

        // ---- names: locals, parameters, fields, properties, helper methods ----------------------------------

        private Value ResolveLocal(ILocalReferenceOperation reference, Env env)
        {
            var local = reference.Local;
            if (local.IsRef || local.IsConst)
            {
                return Unknown("a ref local", reference.Syntax);
            }

            if (!active.Add(local))
            {
                return Unknown("a local that refers to itself", reference.Syntax);
            }

            try
            {
                var index = indexes.Of(reference);
                var use = reference.Syntax.SpanStart;
                BodyIndex.Write? last = null;
                var ifUnset = new List<BodyIndex.Write>(0);
                var uncertain = false;
                var writes = index.WritesOf(local);
                if (writes.Count == 0 && ForEachOf(reference) is IForEachLoopOperation loop)
                {
                    return ResolveLoopVariable(loop, reference, env);
                }

                foreach (var write in writes)
                {
                    if (write.End <= use)
                    {
                        if (!write.Opaque && write.Value != null && BodyIndex.Dominates(write.Node, reference))
                        {
                            if (write.IfUnset)
                            {
                                // Applied to the value before it; without one, nothing is known.
                                ifUnset.Add(write);
                                uncertain |= last == null;
                                continue;
                            }

                            last = write;
                            ifUnset.Clear();
                            uncertain = false;
                        }
                        else
                        {
                            // A later conditional or opaque write makes the value uncertain; an earlier one is overwritten.
                            uncertain = true;
                        }
                    }
                    else if (write.Start > use && BodyIndex.InSameLoop(write.Node, reference))
                    {
                        uncertain = true;
                    }
                }

                if (last == null || uncertain)
                {
                    return Unknown(last == null ? "a local without a definite value" : "a local changed conditionally", reference.Syntax);
                }

                var value = Resolve(last.Value!, env);
                foreach (var write in ifUnset)
                {
                    // `x ??= v;` after a known write: v when x is null, x otherwise.
                    value = IsNull(value) ? Resolve(write.Value!, env)
                        : value is ScalarValue || value is MapValue || value is ListValue ? value
                        : Unknown("a local set only when it is null", reference.Syntax);
                    last = write;
                }

                if (CdkValues.ConstructId(value) != null)
                {
                    // A construct is an identity, not data: passing it around or setting its properties does not change it.
                    return value;
                }

                if ((value is MapValue || value is ListValue) && symbols.Facts.MayBeChangedByOthers(local.Type))
                {
                    // A mutable object handed to other code before the use may have been changed there.
                    foreach (var escape in index.EscapesOf(local))
                    {
                        if (escape > last.End && escape < use)
                        {
                            return Unknown("an object passed elsewhere before use", reference.Syntax);
                        }
                    }
                }

                value = ApplyCollectionCalls(value, index, local, last.End, reference, env);
                if (value is UnknownValue)
                {
                    return value;
                }

                value = ApplyMemberWrites(value, index, local, last.End, reference, env, out var mutated);
                if (mutated && value is MapValue mutatedMap)
                {
                    // The object is completed by later statements: it is located at the use, so no fix edits its initializer.
                    return new MapValue(mutatedMap.Entries, Locations.FromSyntax(reference.Syntax), mutatedMap.Provenance);
                }

                return Relocate(value, reference.Syntax, "the local `" + local.Name + "`");
            }
            finally
            {
                active.Remove(local);
            }
        }

        /// <summary>Methods of the framework's collections that do not change them (<c>list.Contains(x)</c>, <c>list.ToArray()</c>).</summary>
        private static readonly HashSet<string> ReadOnlyCollectionMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Contains", "ContainsKey", "ContainsValue", "TryGetValue", "IndexOf", "LastIndexOf", "Exists", "Find", "FindAll",
            "FindIndex", "FindLast", "FindLastIndex", "TrueForAll", "ToArray", "GetRange", "ConvertAll", "CopyTo",
            "GetEnumerator", "BinarySearch", "Equals", "GetHashCode", "ToString", "GetType", "AsReadOnly", "ForEach",
        };

        /// <summary>
        /// Calls on a framework collection held in <paramref name="local"/> between its last write and the use:
        /// <c>list.Add(x)</c>, <c>list.AddRange(xs)</c> and <c>dictionary.Add(k, v)</c> that run whenever the use runs are
        /// applied in order; read-only calls change nothing; anything else (a conditional or looped Add, Remove, Clear,
        /// Insert, a range we cannot read) makes the value unknown, as a conditional write to the local does.
        /// Calls on CDK objects (<c>statement.AddActions(...)</c>) are read by their adapters, not here.
        /// </summary>
        private Value ApplyCollectionCalls(Value value, BodyIndex index, ILocalSymbol local, int after, ILocalReferenceOperation use, Env env)
        {
            if (!(value is ListValue || value is MapValue) || CdkValues.TypeName(value) != null)
            {
                return value;
            }

            var at = use.Syntax.SpanStart;
            var changed = value;
            foreach (var call in index.CallsOn(local))
            {
                var method = call.TargetMethod;
                var start = call.Syntax.SpanStart;
                var before = start >= after && start < at;
                if ((!before && !(start > at && BodyIndex.InSameLoop(call, use)))
                    || method.ContainingType?.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) != true
                    || ReadOnlyCollectionMethods.Contains(method.Name))
                {
                    continue;
                }

                if (before && changed is ListValue unchanged && IsListAdd(call) && GuardingIf(call, use) is IConditionalOperation guard)
                {
                    // `if (c) { list.AddRange(xs); }` before the use: one of the list with the items (c true) or without.
                    if (!(ItemsAdded(call, unchanged.Location, env) is ListValue more))
                    {
                        return Unknown("a collection changed in a way the analyzer does not follow", use.Syntax);
                    }

                    var text = Label(guard.Condition.Syntax);
                    changed = new OneOfValue(
                        new[]
                        {
                            new Branch(Condition.CSharp(text), true, new ListValue(unchanged.Items.Concat(more.Items).ToList(), unchanged.Location, unchanged.Provenance)),
                            new Branch(Condition.CSharp(text), false, unchanged),
                        },
                        unchanged.Location);
                    continue;
                }

                if (!before || !BodyIndex.Dominates(call, use) || BodyIndex.InSameLoop(call, use) || !(changed is ListValue || changed is MapValue))
                {
                    return Unknown("a collection changed conditionally before use", use.Syntax);
                }

                if (changed is ListValue list && IsListAdd(call) && ItemsAdded(call, list.Location, env) is ListValue added)
                {
                    changed = new ListValue(list.Items.Concat(added.Items).ToList(), list.Location, list.Provenance);
                }
                else if (changed is MapValue map && method.Name == "Add" && call.Arguments.Length == 2
                         && Resolve(call.Arguments[0].Value, env) is ScalarValue key && key.Kind != ScalarKind.Null && map.Get(key.Text) == null)
                {
                    var entries = new List<MapEntry>(map.Entries) { new MapEntry(key.Text, Locations.FromSyntax(call.Arguments[0].Value.Syntax), Resolve(call.Arguments[1].Value, env)) };
                    changed = new MapValue(entries, map.Location, map.Provenance);
                }
                else
                {
                    return Unknown("a collection changed in a way the analyzer does not follow", use.Syntax);
                }
            }

            return changed;
        }

        /// <summary><c>list.Add(x)</c> or <c>list.AddRange(xs)</c>.</summary>
        private static bool IsListAdd(IInvocationOperation call)
            => (call.TargetMethod.Name == "Add" || call.TargetMethod.Name == "AddRange") && call.Arguments.Length == 1;

        /// <summary>The items a list <c>Add</c> (one) or <c>AddRange</c> (a list it can read) appends; otherwise not a list.</summary>
        private Value ItemsAdded(IInvocationOperation call, SourceLocation location, Env env)
        {
            var argument = Resolve(call.Arguments[0].Value, env);
            return call.TargetMethod.Name == "Add" ? new ListValue(new[] { argument }, location) : argument;
        }

        /// <summary>
        /// The <c>if</c> without <c>else</c> whose branch holds <paramref name="call"/> as a plain statement, when that
        /// branch has only expression statements (no jump can skip the rest of the body) and the <c>if</c> itself runs
        /// whenever <paramref name="use"/> does, outside any loop around the use; otherwise null.
        /// </summary>
        private static IConditionalOperation? GuardingIf(IInvocationOperation call, IOperation use)
        {
            if (!(call.Parent is IExpressionStatementOperation statement))
            {
                return null;
            }

            var branch = statement.Parent is IBlockOperation block ? (IOperation)block : statement;
            if (!(branch.Parent is IConditionalOperation guard) || !ReferenceEquals(guard.WhenTrue, branch) || guard.WhenFalse != null
                || !(guard.Parent is IBlockOperation) || !BodyIndex.Dominates(guard, use) || BodyIndex.InSameLoop(guard, use))
            {
                return null;
            }

            if (branch is IBlockOperation body && body.Operations.Any(o => !(o is IExpressionStatementOperation)))
            {
                return null;
            }

            return guard;
        }

        private Value ApplyMemberWrites(Value value, BodyIndex index, ILocalSymbol local, int after, ILocalReferenceOperation use, Env env, out bool mutated)
        {
            mutated = false;
            var writes = index.MemberWritesOf(local);
            if (writes.Count == 0)
            {
                return value;
            }

            var position = use.Syntax.SpanStart;
            foreach (var write in writes)
            {
                if (write.Start < after || write.End > position)
                {
                    if (write.Start > position && BodyIndex.InSameLoop(write.Node, use))
                    {
                        return Unknown("an object changed in a loop", use.Syntax);
                    }

                    continue;
                }

                if (!(value is MapValue map))
                {
                    return Unknown("an object changed after it was built", use.Syntax);
                }

                mutated = true;
                var written = write.Value == null || !BodyIndex.Dominates(write.Node, use)
                    ? Unknown("changed conditionally", write.Node.Syntax)
                    : Resolve(write.Value, env);
                if (write.IfUnset)
                {
                    // `props.Encrypted ??= false;`: the member as it is when set, the value when it is not.
                    var current = write.Path.Length == 1 ? map.Get(write.Path[0]) : null;
                    if (current != null && !IsNull(current))
                    {
                        written = current is ScalarValue || current is MapValue || current is ListValue ? current : Unknown("set only when not set", write.Node.Syntax);
                        if (!(written is UnknownValue))
                        {
                            continue;
                        }
                    }
                    else if (write.Path.Length != 1)
                    {
                        written = Unknown("a nested member set only when not set", write.Node.Syntax);
                    }
                }

                value = With(map, write.Path, 0, Locations.FromSyntax(write.Target.Syntax), written, write.Node.Syntax);
            }

            return value;
        }

        private static Value With(MapValue map, string[] path, int at, SourceLocation keyLocation, Value value, SyntaxNode writeSyntax)
        {
            var entries = new List<MapEntry>(map.Entries.Count + 1);
            entries.AddRange(map.Entries);
            if (at == path.Length - 1)
            {
                if (IsNull(value))
                {
                    // `props.Encrypted = null;` unsets the member: the default applies again.
                    entries.RemoveAll(e => string.Equals(e.Key, path[at], StringComparison.OrdinalIgnoreCase));
                }
                else
                {
                    entries.Add(new MapEntry(path[at], keyLocation, value));
                }
            }
            else
            {
                var inner = map.Get(path[at]);
                var replaced = inner is MapValue innerMap
                    ? With(innerMap, path, at + 1, keyLocation, value, writeSyntax)
                    : Unknown("a nested object changed after it was built", writeSyntax);
                entries.Add(new MapEntry(path[at], keyLocation, replaced));
            }

            return new MapValue(entries, map.Location, map.Provenance);
        }

        /// <summary>The <c>foreach</c> whose iteration variable <paramref name="reference"/> reads, or null.</summary>
        private static IForEachLoopOperation? ForEachOf(ILocalReferenceOperation reference)
        {
            for (var p = reference.Parent; p != null; p = p.Parent)
            {
                if (p is IForEachLoopOperation loop && loop.LoopControlVariable is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
                {
                    return loop;
                }
            }

            return null;
        }

        /// <summary>
        /// <c>foreach (var port in new[] { 22, 3389 })</c>: the body runs once per element, so the variable is a one-of
        /// over the elements of a collection we know ("when `port` is 22"), each reported at the use, naming the variable.
        /// </summary>
        private Value ResolveLoopVariable(IForEachLoopOperation loop, ILocalReferenceOperation reference, Env env)
        {
            var name = reference.Local.Name;
            if (!(Resolve(loop.Collection, env) is ListValue list) || list.Items.Count == 0 || list.Items.Count > MaxLoopItems)
            {
                return Unknown("a loop variable over a collection we cannot list", reference.Syntax);
            }

            var provenance = "the loop variable `" + name + "`";
            if (list.Items.Count == 1)
            {
                return Relocate(list.Items[0], reference.Syntax, provenance);
            }

            var branches = new List<Branch>(list.Items.Count);
            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = list.Items[i];
                var label = item is ScalarValue scalar ? "`" + name + "` is " + (scalar.Kind == ScalarKind.String ? "\"" + scalar.Text + "\"" : scalar.Text) : "`" + name + "` is item " + (i + 1);
                branches.Add(new Branch(Condition.Case(label), true, Relocate(item, reference.Syntax, provenance)));
            }

            return new OneOfValue(branches, Locations.FromSyntax(reference.Syntax));
        }

        private Value ResolveParameter(IParameterReferenceOperation reference, Env env)
        {
            for (var frame = env; frame != null && frame.Arguments != null; frame = frame.Outer)
            {
                if (frame.Arguments.TryGetValue(reference.Parameter, out var argument))
                {
                    var value = Resolve(argument, frame.Outer ?? Env.Empty);
                    return value is ScalarValue s && s.Provenance == null
                        ? s.WithProvenance(IacAnalyzers.Model.Provenance.NamedConstant("the argument for `" + reference.Parameter.Name + "` of `" + frame.Method + "`"))
                        : value;
                }
            }

            return FromCallSites(reference);
        }

        /// <summary>
        /// A parameter of a method or constructor whose calls are all in the compilation (<see cref="CallSites"/>): the
        /// argument each call passes (or the parameter's default where it passes none), reported at the use and naming the
        /// call. Calls that pass the same value give that value; different values give a one-of, a branch per call ("when
        /// called at `new DbStack(app, "Db")` in Program.cs line 9"). Unknown when the calls cannot all be known, when
        /// there are none, when the body writes the parameter, or past <see cref="MaxCallHops"/> callers up.
        /// </summary>
        private Value FromCallSites(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            if (!(parameter.ContainingSymbol is IMethodSymbol method) || parameter.RefKind != RefKind.None || callHops >= MaxCallHops)
            {
                return Unknown("a parameter", reference.Syntax);
            }

            if (indexes.Of(reference).IsWritten(parameter))
            {
                return Unknown("a parameter the method changes", reference.Syntax);
            }

            var calls = symbols.CallSites.Of(method, cancellationToken);
            if (calls.Sites == null)
            {
                return Unknown(calls.Why, reference.Syntax);
            }

            if (calls.Sites.Count == 0)
            {
                return Unknown("a parameter of a method nobody calls", reference.Syntax);
            }

            if (!active.Add(parameter.OriginalDefinition))
            {
                return Unknown("a parameter passed around in a cycle", reference.Syntax);
            }

            callHops++;
            try
            {
                var values = new List<(Value Value, string Where)>(calls.Sites.Count);
                foreach (var site in calls.Sites)
                {
                    var argument = ArgumentFor(site.Arguments, parameter.OriginalDefinition);
                    // Written once per site; two threads may both make the same string.
                    var where = site.Where ??= Where(site.Syntax);
                    if (argument == null)
                    {
                        return Unknown("a parameter we cannot match to its argument", reference.Syntax);
                    }

                    var provenance = argument.ArgumentKind == ArgumentKind.DefaultValue
                        ? "the default of `" + parameter.Name + "`, which " + where + " does not pass"
                        : "the argument for `" + parameter.Name + "` at " + where;
                    var value = Resolve(argument.Value, Env.Empty);
                    values.Add((RelocateItems(Relocate(value, reference.Syntax, provenance), reference.Syntax, provenance), where));
                }

                return OneOfCalls(values, parameter.Name, reference);
            }
            finally
            {
                callHops--;
                active.Remove(parameter.OriginalDefinition);
            }
        }

        private static IArgumentOperation? ArgumentFor(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IParameterSymbol parameter)
        {
            foreach (var a in arguments)
            {
                if (a.Parameter != null && SymbolEqualityComparer.Default.Equals(a.Parameter.OriginalDefinition, parameter))
                {
                    return a;
                }
            }

            return null;
        }

        /// <summary>One value when every call passes the same scalar; otherwise a branch per call (equal scalars share one).</summary>
        private static Value OneOfCalls(List<(Value Value, string Where)> values, string name, IOperation reference)
        {
            if (values.Count == 1)
            {
                return values[0].Value;
            }

            var branches = new List<Branch>(values.Count);
            var used = new bool[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                if (used[i])
                {
                    continue;
                }

                var label = values[i].Where;
                var same = 1;
                for (var j = i + 1; j < values.Count; j++)
                {
                    if (!used[j] && values[i].Value is ScalarValue a && values[j].Value is ScalarValue b && a.Kind == b.Kind && a.Text == b.Text)
                    {
                        used[j] = true;
                        label += " or " + values[j].Where;
                        same++;
                    }
                }

                if (same == values.Count && values[i].Value is ScalarValue all)
                {
                    return new ScalarValue(all.Text, all.Kind, Locations.FromSyntax(reference.Syntax), IacAnalyzers.Model.Provenance.NamedConstant("`" + name + "`, the same at all " + values.Count + " calls"));
                }

                branches.Add(new Branch(Condition.Case("called at " + label), true, values[i].Value));
            }

            return new OneOfValue(branches, Locations.FromSyntax(reference.Syntax));
        }

        /// <summary>"`new DbStack(app, "Db")` in Program.cs line 9": a call named by its text and place.</summary>
        private static string Where(SyntaxNode call)
        {
            var path = call.SyntaxTree.FilePath ?? string.Empty;
            var file = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            var line = call.SyntaxTree.GetLineSpan(call.Span).StartLinePosition.Line + 1;
            return "`" + Label(call) + "` " + (file.Length == 0 ? "on" : "in " + file) + " line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
